"""Stores read column by column (each distinct cell once) equal the row reader's, problems too."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields, replace

import pytest

from kiosk.domain.categories import Category
from kiosk.domain.exchange import file_format as fmt
from kiosk.domain.exchange import read as exchange_read
from kiosk.domain.exchange.csv_file import decode_csv, read_csv, write_csv
from kiosk.domain.exchange.header import read_layout
from kiosk.domain.exchange.problems import ListingsFile, Table
from kiosk.domain.exchange.read import read_tables
from kiosk.domain.exchange.store_columns import read_store_columns
from kiosk.domain.exchange.write import Cell, flat_rows, goods_rows, store_rows
from kiosk.domain.hours import OpeningHours
from kiosk.domain.listing import GoodListing, StoreListing
from kiosk.domain.payments import PaymentMethod

pytestmark = pytest.mark.usefixtures("english")


def _market(count: int = 9) -> list[StoreListing]:
    """Stores with shared and distinct cells: names, descriptions in some locales, phones,
    hours, ways to pay, codes, active or not, with and without goods."""
    stores = []
    for n in range(count):
        goods = tuple(
            GoodListing(None, {"ko": f"상품 {g}"}, 1000 * (g + 1), "개") for g in range(n % 3)
        )
        stores.append(
            StoreListing(
                stall_number=f"B-{n + 1}",
                category=(Category.SEAFOOD, Category.PRODUCE)[n % 2],
                name={"ko": f"가게 {n % 4}", **({"en": "Shop"} if n % 2 else {})},
                description={"ko": "첫 줄\n둘째 줄"} if n % 3 == 0 else {},
                phone=f"051-000-01{n % 5:02d}",
                hours=OpeningHours.every_day(360, 1260) if n % 2 else OpeningHours(),
                payment_methods=(PaymentMethod.CASH,) if n % 2 else (),
                kakao="_abcd" if n == 4 else "",
                active=n != 7,
                products=goods,
            )
        )
    return stores


def _csv(stores: list[StoreListing]) -> Table:
    text, _ = decode_csv(write_csv(flat_rows(stores, "m")), "t.csv")
    return read_csv(text, "t.csv", "t.csv")


def _row_by_row(tables: list[Table], monkeypatch: pytest.MonkeyPatch) -> ListingsFile:
    with monkeypatch.context() as patch:
        patch.setattr(exchange_read, "read_store_columns", lambda *_args: None)
        return read_tables(tables)


def _with(table: Table, row: int, column: fmt.Column, value: object) -> Table:
    rows = [list(r) for r in table.rows]
    rows[row - 1][rows[0].index(column.header)] = value
    return Table(table.name, rows)


def _first_rows(table: Table) -> list[list[object]]:
    """The first row of each stall in *table*."""
    at = table.rows[0].index(fmt.STALL.header)
    rows: dict[str, list[object]] = {}
    for row in table.rows[1:]:
        rows.setdefault(str(row[at]), list(row))
    return list(rows.values())


def test_columns_read_what_the_rows_read(monkeypatch: pytest.MonkeyPatch) -> None:
    stores = _market()
    table = _csv(stores)
    layout = read_layout(table, ListingsFile())
    assert layout is not None
    assert read_store_columns(layout, _first_rows(table)) == [
        ("m", replace(s, products=())) for s in stores
    ]
    fast, slow = read_tables([table]), _row_by_row([table], monkeypatch)
    assert fast.problems == slow.problems == []
    assert fast.stores == slow.stores
    assert [s.listing for s in fast.stores] == stores


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        (fmt.PHONE, "전화 없음", '전화번호 "전화 없음" is not a Korean phone number'),
        (fmt.HOURS, "10시~20시", '영업시간 "10시~20시" is not opening hours'),
        (fmt.CATEGORY, "우주선", '업종 "우주선" is not a category'),
        (fmt.ACTIVE, "글쎄", '영업 중 "글쎄" is neither 예 nor 아니오'),
        (fmt.NAMES[0], "", "점포 이름 is empty; it is required"),
        (fmt.NAMES[1], "=1+1", '점포 이름 영어 "=1+1" is a formula'),
        (fmt.DESCRIPTIONS[0], "x" * 2001, "소개 has 2001 characters"),
        (fmt.STALL, "B 3", '점포 번호 "B 3" is not a stall number'),
        (fmt.MARKET, "n" * 65, "시장 has 65 characters"),
    ],
)
def test_a_refused_store_cell_is_named_as_the_rows_name_it(
    monkeypatch: pytest.MonkeyPatch, column: fmt.Column, value: str, message: str
) -> None:
    """A bad cell sends the stores to the row reader: the same message, row and column."""
    table = _with(_csv(_market()), 4, column, value)
    layout = read_layout(table, ListingsFile())
    assert layout is not None
    assert read_store_columns(layout, _first_rows(table)) is None
    found = [str(p) for p in read_tables([table]).problems]
    assert found == [str(p) for p in _row_by_row([table], monkeypatch).problems]
    assert found[0].startswith(f"t.csv, row 4: {message}"), found


def test_a_blank_row_or_a_stall_read_differently_takes_the_rows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A row without a stall never reads its store; a stall the rows read otherwise (without
    the formula-safe apostrophe) takes the store the rows read."""
    table = _csv(_market(4))
    rows = [list(r) for r in table.rows]
    rows.insert(3, [""] * len(rows[0]))
    quoted = _with(table, 2, fmt.STALL, "'+B-1")  # read as +B-1 (a stall refused)
    for tables in ([Table("t.csv", rows)], [quoted]):
        fast, slow = read_tables(tables), _row_by_row(tables, monkeypatch)
        assert fast.stores == slow.stores and fast.problems == slow.problems
    assert [str(p) for p in read_tables([quoted]).problems] == [
        "t.csv, row 2: 점포 번호 \"+B-1\" is not a stall number (letters, digits and '-')",
        "stall +B-1 has no row in the stores sheet",
    ]


