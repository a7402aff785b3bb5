"""Spreadsheet cells that stay data: the formula-injection rule and Excel-friendly CSV bytes.

A text cell starting with ``=``, ``+``, ``-``, ``@`` (or their full-width
forms), a tab or a carriage return would run as a formula when the file is
opened in Excel or LibreOffice (OWASP "CSV injection"). In CSV such a cell gets
a leading apostrophe; in XLSX it is stored as text with the quote-prefix style
(the renderer does that), so nothing typed into the app ever runs. CSV files
are UTF-8 with a byte-order mark and CRLF line ends, which Excel on Windows
opens with Hangul intact. Shared by every export (listings and onboarding).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

Cell = str | int | float | None

#: First characters that make a spreadsheet treat a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
BOM = "\ufeff"


def is_formula_like(text: str) -> bool:
    """True when *text* would be read as a formula (leading spaces do not hide it)."""
    if text.startswith(("\t", "\r")):
        return True
    return text.lstrip(" ").startswith(FORMULA_STARTS)


def neutralise(text: str) -> str:
    """*text* made safe for a CSV cell: an apostrophe in front of a formula-like start."""
    return "'" + text if is_formula_like(text) else text


def csv_cell(value: Cell) -> str:
    """One cell's CSV text: numbers as they are, text neutralised, None empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return str(value)
    return neutralise(value)


def csv_text(rows: Iterable[Sequence[Cell]]) -> str:
    """*rows* as CSV text with CRLF line ends (no BOM), every cell through :func:`csv_cell`."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return out.getvalue()


def csv_bytes(rows: Iterable[Sequence[Cell]]) -> bytes:
    """*rows* as a CSV file for Excel: UTF-8 with BOM, CRLF, formula-safe cells."""
    return (BOM + csv_text(rows)).encode("utf-8")
