"""Goods read column by column (each distinct cell once) equal the row reader's, problems too."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from kiosk.domain.categories import Category
from kiosk.domain.exchange import file_format as fmt
from kiosk.domain.exchange import read as exchange_read
from kiosk.domain.exchange.csv_file import decode_csv, read_csv, write_csv
from kiosk.domain.exchange.goods_columns import read_goods_columns
from kiosk.domain.exchange.header import read_layout
from kiosk.domain.exchange.problems import ListingsFile, Table
from kiosk.domain.exchange.read import read_tables
from kiosk.domain.exchange.write import Cell, flat_rows, goods_rows, store_rows
from kiosk.domain.hours import OpeningHours
from kiosk.domain.listing import GoodListing, StoreListing

pytestmark = pytest.mark.usefixtures("english")


_NAMES = ({"ko": "고등어", "en": "Mackerel", "ja": "サバ"}, {"ko": "갈치"}, {"ko": "무"})


def _market(count: int = 12) -> list[StoreListing]:
    """Stores with repeated and distinct goods, one without goods, units and sold-out mixed."""
    stores = []
    for n in range(count):
        goods = tuple(
            GoodListing(None, dict(_NAMES[g]), 1000 * (n % 4 + g), "마리" if g else "", n % 3 == g)
            for g in range(0 if n == 5 else 3)
        )
        stores.append(
            StoreListing(
                stall_number=f"A-{n + 1}",
                category=Category.SEAFOOD,
                name={"ko": f"가게 {n % 4}", "en": "Shop"},
                phone="051-000-0101",
                hours=OpeningHours.every_day(360, 1260),
                products=goods,
            )
        )
    return stores


def _csv(stores: list[StoreListing]) -> Table:
    text, _ = decode_csv(write_csv(flat_rows(stores, "m")), "t.csv")
    return read_csv(text, "t.csv", "t.csv")


def _plain(rows: Iterable[list[Cell]]) -> list[list[object]]:
    return [[str(c) if isinstance(c, str) else c for c in row] for row in rows]


def _row_by_row(tables: list[Table], monkeypatch: pytest.MonkeyPatch) -> ListingsFile:
    with monkeypatch.context() as patch:
        patch.setattr(exchange_read, "read_goods_columns", lambda layout: None)
        return read_tables(tables)


def test_columns_read_what_the_rows_read(monkeypatch: pytest.MonkeyPatch) -> None:
    stores = _market()
    workbook = [  # as the workbook reader gives them: plain str and int cells
        Table(fmt.STORES_SHEET, _plain(store_rows(stores, "m"))),
        Table(fmt.GOODS_SHEET, _plain(goods_rows(stores))),
    ]
    for tables in ([_csv(stores)], workbook):
        layouts = [read_layout(t, ListingsFile()) for t in tables]
        assert any(lay is not None and read_goods_columns(lay) for lay in layouts)
        fast, slow = read_tables(tables), _row_by_row(tables, monkeypatch)
        assert fast.problems == slow.problems == []
        assert fast.stores == slow.stores
        assert [s.listing for s in fast.stores] == stores


def _with(table: Table, row: int, column: fmt.Column, value: object) -> Table:
    rows = [list(r) for r in table.rows]
    rows[row - 1][rows[0].index(column.header)] = value
    return Table(table.name, rows)


def test_a_refused_good_cell_sends_the_sheet_to_the_row_reader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    table = _with(_with(_csv(_market()), 7, fmt.UNIT, "x" * 40), 3, fmt.PRICE, "5천원")
    table = _with(table, 3, fmt.GOOD_NAMES[1], "=1+1")
    layout = read_layout(table, ListingsFile())
    assert layout is not None and read_goods_columns(layout) is None
    found = [str(p) for p in read_tables([table]).problems]
    assert found == [str(p) for p in _row_by_row([table], monkeypatch).problems]
    assert found == [  # row order, then column order, as the rows name them
        't.csv, row 3: 상품 이름 영어 "=1+1" is a formula; type the value itself (or start '
        "the cell with ')",
        't.csv, row 3: 가격 "5천원" is not a whole number of won',
        "t.csv, row 7: 단위 has 40 characters; at most 20 fit",
    ]


def test_a_good_row_without_a_korean_name_is_named() -> None:
    table = _with(_csv(_market()), 4, fmt.GOOD_NAMES[0], "")
    assert [str(p) for p in read_tables([table]).problems] == [
        "t.csv, row 4: 상품 이름 is empty; it is required"
    ]


def test_the_same_refused_cell_is_named_in_every_row() -> None:
    """A converter's outcome is kept per distinct cell: the problem too, for each row."""
    rows = _csv(_market(3))
    table = _with(_with(rows, 2, fmt.HOURS, "10시~20시"), 5, fmt.HOURS, "10시~20시")
    table = _with(_with(table, 3, fmt.SOLD_OUT, "글쎄"), 4, fmt.SOLD_OUT, "글쎄")
    found = [str(p) for p in read_tables([table]).problems]
    assert [line.split(":")[0] for line in found] == [
        "t.csv, row 2",
        "t.csv, row 3",
        "t.csv, row 4",
        "t.csv, row 5",
    ]
    assert '영업시간 "10시~20시" is not opening hours' in found[0]
    assert '영업시간 "10시~20시" is not opening hours' in found[3]
    assert '품절 "글쎄" is neither 예 nor 아니오' in found[1]
    assert '품절 "글쎄" is neither 예 nor 아니오' in found[2]


