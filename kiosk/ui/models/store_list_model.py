"""List model over ``list[StoreSummary]`` for the tourist directory (no widgets needed)."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from kiosk.domain.categories import CATEGORY_LABELS
from kiosk.domain.listing import StoreSummary
from kiosk.domain.locales import DEFAULT_LOCALE, LocaleCode
from kiosk.i18n import translate

_Index = QModelIndex | QPersistentModelIndex


class StoreRole(IntEnum):
    """Extra data roles; ``Qt.DisplayRole`` is the store name in the model's locale."""

    STORE = int(Qt.ItemDataRole.UserRole) + 1
    STORE_ID = int(Qt.ItemDataRole.UserRole) + 2
    CATEGORY_LABEL = int(Qt.ItemDataRole.UserRole) + 3
    STALL = int(Qt.ItemDataRole.UserRole) + 4
    INITIAL = int(Qt.ItemDataRole.UserRole) + 5


class StoreListModel(QAbstractListModel):
    """Read-only rows of store summaries shown in one locale.

    The locale is held by the model (``set_locale``), not read from global state,
    so the same data can be shown in any language and tested without widgets.
    """

    def __init__(
        self, stores: list[StoreSummary] | None = None, locale: LocaleCode = DEFAULT_LOCALE
    ):
        super().__init__()
        self._stores: list[StoreSummary] = list(stores or [])
        self._locale: LocaleCode = locale

    # Qt API -------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._stores)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._stores):
            return None
        store = self._stores[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return store.name.get(self._locale)
        if role == StoreRole.STORE:
            return store
        if role == StoreRole.STORE_ID:
            return store.id
        if role == StoreRole.CATEGORY_LABEL:
            return translate(CATEGORY_LABELS[store.category], self._locale)
        if role == StoreRole.STALL:
            return store.stall_number
        if role == StoreRole.INITIAL:
            return store.initial
        return None

    # Our API ------------------------------------------------------------------
    def stores(self) -> list[StoreSummary]:
        return list(self._stores)

    def store_at(self, row: int) -> StoreSummary:
        return self._stores[row]

    def row_of(self, store_id: int) -> int:
        """Row of *store_id*, or -1 when it is not listed."""
        for row, store in enumerate(self._stores):
            if store.id == store_id:
                return row
        return -1

    def locale(self) -> LocaleCode:
        return self._locale

    def set_stores(self, stores: list[StoreSummary]) -> None:
        self.beginResetModel()
        self._stores = list(stores)
        self.endResetModel()

    def set_locale(self, locale: LocaleCode) -> None:
        if locale == self._locale:
            return
        self._locale = locale
        if self._stores:
            self.dataChanged.emit(self.index(0), self.index(len(self._stores) - 1))
