"""Read the tables of a listings file (CSV or XLSX sheets) into store listings, or every problem.

Everything is checked before anything could be written: each problem names the
sheet, the row number as Excel shows it (the header is row 1), the column and
what is wrong. The services add the checks that need more than the file (the
QR parsers, the market's stores) and write all of it or nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import groupby, repeat
from operator import is_
from typing import Final, TypeAlias, cast

from kiosk.domain.exchange import file_format as fmt
from kiosk.domain.exchange.cells import is_blank, is_blank_row, quoted
from kiosk.domain.exchange.goods_columns import read_goods_columns
from kiosk.domain.exchange.header import Layout, read_layout
from kiosk.domain.exchange.problems import (
    MAX_PROBLEMS,
    CellRef,
    ListingsFile,
    ReadStore,
    Table,
    add_problem,
)
from kiosk.domain.exchange.rows import MAX_MARKET, Row, read_good, read_stall, read_store
from kiosk.domain.exchange.store_columns import read_store_columns
from kiosk.domain.exchange.write import store_cells
from kiosk.domain.listing import GoodListing, StoreListing
from kiosk.domain.messages import N_, define

#: Most data rows one file may hold: the app's own export of a 100,000-store market with
#: 10 goods a store has 1,000,000; twice that is no listings file.
MAX_ROWS: Final = 2_000_000
#: A sheet's goods read column by column, by data row (None: the row has no good).
_Goods: TypeAlias = Sequence[GoodListing | None]

EMPTY_FILE = define(
    "exchange.empty_file", N_("the file is empty; export a market or the template to start from")
)
ONLY_HEADERS = define("exchange.only_headers", N_("the file has only the header row and no stores"))
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


@dataclass
class _Gathered:
    store: StoreListing | None = None
    at: CellRef | None = None
    #: The store cells of the stall's first row: a repeated row with the same cells is skipped.
    cells: object = None
    goods: list[GoodListing] = field(default_factory=list)
    #: (sheet, row) of each good.
    good_rows: list[tuple[str, int]] = field(default_factory=list)
    good_names: dict[str, int] = field(default_factory=dict)


def read_tables(tables: Sequence[Table]) -> ListingsFile:
    """Every store the *tables* describe, in the order of first appearance, or the problems.

    Rows whose cells are all empty are skipped. A stall's rows must agree on
    the store's columns; goods keep their row order.
    """
    out = ListingsFile()
    tables = [t for t in tables if t.name != fmt.GUIDE_SHEET]
    if not tables or all(not any(not is_blank(c) for r in t.rows for c in r) for t in tables):
        add_problem(out, None, EMPTY_FILE())
        return out
    layouts = [layout for t in tables if t.rows and (layout := read_layout(t, out)) is not None]
    if out.problems:
        return out
    if any(layout.stores for layout in layouts) and not any(layout.goods for layout in layouts):
        add_problem(out, None, NO_GOODS_SHEET(sheet=fmt.GOODS_SHEET))
        return out
    reader = _Reader(out)
    for layout in sorted(layouts, key=lambda lay: not lay.stores):  # stores before goods
        if not reader.sheet(layout):
            return out
    if out.rows == 0:
        add_problem(out, None, ONLY_HEADERS())
        return out
    for stall in reader.order:
        found = reader.gathered[stall]
        if found.store is None or found.at is None:
            ref = CellRef(*found.good_rows[0]) if found.good_rows else None
            add_problem(out, ref, GOOD_WITHOUT_STORE(stall=stall))
            continue
        store = with_goods(found.store, tuple(found.goods))
        at = found.at
        out.stores.append(ReadStore(listing=store, at=at, good_rows=tuple(found.good_rows)))
    return out


def with_goods(store: StoreListing, goods: tuple[GoodListing, ...]) -> StoreListing:
    """``replace(store, products=goods)`` without its walk over the fields (thousands of
    stores a file); a test holds it to ``replace`` for every field."""
    return StoreListing(
        stall_number=store.stall_number,
        category=store.category,
        name=store.name,
        description=store.description,
        phone=store.phone,
        hours=store.hours,
        payment_methods=store.payment_methods,
        kakao=store.kakao,
        payment=store.payment,
        active=store.active,
        products=goods,
    )


@dataclass
class _Last:
    """The row before, when its store cells read without a problem: a row with the same
    store cells (the CSV's one row per good) takes its stall and store as they are."""

    layout: Layout | None = None
    cells: object = None
    stall: str = ""
    entry: _Gathered | None = None


@dataclass
class _Reader:
    """The stalls read so far, in order of first appearance, and the row before."""

    out: ListingsFile
    gathered: dict[str, _Gathered] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    last: _Last = field(default_factory=_Last)

    def sheet(self, layout: Layout) -> bool:
        """Every data row of *layout*'s sheet; False when reading must stop (too many rows
        or problems). A run of rows with the same store cells (the CSV's one row per good)
        is read in full for its first row, its other rows' goods taken at once when they
        were read column by column without a problem."""
        goods = read_goods_columns(layout)  # None: a cell is refused, read row by row
        body = layout.table.rows[1:]
        if goods is None:  # a workbook's stores sheet: each row its own store
            ready = (
                _run_stores(layout, body, [[i] for i in range(len(body))])
                if not layout.goods
                else {}
            )
            return all(
                self.row(layout, cells, n, None, ready.get(n - 2))
                for n, cells in enumerate(body, 2)
            )
        keys = list(map(layout.store_key, body))
        runs = [list(run) for _key, run in groupby(range(len(body)), key=keys.__getitem__)]
        stores = _run_stores(layout, body, runs)
        for at in runs:
            if not self.row(layout, body[at[0]], at[0] + 2, goods, stores.get(at[0])):
                return False
            rest = at[1:]
            if (
                rest
                and not self._same_store_goods(layout, keys[at[0]], goods, rest)
                and not all(self.row(layout, body[i], i + 2, goods) for i in rest)
            ):
                return False
        return True

    def row(
        self,
        layout: Layout,
        cells: Sequence[object],
        number: int,
        goods: _Goods | None,
        store: tuple[str, StoreListing] | None = None,
    ) -> bool:
        """Row *number* read in full (*store*: its store cells read column by column);
        False when reading must stop."""
        out = self.out
        if is_blank_row(cells):
            return True
        out.rows += 1
        if out.rows > MAX_ROWS:
            add_problem(out, CellRef(layout.table.name, number), TOO_MANY_ROWS(max=MAX_ROWS))
            return False
        row = Row(layout, cells, number, out)
        _read_row(row, out, self.gathered, self.order, self.last, goods=goods, store=store)
        return len(out.problems) <= MAX_PROBLEMS * 4

    def _same_store_goods(self, layout: Layout, key: object, goods: _Goods, at: list[int]) -> bool:
        """The goods of the rows *at* (consecutive, with the store cells *key* of the row read
        just before) added to that row's stall; False (nothing added) when a row has no good
        or names one twice, or the file gets too long: then they are read row by row."""
        last, out = self.last, self.out
        entry = last.entry
        found = goods[at[0] : at[-1] + 1]
        if entry is None or last.layout is not layout or last.cells != key:
            return False
        if any(map(is_, found, repeat(None))):  # by identity: no good's __eq__ per row
            return False
        present = cast(Sequence[GoodListing], found)  # no None (above)
        names = [good.name.get("ko", "") for good in present]
        if len(set(names)) < len(names) or not entry.good_names.keys().isdisjoint(names):
            return False
        if out.rows + len(at) > MAX_ROWS:
            return False
        numbers = range(at[0] + 2, at[-1] + 3)
        entry.good_names.update(zip(names, numbers, strict=True))
        entry.goods.extend(present)
        entry.good_rows.extend(zip(repeat(layout.table.name), numbers))
        out.rows += len(at)
        return True


def _run_stores(
    layout: Layout, body: Sequence[Sequence[object]], runs: list[list[int]]
) -> dict[int, tuple[str, StoreListing]]:
    """The market cell and store of each run's first row (by index in *body*), read column
    by column; none when a cell is refused (the rows are then read one by one, naming each
    problem). A row without a stall cell (a blank row too) is left to the row reader."""
    stall_at = layout.columns[fmt.STALL.key]
    firsts = [
        at[0] for at in runs if len(body[at[0]]) > stall_at and not is_blank(body[at[0]][stall_at])
    ]
    stores = read_store_columns(layout, [body[i] for i in firsts])
    return {} if stores is None else dict(zip(firsts, stores, strict=True))


def _read_row(
    row: Row,
    out: ListingsFile,
    gathered: dict[str, _Gathered],
    order: list[str],
    last: _Last,
    *,
    goods: _Goods | None,
    store: tuple[str, StoreListing] | None,
) -> None:
    layout = row.layout
    cells = layout.store_key(row.cells)
    if last.entry is not None and last.layout is layout and layout.goods and cells == last.cells:
        _read_good_row(row, last.entry, last.stall, goods)
        return
    last.entry = None
    entry = _read_store_part(row, out, gathered, order, cells, ready=store)
    if entry is None:
        return
    stall = row.stall
    if row.ok:
        last.layout, last.cells, last.stall, last.entry = layout, cells, stall, entry
    if layout.goods:
        _read_good_row(row, entry, stall, goods)


def _read_store_part(
    row: Row,
    out: ListingsFile,
    gathered: dict[str, _Gathered],
    order: list[str],
    cells: object,
    *,
    ready: tuple[str, StoreListing] | None,
) -> _Gathered | None:
    """The row's stall, market and store columns; the stall's entry (None without a stall).
    *ready*: its market cell and store read column by column (no cell refused)."""
    layout = row.layout
    if ready is not None:
        market, store = ready
        stall = row.stall = store.stall_number
    else:
        stall = row.stall = read_stall(row)
        market = row.text(fmt.MARKET, MAX_MARKET) if fmt.MARKET.key in layout.columns else ""
    if market:
        if out.market is None:
            out.market, out.market_at = market, row.ref(fmt.MARKET)
        elif market != out.market:
            row.fail(fmt.MARKET, MARKET_DIFFERS(value=quoted(market), market=out.market))
    if not stall:
        return None
    entry = gathered.get(stall)
    if entry is None:
        entry = gathered[stall] = _Gathered()
        order.append(stall)
    if layout.stores:
        if entry.store is not None and layout.goods and cells == entry.cells:
            store = entry.store  # the same store cells again (one row per good): read once
        elif ready is None:
            store = read_store(row, stall)
        if entry.store is None:
            if row.ok:
                entry.store, entry.at = store, CellRef(layout.table.name, row.number)
                entry.cells = cells
        elif not layout.goods:
            assert entry.at is not None
            row.fail(fmt.STALL, DUPLICATE_STALL(stall=stall, other=entry.at.row))
        elif row.ok:
            _same_store(row, entry, store)
    return entry


def _read_good_row(
    row: Row, entry: _Gathered, stall: str, goods: Sequence[GoodListing | None] | None
) -> None:
    """The row's good added to its stall's (*goods*: the sheet's, read column by column)."""
    good = goods[row.number - 2] if goods is not None else read_good(row)
    if good is not None and row.ok:
        name = good.name.get("ko", "")
        if name in entry.good_names:
            other = entry.good_names[name]
            row.fail(fmt.GOOD_NAMES[0], DUPLICATE_GOOD(stall=stall, name=name, other=other))
            return
        entry.good_names[name] = row.number
        entry.goods.append(good)
        entry.good_rows.append((row.layout.table.name, row.number))


def _same_store(row: Row, entry: _Gathered, store: StoreListing) -> None:
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
