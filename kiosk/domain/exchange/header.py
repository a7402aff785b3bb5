"""The header row of a listings sheet: which column holds what, or why the row is refused."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter

from kiosk.domain.exchange import file_format as fmt
from kiosk.domain.exchange.cells import is_blank, quoted
from kiosk.domain.exchange.problems import CellRef, ListingsFile, Table, add_problem
from kiosk.domain.locales import LOCALES, LocaleCode
from kiosk.domain.messages import N_, Message, define

UNKNOWN_COLUMN = define(
    "exchange.unknown_column",
    N_('column "{header}" is not a listings column; use the headers of the template'),
)
DUPLICATE_COLUMN = define(
    "exchange.duplicate_column", N_('column "{header}" appears twice (also column {other})')
)
MISSING_COLUMNS = define(
    "exchange.missing_columns", N_("the header row lacks the columns {headers}")
)
NO_COLUMNS = define(
    "exchange.no_columns", N_("row 1 holds no listings column headers; is this a listings file?")
)


# Header row ------------------------------------------------------------------------------------
def column_letter(index: int) -> str:
    """Excel's name of the 0-based column *index*: A, B, ..., Z, AA, ..."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass
class Layout:
    table: Table
    columns: dict[str, int]
    stores: bool
    goods: bool

    def __post_init__(self) -> None:
        self.width = max(self.columns.values()) + 1
        self.store_indices = [
            self.columns[c.key] for c in fmt.STORE_COLUMNS if c.key in self.columns
        ]
        self.good_indices = [self.columns[c.key] for c in fmt.GOOD_COLUMNS if c.key in self.columns]
        #: The store cells of a row (a tuple, or the stall cell alone), compared as one value.
        self.store_key = itemgetter(*self.store_indices)
        #: Text cells already read well, by (limit, lines): the same name or unit in many
        #: rows (a market's goods) is checked once.
        self.read_texts: dict[tuple[int, bool], dict[str, str]] = {}
        #: (column key, text cell) -> (value, None) or (fallback, problem): ``Row.get``'s.
        self.converted: dict[tuple[str, str], tuple[object, Message | None]] = {}

        self._slots: dict[str, list[tuple[LocaleCode, fmt.Column, int]]] = {}

    def slots(self, columns: Sequence[fmt.Column]) -> list[tuple[LocaleCode, fmt.Column, int]]:
        """(locale, column, index) of the five-language *columns* this sheet has."""
        found = self._slots.get(columns[0].key)
        if found is None:
            found = self._slots[columns[0].key] = [
                (locale, column, self.columns[column.key])
                for locale, column in zip(LOCALES, columns, strict=True)
                if column.key in self.columns
            ]
        return found


def read_layout(table: Table, out: ListingsFile) -> Layout | None:
    header = list(table.rows[0]) if table.rows else []
    while header and is_blank(header[-1]):
        header.pop()
    columns: dict[str, int] = {}
    named = [(index, cell, fmt.column_for(cell)) for index, cell in enumerate(header)]
    if not any(column is not None for _index, _cell, column in named):
        add_problem(out, CellRef(table.name, 1), NO_COLUMNS())
        return None
    ok = True
    for index, cell, column in named:
        if is_blank(cell):
            continue
        if column is None:
            ok = False
            add_problem(out, CellRef(table.name, 1), UNKNOWN_COLUMN(header=quoted(cell)))
            continue
        if column.key in columns:
            ok = False
            other = column_letter(columns[column.key])
            add_problem(
                out, CellRef(table.name, 1), DUPLICATE_COLUMN(header=quoted(cell), other=other)
            )
            continue
        columns[column.key] = index
    store_keys = {c.key for c in fmt.STORE_COLUMNS} - {fmt.MARKET.key, fmt.STALL.key}
    good_keys = {c.key for c in fmt.GOOD_COLUMNS}
    stores = bool(store_keys & columns.keys())
    goods = bool(good_keys & columns.keys())
    if not stores and not goods:
        if ok:
            add_problem(out, CellRef(table.name, 1), NO_COLUMNS())
        return None
    wanted = [fmt.STALL.key]
    if stores:
        wanted += [c.key for c in fmt.STORE_COLUMNS if c.key in store_keys]
    if goods:
        wanted += [c.key for c in fmt.GOOD_COLUMNS]
    missing = [fmt.ALL_COLUMNS[key].header for key in wanted if key not in columns]
    if missing:
        add_problem(out, CellRef(table.name, 1), MISSING_COLUMNS(headers=", ".join(missing)))
        return None
    return Layout(table, columns, stores, goods) if ok else None
