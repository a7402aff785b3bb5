"""The workbook reader: cells where Excel shows them, whole numbers as int, formulas as typed."""

from __future__ import annotations

import io
from datetime import date

import xlsxwriter  # type: ignore[import-untyped]

from kiosk.services.exchange.xlsx import read_workbook


def _book() -> bytes:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet("점포")
    sheet.write_string(1, 2, "바다 수산")  # C2: row 1 and column A stay empty
    sheet.write_number(2, 2, 12000)
    sheet.write_number(2, 3, 12.5)
    sheet.write_datetime(3, 2, date(2026, 1, 2), book.add_format({"num_format": "yyyy-mm-dd"}))
    sheet.write_formula(3, 3, "=C3*2", None, 24000)
    book.add_worksheet("상품")
    book.close()
    return out.getvalue()


def test_cells_keep_their_places_and_types() -> None:
    first, second = read_workbook(_book(), "b.xlsx")
    assert first.name == "점포" and second.name == "상품"
    assert [list(row) for row in first.rows] == [
        ["", "", "", ""],
        ["", "", "바다 수산", ""],
        ["", "", 12000, 12.5],
        ["", "", date(2026, 1, 2), "=C3*2"],  # the formula as typed, not its cached 24000
    ]
    assert type(first.rows[2][2]) is int
