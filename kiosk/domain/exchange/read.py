"""Read the tables of a listings file (CSV or XLSX sheets) into store listings, or every problem.

Everything is checked before anything could be written: each problem names the
sheet, the row number as Excel shows it (the header is row 1), the column and
what is wrong. The services add the checks that need more than the file (the
QR parsers, the market's stores) and write all of it or nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Final, TypeVar

from kiosk.domain.categories import Category
from kiosk.domain.exchange import file_format as fmt
from kiosk.domain.exchange.cells import (
    REQUIRED,
    CellError,
    category_value,
    is_blank,
    payments_value,
    price_value,
    quoted,
    text_value,
    yes_no_value,
)
from kiosk.domain.exchange.write import store_cells
from kiosk.domain.hours import OpeningHours
from kiosk.domain.hours_text import HoursTextError, parse_hours_cell
from kiosk.domain.listing import GoodListing, StoreListing
from kiosk.domain.locales import LOCALES, LocaleCode
from kiosk.domain.messages import N_, Message, define
from kiosk.domain.store_edit.checks import (
    MAX_DESCRIPTION,
    MAX_NAME,
    MAX_STALL,
    MAX_UNIT,
    is_stall_number,
    normalise_phone,
)

_T = TypeVar("_T")

#: Most data rows one file may hold (a city-scale market has 50,000 goods).
MAX_ROWS: Final = 200_000
#: Problems reported at most (the rest are counted).
MAX_PROBLEMS: Final = 50

WHERE = define("exchange.where", N_("{sheet}, row {row}: {column} {problem}"))
WHERE_ROW = define("exchange.where_row", N_("{sheet}, row {row}: {problem}"))
WHERE_SHEET = define("exchange.where_sheet", N_("{sheet}: {problem}"))
EMPTY_FILE = define(
    "exchange.empty_file", N_("the file is empty; export a market or the template to start from")
)
ONLY_HEADERS = define("exchange.only_headers", N_("the file has only the header row and no stores"))
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
TOO_MANY_ROWS = define(
    "exchange.too_many_rows", N_("the file has more than {max} rows; split it by market")
)
DUPLICATE_STALL = define(
    "exchange.duplicate_stall", N_("stall {stall} appears twice (also row {other})")
)
STALL_DIFFERS = define(
    "exchange.stall_differs",
    N_('differs from row {other} of stall {stall} ("{value}"); every row of a stall must agree'),
)
DUPLICATE_GOOD = define(
    "exchange.duplicate_good", N_('stall {stall} lists the good "{name}" twice (also row {other})')
)
GOOD_WITHOUT_STORE = define(
    "exchange.good_without_store", N_("stall {stall} has no row in the stores sheet")
)
NO_GOODS_SHEET = define(
    "exchange.no_goods_sheet",
    N_("the workbook has a stores sheet but no goods sheet ({sheet}); add it"),
)
MARKET_DIFFERS = define(
    "exchange.market_differs",
    N_('is "{value}", but this file is for the market "{market}"'),
)
BAD_HOURS = define(
    "exchange.bad_hours",
    N_(
        '"{value}" is not opening hours; write for example '
        "매일 06:00-21:00 · 매주 일요일 휴무, and put 메모: before free text"
    ),
)
BAD_PHONE = define(
    "exchange.bad_phone",
    N_('"{value}" is not a Korean phone number (for example 051-123-4567)'),
)
BAD_STALL = define(
    "exchange.bad_stall", N_("\"{value}\" is not a stall number (letters, digits and '-')")
)
MORE_PROBLEMS = define("exchange.more_problems", N_("… and {count} more problems"))


@dataclass(frozen=True, slots=True)
class Table:
    """One sheet as rows of cell values; ``rows[0]`` is the header (Excel's row 1)."""

    name: str
    rows: Sequence[Sequence[object]]


@dataclass(frozen=True, slots=True)
class CellRef:
    """Where a value came from: sheet, row as Excel shows it, column header's Korean name."""

    sheet: str
    row: int
    column: str = ""


@dataclass(frozen=True, slots=True)
class FileProblem:
    """One problem of a listings file; ``str()`` names where and what."""

    where: CellRef | None
    problem: Message

    def message(self) -> Message:
        where = self.where
        if where is None:
            return self.problem
        if where.row == 0:
            return WHERE_SHEET(sheet=where.sheet, problem=self.problem)
        if not where.column:
            return WHERE_ROW(sheet=where.sheet, row=where.row, problem=self.problem)
        return WHERE(sheet=where.sheet, row=where.row, column=where.column, problem=self.problem)

    def __str__(self) -> str:
        return str(self.message())


@dataclass(frozen=True, slots=True)
class ReadStore:
    """A store as read, with where it and its codes came from (for later problems)."""

    listing: StoreListing
    at: CellRef
    kakao_at: CellRef
    payment_at: CellRef
    goods_at: tuple[CellRef, ...] = ()


@dataclass
class ListingsFile:
    """What a file holds: the market it names (if any), the stores, and every problem."""

    market: str | None = None
    stores: list[ReadStore] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)
    rows: int = 0
    market_at: CellRef | None = None
    #: ``utf-8``, ``utf-8-sig`` or ``cp949`` for a CSV, ``xlsx`` for a workbook.
    encoding: str = ""

    @property
    def goods(self) -> int:
        return sum(len(s.listing.products) for s in self.stores)


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
class _Layout:
    table: Table
    columns: dict[str, int]
    stores: bool
    goods: bool

    def __post_init__(self) -> None:
        self.width = max(self.columns.values()) + 1
        self.store_indices = [
            self.columns[c.key] for c in fmt.STORE_COLUMNS if c.key in self.columns
        ]


