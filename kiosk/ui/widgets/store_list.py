"""Pick a market (big buttons) and a store from a searchable list; "remember it on this PC"."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.listing import MarketInfo, StoreSummary
from kiosk.domain.text import normalise_for_search
from kiosk.i18n import _, current_locale
from kiosk.ui import theme
from kiosk.ui.widgets.flow_layout import FlowLayout
from kiosk.ui.widgets.layout_items import delete_item


class StoreList(QWidget):
    """Market buttons, a search field, the stores as "stall  name" and a remember box.

    It holds no data access (``StoreSignIn`` does): ``set_markets`` / ``set_stores``
    fill it; ``market_changed(slug)`` when a market button is pressed,
    ``store_chosen(id or None)`` when the current store changes, ``activated()`` on
    Enter or a double tap, ``listed()`` after the list was filled again.
    """

    market_changed = Signal(str)
    store_chosen = Signal(object)
    activated = Signal()
    listed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._markets: list[MarketInfo] = []
        self._stores: list[StoreSummary] = []
        self._market = ""
        left = QVBoxLayout(self)
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(theme.GRID * 2)
        market_row = QWidget()
        self._market_flow = FlowLayout(market_row, spacing=theme.GRID)
        self._market_group = QButtonGroup(self)
        self._market_buttons: dict[str, QPushButton] = {}
        self.search = QLineEdit()
        self.search.setObjectName("onboarding-store-search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._fill_list)
        self.store_list = QListWidget()
        self.store_list.setObjectName("onboarding-store-list")
        self.store_list.currentItemChanged.connect(self._on_store_changed)
        self.store_list.itemActivated.connect(self._on_store_activated)
        self.remember = QCheckBox()
        self.remember.setObjectName("onboarding-remember")
        left.addWidget(market_row)
        left.addWidget(self.search)
        left.addWidget(self.store_list, 1)
        left.addWidget(self.remember)

    # Data ----------------------------------------------------------------------------------
    def set_markets(self, markets: Sequence[MarketInfo], *, select: str | None = None) -> None:
        self._markets = list(markets)
        self._market = select or ""
        for button in self._market_buttons.values():
            self._market_group.removeButton(button)
            button.deleteLater()
        self._market_buttons.clear()
        while self._market_flow.count():
            delete_item(self._market_flow.takeAt(0))
        for market in self._markets:
            button = QPushButton(market.name.get(current_locale()))
            button.setProperty("kind", "choice")
            button.setCheckable(True)
            button.clicked.connect(lambda _c=False, slug=market.slug: self.choose_market(slug))
            self._market_group.addButton(button)
            self._market_buttons[market.slug] = button
            self._market_flow.addWidget(button)
        self._check_market_button()

    def set_stores(self, stores: Sequence[StoreSummary], *, select: int | None = None) -> None:
        self._stores = list(stores)
        self._fill_list()
        if select is not None:
            self.select_store(select)

    def choose_market(self, slug: str) -> None:
        if slug == self._market:
            return
        self._market = slug
        self._check_market_button()
        self.market_changed.emit(slug)

    def current_market(self) -> str | None:
        return self._market or None

    def current_store_id(self) -> int | None:
        item = self.store_list.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return value if isinstance(value, int) else None

    def select_store(self, store_id: int) -> bool:
        """Select *store_id* in the list (False when it is not listed)."""
        for row in range(self.store_list.count()):
            item = self.store_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == store_id:
                self.store_list.setCurrentItem(item)
                return True
        return False

    def stores(self) -> list[StoreSummary]:
        return list(self._stores)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(_("Type the stall number or name"))
        self.remember.setText(_("Remember this store on this PC"))
        for slug, button in self._market_buttons.items():
            market = next((m for m in self._markets if m.slug == slug), None)
            if market is not None:
                button.setText(market.name.get(current_locale()))
        self._fill_list()

    # Internals -------------------------------------------------------------------------------
    def _check_market_button(self) -> None:
        for slug, button in self._market_buttons.items():
            button.setChecked(slug == self._market)
            market = next((m for m in self._markets if m.slug == slug), None)
            name = market.name.get(current_locale()) if market is not None else slug
            button.setText(("✓ " if slug == self._market else "") + name)

    def _fill_list(self, _text: str = "") -> None:
        chosen = self.current_store_id()
        words = normalise_for_search(self.search.text()).split()
        locale = current_locale()
        self.store_list.blockSignals(True)
        try:
            self.store_list.clear()
            for store in self._stores:
                label = f"{store.stall_number}   {store.name.get(locale)}"
                folded = normalise_for_search(f"{label} {store.name.get('ko')}")
                if words and not all(word in folded for word in words):
                    continue
                item = QListWidgetItem(label)
                item.setData(Qt.ItemDataRole.UserRole, store.id)
                self.store_list.addItem(item)
        finally:
            self.store_list.blockSignals(False)
        if chosen is not None:
            self.select_store(chosen)
        self.listed.emit()

    def _on_store_changed(self, *_items: object) -> None:
        self.store_chosen.emit(self.current_store_id())

    def _on_store_activated(self, _item: QListWidgetItem) -> None:
        self.activated.emit()
