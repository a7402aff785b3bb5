"""Listings files in the domain: formula safety, strict decoding, and every bad input named."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.categories import Category
from kiosk.domain.exchange import file_format as fmt
from kiosk.domain.exchange.csv_file import ExchangeFileError, decode_csv, read_csv, write_csv
from kiosk.domain.exchange.problems import Table
from kiosk.domain.exchange.read import MAX_ROWS, read_tables
from kiosk.domain.exchange.write import flat_rows, goods_rows, store_rows
from kiosk.domain.hours import OpeningHours
from kiosk.domain.listing import GoodListing, StoreListing
from kiosk.domain.payments import PaymentMethod

pytestmark = pytest.mark.usefixtures("english")


def store(stall: str = "A-1", **kw: object) -> StoreListing:
    values: dict[str, object] = {
        "category": Category.SEAFOOD,
        "name": {"ko": "바다 수산", "en": "Sea Fish"},
        "description": {"ko": "새벽 생선"},
        "phone": "051-000-0101",
        "hours": OpeningHours.every_day(360, 1260, closed=(6,)),
        "payment_methods": (PaymentMethod.CASH, PaymentMethod.ZEROPAY),
        "products": (
            GoodListing(None, {"ko": "고등어", "en": "Mackerel"}, 5000, "마리"),
            GoodListing(None, {"ko": "갈치"}, 15000, "마리", True),
        ),
    }
    values.update(kw)
    return StoreListing(stall_number=stall, **values)  # type: ignore[arg-type]


def csv_table(stores: list[StoreListing], market: str = "test") -> Table:
    data = write_csv(flat_rows(stores, market))
    text, _ = decode_csv(data, "t.csv")
    return read_csv(text, "t.csv", "t.csv")


def rows_of(stores: list[StoreListing]) -> list[list[object]]:
    return [list(row) for row in flat_rows(stores, "test")]


def problems(tables: list[Table]) -> list[str]:
    return [str(p) for p in read_tables(tables).problems]


# Formula safety ----------------------------------------------------------------------------------
@given(st.text(max_size=20))
def test_neutralise_restore_round_trip(text: str) -> None:
    safe = fmt.neutralise(text)
    assert fmt.restore(safe) == text
    assert not safe.startswith(fmt.FORMULA_STARTS)


@pytest.mark.parametrize("text", ["=1+1", "+82", "-5", "@SUM(A1)", "\tx", "\rx", "'quoted"])
def test_dangerous_starts_get_an_apostrophe(text: str) -> None:
    assert fmt.neutralise(text) == "'" + text


def test_a_store_with_formula_like_texts_round_trips() -> None:
    odd = store(
        name={"ko": '=HYPERLINK("http://x")', "en": "+Plus", "ja": "-マイナス"},
        description={"ko": "@home", "en": "'quoted"},
    )
    found = read_tables([csv_table([odd])])
    assert not found.problems
    assert found.stores[0].listing == odd


def test_headers_in_three_spellings() -> None:
    assert fmt.column_for("가격 (price_won)") is fmt.PRICE
    assert fmt.column_for("price_won") is fmt.PRICE
    assert fmt.column_for(" 가격 ") is fmt.PRICE
    assert fmt.column_for("\ufeff시장 (market)") is fmt.MARKET
    assert fmt.column_for("가격 (unit)") is None
    assert fmt.column_for(12) is None


# Round trip --------------------------------------------------------------------------------------
def test_flat_file_reads_back_to_the_same_listings() -> None:
    stores = [store(), store("B-2", products=()), store("C-3", active=False)]
    found = read_tables([csv_table(stores)])
    assert not found.problems
    assert found.market == "test"
    assert [s.listing for s in found.stores] == stores
    assert found.rows == 5  # two goods, one empty-goods row, two goods


def test_two_sheet_workbook_layout_reads_back() -> None:
    stores = [store(), store("B-2", products=())]
    tables = [
        Table(fmt.STORES_SHEET, list(store_rows(stores, "test"))),
        Table(fmt.GOODS_SHEET, list(goods_rows(stores))),
        Table(fmt.GUIDE_SHEET, [["anything", "at all"]]),
    ]
    found = read_tables(tables)
    assert not found.problems
    assert [s.listing for s in found.stores] == stores


# Encodings ---------------------------------------------------------------------------------------
def test_utf8_bom_and_cp949_are_read_the_same() -> None:
    text = "점포 번호 (stall_number),가격 (price_won)\r\nA-1,5000\r\n"
    assert decode_csv(text.encode("utf-8"), "a")[1] == "utf-8"
    assert decode_csv(b"\xef\xbb\xbf" + text.encode("utf-8"), "a") == (text, "utf-8-sig")
    assert decode_csv(text.encode("cp949"), "a") == (text, "cp949")


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"  \r\n", "empty"),
        ("점포,가격\r\n".encode("utf-16"), "UTF-16"),
        (b"PK\x03\x04\x00\x00binary", "not a text file"),
        ("café,prix\r\n".encode("latin-1"), "neither UTF-8 nor"),
        (b"\xef\xbb\xbf\xff\xfe", "is not UTF-8"),
        ("점포,\ufffd\r\n".encode(), r"U\+FFFD"),
        (b"\xa1\xa1\xa1\xa1", "neither UTF-8 nor"),  # valid CP949, but not one Hangul syllable
    ],
)
def test_other_encodings_are_refused(data: bytes, words: str) -> None:
    with pytest.raises(ExchangeFileError, match=words):
        decode_csv(data, "bad.csv")


def test_tab_separated_text_is_refused() -> None:
    with pytest.raises(ExchangeFileError, match="tabs or semicolons"):
        read_csv("점포 번호\t가격\r\nA-1\t5000\r\n", "t.csv", "t.csv")


def test_a_ten_megabyte_cell_is_refused_with_its_row() -> None:
    text = '점포 번호 (stall_number)\r\nA-1\r\n"' + "x" * 10_000_000 + '"\r\n'
    with pytest.raises(ExchangeFileError, match=r"row 3: a cell is far too long"):
        read_csv(text, "big.csv", "big.csv")


# Bad rows: each named by sheet, row and column ---------------------------------------------------
def _with(rows: list[list[object]], row: int, column: fmt.Column, value: object) -> Table:
    index = [c.key for c in fmt.FLAT_COLUMNS].index(column.key)
    changed = [list(r) for r in rows]
    changed[row - 1][index] = value
    return Table("t.csv", changed)


@pytest.mark.parametrize(
    ("column", "value", "expected"),
    [
        (fmt.PRICE, "12,00원", 't.csv, row 2: 가격 "12,00원" is not a whole number of won'),
        (fmt.PRICE, "₩5,00", '가격 "₩5,00" is not a whole number of won'),
        (fmt.PRICE, "-5", '가격 "-5" is not a whole number of won'),
        (fmt.PRICE, True, '가격 "True" is not a whole number of won'),
        (fmt.PRICE, "", "가격 is empty; it is required"),
        (fmt.PRICE, "'=1+1", '가격 "=1+1" is not a whole number of won'),
        (fmt.NAMES[0], '=HYPERLINK("http://evil")', '점포 이름 "=HYPERLINK'),
        (fmt.NAMES[0], "", "점포 이름 is empty; it is required"),
        (fmt.NAMES[1], "x" * 201, "점포 이름 영어 has 201 characters; at most 200 fit"),
        (fmt.DESCRIPTIONS[0], "x" * 6000, "소개 has 6000 characters; at most 2000 fit"),
        (fmt.NAMES[0], "바다\u202e수산", "contains an invisible or control character (U+202E)"),
        (fmt.CATEGORY, "생선", '업종 "생선" is not a category; use one of: 수산물, 채소'),
        (fmt.PAYMENTS, "현금, 수표", '결제 수단 "수표" is not a way to pay'),
        (fmt.ACTIVE, "maybe", '영업 중 "maybe" is neither 예 nor 아니오'),
        (fmt.HOURS, "10시~20시", '영업시간 "10시~20시" is not opening hours'),
        (fmt.PHONE, "12345", '전화번호 "12345" is not a Korean phone number'),
        (fmt.STALL, "A 1", '점포 번호 "A 1" is not a stall number'),
        (fmt.NAMES[0], datetime(2026, 1, 2), "holds a date or time"),
        (fmt.HOURS, timedelta(hours=30), "holds a date or time"),  # Excel's [h]:mm cell
        (fmt.PRICE, "123456789012", "가격 123456789012 is not a price from 0 to 100000000 won"),
        (fmt.MARKET, "other", '시장 is "other", but this file is for the market "test"'),
    ],
)
def test_one_bad_cell_is_named(column: fmt.Column, value: object, expected: str) -> None:
    rows = rows_of([store(), store("B-2")])
    row = 3 if column is fmt.MARKET else 2
    found = problems([_with(rows, row, column, value)])
    assert any(expected in line for line in found), found


def test_one_bad_cell_among_thousands_is_named_alone() -> None:
    stores = [store(f"A-{n}") for n in range(1, 1501)]
    rows = rows_of(stores)
    found = problems([_with(rows, 2345, fmt.PRICE, "5천원")])
    assert found == ['t.csv, row 2345: 가격 "5천원" is not a whole number of won']


def test_every_problem_is_reported_at_once() -> None:
    rows = rows_of([store(f"A-{n}") for n in range(1, 30)])
    bad = Table("t.csv", [r if i < 2 else [*r[:-3], "x", *r[-2:]] for i, r in enumerate(rows)])
    found = read_tables([bad])
    assert len(found.problems) > 50  # all rows after the first
    from kiosk.domain.exchange.problems import problem_lines

    lines = [str(m) for m in problem_lines(found)]
    assert len(lines) == 51 and lines[-1].startswith("… and ")


def test_unknown_duplicate_and_missing_columns() -> None:
    rows = rows_of([store()])
    unknown = [[*rows[0], "비고"], *[[*r, ""] for r in rows[1:]]]
    assert problems([Table("t.csv", unknown)]) == [
        't.csv, row 1: column "비고" is not a listings column; use the headers of the template'
    ]
    twice = [[*rows[0][:-1], "가격"], *rows[1:]]
    assert "appears twice (also column Y)" in problems([Table("t.csv", twice)])[0]
    missing = [r[:-1] for r in rows]
    assert "lacks the columns 품절 (sold_out)" in problems([Table("t.csv", missing)])[0]
    assert "no listings column headers" in problems([Table("t.csv", [["a", "b"], ["1", "2"]])])[0]


def test_empty_file_and_header_only_file() -> None:
    assert problems([Table("t.csv", [])]) == [
        "the file is empty; export a market or the template to start from"
    ]
    assert problems([Table("t.csv", [rows_of([])[0], ["", ""]])]) == [
        "the file has only the header row and no stores"
    ]


def test_duplicate_stall_numbers() -> None:
    stores = [store(), store("B-2")]
    sheet = list(store_rows(stores, "test"))
    sheet.append(list(sheet[1]))
    tables = [Table(fmt.STORES_SHEET, sheet), Table(fmt.GOODS_SHEET, list(goods_rows(stores)))]
    assert problems(tables) == ["점포, row 4: 점포 번호 stall A-1 appears twice (also row 2)"]
    rows = rows_of([store(), store("B-2")])
    conflict = _with(rows, 3, fmt.NAMES[0], "다른 이름")
    assert problems([conflict]) == [
        't.csv, row 3: 점포 이름 differs from row 2 of stall A-1 ("바다 수산"); every row '
        "of a stall must agree"
    ]


def test_duplicate_good_and_good_without_store() -> None:
    rows = rows_of([store()])
    rows[2][rows[0].index(fmt.GOOD_NAMES[0].header)] = "고등어"
    assert 'lists the good "고등어" twice (also row 2)' in problems([Table("t.csv", rows)])[0]
    stores = [store()]
    goods = [*goods_rows(stores), ["Z-9", "오징어", "", "", "", "", 1000, "", ""]]
    sheet = Table(fmt.STORES_SHEET, list(store_rows(stores, "m")))
    tables = [sheet, Table(fmt.GOODS_SHEET, goods)]
    assert problems(tables) == ["상품, row 4: stall Z-9 has no row in the stores sheet"]


def test_a_stores_sheet_without_goods_sheet_is_refused() -> None:
    tables = [Table(fmt.STORES_SHEET, list(store_rows([store()], "m")))]
    assert "no goods sheet (상품)" in problems(tables)[0]


def test_prices_in_thousands_and_numbers_are_read() -> None:
    rows = rows_of([store()])
    price = rows[0].index(fmt.PRICE.header)
    rows[1][price] = "12,000"
    rows[2][price] = 7000.0
    found = read_tables([Table("t.csv", rows)])
    assert [g.price_won for g in found.stores[0].listing.products] == [12000, 7000]


def test_too_many_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    from kiosk.domain.exchange import read as exchange_read

    assert MAX_ROWS >= 200_000  # a city-scale market has 50,000 goods
    monkeypatch.setattr(exchange_read, "MAX_ROWS", 100)
    header = rows_of([])[0]
    row = rows_of([store(products=())])[1]
    found = read_tables([Table("t.csv", [header, *([row] * 101)])])
    assert [str(p) for p in found.problems] == [
        "t.csv, row 102: the file has more than 100 rows; split it by market"
    ]