def _layout(table: Table, out: ListingsFile) -> _Layout | None:
    header = list(table.rows[0]) if table.rows else []
    while header and is_blank(header[-1]):
        header.pop()
    columns: dict[str, int] = {}
    named = [(index, cell, fmt.column_for(cell)) for index, cell in enumerate(header)]
    if not any(column is not None for _index, _cell, column in named):
        _add(out, CellRef(table.name, 1), NO_COLUMNS())
        return None
    ok = True
    for index, cell, column in named:
        if is_blank(cell):
            continue
        if column is None:
            ok = False
            _add(out, CellRef(table.name, 1), UNKNOWN_COLUMN(header=quoted(cell)))
            continue
        if column.key in columns:
            ok = False
            other = column_letter(columns[column.key])
            _add(out, CellRef(table.name, 1), DUPLICATE_COLUMN(header=quoted(cell), other=other))
            continue
        columns[column.key] = index
    store_keys = {c.key for c in fmt.STORE_COLUMNS} - {fmt.MARKET.key, fmt.STALL.key}
    good_keys = {c.key for c in fmt.GOOD_COLUMNS}
    stores = bool(store_keys & columns.keys())
    goods = bool(good_keys & columns.keys())
    if not stores and not goods:
        if ok:
            _add(out, CellRef(table.name, 1), NO_COLUMNS())
        return None
    wanted = [fmt.STALL.key]
    if stores:
        wanted += [c.key for c in fmt.STORE_COLUMNS if c.key in store_keys]
    if goods:
        wanted += [c.key for c in fmt.GOOD_COLUMNS]
    missing = [fmt.ALL_COLUMNS[key].header for key in wanted if key not in columns]
    if missing:
        _add(out, CellRef(table.name, 1), MISSING_COLUMNS(headers=", ".join(missing)))
        return None
    return _Layout(table, columns, stores, goods) if ok else None


def _add(out: ListingsFile, where: CellRef | None, problem: Message) -> None:
    out.problems.append(FileProblem(where, problem))


# Rows ---------------------------------------------------------------------------------------------
class _Row:
    """Cell access for one row; conversion failures are collected, not raised."""

    def __init__(
        self, layout: _Layout, cells: Sequence[object], number: int, out: ListingsFile
    ) -> None:
        self.layout = layout
        if len(cells) < layout.width:
            cells = [*cells, *([None] * (layout.width - len(cells)))]
        self.cells = cells
        self.number = number
        self.out = out
        self.ok = True

    def ref(self, column: fmt.Column) -> CellRef:
        return CellRef(self.layout.table.name, self.number, column.korean)

    def raw(self, column: fmt.Column) -> object:
        index = self.layout.columns.get(column.key)
        return None if index is None else self.cells[index]

    def get(self, column: fmt.Column, convert: Callable[[object], _T], fallback: _T) -> _T:
        try:
            return convert(self.raw(column))
        except CellError as exc:
            self.fail(column, exc.message)
            return fallback

    def fail(self, column: fmt.Column, problem: Message) -> None:
        self.ok = False
        _add(self.out, self.ref(column), problem)

    def text(self, column: fmt.Column, limit: int, *, required: bool = False) -> str:
        value = self.get(column, lambda v: text_value(v, limit=limit).strip(), "")
        if required and not value and self.ok:
            self.fail(column, REQUIRED())
        return value

    def texts(
        self, columns: Sequence[fmt.Column], limit: int, *, lines: bool = False
    ) -> dict[LocaleCode, str]:
        values: dict[LocaleCode, str] = {}
        for locale, column in zip(LOCALES, columns, strict=True):
            text = self.get(column, lambda v: text_value(v, limit=limit, lines=lines).strip(), "")
            if text:
                values[locale] = text
        return values