def test_cells_that_are_not_text_take_the_rows() -> None:
    """A workbook's number in a store column is converted by the row reader (1 and True
    would share one look-up here)."""
    table = _csv(_market(3))
    layout = read_layout(table, ListingsFile())
    assert layout is not None
    assert read_store_columns(layout, _first_rows(_with(table, 2, fmt.ACTIVE, True))) is None


def test_with_goods_is_replace_for_every_field() -> None:
    """The reader's copy of a store with its goods keeps every other field, whatever is added
    to the listing later (each field here differs from its default)."""
    store = StoreListing(
        stall_number="C-1",
        category=Category.PRODUCE,
        name={"ko": "가게"},
        description={"ko": "소개"},
        phone="051-000-0101",
        hours=OpeningHours.every_day(360, 1260),
        payment_methods=(PaymentMethod.CASH,),
        kakao="_abcd",
        payment="000201",
        active=False,
    )
    defaults = StoreListing(stall_number="", category=Category.OTHER, name={})
    assert all(
        getattr(store, f.name) != getattr(defaults, f.name)
        for f in fields(StoreListing)
        if f.name != "products"
    ), "give the new field a value here"
    goods = (GoodListing(None, {"ko": "무"}, 1000),)
    assert exchange_read.with_goods(store, goods) == replace(store, products=goods)


def _workbook(stores: list[StoreListing]) -> list[Table]:
    """The two sheets as the workbook reader gives them (text and whole-number cells)."""

    def plain(rows: Iterable[list[Cell]]) -> list[list[object]]:
        return [[str(c) if isinstance(c, str) else c for c in row] for row in rows]

    return [
        Table(fmt.STORES_SHEET, plain(store_rows(stores, "m"))),
        Table(fmt.GOODS_SHEET, plain(goods_rows(stores))),
    ]


def test_a_workbooks_stores_sheet_is_read_by_column(monkeypatch: pytest.MonkeyPatch) -> None:
    """One row per store (no goods in the sheet): each row is read column by column, the
    same stores as row by row; a bad cell is named in its row as before."""
    stores = _market()
    tables = _workbook(stores)
    fast, slow = read_tables(tables), _row_by_row(tables, monkeypatch)
    assert fast.problems == slow.problems == []
    assert fast.stores == slow.stores
    assert [s.listing for s in fast.stores] == stores
    bad = [_with(tables[0], 3, fmt.PHONE, "전화 없음"), tables[1]]
    found = [str(p) for p in read_tables(bad).problems]
    assert found == [str(p) for p in _row_by_row(bad, monkeypatch).problems]
    assert found[0] == (
        f'{fmt.STORES_SHEET}, row 3: 전화번호 "전화 없음" is not a Korean phone number '
        "(for example 051-123-4567)"
    )


def test_stores_with_the_same_names_share_one_dict() -> None:
    """One dict per distinct set of name (or description) cells, as for the goods' names."""
    table = _csv(_market())
    layout = read_layout(table, ListingsFile())
    assert layout is not None
    read = read_store_columns(layout, _first_rows(table))
    assert read is not None
    names = [store.name for _market, store in read]
    same = [n for n in names if n == {"ko": "가게 1", "en": "Shop"}]
    assert len(same) > 1 and all(n is same[0] for n in same)
