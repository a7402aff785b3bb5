"""Tourist directory: choose a market, search in any language, filter by category, pick a store."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.categories import CATEGORY_LABELS, Category
from kiosk.domain.listing import MarketInfo
from kiosk.domain.locales import LocaleCode
from kiosk.i18n import _, ngettext
from kiosk.ui import theme
from kiosk.ui.directory_source import DirectorySource
from kiosk.ui.models.store_list_model import StoreListModel, StoreRole
from kiosk.ui.widgets.elided_label import ElidedLabel
from kiosk.ui.widgets.store_card import StoreGridView


class TouristDirectoryScreen(QWidget):
    """Store directory of one market in the current language.

    States: loading (no source yet), failed (message), and ready. Data comes only
    from the ``DirectorySource`` given to ``set_source``.
    """

    store_chosen = Signal(int)
    back_requested = Signal()

    def __init__(self, locale: LocaleCode, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tourist-directory")
        self._locale: LocaleCode = locale
        self._source: DirectorySource | None = None
        self._markets: list[MarketInfo] = []
        self._market_slug: str | None = None
        self._error = ""
        self.model = StoreListModel(locale=locale)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(theme.GRID * 5, theme.GRID * 3, theme.GRID * 5, theme.GRID * 2)
        outer.setSpacing(theme.GRID * 2)

        top = QHBoxLayout()
        top.setSpacing(theme.GRID * 2)
        self.back_button = QPushButton()
        self.back_button.setProperty("kind", "back")
        self.back_button.clicked.connect(self._on_back_clicked)
        top.addWidget(self.back_button)
        self._market_label = QLabel()
        self._market_label.setProperty("role", "field")
        top.addWidget(self._market_label)
        self._market_row = QHBoxLayout()
        self._market_row.setSpacing(theme.GRID)
        top.addLayout(self._market_row)
        top.addStretch(1)
        self._market_group = QButtonGroup(self)
        self._market_group.setExclusive(True)
        self._market_buttons: dict[str, QPushButton] = {}
        outer.addLayout(top)

        heading = QHBoxLayout()
        self.title_label = ElidedLabel("", "title")
        self._city_label = QLabel()
        self._city_label.setProperty("role", "muted")
        self.count_label = QLabel()
        self.count_label.setProperty("role", "muted")
        heading.addWidget(self.title_label, 1)
        heading.addWidget(self._city_label, 0, Qt.AlignmentFlag.AlignBottom)
        heading.addSpacing(theme.GRID * 3)
        heading.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBottom)
        outer.addLayout(heading)

        filters = QHBoxLayout()
        filters.setSpacing(theme.GRID * 2)
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._on_search_text_changed)
        self.category_combo = QComboBox()
        self.category_combo.setMinimumWidth(320)
        self.category_combo.currentIndexChanged.connect(self._on_category_changed)
        filters.addWidget(self.search_edit, 3)
        filters.addWidget(self.category_combo, 1)
        outer.addLayout(filters)

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

        self.retranslate(locale)

    # State ----------------------------------------------------------------------
    def is_loading(self) -> bool:
        return self._source is None and not self._error

    def markets(self) -> list[MarketInfo]:
        return list(self._markets)

    def market_slug(self) -> str | None:
        return self._market_slug

    def set_failed(self, message: str) -> None:
        """Show why the stores cannot be listed (the database could not be opened)."""
        self._error = message
        self._show_status()

    def set_source(self, source: DirectorySource) -> None:
        """Data is ready: list the markets and show the first (or the previous) one."""
        self._source = source
        self._error = ""
        self._markets = source.markets()
        for button in self._market_buttons.values():
            self._market_group.removeButton(button)
            button.deleteLater()
        self._market_buttons.clear()
        for market in self._markets:
            button = QPushButton()
            button.setProperty("kind", "choice")
            button.setCheckable(True)
            button.clicked.connect(
                lambda _checked=False, slug=market.slug: self._on_market_clicked(slug)
            )
            self._market_group.addButton(button)
            self._market_buttons[market.slug] = button
            self._market_row.addWidget(button)
            button.show()  # a layout would only queue the show
        slugs = [market.slug for market in self._markets]
        if slugs:
            self.select_market(self._market_slug if self._market_slug in slugs else slugs[0])
        else:
            self._market_slug = None
            self.retranslate(self._locale)

    def select_market(self, slug: str) -> None:
        """Show the stores of market *slug*; the search and category filter are cleared."""
        if slug not in self._market_buttons:
            known = ", ".join(self._market_buttons)
            raise KeyError(f"no market {slug!r} in the directory (known: {known})")
        self._market_slug = slug
        self._market_buttons[slug].setChecked(True)
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self._fill_categories()
        self.retranslate(self._locale)
        self._refresh()

    # Language ---------------------------------------------------------------------
    def retranslate(self, locale: LocaleCode) -> None:
        """Show data in *locale*; call after ``kiosk.i18n.set_locale(locale)`` (for ``_()``)."""
        self._locale = locale
        self.model.set_locale(locale)
        self.back_button.setText("‹  " + _("Start"))
        self._market_label.setText(_("Market"))
        self.search_edit.setPlaceholderText(_("Search stores and goods in any language"))
        for market in self._markets:
            self._market_buttons[market.slug].setText(market.name.get(locale))
        current = self._current_market()
        self.title_label.setText(current.name.get(locale) if current else _("Store directory"))
        self._city_label.setText(current.city.get(locale) if current else "")
        self._retranslate_categories()
        self._update_count()
        self._show_status()

    # Helpers ------------------------------------------------------------------------
    def _current_market(self) -> MarketInfo | None:
        for market in self._markets:
            if market.slug == self._market_slug:
                return market
        return None

    def _current_category(self) -> Category | None:
        data = self.category_combo.currentData()
        return Category(data) if data else None

    def _fill_categories(self) -> None:
        """Offer only the categories the market actually has, in the enum's order."""
        present: set[Category] = set()
        if self._source is not None and self._market_slug is not None:
            present = {s.category for s in self._source.stores(self._market_slug)}
        self.category_combo.blockSignals(True)
        self.category_combo.clear()
        self.category_combo.addItem("", "")
        for category in Category:
            if category in present:
                self.category_combo.addItem("", category.value)
        self.category_combo.setCurrentIndex(0)
        self.category_combo.blockSignals(False)
        self._retranslate_categories()

    def _retranslate_categories(self) -> None:
        for row in range(self.category_combo.count()):
            code = self.category_combo.itemData(row)
            label = _(CATEGORY_LABELS[Category(code)]) if code else _("All categories")
            self.category_combo.setItemText(row, label)

    def _refresh(self) -> None:
        if self._source is None or self._market_slug is None:
            self.model.set_stores([])
        else:
            self.model.set_stores(
                self._source.stores(
                    self._market_slug,
                    query=self.search_edit.text().strip(),
                    category=self._current_category(),
                )
            )
        self._update_count()
        self._show_status()

    def _update_count(self) -> None:
        if self._source is None:
            self.count_label.setText("")
            return
        n = self.model.rowCount()
        self.count_label.setText(ngettext("%(n)d store", "%(n)d stores", n) % {"n": n})

    def _show_status(self) -> None:
        if self._error:
            text = _("The store list cannot be shown right now.") + "\n\n" + self._error
        elif self._source is None:
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
    def _on_back_clicked(self) -> None:
        self.back_requested.emit()

    def _on_market_clicked(self, slug: str) -> None:
        self.select_market(slug)

    def _on_search_text_changed(self, _text: str) -> None:
        self._refresh()

    def _on_category_changed(self, _row: int) -> None:
        self._refresh()

    def _on_store_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.store_chosen.emit(int(index.data(StoreRole.STORE_ID)))
