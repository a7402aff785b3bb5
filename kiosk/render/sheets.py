"""Tables written as CSV (UTF-8 with BOM, CRLF) or XLSX, made in memory, checked after writing.

Both go through the one writer (:func:`kiosk.render.atomic.write_verified`):
the file as written is read back (CSV parsed, XLSX read with python-calamine) and
must hold exactly the rows that were meant, formula-safe
(:mod:`kiosk.domain.exchange.spreadsheet`), before it replaces the target.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from kiosk.domain.exchange.spreadsheet import Cell, csv_bytes, csv_cell, is_formula_like
from kiosk.domain.messages import N_, define
from kiosk.render.atomic import OutputPathError, check_output_dir, write_verified

SHEET_FORMATS = (".csv", ".xlsx")
UNKNOWN_FORMAT = define(
    "sheets.unknown_format", N_("cannot write {name}: use a file name ending in .csv or .xlsx")
)
READ_BACK = define(
    "sheets.read_back",
    N_("verification failed: {name} read back holds other cells than were written ({where})"),
)
#: Excel's limit on a worksheet title.
MAX_TITLE = 31


class SheetError(OutputPathError):
    """The table could not be written or did not read back as written."""


def sheet_format(path: Path) -> str:
    """``.csv`` or ``.xlsx`` from *path*'s suffix; SheetError for anything else."""
    suffix = path.suffix.lower()
    if suffix not in SHEET_FORMATS:
        raise SheetError(UNKNOWN_FORMAT(name=path.name))
    return suffix


def _expected_csv(rows: Sequence[Sequence[Cell]]) -> list[list[str]]:
    return [[csv_cell(value) for value in row] for row in rows]


def _check_csv(path: Path, rows: Sequence[Sequence[Cell]], name: str) -> int:
    data = path.read_bytes()
    if not data.startswith(b"\xef\xbb\xbf"):
        raise SheetError(READ_BACK(name=name, where="BOM"))
    text = data.decode("utf-8-sig")
    found = list(csv.reader(io.StringIO(text, newline="")))
    if found != _expected_csv(rows):
        raise SheetError(READ_BACK(name=name, where="rows"))
    return len(found)


def xlsx_bytes(rows: Sequence[Sequence[Cell]], *, title: str) -> bytes:
    """An XLSX workbook of *rows*; text stays text (quote prefix when it looks like a formula)."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "".join(ch for ch in title if ch not in "[]:*?/\\")[:MAX_TITLE] or "Sheet1"
    widths: dict[int, int] = {}
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever it starts with
                if is_formula_like(value):
                    cell.quotePrefix = True
                widths[c] = max(widths.get(c, 8), min(60, len(value) + 2))
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _trimmed(row: Sequence[object]) -> list[object]:
    cells = ["" if value is None else value for value in row]
    while cells and cells[-1] == "":
        cells.pop()
    return cells


def _check_xlsx(path: Path, rows: Sequence[Sequence[Cell]], name: str) -> int:
    """Read the first sheet back with python-calamine (not the writer's own reader)."""
    from python_calamine import CalamineWorkbook

    try:
        with CalamineWorkbook.from_path(path) as book:
            found = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except Exception as exc:  # calamine raises several kinds for a broken workbook
        raise SheetError(READ_BACK(name=name, where=type(exc).__name__)) from None
    while found and not _trimmed(found[-1]):
        found.pop()
    if [_trimmed(row) for row in found] != [_trimmed(row) for row in rows]:
        raise SheetError(READ_BACK(name=name, where="cells"))
    return len(found)


def write_sheet(path: Path, rows: Sequence[Sequence[Cell]], *, title: str = "Sheet1") -> int:
    """Write *rows* (the first is the header) to *path* (.csv or .xlsx); return rows read back."""
    fmt = sheet_format(path)
    check_output_dir(path)
    if fmt == ".csv":
        return write_verified(path, csv_bytes(rows), lambda tmp: _check_csv(tmp, rows, path.name))
    data = xlsx_bytes(rows, title=title)
    return write_verified(path, data, lambda tmp: _check_xlsx(tmp, rows, path.name))