def _stall(row: _Row) -> str:
    stall = row.text(fmt.STALL, MAX_STALL)
    if not stall:
        row.fail(fmt.STALL, REQUIRED())
    elif not is_stall_number(stall):
        row.fail(fmt.STALL, BAD_STALL(value=quoted(stall)))
    return stall


def _hours(value: object) -> OpeningHours:
    text = text_value(value)
    try:
        return parse_hours_cell(text)
    except HoursTextError:
        raise CellError(BAD_HOURS(value=quoted(text))) from None


def _phone(value: object) -> str:
    text = text_value(value, limit=40).strip()
    phone = normalise_phone(text)
    if phone is None:
        raise CellError(BAD_PHONE(value=quoted(text)))
    return phone


def _store(row: _Row, stall: str) -> StoreListing:
    names = row.texts(fmt.NAMES, MAX_NAME)
    if "ko" not in names:
        row.fail(fmt.NAMES[0], REQUIRED())
    return StoreListing(
        stall_number=stall,
        category=row.get(fmt.CATEGORY, category_value, Category.OTHER),
        name=names,
        description=row.texts(fmt.DESCRIPTIONS, MAX_DESCRIPTION, lines=True),
        phone=row.get(fmt.PHONE, _phone, ""),
        hours=row.get(fmt.HOURS, _hours, OpeningHours()),
        payment_methods=row.get(fmt.PAYMENTS, payments_value, ()),
        kakao=row.get(fmt.KAKAO, lambda v: text_value(v, limit=200).strip(), ""),
        payment=row.get(fmt.PAYMENT_QR, lambda v: text_value(v, limit=1000).strip(), ""),
        active=row.get(fmt.ACTIVE, lambda v: yes_no_value(v, default=True), True),
    )


def _good(row: _Row) -> GoodListing | None:
    """The row's good, or None when every goods cell is empty (a store without goods)."""
    if all(is_blank(row.raw(c)) for c in fmt.GOOD_COLUMNS):
        return None
    names = row.texts(fmt.GOOD_NAMES, MAX_NAME)
    if "ko" not in names:
        row.fail(fmt.GOOD_NAMES[0], REQUIRED())
    return GoodListing(
        id=None,
        name=names,
        price_won=row.get(fmt.PRICE, price_value, 0),
        unit=row.text(fmt.UNIT, MAX_UNIT),
        sold_out=row.get(fmt.SOLD_OUT, lambda v: yes_no_value(v, default=False), False),
    )


# The whole file -----------------------------------------------------------------------------------
@dataclass
class _Gathered:
    store: StoreListing | None = None
    at: CellRef | None = None
    #: The store cells of the stall's first row: a repeated row with the same cells is skipped.
    cells: tuple[object, ...] = ()
    goods: list[tuple[GoodListing, CellRef]] = field(default_factory=list)
    good_names: dict[str, int] = field(default_factory=dict)