def test_a_run_of_one_stalls_rows_with_a_gap_or_a_twice_named_good(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A stall's rows (the same store cells) are taken at once only when each has its own
    good; a row without one, or a good named twice, sends the run to the rows, same result."""
    table = _csv(_market(4))
    goods_at = [table.rows[0].index(c.header) for c in fmt.GOOD_COLUMNS]
    gap = [list(r) for r in table.rows]
    gap.insert(3, [*gap[2][: min(goods_at)], *[""] * len(goods_at)])  # stall A-1, no good
    twice = _with(table, 4, fmt.GOOD_NAMES[0], "고등어")  # A-1's third good named as its first
    for rows in (Table("t.csv", gap), twice):
        fast, slow = read_tables([rows]), _row_by_row([rows], monkeypatch)
        assert fast.stores == slow.stores and fast.problems == slow.problems
        assert fast.rows == slow.rows
    assert [len(s.listing.products) for s in read_tables([Table("t.csv", gap)]).stores] == [
        3,
        3,
        3,
        3,
    ]
    assert [str(p) for p in read_tables([twice]).problems] == [
        't.csv, row 4: 상품 이름 stall A-1 lists the good "고등어" twice (also row 2)'
    ]


def test_rows_of_equal_goods_share_one_good_and_numbers_are_read_by_column(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Text goods cells are read once per distinct row of them (the rows share that good);
    number cells, where 1, 1.0 and True are equal keys, are read column by column, the same
    as row by row (a bad one named in its row)."""
    table = _csv(_market())
    layout = read_layout(table, ListingsFile())
    assert layout is not None
    goods = read_goods_columns(layout)
    assert goods is not None
    mackerel = [g for g in goods if g is not None and g.name["ko"] == "고등어" and g.unit == ""]
    assert len({id(g) for g in mackerel}) < len(mackerel)  # equal rows: one good
    plain = _plain(table.rows)
    price = plain[0].index(fmt.PRICE.header)
    mixed = [list(r) for r in plain]
    mixed[1][price], mixed[2][price], mixed[3][price] = 1000, 1000.0, True
    for rows in (Table("t.csv", plain), Table("t.csv", mixed)):
        fast, slow = read_tables([rows]), _row_by_row([rows], monkeypatch)
        assert fast.stores == slow.stores and fast.problems == slow.problems
    first = read_tables([Table("t.csv", mixed)]).problems[0]
    assert str(first).startswith("t.csv, row 4: 가격")
