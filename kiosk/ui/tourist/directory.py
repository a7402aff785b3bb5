"""Tourist directory: a market's stores as compact cards; search, category and pay-with filters."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from kiosk.domain.categories import Category
from kiosk.domain.formatting import format_price
from kiosk.domain.listing import MarketInfo, MarketMatches, StoreSummary
from kiosk.domain.payments import PaymentMethod
from kiosk.i18n import _, current_locale, ngettext
from kiosk.services.app import Services
from kiosk.services.values import Change, is_away
from kiosk.ui import theme
from kiosk.ui.models.store_list_model import PAGE_SIZE, StoreListModel, StoreRole
from kiosk.ui.ops import Debouncer, OpSlot
from kiosk.ui.tourist.directory_header import DirectoryHeader
from kiosk.ui.tourist.more_in_markets import MoreInMarkets
from kiosk.ui.widgets.search_assist import SearchAssist
from kiosk.ui.widgets.store_card import StoreGridView

#: Keystrokes closer together than this run one search (a newer one supersedes it anyway).
SEARCH_DEBOUNCE_MS = 25

#: The open-now state of the cards is worked out again this often.
CLOCK_MS = 60_000

_Filter = tuple[str, str, Category | None, PaymentMethod | None]
_Days = dict[str, frozenset[date]]


class TouristDirectoryScreen(QWidget):
    """Store directory of one market in the current language.

    States: loading (the first query running), failed (message), and ready. Data comes only
    from the ``Services`` it is built with (``reload`` lists the markets), always through
    background ops (``kiosk.ui.ops``): the GUI thread never queries. Typing is debounced and
    a newer search supersedes a running one (a superseded query that has not started never
    runs). The list shows a page at a time (``StoreListModel`` fetches more as the view
    scrolls) and the count comes from its own query after the page; the market's categories
    load beside its first page, and its search texts right after it (quietly), so the first
    keystroke does not wait for them. A ``Change`` passed to ``refresh_for`` reloads what
    shows. While the server is away the last good list stays (``_on_load_error``).
    """

    store_chosen = Signal(int)
    back_requested = Signal()
    #: The market shown first: this PC's home market, or the kiosk's ``--market`` (pinned).
    _home_slug: str | None
    _pinned_home: str | None

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tourist-directory")
        self._services = services
        self._markets_op = OpSlot(self)
        self._stores_op = OpSlot(self)
        self._page_op = OpSlot(self)
        self._count_op = OpSlot(self)
        self._prepare_op = OpSlot(self)
        self._categories_op = OpSlot(self)
        self._matches_op = OpSlot(self)
        self._search_debounce = Debouncer(self, self._refresh, SEARCH_DEBOUNCE_MS)
        self._shown_filter: _Filter | None = None
        self._has_results = False
        self._markets: list[MarketInfo] = []
        self._market_slug: str | None = None
        self._home_slug, self._pinned_home = None, None
        self._error = ""
        self.model = StoreListModel(locale=current_locale())
        self.model.fetcher = self._fetch_page

        outer = QVBoxLayout(self)
        outer.setContentsMargins(theme.GRID * 5, theme.GRID * 2, theme.GRID * 5, theme.GRID)
        outer.setSpacing(theme.GRID)
        self.header = DirectoryHeader()
        self.header.back_requested.connect(self.back_requested)
        self.header.search_edited.connect(lambda _text: self._search_debounce.trigger())
        self.header.filters_changed.connect(self._refresh)
        self.header.market_chosen.connect(self.select_market)
        outer.addWidget(self.header)
        self.more_in = MoreInMarkets()
        self.more_in.market_chosen.connect(self._on_more_in)
        self.assist = SearchAssist()
        self.assist.keep_to_one_row()
        self.assist.text_chosen.connect(self.header.search_edit.setText)
        self.header.search_edit.textChanged.connect(self.assist.set_text)
        self.header.extras.addWidget(self.more_in)
        self.header.extras.addWidget(self.assist, 1)
        # The parts tests and other screens reach (kept stable).
        self.back_button = self.header.back_button
        self.search_edit = self.header.search_edit
        self.category_combo = self.header.category_combo
        self.payment_combo = self.header.payment_combo
        self.title_label = self.header.title_label
        self.count_label = self.header.count_label
        self._clock = QTimer(self)
        self._clock.setInterval(CLOCK_MS)
        self._clock.timeout.connect(lambda: self.model.set_now(None))
        self._clock.start()

        self._pages = QStackedWidget()
        self.status_label = QLabel()
        self.status_label.setProperty("role", "muted")
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status_label.setWordWrap(True)
        self.grid = StoreGridView()
        self.grid.setModel(self.model)
        self.grid.clicked.connect(self._on_store_clicked)
        self.grid.activated.connect(self._on_store_clicked)
        self._pages.addWidget(self.status_label)
        self._pages.addWidget(self.grid)
        outer.addWidget(self._pages, 1)

        self.retranslate()
        self.reload()

    # State ----------------------------------------------------------------------
    def is_loading(self) -> bool:
        return not self._has_results and not self._error

    def markets(self) -> list[MarketInfo]:
        return list(self._markets)

    def market_slug(self) -> str | None:
        return self._market_slug

    def set_failed(self, message: str) -> None:
        """Show why the stores cannot be listed (the database could not be opened)."""
        self._error = message
        self._show_status()

    def reload(self) -> None:
        """List the markets and their holidays (in the background), then show one of them."""
        self._error = ""
        services, pinned = self._services, self._pinned_home

        def work() -> tuple[list[MarketInfo], str | None, _Days]:
            home = services.directory.home_market() if pinned is None else None
            slug = pinned if pinned is not None else (home.market_slug if home else None)
            return services.directory.list_markets(), slug, services.holidays.holiday_dates()

        self._markets_op.run(
            work,
            on_done=lambda found: self._on_markets_loaded(*found),
            on_error=self._on_load_error,
            name="markets",
        )

    def refresh_for(self, change: Change) -> None:
        """Reload after *change* when it touches the market on show (or the markets)."""
        if change.kind == "markets":
            self.reload()
        elif change.touches_market(self._market_slug):
            self._refresh()

    def pin_home_market(self, slug: str) -> None:
        """Open on market *slug* whatever this PC remembers (the kiosk's ``--market``)."""
        self._pinned_home = slug
        self._market_slug = None
        self.reload()

    def home_slug(self) -> str | None:
        """The market the directory returns to: home, else the first market."""
        slugs = [market.slug for market in self._markets]
        if self._home_slug in slugs:
            return self._home_slug
        return slugs[0] if slugs else None

    def go_home_market(self) -> None:
        """Show the home market with the search and category filter cleared (idle reset)."""
        if (home := self.home_slug()) is not None:
            self.select_market(home)

    def _on_markets_loaded(self, markets: list[MarketInfo], home: str | None, days: _Days) -> None:
        self._error = ""
        self.model.set_holidays(days)
        self._markets = markets
        self._home_slug = home
        self.header.set_markets(self._markets, self._market_slug)
        slugs = [market.slug for market in self._markets]
        if slugs:
            current = self._market_slug
            self.select_market(current if current in slugs else self.home_slug() or slugs[0])
        else:
            self._market_slug = None
            self._has_results = True
            self.retranslate()

    def select_market(self, slug: str, *, query: str = "") -> None:
        """Show the stores of market *slug*; the filters are cleared and the search holds
        *query* (nothing unless the tourist followed "3 more in ...")."""
        slugs = [market.slug for market in self._markets]
        if slug not in slugs:
            known = ", ".join(slugs)
            raise KeyError(f"no market {slug!r} in the directory (known: {known})")
        self._market_slug = slug
        self.header.show_market(slug)
        self.header.clear_filters(query=query)
        self.assist.set_text(query)
        self.retranslate()
        self._refresh(with_categories=True)

    # Language ---------------------------------------------------------------------
    def retranslate(self) -> None:
        """Show the texts and data in the current language (``kiosk.i18n``)."""
        locale = current_locale()
        self.model.set_locale(locale)
        self.header.retranslate()
        self.assist.retranslate()
        self.more_in.retranslate()
        current = self._current_market()
        self.title_label.setText(current.name.get(locale) if current else _("Store directory"))
        self.header.city_label.setText(current.city.get(locale) if current else "")
        self._update_count()
        self._show_status()

    # Helpers ------------------------------------------------------------------------
    def _current_market(self) -> MarketInfo | None:
        for market in self._markets:
            if market.slug == self._market_slug:
                return market
        return None

    def _refresh(self, *, with_categories: bool = False) -> None:
        """Query the first page in the background; a newer query supersedes this one."""
        self._search_debounce.cancel()
        self._page_op.cancel()
        self._count_op.cancel()
        services, slug = self._services, self._market_slug
        if slug is None:
            self.model.set_stores([])
            self._update_count()
            self._show_status()
            return
        query = self.search_edit.text().strip()
        category = self.category_combo.current()
        payment = self.payment_combo.current_method()
        shown: _Filter = (slug, query, category, payment)
        locale = current_locale()

        def work() -> list[StoreSummary]:
            format_price(0, locale)  # Babel's first load (~150 ms) here, not in the first paint
            return services.directory.list_stores(
                market_slug=slug,
                query=query,
                category=category,
                payment=payment,
                limit=PAGE_SIZE + 1,
            )

        self._stores_op.run(
            work,
            on_done=lambda stores: self._on_stores_loaded(shown, stores, opened=with_categories),
            on_error=self._on_load_error,
            name="stores",
        )
        self._find_elsewhere(slug, query)
        if with_categories:  # beside the first page, not before it (one aggregate query)
            self._categories_op.run(
                lambda: services.directory.market_categories(market_slug=slug),
                on_done=lambda present: self._on_categories_loaded(slug, present),
                on_error=self._on_load_error,
                name="categories",
            )

    def _find_elsewhere(self, slug: str, query: str) -> None:
        """Count the search's stores in the other markets (in the background; any category,
        as following one clears the category)."""
        self._matches_op.cancel()
        self.more_in.set_matches([], shown_slug=slug)
        if not query or len(self._markets) < 2:
            return
        services = self._services

        def work() -> list[MarketMatches]:
            return services.directory.market_matches(query=query, home_slug=slug)

        def done(matches: list[MarketMatches]) -> None:
            if slug == self._market_slug and query == self.search_edit.text().strip():
                self.more_in.set_matches(matches, shown_slug=slug)

        self._matches_op.run(work, on_done=done, on_error=lambda _exc: None, name="matches")

    def _on_more_in(self, slug: str) -> None:
        self.select_market(slug, query=self.search_edit.text().strip())

    def _on_categories_loaded(self, slug: str, present: list[Category]) -> None:
        if slug == self._market_slug:
            self.category_combo.offer(present)

    def _on_stores_loaded(
        self, shown: _Filter, stores: list[StoreSummary], *, opened: bool
    ) -> None:
        self._error = ""
        if opened:
            self._prepare_search(shown[0])
        self._has_results = True
        self._shown_filter = shown
        more = len(stores) > PAGE_SIZE
        self.model.show_page(stores[:PAGE_SIZE], more=more)
        if more:
            self._count(shown, self.model.generation())
        else:
            self.model.set_total(len(stores))
        self._update_count()
        self._show_status()

    def _prepare_search(self, slug: str) -> None:
        """Load the market's search texts now, quietly, so the first keystroke is quick."""
        services = self._services
        self._prepare_op.run(
            lambda: services.directory.prepare_search(market_slug=slug),
            on_done=lambda _none: None,
            on_error=lambda _exc: None,  # the search itself reports a failing database
            name="prepare search",
            quiet=True,
        )

    def _count(self, shown: _Filter, generation: int) -> None:
        """Count every match in the background (after the first page is on screen)."""
        services = self._services
        slug, query, category, payment = shown

        def work() -> int:
            return services.directory.count_stores(
                market_slug=slug, query=query, category=category, payment=payment
            )

        def done(total: int) -> None:
            if generation == self.model.generation():
                self.model.set_total(total)
                self._update_count()

        self._count_op.run(work, on_done=done, on_error=self._on_load_error, name="count")

    def _fetch_page(self, generation: int, offset: int) -> None:
        """The view scrolled near the end: fetch the next page of the shown result."""
        services, shown = self._services, self._shown_filter
        if shown is None:
            self.model.fetch_failed(generation)
            return
        slug, query, category, payment = shown

        def work() -> list[StoreSummary]:
            return services.directory.list_stores(
                market_slug=slug,
                query=query,
                category=category,
                payment=payment,
                offset=offset,
                limit=PAGE_SIZE + 1,
            )

        def done(stores: list[StoreSummary]) -> None:
            self.model.append_page(generation, stores[:PAGE_SIZE], more=len(stores) > PAGE_SIZE)

        def failed(exc: Exception) -> None:
            self.model.fetch_failed(generation)
            self._on_load_error(exc)

        self._page_op.run(work, on_done=done, on_error=failed, name="page")

    def _on_load_error(self, exc: Exception) -> None:
        if not (is_away(exc) and self.model.rowCount()):  # away: the last good list stays
            self._error = str(exc) or type(exc).__name__
            self._show_status()

    def _update_count(self) -> None:
        if not self._has_results:
            self.count_label.setText("")
            return
        n = self.model.total()
        if n is None:  # counting in the background; the first page is already on show
            self.count_label.setText("")
            return
        self.count_label.setText(ngettext("%(n)d store", "%(n)d stores", n) % {"n": n})

    def _show_status(self) -> None:
        if self._error:
            text = _("The store list cannot be shown right now.") + "\n\n" + self._error
        elif self.is_loading():
            text = _("Loading stores…")
        elif not self._markets:
            text = _("No markets have been set up yet.")
        elif self.model.rowCount() == 0:
            text = _("No store matches your search. Try another word or all categories.")
        else:
            self._pages.setCurrentWidget(self.grid)
            return
        self.status_label.setText(text)
        self._pages.setCurrentWidget(self.status_label)

    # Handlers ---------------------------------------------------------------------------
    def _on_store_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.store_chosen.emit(int(index.data(StoreRole.STORE_ID)))