def read_tables(tables: Sequence[Table]) -> ListingsFile:
    """Every store the *tables* describe, in the order of first appearance, or the problems.

    Rows whose cells are all empty are skipped. A stall's rows must agree on
    the store's columns; goods keep their row order.
    """
    out = ListingsFile()
    tables = [t for t in tables if t.name != fmt.GUIDE_SHEET]
    if not tables or all(not any(not is_blank(c) for r in t.rows for c in r) for t in tables):
        _add(out, None, EMPTY_FILE())
        return out
    layouts = [layout for t in tables if t.rows and (layout := _layout(t, out)) is not None]
    if out.problems:
        return out
    if any(layout.stores for layout in layouts) and not any(layout.goods for layout in layouts):
        _add(out, None, NO_GOODS_SHEET(sheet=fmt.GOODS_SHEET))
        return out
    gathered: dict[str, _Gathered] = {}
    order: list[str] = []
    for layout in sorted(layouts, key=lambda lay: not lay.stores):  # stores before goods
        for index, cells in enumerate(layout.table.rows[1:], start=2):
            if all(is_blank(c) for c in cells):
                continue
            out.rows += 1
            if out.rows > MAX_ROWS:
                _add(out, CellRef(layout.table.name, index), TOO_MANY_ROWS(max=MAX_ROWS))
                return out
            row = _Row(layout, cells, index, out)
            _read_row(row, out, gathered, order)
            if len(out.problems) > MAX_PROBLEMS * 4:
                return out
    if out.rows == 0:
        _add(out, None, ONLY_HEADERS())
        return out
    for stall in order:
        found = gathered[stall]
        if found.store is None or found.at is None:
            ref = found.goods[0][1] if found.goods else None
            _add(out, ref and replace(ref, column=""), GOOD_WITHOUT_STORE(stall=stall))
            continue
        store = replace(found.store, products=tuple(g for g, _ in found.goods))
        at = found.at
        out.stores.append(
            ReadStore(
                listing=store,
                at=at,
                kakao_at=replace(at, column=fmt.KAKAO.korean),
                payment_at=replace(at, column=fmt.PAYMENT_QR.korean),
                goods_at=tuple(ref for _, ref in found.goods),
            )
        )
    return out


def _read_row(
    row: _Row, out: ListingsFile, gathered: dict[str, _Gathered], order: list[str]
) -> None:
    layout = row.layout
    stall = _stall(row)
    market = row.text(fmt.MARKET, 64) if fmt.MARKET.key in layout.columns else ""
    if market:
        if out.market is None:
            out.market, out.market_at = market, row.ref(fmt.MARKET)
        elif market != out.market:
            row.fail(fmt.MARKET, MARKET_DIFFERS(value=quoted(market), market=out.market))
    if not stall:
        return
    entry = gathered.get(stall)
    if entry is None:
        entry = gathered[stall] = _Gathered()
        order.append(stall)
    if layout.stores:
        cells = tuple(row.cells[i] for i in layout.store_indices)
        if entry.store is not None and layout.goods and cells == entry.cells:
            store = entry.store  # the same store cells again (one row per good): read once
        else:
            store = _store(row, stall)
        if entry.store is None:
            if row.ok:
                entry.store, entry.at = store, CellRef(layout.table.name, row.number)
                entry.cells = cells
        elif not layout.goods:
            assert entry.at is not None
            row.fail(fmt.STALL, DUPLICATE_STALL(stall=stall, other=entry.at.row))
        elif row.ok:
            _same_store(row, entry, store)
    if layout.goods:
        good = _good(row)
        if good is not None and row.ok:
            name = good.name.get("ko", "")
            if name in entry.good_names:
                other = entry.good_names[name]
                row.fail(fmt.GOOD_NAMES[0], DUPLICATE_GOOD(stall=stall, name=name, other=other))
                return
            entry.good_names[name] = row.number
            entry.goods.append((good, CellRef(layout.table.name, row.number)))


def _same_store(row: _Row, entry: _Gathered, store: StoreListing) -> None:
    """A repeated store row (one per good) must say the same as the stall's first row."""
    first = entry.store
    assert first is not None and entry.at is not None
    if first == store:
        return
    for column, mine, theirs in _store_cells(store, first):
        if mine != theirs:
            row.fail(
                column,
                STALL_DIFFERS(other=entry.at.row, stall=store.stall_number, value=quoted(theirs)),
            )
            return


def _store_cells(a: StoreListing, b: StoreListing) -> list[tuple[fmt.Column, str, str]]:
    left, right = store_cells(a, ""), store_cells(b, "")
    columns = fmt.STORE_COLUMNS
    return [(c, x, y) for c, x, y in zip(columns, left, right, strict=True)]


def problem_lines(listing: ListingsFile, limit: int = MAX_PROBLEMS) -> list[Message]:
    """The first *limit* problems as messages, then how many more there are."""
    shown = [p.message() for p in listing.problems[:limit]]
    rest = len(listing.problems) - limit
    if rest > 0:
        shown.append(MORE_PROBLEMS(count=rest))
    return shown
