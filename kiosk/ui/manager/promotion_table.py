"""The manager's promotions table: what each one is, where and when it shows, and whether now."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from kiosk.domain.listing import StoreSummary
from kiosk.domain.promotions import Promotion, PromotionKind, TimeWindow, in_seoul, is_showing
from kiosk.i18n import _, current_locale

_Index = QModelIndex | QPersistentModelIndex
#: The role that carries the row's Promotion.
PROMOTION_ROLE = Qt.ItemDataRole.UserRole + 1


class Column(IntEnum):
    NOW = 0
    KIND = 1
    TITLE = 2
    WHERE = 3
    DATES = 4
    DAYS = 5
    TIME = 6


def day_names() -> list[str]:
    """Monday first, short, in the current language."""
    return [_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")]


def kind_text(kind: PromotionKind) -> str:
    return _("Announcement") if kind is PromotionKind.ANNOUNCEMENT else _("Promotion")


def where_text(store_id: int | None, stores: Mapping[int, StoreSummary]) -> str:
    """ "Whole market", or the stall number and the store's name in the current language."""
    if store_id is None:
        return _("Whole market")
    store = stores.get(store_id)
    if store is None:
        return _("Store {id}").format(id=store_id)
    return f"{store.stall_number} {store.name.get(current_locale())}"


def days_text(days: frozenset[int]) -> str:
    if not days or len(days) == 7:
        return _("Every day")
    names = day_names()
    return ", ".join(names[d] for d in sorted(days) if 0 <= d <= 6)


def time_text(window: TimeWindow | None) -> str:
    if window is None:
        return _("All day")
    return f"{window.start:%H:%M}–{window.end:%H:%M}"


def now_text(promo: Promotion, now: datetime) -> str:
    """Whether it shows at *now* (Seoul time), in words with a sign (never colour alone)."""
    if is_showing(promo, now):
        return "✓ " + _("Showing now")
    today = in_seoul(now).date()
    if promo.ends_on < today:
        return _("Over")
    if promo.starts_on > today:
        return _("From {date}").format(date=promo.starts_on.isoformat())
    return _("Not at this hour")


class PromotionTableModel(QAbstractTableModel):
    """One row per promotion; ``now`` is the clock the "now" column reads (Seoul time)."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Promotion] = []
        self._stores: dict[int, StoreSummary] = {}
        self.now = datetime.now()

    def set_rows(
        self, rows: list[Promotion], stores: Mapping[int, StoreSummary], now: datetime
    ) -> None:
        self.beginResetModel()
        self._rows, self._stores, self.now = list(rows), dict(stores), now
        self.endResetModel()

    def set_now(self, now: datetime) -> None:
        """The clock moved on: only the "Now" column is written again (the choice stays)."""
        self.now = now
        if self._rows:
            last = len(self._rows) - 1
            self.dataChanged.emit(self.index(0, Column.NOW), self.index(last, Column.NOW))

    def promotions(self) -> list[Promotion]:
        return list(self._rows)

    def relabel(self) -> None:
        """The language changed: every cell and header is written again."""
        self.beginResetModel()
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = [_("Now"), _("Kind"), _("Title"), _("Where"), _("Dates"), _("Days"),
                  _("Time (Seoul)")]  # fmt: skip
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        promo = self._rows[index.row()]
        if role == PROMOTION_ROLE:
            return promo
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == Column.NOW:
            return now_text(promo, self.now)
        if column == Column.KIND:
            return kind_text(promo.kind)
        if column == Column.TITLE:
            return promo.title_for(current_locale())
        if column == Column.WHERE:
            return where_text(promo.store_id, self._stores)
        if column == Column.DATES:
            return f"{promo.starts_on.isoformat()} – {promo.ends_on.isoformat()}"
        if column == Column.DAYS:
            return days_text(promo.weekdays)
        return time_text(promo.window)
