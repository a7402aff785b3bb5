"""The archive scan in front of the workbook reader: formula cells found, DTDs refused."""

from __future__ import annotations

import io
import zipfile

import pytest

from kiosk.domain.exchange.csv_file import ExchangeFileError
from kiosk.services.exchange import xlsx_scan
from kiosk.services.exchange.xlsx_scan import FoundFormula, _has_formula, check_archive

_BOOK = (
    b'<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    b'<sheets><sheet name="&#51216;&#54252;" sheetId="1" r:id="rId1"/>'
    b'<sheet name="goods &amp; more" sheetId="2" r:id="rId2"/></sheets></workbook>'
)
_RELATIONS = (
    b'<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>'
    b'<Relationship Target="/xl/worksheets/sheet2.xml" Id="rId2"/></Relationships>'
)


def _archive(sheet1: bytes, sheet2: bytes = b"<worksheet/>") -> zipfile.ZipFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", _BOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _RELATIONS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet1)
        archive.writestr("xl/worksheets/sheet2.xml", sheet2)
    return zipfile.ZipFile(io.BytesIO(buffer.getvalue()))


def test_no_formula_no_finding() -> None:
    sheet = b'<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>'
    assert check_archive(_archive(sheet), "b.xlsx") == []


def test_formulas_are_found_by_sheet_row_and_column() -> None:
    first = (
        b'<x:worksheet><x:sheetData><x:row r="3"><x:c r="G3"><x:f>5000*2</x:f><x:v>0</x:v></x:c>'
        b"</x:row></x:sheetData></x:worksheet>"
    )
    second = (
        b'<worksheet><sheetData><row r="2"><c r="AB2" s="1"><f t="shared" si="0"/><v>3</v></c>'
        b'<c r="C2"><f>A1&amp;"x"</f></c></row></sheetData></worksheet>'
    )
    assert check_archive(_archive(first, second), "b.xlsx") == [
        FoundFormula("점포", 3, 6, "=5000*2"),
        FoundFormula("goods & more", 2, 27, "="),
        FoundFormula("goods & more", 2, 2, '=A1&"x"'),
    ]


@pytest.mark.parametrize("declaration", [b"<!DOCTYPE w>", b'<!ENTITY e "x">', b"<!doctype w>"])
def test_a_document_type_declaration_is_refused(declaration: bytes) -> None:
    sheet = b'<?xml version="1.0"?>' + declaration + b"<worksheet/>"
    with pytest.raises(ExchangeFileError, match=r"\(DTD\)"):
        check_archive(_archive(sheet), "b.xlsx")


@pytest.mark.parametrize("start", [b"<f>", b"<f ", b"<f/>", b"<f\t", b"<f\n", b"<f\r", b"<x:f>"])
def test_every_way_a_formula_element_starts_is_seen(start: bytes) -> None:
    sheet = b'<worksheet><font/><c r="A1"><is><t>a:fb &lt;f</t></is></c>' + start + b"</worksheet>"
    assert _has_formula(sheet)
    assert not _has_formula(sheet.replace(start, b"<fx"))  # <font>, "a:fb", "&lt;f" are not


def test_a_formula_start_split_between_two_chunks_is_found(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    head = b'<worksheet><sheetData><row r="1"><c r="B1">'
    monkeypatch.setattr(xlsx_scan, "_CHUNK", len(head) + 1)  # the chunk ends between < and f
    sheet = head + b"<f>1+1</f><v>2</v></c></row></sheetData></worksheet>"
    assert check_archive(_archive(sheet), "b.xlsx") == [FoundFormula("점포", 1, 1, "=1+1")]
