"""Markets: add, rename and remove one (the demo markets too, so a real market starts clean)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.access import Actor
from kiosk.domain.listing import MarketInfo
from kiosk.domain.locales import LOCALES, NATIVE_NAMES, LocaleCode
from kiosk.i18n import _, current_locale
from kiosk.services.app import Services
from kiosk.ui import ops, theme
from kiosk.ui.manager.page_frame import ManagerPage, row_layout, status_line
from kiosk.ui.manager.this_pc_home import ThisPcHome
from kiosk.ui.widgets.flow_layout import FlowLayout

SCREEN = "manager-markets"
#: Narrower than this (a portrait screen) the form goes under the list: beside it, the
#: names and cities of the five languages were cut ("Bansong Big Market" at 1080x1920).
FORM_BESIDE_LIST = 1200


class ManagerMarketsScreen(ManagerPage):
    """A list of markets and one form; removing asks a second time, naming the store count."""

    changed = Signal()
    #: "Search words" pressed: the market's slug (its synonym list).
    synonyms_requested = Signal(str)
    #: "Holidays" pressed: the market's slug (its market holidays).
    holidays_requested = Signal(str)
    rates_requested = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(SCREEN, "markets", parent)
        self._services = services
        self._actor: Actor | None = None
        self._markets: list[MarketInfo] = []
        self._armed_remove: str | None = None
        self._slot = ops.OpSlot(self)
        body = QHBoxLayout()
        body.setSpacing(theme.GRID * 4)
        body.addLayout(self._build_list(), 2)
        body.addLayout(self._build_form(), 3)
        self.add(body, 1)
        self.stack_below(body, FORM_BESIDE_LIST)
        self.retranslate()
        self.reload()

    def _build_list(self) -> QVBoxLayout:
        """The markets, "New market" under them, and the market this PC shows."""
        left = QVBoxLayout()
        self.market_list = QListWidget()
        self.market_list.setObjectName("market-list")
        self.market_list.currentItemChanged.connect(self._on_current)
        self.new_button = QPushButton()
        self.new_button.setObjectName("new-market")
        self.new_button.clicked.connect(self.start_new)
        self.this_pc = ThisPcHome(self._services)
        self.rates_button = QPushButton()
        self.rates_button.setObjectName("open-rates")
        self.rates_button.clicked.connect(self.rates_requested.emit)
        left.addWidget(self.market_list, 1)
        # Wraps in a narrow column (portrait) instead of squeezing the buttons' words.
        buttons = FlowLayout(spacing=theme.GRID * 2)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.rates_button)
        left.addLayout(buttons)
        left.addSpacing(theme.GRID)
        left.addWidget(self.this_pc)
        return left

    def _build_form(self) -> QVBoxLayout:
        """The chosen market: its key, the five names and cities, Save and Remove."""
        form = QVBoxLayout()
        form.setSpacing(theme.GRID)
        self.form_title = QLabel()
        self.form_title.setProperty("role", "heading")
        self.slug_title = QLabel()
        self.slug_title.setProperty("role", "field")
        self.slug = QLineEdit()
        self.slug.setObjectName("market-slug")
        self.slug_hint = QLabel()
        self.slug_hint.setProperty("role", "hint")
        self.slug_hint.setWordWrap(True)
        self.save_button = QPushButton()
        self.save_button.setObjectName("save-market")
        self.save_button.setProperty("kind", "primary")
        self.save_button.clicked.connect(self.save)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("remove-market")
        self.remove_button.clicked.connect(self.remove)
        self.synonyms_button = QPushButton()
        self.synonyms_button.setObjectName("market-synonyms")
        self.synonyms_button.clicked.connect(self._on_synonyms)
        self.holidays_button = QPushButton()
        self.holidays_button.setObjectName("market-holidays")
        self.holidays_button.clicked.connect(self._on_holidays)
        self.message = status_line("markets-message")
        form.addWidget(self.form_title)
        form.addLayout(row_layout(self.slug_title, (self.slug, 1), spacing=theme.GRID * 2))
        form.addWidget(self.slug_hint)
        form.addLayout(self._build_names())
        form.addWidget(self.site_hint)
        buttons = FlowLayout(spacing=theme.GRID * 2)  # wraps in portrait, never squeezed
        for button in (self.save_button, self.synonyms_button, self.holidays_button):
            buttons.addWidget(button)
        buttons.addWidget(self.remove_button)  # asks a second time before it removes
        form.addLayout(buttons)
        form.addWidget(self.message)
        form.addStretch(1)
        return form

    def _build_names(self) -> QGridLayout:
        """Name and city per language, a row each."""
        grid = QGridLayout()
        grid.setHorizontalSpacing(theme.GRID * 2)
        grid.setVerticalSpacing(theme.GRID // 2)
        self.name_title = QLabel()
        self.name_title.setProperty("role", "field")
        self.city_title = QLabel()
        self.city_title.setProperty("role", "field")
        grid.addWidget(self.name_title, 0, 1)
        grid.addWidget(self.city_title, 0, 2)
        self.names: dict[LocaleCode, QLineEdit] = {}
        self.cities: dict[LocaleCode, QLineEdit] = {}
        for line, code in enumerate(LOCALES, start=1):
            label = QLabel(NATIVE_NAMES[code] + (" *" if code == "ko" else ""))
            self.names[code], self.cities[code] = QLineEdit(), QLineEdit()
            self.names[code].setObjectName(f"market-name-{code}")
            grid.addWidget(label, line, 0)
            grid.addWidget(self.names[code], line, 1)
            grid.addWidget(self.cities[code], line, 2)
        # The tourist website (kiosk.domain.site): one row under the names, its hint below.
        self.site_title = QLabel()
        self.site = QLineEdit()
        self.site.setObjectName("market-site")
        self.site.setPlaceholderText("https://")
        self.site.setProperty("free-text", True)  # a long address scrolls (self-test rule)
        self.site_hint = QLabel()
        self.site_hint.setProperty("role", "hint")
        self.site_hint.setWordWrap(True)
        grid.addWidget(self.site_title, len(LOCALES) + 1, 0)
        grid.addWidget(self.site, len(LOCALES) + 1, 1, 1, 2)
        return grid

    def set_actor(self, actor: Actor | None) -> None:
        self._actor = actor
        self.this_pc.set_actor(actor)

    def markets(self) -> list[MarketInfo]:
        return list(self._markets)

    def reload(self, select: str | None = None) -> None:
        services = self._services
        wanted = select or self.current_slug()
        self._slot.run(
            services.directory.list_markets,
            on_done=lambda m: self._on_loaded(m, wanted),
            name="markets",
        )
        self.this_pc.reload()

    def current_slug(self) -> str | None:
        item = self.market_list.currentItem()
        slug = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return slug if isinstance(slug, str) else None

    def select(self, slug: str) -> None:
        for row in range(self.market_list.count()):
            item = self.market_list.item(row)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == slug:
                self.market_list.setCurrentRow(row)

    def start_new(self) -> None:
        self.market_list.setCurrentRow(-1)
        self._fill(None)

    def save(self) -> None:
        services, actor = self._services, self._actor
        if actor is None:
            return
        name = {code: self.names[code].text() for code in LOCALES}
        city = {code: self.cities[code].text() for code in LOCALES}
        slug = self.slug.text().strip()
        existing = self.current_slug()
        site = self.site.text()

        def work() -> MarketInfo:
            from kiosk.domain.site import check_site_url

            address = check_site_url(site)  # refused before anything is saved
            if existing is not None:
                saved = services.listings.update_market(
                    actor=actor, slug=existing, name=name, city=city
                )
            else:
                saved = services.listings.create_market(
                    actor=actor, slug=slug, name=name, city=city
                )
            if address == saved.site_url:
                return saved
            return services.listings.set_market_site(actor=actor, slug=saved.slug, url=address)

        self._slot.run(work, on_done=self._on_saved, on_error=self._on_failed, name="save-market")

    def remove(self) -> None:
        """First press asks; the second press (same market) removes it with its stores."""
        services, actor, slug = self._services, self._actor, self.current_slug()
        if actor is None or slug is None:
            return
        market = next((m for m in self._markets if m.slug == slug), None)
        if self._armed_remove != slug:
            self._armed_remove = slug
            count = market.store_count if market else 0
            self.message.setText(
                "⚠ "
                + _(
                    "Remove {name} with its {count} stores and their goods? The audit log "
                    "keeps their history. Press Remove again to confirm."
                ).format(name=market.name.get(current_locale()) if market else slug, count=count)
            )
            return
        self._armed_remove = None

        def work() -> int:
            return services.listings.remove_market(actor=actor, slug=slug)

        self._slot.run(work, on_done=self._on_removed, on_error=self._on_failed, name="remove")

    def retranslate(self) -> None:
        self.header.retranslate()
        self.header.set_title(_("Markets"))
        self.new_button.setText("+ " + _("Add a market"))
        self.rates_button.setText(_("Exchange rates") + "  ›")
        self.slug_title.setText(_("Short name"))
        self.slug_hint.setText(
            _("Small letters, digits and '-', used by other PCs and commands; it cannot change.")
        )
        self.name_title.setText(_("Market name"))
        self.city_title.setText(_("City"))
        self.site_title.setText(_("Website"))
        self.site_hint.setText(
            _("Tourists' phone pages (market-kiosk publish); stands get their QR.")
        )
        self.save_button.setText(_("Save"))
        self.remove_button.setText(_("Remove market"))
        self.this_pc.retranslate()
        self.synonyms_button.setText(_("Search words…"))
        self.holidays_button.setText(_("Holidays…"))
        self._fill_list()
        self._retitle()

    # Internals -------------------------------------------------------------------------------
    def _retitle(self) -> None:
        editing = self.current_slug() is not None
        self.form_title.setText(_("Rename market") if editing else _("New market"))
        self.slug.setReadOnly(editing)
        self.remove_button.setEnabled(editing)
        self.synonyms_button.setEnabled(editing)
        self.holidays_button.setEnabled(editing)
        # The short-name rule matters while typing a new one; the website address belongs
        # to a market that exists (publish can set it too), so each shows only then.
        self.slug_hint.setVisible(not editing)
        for widget in (self.site_title, self.site, self.site_hint):
            widget.setVisible(editing)

    def _fill_list(self) -> None:
        current = self.current_slug()
        self.market_list.blockSignals(True)
        self.market_list.clear()
        for market in self._markets:
            label = _("{name} · {count} stores").format(
                name=market.name.get(current_locale()), count=market.store_count
            )
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, market.slug)
            self.market_list.addItem(item)
        self.market_list.blockSignals(False)
        if current is not None:
            self.select(current)

    def _fill(self, market: MarketInfo | None) -> None:
        self._armed_remove = None
        self.slug.setText(market.slug if market else "")
        for code in LOCALES:
            self.names[code].setText(market.name.values.get(code, "") if market else "")
            self.cities[code].setText(market.city.values.get(code, "") if market else "")
        self.site.setText(market.site_url if market else "")
        self._retitle()

    def _on_loaded(self, markets: list[MarketInfo], select: str | None) -> None:
        self._markets = markets
        self._fill_list()
        if select is not None:
            self.select(select)
        elif markets:
            self.market_list.setCurrentRow(0)
        self._on_current()

    def _on_current(self, *_args: object) -> None:
        slug = self.current_slug()
        self._fill(next((m for m in self._markets if m.slug == slug), None))

    def _on_synonyms(self) -> None:
        slug = self.current_slug()
        if slug is not None:
            self.synonyms_requested.emit(slug)

    def _on_holidays(self) -> None:
        slug = self.current_slug()
        if slug is not None:
            self.holidays_requested.emit(slug)

    def _on_saved(self, market: MarketInfo) -> None:
        self.message.setText("✓ " + _("Saved."))
        self.reload(select=market.slug)
        self.changed.emit()

    def _on_removed(self, count: int) -> None:
        self.message.setText("✓ " + _("Removed, with {count} stores.").format(count=count))
        self.market_list.setCurrentRow(-1)
        self.reload(select=None)
        self.changed.emit()

    def _on_failed(self, exc: Exception) -> None:
        from kiosk.domain.messages import KioskError

        if not isinstance(exc, KioskError):
            raise exc
        self.message.setText("⚠ " + str(exc))
