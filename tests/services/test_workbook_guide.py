"""Exported workbooks and the template hold text, never a formula (checked with a second reader)."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest
from defusedxml.ElementTree import fromstring  # type: ignore[import-untyped]

from kiosk.domain.exchange import file_format as fmt
from kiosk.domain.exchange.spreadsheet import is_formula_like
from kiosk.services.app import Services

MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
#: Store names that a spreadsheet would run, as a manager types them protected in a CSV.
ODD_NAMES = ['=HYPERLINK("x")', "+82 51-123-4567", "-5% 할인", "＝1+1", "@SUM(A1)"]


@pytest.fixture
def services(database_url: str) -> Iterator[Services]:
    with Services.open(database_url, seed_demo=True) as opened:
        yield opened


def _formulas_in_xml(path: Path) -> list[str]:
    """Every ``<f>`` element in every worksheet, read from the XML itself (not via openpyxl)."""
    found: list[str] = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                root: ElementTree.Element = fromstring(archive.read(name))
                found += [f"{name}: {f.text}" for f in root.iter(f"{MAIN_NS}f")]
    return found


def _cells(path: Path) -> list[openpyxl.cell.cell.Cell]:
    book = openpyxl.load_workbook(path)  # not read-only: data_type is the stored type
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def _give_odd_names(services: Services, tmp_path: Path) -> None:
    console = services.access.console_actor()
    out = tmp_path / "names.csv"
    services.exchange.export_listings(actor=console, market_slug="bansong", out=out)
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))
    stall, name = rows[0].index(fmt.STALL.header), rows[0].index(fmt.NAMES[0].header)
    stalls = sorted({row[stall] for row in rows[1:]})[: len(ODD_NAMES)]
    for row in rows[1:]:
        if row[stall] in stalls:
            row[name] = "'" + ODD_NAMES[stalls.index(row[stall])]
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    out.write_bytes(buffer.getvalue().encode("utf-8-sig"))
    plan = services.exchange.check_import(actor=console, path=out)
    services.exchange.apply_import(actor=console, plan=plan)


@pytest.mark.parametrize("template", [False, True], ids=["export", "template"])
def test_no_sheet_holds_a_formula(services: Services, tmp_path: Path, template: bool) -> None:
    if not template:
        _give_odd_names(services, tmp_path)
    out = tmp_path / "book.xlsx"
    services.exchange.export_listings(
        actor=services.access.console_actor(),
        market_slug="" if template else "bansong",
        out=out,
        template=template,
    )
    assert _formulas_in_xml(out) == []
    cells = _cells(out)
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert not [text for text in texts if is_formula_like(text)]
    if not template:
        for name in ODD_NAMES:
            assert "'" + name in texts


def test_the_guide_is_text(services: Services, tmp_path: Path) -> None:
    out = tmp_path / "template.xlsx"
    services.exchange.export_listings(
        actor=services.access.console_actor(), market_slug="", out=out, template=True
    )
    guide = openpyxl.load_workbook(out)[fmt.GUIDE_SHEET]
    values = [cell for row in guide.iter_rows() for cell in row if cell.value]
    assert values and all(cell.data_type == "s" for cell in values)
    assert any("= + - @" in str(cell.value) for cell in values)  # the advice itself is kept


def test_a_workbook_with_odd_names_imports_back_unchanged(
    services: Services, tmp_path: Path
) -> None:
    _give_odd_names(services, tmp_path)
    console = services.access.console_actor()
    out = tmp_path / "b.xlsx"
    services.exchange.export_listings(actor=console, market_slug="bansong", out=out)
    plan = services.exchange.check_import(actor=console, path=out)
    assert not plan.changes_anything
    names = {s.name.get("ko") for s in services.directory.list_stores(market_slug="bansong")}
    assert set(ODD_NAMES) <= names


def test_the_onboarding_workbook_holds_no_formula(services: Services, tmp_path: Path) -> None:
    _give_odd_names(services, tmp_path)
    out = tmp_path / "progress.xlsx"
    services.onboarding.export_onboarding(
        actor=services.access.console_actor(), market_slug="bansong", out=out, locale="ko"
    )
    assert _formulas_in_xml(out) == []
    cells = _cells(out)
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    assert set(ODD_NAMES) <= {c.value for c in cells}  # text as text, quote-prefixed in Excel
