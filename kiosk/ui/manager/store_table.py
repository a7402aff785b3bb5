"""Table model of a market's stores for the manager, and the filters over it (no widgets)."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from kiosk.domain.categories import CATEGORY_LABELS, Category
from kiosk.domain.listing import StoreDetail
from kiosk.domain.locales import LOCALES, LocaleCode
from kiosk.domain.store_edit.checks import missing_locales
from kiosk.i18n import _, current_locale, translate

_Index = QModelIndex | QPersistentModelIndex

#: Short language marks for the "missing" column (native, never flags).
LANGUAGE_MARKS: dict[LocaleCode, str] = {
    "ko": "한",
    "en": "EN",
    "ja": "日",
    "zh_Hans": "简",
    "zh_Hant": "繁",
}


class Column(IntEnum):
    STALL = 0
    NAME = 1
    CATEGORY = 2
    MISSING = 3
    CODES = 4
    GOODS = 5
    STATUS = 6


STORE_ROLE = int(Qt.ItemDataRole.UserRole) + 1
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 2


def missing_languages(store: StoreDetail) -> list[LocaleCode]:
    """Locales lacking the store's name, its description (if any) or a good's name."""
    missing = set(missing_locales(store.name.values))
    if store.description.values:
        missing |= set(missing_locales(store.description.values))
    for product in store.products:
        missing |= set(missing_locales(product.name.values))
    return [locale for locale in LOCALES if locale in missing]


class StoreTableModel(QAbstractTableModel):
    """Rows of ``StoreDetail`` (from ``services.directory.list_store_details``) in one locale."""

    def __init__(self) -> None:
        super().__init__()
        self._stores: list[StoreDetail] = []
        self._pins: set[int] = set()

    def set_stores(self, stores: list[StoreDetail], pins: set[int] | None = None) -> None:
        self.beginResetModel()
        self._stores = list(stores)
        self._pins = set(pins or ())
        self.endResetModel()

    def relabel(self) -> None:
        """The language changed: every name and header shows again (read from kiosk.i18n)."""
        if self._stores:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._stores) - 1, 6))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)

    def store_at(self, row: int) -> StoreDetail:
        return self._stores[row]

    def row_of(self, store_id: int) -> int | None:
        for row, store in enumerate(self._stores):
            if store.id == store_id:
                return row
        return None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._stores)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            Column.STALL: _("Stall"),
            Column.NAME: _("Name"),
            Column.CATEGORY: _("Category"),
            Column.MISSING: _("Missing languages"),
            Column.CODES: _("QR codes"),
            Column.GOODS: _("Goods"),
            Column.STATUS: _("Status"),
        }
        return titles.get(Column(section)) if 0 <= section < len(Column) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._stores):
            return None
        store = self._stores[index.row()]
        column = Column(index.column())
        if role == STORE_ROLE:
            return store
        if role == SORT_ROLE:
            return self._sort_value(index.row(), store, column)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column is Column.STALL:
            return store.stall_number
        if column is Column.NAME:
            return store.name.get(current_locale())
        if column is Column.CATEGORY:
            return translate(CATEGORY_LABELS[store.category], current_locale())
        if column is Column.MISSING:
            missing = missing_languages(store)
            return " ".join(f"⚠{LANGUAGE_MARKS[code]}" for code in missing) if missing else "✓"
        if column is Column.CODES:
            marks = []
            if store.kakao_channel_id:
                marks.append(_("Kakao"))
            if store.payment_qr_payload:
                marks.append(_("Pay"))
            return " + ".join(marks) if marks else "—"
        if column is Column.GOODS:
            return str(len(store.products))
        state = _("Open") if store.active else _("Closed stall")
        return state + " · " + _("PIN set") if store.id in self._pins else state

    def _sort_value(self, row: int, store: StoreDetail, column: Column) -> Any:
        if column is Column.STALL:
            return row  # the services list stores in natural stall order (A-2 before A-10)
        if column is Column.GOODS:
            return len(store.products)
        if column is Column.MISSING:
            return len(missing_languages(store))
        return str(self.data(self.index(row, column)))


class StoreFilter(QSortFilterProxyModel):
    """Search text (stall or any name), missing language, no QR code, closed stalls, category."""

    def __init__(self) -> None:
        super().__init__()
        self.setSortRole(SORT_ROLE)
        self._text = ""
        self._missing: LocaleCode | None = None
        self._no_codes = False
        self._inactive = False
        self._category: Category | None = None

    def set_filters(
        self,
        *,
        text: str = "",
        missing: LocaleCode | None = None,
        no_codes: bool = False,
        inactive: bool = False,
        category: Category | None = None,
    ) -> None:
        self._text = text.strip().casefold()
        self._missing, self._no_codes, self._inactive = missing, no_codes, inactive
        self._category = category
        self.invalidate()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, StoreTableModel):
            return True
        store = model.store_at(source_row)
        if self._text:
            names = " ".join([store.stall_number, *store.name.values.values()]).casefold()
            if self._text not in names:
                return False
        if self._missing is not None and self._missing not in missing_languages(store):
            return False
        if self._no_codes and (store.kakao_channel_id or store.payment_qr_payload):
            return False
        if self._inactive and store.active:
            return False
        return self._category is None or store.category is self._category
