"""Windowed list model of store summaries for the tourist directory (no widgets needed)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from datetime import date, datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from kiosk.domain.categories import CATEGORY_LABELS
from kiosk.domain.directory_card import DirectoryCard, directory_card
from kiosk.domain.listing import StoreSummary
from kiosk.domain.locales import DEFAULT_LOCALE, LocaleCode
from kiosk.i18n import translate

_Index = QModelIndex | QPersistentModelIndex

#: Rows fetched at a time: more than two screens of cards at 1920x1080.
PAGE_SIZE = 48


class StoreRole(IntEnum):
    """Extra data roles; ``Qt.DisplayRole`` is the store name in the model's locale."""

    STORE = int(Qt.ItemDataRole.UserRole) + 1
    STORE_ID = int(Qt.ItemDataRole.UserRole) + 2
    CATEGORY_LABEL = int(Qt.ItemDataRole.UserRole) + 3
    STALL = int(Qt.ItemDataRole.UserRole) + 4
    INITIAL = int(Qt.ItemDataRole.UserRole) + 5
    CARD = int(Qt.ItemDataRole.UserRole) + 6


class StoreListModel(QAbstractListModel):
    """Read-only rows of store summaries shown in one locale, fetched a page at a time.

    ``show_page(first_page, more=...)`` starts a new result; while ``more`` is
    true the view's ``fetchMore`` asks the *fetcher* (given by the screen, which
    runs the query in the background) for the rows from ``rowCount()`` on, and
    ``append_page`` adds them. ``total`` (shown as the count) comes separately.
    The locale is held by the model (``set_locale``), so the same data can be
    shown in any language and tested without widgets.
    """

    def __init__(
        self, stores: list[StoreSummary] | None = None, locale: LocaleCode = DEFAULT_LOCALE
    ):
        super().__init__()
        self._stores: list[StoreSummary] = list(stores or [])
        self._locale: LocaleCode = locale
        self._more = False
        self._fetching = False
        self._generation = 0
        self._total: int | None = None
        self._category_labels: dict[object, str] = {}
        self._cards: dict[int, DirectoryCard] = {}
        self._now: datetime | None = None
        self._holidays: Mapping[str, Collection[date]] = {}
        self.fetcher: Callable[[int, int], None] | None = None

    # Qt API -------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._stores)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self._fetching

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or self.fetcher is None:
            return
        self._fetching = True
        self.fetcher(self._generation, len(self._stores))

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
            label = self._category_labels.get(store.category)
            if label is None:
                label = translate(CATEGORY_LABELS[store.category], self._locale)
                self._category_labels[store.category] = label
            return label
        if role == StoreRole.STALL:
            return store.stall_number
        if role == StoreRole.INITIAL:
            return store.initial
        if role == StoreRole.CARD:
            return self._card(store)
        return None

    def _card(self, store: StoreSummary) -> DirectoryCard:
        card = self._cards.get(store.id)
        if card is None:
            now = self._now if self._now is not None else datetime.now().astimezone()
            holidays = self._holidays.get(store.market_slug, ())
            card = directory_card(
                store, self._locale, now, marks=len(store.payment_methods), holidays=holidays
            )
            self._cards[store.id] = card
        return card

    # Our API ------------------------------------------------------------------
    def stores(self) -> list[StoreSummary]:
        return list(self._stores)

    def store_at(self, row: int) -> StoreSummary:
        return self._stores[row]

    def row_of(self, store_id: int) -> int:
        """Row of *store_id*, or -1 when it is not listed (yet)."""
        for row, store in enumerate(self._stores):
            if store.id == store_id:
                return row
        return -1

    def locale(self) -> LocaleCode:
        return self._locale

    def set_now(self, now: datetime | None) -> None:
        """The moment the cards' open-now state is for (None: the clock, read per card);
        the directory calls it every minute so "open now" follows the time."""
        self._now = now
        self._forget_cards()

    def set_holidays(self, holidays: Mapping[str, Collection[date]]) -> None:
        """The market holidays by market slug: the cards say "Market holiday" on them."""
        self._holidays = holidays
        self._forget_cards()

    def _forget_cards(self) -> None:
        self._cards.clear()
        if self._stores:
            self.dataChanged.emit(self.index(0), self.index(len(self._stores) - 1))

    def total(self) -> int | None:
        """All matching stores (None until counted); rows beyond ``rowCount`` come on demand."""
        return self._total

    def set_total(self, total: int | None) -> None:
        self._total = total
        if total is not None and total <= len(self._stores):
            self._more = False

    def generation(self) -> int:
        """Changes with every new result, so a late page of an old result is ignored."""
        return self._generation

    def set_stores(self, stores: list[StoreSummary]) -> None:
        """Show exactly *stores* (everything there is)."""
        self.show_page(stores, more=False)
        self._total = len(self._stores)

    def show_page(self, stores: list[StoreSummary], *, more: bool) -> None:
        """Start a new result with its first page; *more* when further rows may exist."""
        self.beginResetModel()
        self._cards.clear()
        self._generation += 1
        self._stores = list(stores)
        self._more = more
        self._fetching = False
        self._total = None
        self.endResetModel()

    def append_page(self, generation: int, stores: list[StoreSummary], *, more: bool) -> None:
        """Add a fetched page of result *generation* (dropped when a newer result shows)."""
        if generation != self._generation:
            return
        self._fetching = False
        self._more = more and (self._total is None or self._total > len(self._stores) + len(stores))
        if not stores:
            return
        first = len(self._stores)
        self.beginInsertRows(QModelIndex(), first, first + len(stores) - 1)
        self._stores.extend(stores)
        self.endInsertRows()

    def fetch_failed(self, generation: int) -> None:
        """A page could not be fetched: stop asking for more of this result."""
        if generation == self._generation:
            self._fetching = False
            self._more = False

    def set_locale(self, locale: LocaleCode) -> None:
        if locale == self._locale:
            return
        self._locale = locale
        self._category_labels.clear()
        self._forget_cards()
