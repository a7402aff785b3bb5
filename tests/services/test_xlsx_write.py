"""The streaming workbook writer, checked by three readers: calamine, openpyxl and our importer."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest
from defusedxml.ElementTree import fromstring  # type: ignore[import-untyped]
from python_calamine import CalamineWorkbook

from kiosk.domain.exchange import file_format as fmt
from kiosk.domain.exchange.csv_file import ExchangeFileError
from kiosk.i18n import current_locale, set_locale
from kiosk.services.exchange import xlsx_write
from kiosk.services.exchange.xlsx import read_workbook, write_workbook
from kiosk.services.exchange.xlsx_write import Sheet, column_letters, write_xlsx

LONG = "가나다라마바사 " * 4000  # 32,000 characters, just under Excel's 32,767 a cell
#: Texts that trip writers up; each is read back exactly by calamine and our reader.
AWKWARD = [
    "반송큰시장 東門市場 东门市场 とうもん",
    "🐟🦀 생선 👍🏽 family: 👨‍👩‍👧",
    "'=SUM(A1:A3)",
    "0512345678",
    "010-0123-4567",
    "007",
    "<b>&amp; 'quoted' \"double\"</b>",
    "  two spaces around  ",
    "line one\nline two\tafter a tab",
    LONG,
    "_x0041_ is not an A",
]
#: Control characters: Excel's own escape (``_x000B_``) in the file, the text itself in Excel
#: and calamine; openpyxl does not undo the escape and shows it as stored.
CONTROLS = {"bell\x07ring": "bell_x0007_ring", "vt\x0b cr\r end": "vt_x000B_ cr_x000D_ end"}


def _sheets() -> list[Sheet]:
    rows: list[list[xlsx_write.Cell]] = [["text", "number", "", "after a gap"]]
    rows += [[text, n, "", "x"] for n, text in enumerate([*AWKWARD, *CONTROLS], start=1)]
    rows.append(["float", 12.5, None, -3])
    return [
        Sheet("첫 시트 <&>", rows, bold_header=True, frozen=(1, 2)),
        Sheet("빈 시트", []),
        Sheet("숫자", [[1, 2, 3], [1_000_000_000_000]], frozen=(0, 1)),
    ]


@pytest.fixture(params=["shared", "inline"])
def book(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> Path:
    """The workbook with every text shared, or (the table full after the header's three
    texts) the data texts inline."""
    monkeypatch.setattr(xlsx_write, "CHUNK_ROWS", 3)  # several chunks per sheet
    if request.param == "inline":
        monkeypatch.setattr(xlsx_write, "MAX_SHARED", 3)
    path = tmp_path / f"{request.param}.xlsx"
    write_xlsx(path, _sheets(), author="Market Kiosk <test>")
    return path


def _as_openpyxl_shows(text: str, inline: bool) -> str:
    """openpyxl leaves Excel's ``_xHHHH_`` escapes as they are stored (it undoes only the
    escape of a literal ``_x``, and only in shared strings)."""
    if text in CONTROLS:
        return CONTROLS[text]
    return text.replace("_x0041_", "_x005F_x0041_") if inline else text


def test_calamine_reads_every_cell_back(book: Path) -> None:
    with CalamineWorkbook.from_path(book) as read:
        assert read.sheet_names == ["첫 시트 <&>", "빈 시트", "숫자"]
        rows = read.get_sheet_by_name("첫 시트 <&>").to_python()
        assert rows[0] == ["text", "number", "", "after a gap"]
        texts = [*AWKWARD, *CONTROLS]
        assert [row[0] for row in rows[1:-1]] == texts
        assert [row[1] for row in rows[1:-1]] == list(range(1, len(texts) + 1))
        assert rows[-1] == ["float", 12.5, "", -3.0]
        assert read.get_sheet_by_name("숫자").to_python() == [[1, 2, 3], [1e12, "", ""]]


def test_our_reader_reads_every_cell_back(book: Path) -> None:
    first, empty, numbers = read_workbook(book.read_bytes(), book.name)
    texts = [*AWKWARD, *CONTROLS]
    assert [row[0] for row in first.rows[1:-1]] == texts
    assert all(type(row[1]) is int for row in first.rows[1:-1])
    assert [row[3] for row in first.rows[1:-1]] == ["x"] * len(texts)
    assert list(first.rows[-1]) == ["float", 12.5, "", -3]
    assert (empty.name, list(empty.rows)) == ("빈 시트", [])
    assert [list(row) for row in numbers.rows] == [[1, 2, 3], [1_000_000_000_000, "", ""]]


@pytest.mark.parametrize("read_only", [True, False], ids=["read-only", "normal"])
def test_openpyxl_reads_text_as_text_and_numbers_as_numbers(book: Path, read_only: bool) -> None:
    read = openpyxl.load_workbook(book, read_only=read_only)
    assert read.sheetnames == ["첫 시트 <&>", "빈 시트", "숫자"]
    rows = list(read["첫 시트 <&>"].iter_rows())
    assert [cell.value for cell in rows[0]] == ["text", "number", None, "after a gap"]
    texts = [*AWKWARD, *CONTROLS]
    inline = book.name == "inline.xlsx"
    assert [row[0].value for row in rows[1:-1]] == [_as_openpyxl_shows(t, inline) for t in texts]
    assert {row[0].data_type for row in rows[1:]} == {"s"}  # "0512345678", "007" stay text
    assert {row[1].data_type for row in rows[1:]} == {"n"}
    assert [c.value for c in rows[-1]] == ["float", 12.5, None, -3]
    numbers = [[c.value for c in row] for row in read["숫자"].iter_rows()]
    assert numbers == [[1, 2, 3], [1_000_000_000_000, None, None]]
    read.close()


def test_header_is_bold_and_panes_are_frozen(book: Path) -> None:
    read = openpyxl.load_workbook(book)
    sheet = read["첫 시트 <&>"]
    assert [c.font.b for c in sheet[1]] == [True, True, True, True]
    assert not sheet["A2"].font.b
    assert (sheet.freeze_panes, read["숫자"].freeze_panes, read["빈 시트"].freeze_panes) == (
        "C2",
        "B1",
        None,
    )
    assert read.properties.creator == "Market Kiosk <test>"


def test_every_part_is_well_formed_and_declared(book: Path) -> None:
    with zipfile.ZipFile(book) as archive:
        names = archive.namelist()
        roots = {name: fromstring(archive.read(name)) for name in names}
        assert archive.testzip() is None
    types = roots["[Content_Types].xml"]
    declared = {e.get("PartName") for e in types if e.get("PartName")}
    assert declared == {f"/{name}" for name in names if not name.endswith((".rels", "Types].xml"))}
    rels = roots["xl/_rels/workbook.xml.rels"]
    assert {f"xl/{r.get('Target')}" for r in rels} <= set(names)
    sheet: ElementTree.Element = roots["xl/worksheets/sheet1.xml"]
    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    assert sheet.find(f"{main}dimension").get("ref") == "A1:D15"  # type: ignore[union-attr]
    assert not list(sheet.iter(f"{main}f"))  # never a formula


def test_the_same_rows_give_the_same_bytes(tmp_path: Path) -> None:
    first, second = io.BytesIO(), io.BytesIO()
    write_xlsx(first, _sheets(), author="a")
    write_xlsx(second, _sheets(), author="a")
    assert first.getvalue() == second.getvalue()


def test_a_broken_character_is_refused_naming_its_cell(tmp_path: Path) -> None:
    previous = current_locale()
    set_locale("en")
    try:
        rows = [["a", "b"], ["ok", "ok"], ["ok", "bro\ud800ken"]]
        with pytest.raises(ExchangeFileError) as caught:
            write_xlsx(tmp_path / "x.xlsx", [Sheet("상품", rows)], author="a")
        assert str(caught.value) == (
            "sheet 상품, row 3, column B: the text has a broken character (U+D800) that a "
            "workbook cannot hold; correct it and export again"
        )
        set_locale("ko")
        assert str(caught.value).startswith("상품 시트 3행 B열: ")
    finally:
        set_locale(previous)


def test_a_number_a_workbook_cannot_hold_is_a_programming_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="nan"):
        write_xlsx(tmp_path / "x.xlsx", [Sheet("s", [[float("nan")]])], author="a")


def test_column_letters_past_z() -> None:
    assert column_letters(28)[-3:] == ["Z", "AA", "AB"]
    assert column_letters(703)[-1] == "AAA"


def test_listings_workbook_neutralises_plain_text(tmp_path: Path) -> None:
    """Text that is not yet formula-safe gets its apostrophe; the guide is left as written."""
    path = tmp_path / "l.xlsx"
    write_workbook(path, [["h"], ["=1+1"], ["'quoted"]], [["g"]])
    stores, goods, guide = read_workbook(path.read_bytes(), path.name)
    assert [row[0] for row in stores.rows] == ["h", "'=1+1", "''quoted"]
    assert (goods.name, guide.name) == (fmt.GOODS_SHEET, fmt.GUIDE_SHEET)
    assert guide.rows[0] == ["열", "뜻", "예"]


def test_more_rows_than_excel_opens_are_refused_before_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsx_write, "EXCEL_MAX_ROWS", 3)
    previous = current_locale()
    set_locale("en")
    try:
        with pytest.raises(ExchangeFileError) as caught:
            write_xlsx(tmp_path / "x.xlsx", [Sheet("상품", [["a"]] * 4)], author="a")
        assert str(caught.value) == (
            "sheet 상품 would have 4 rows and Excel shows at most 3; "
            "export this market as a CSV file instead"
        )
    finally:
        set_locale(previous)
    assert not (tmp_path / "x.xlsx").exists()
