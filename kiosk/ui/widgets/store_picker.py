"""Pick a market and one of its stores (stall number + name) from two big combo boxes."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QWidget,
)

from kiosk.domain.listing import MarketInfo, StoreSummary
from kiosk.domain.locales import LocaleCode
from kiosk.i18n import _, current_locale
from kiosk.ui import theme

#: Narrower than this (a portrait screen) the store picker goes under the market picker:
#: beside it, "A-3 Wave Handmade Fish Cakes" was cut at 1080x1920.
SIDE_BY_SIDE = theme.GRID * 128


def store_label(store: StoreSummary, locale: LocaleCode) -> str:
    """ "A-3  바다향 수산": what the merchant reads on their stall sign."""
    return f"{store.stall_number}  {store.name.get(locale)}"


class StorePicker(QWidget):
    """Two combo boxes; the store box is editable and suggests stores containing the typed text.

    It holds no data access: the screen passes ``set_markets`` / ``set_stores``
    and listens to ``market_changed(slug)`` and ``store_chosen(store_id)``.
    Programmatic changes (``set_*``, ``select_store``) emit nothing.
    """

    market_changed = Signal(str)
    store_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._markets: list[MarketInfo] = []
        self._stores: list[StoreSummary] = []
        self._quiet = False
        self._row = row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(theme.GRID * 2)
        self.market_title = QLabel()
        self.market_title.setProperty("role", "field")
        self.market_box = QComboBox()
        self.market_box.setMinimumWidth(theme.GRID * 36)
        # Market names change with the language: size to the current texts, not the first ones.
        self.market_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.market_box.currentIndexChanged.connect(self._on_market_index_changed)
        self.store_title = QLabel()
        self.store_title.setProperty("role", "field")
        self.store_box = QComboBox()
        self.store_box.setEditable(True)
        self.store_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.store_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.store_box.setMaxVisibleItems(8)
        completer = QCompleter(self.store_box.model(), self.store_box)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.store_box.setCompleter(completer)
        self.store_box.currentIndexChanged.connect(self._on_store_index_changed)
        market, store = QHBoxLayout(), QHBoxLayout()
        for pair in (market, store):
            pair.setSpacing(theme.GRID * 2)
        market.addWidget(self.market_title)
        market.addWidget(self.market_box)
        market.addStretch(0)
        store.addWidget(self.store_title)
        store.addWidget(self.store_box, 1)
        row.addLayout(market)
        row.addLayout(store, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        narrow = event.size().width() < SIDE_BY_SIDE
        direction = QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        if self._row.direction() != direction:
            self._row.setDirection(direction)
        super().resizeEvent(event)

    # Data ----------------------------------------------------------------------------------
    def set_markets(self, markets: Sequence[MarketInfo], *, select: str | None = None) -> None:
        self._markets = list(markets)
        self._quiet = True
        try:
            self.market_box.clear()
            for market in self._markets:
                self.market_box.addItem(market.name.get(current_locale()), market.slug)
            slugs = [market.slug for market in self._markets]
            if select in slugs:
                self.market_box.setCurrentIndex(slugs.index(select))
        finally:
            self._quiet = False

    def set_stores(self, stores: Sequence[StoreSummary], *, select: int | None = None) -> None:
        self._stores = list(stores)
        self._quiet = True
        try:
            self.store_box.clear()
            for store in self._stores:
                self.store_box.addItem(store_label(store, current_locale()), store.id)
            self.store_box.setCurrentIndex(-1)
            if select is not None:
                self.select_store(select)
        finally:
            self._quiet = False

    def select_store(self, store_id: int) -> bool:
        """Show *store_id* as the chosen store (no signal); False when it is not listed."""
        index = self.store_box.findData(store_id)
        if index < 0:
            return False
        quiet, self._quiet = self._quiet, True
        try:
            self.store_box.setCurrentIndex(index)
        finally:
            self._quiet = quiet
        return True

    def current_market(self) -> str | None:
        slug = self.market_box.currentData()
        return slug if isinstance(slug, str) else None

    def current_store_id(self) -> int | None:
        store_id = self.store_box.currentData()
        return store_id if isinstance(store_id, int) else None

    def stores(self) -> list[StoreSummary]:
        return list(self._stores)

    def retranslate(self) -> None:
        self.market_title.setText(_("Market"))
        self.store_title.setText(_("Store"))
        line = self.store_box.lineEdit()
        if line is not None:
            line.setPlaceholderText(_("Type the stall number or name"))
        market, store = self.current_market(), self.current_store_id()
        self.set_markets(self._markets, select=market)
        self.set_stores(self._stores, select=store)

    # Handlers ------------------------------------------------------------------------------
    def _on_market_index_changed(self, _index: int) -> None:
        slug = self.current_market()
        if not self._quiet and slug is not None:
            self.market_changed.emit(slug)

    def _on_store_index_changed(self, _index: int) -> None:
        store_id = self.current_store_id()
        if not self._quiet and store_id is not None:
            self.store_chosen.emit(store_id)
