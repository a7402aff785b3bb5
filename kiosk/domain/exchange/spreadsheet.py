"""Spreadsheet cells that stay data: the one formula-injection rule and the one CSV writer.

A text cell whose first character after leading whitespace (spaces, tabs,
CR/LF, full-width spaces) is ``=``, ``+``, ``-``, ``@``, one of their
full-width forms ``＝＋－＠`` or the minus sign U+2212, or that starts with a
tab or a carriage return, could run as a formula when the file is opened in
Excel or LibreOffice (OWASP "CSV injection"). Such a cell is written with a
leading apostrophe (:func:`neutralise`), and so is text that already starts
with an apostrophe, so that :func:`restore` (used by every import) gives back
exactly what was written: export -> import -> export is byte-for-byte.

Numbers stay numbers: a negative price or count in a numeric column is written
as a plain number (``-5``), which a spreadsheet reads as a value, never as a
formula; only text is neutralised. Every CSV the app writes (listings, the
onboarding exports, ``stores list`` and ``audit`` on the terminal) goes through
:func:`csv_text`. CSV files are UTF-8 with a byte-order mark and CRLF line
ends, which Excel on Windows opens with Hangul intact.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Final

#: First characters (after leading whitespace) that make a spreadsheet run a cell as a formula.
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20", "\u2212")
#: Starts that are dangerous on their own, whatever follows (a cell split by a tab or CR).
_CONTROL_STARTS: Final = ("\t", "\r")
QUOTE: Final = "'"
BOM: Final = "\ufeff"


class Neutral(str):
    """Text already made formula-safe by :func:`neutralise`; writers pass it through as is."""

    __slots__ = ()


Cell = str | int | float | None


def is_formula_like(text: str) -> bool:
    """True when *text* could run as a formula (leading spaces, tabs or newlines do not hide it)."""
    if text.startswith(_CONTROL_STARTS):
        return True
    return text.lstrip().startswith(FORMULA_STARTS)


#: First characters after which a text may need its apostrophe (whitespace is checked apart).
_CHECK_FIRST: Final = frozenset((*FORMULA_STARTS, *_CONTROL_STARTS, QUOTE))
_EMPTY: Final = Neutral("")


def neutralise(text: str) -> Neutral:
    """*text* safe to open in a spreadsheet: an apostrophe before a formula start or a quote."""
    if isinstance(text, Neutral):
        return text
    if not text:
        return _EMPTY
    first = text[0]
    if first not in _CHECK_FIRST and not first.isspace():  # most texts: nothing to look at
        return Neutral(text)
    if is_formula_like(text) or text.startswith(QUOTE):
        return Neutral(QUOTE + text)
    return Neutral(text)


def restore(text: str) -> str:
    """The text :func:`neutralise` was given (exactly one added apostrophe removed)."""
    if text.startswith(QUOTE):
        rest = text[1:]
        if rest.startswith(QUOTE) or is_formula_like(rest):
            return rest
    return text


def csv_cell(value: Cell) -> str:
    """One cell's CSV text: numbers as they are, text neutralised, None empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return str(value)
    return neutralise(value)


def plain_cell(value: object) -> Cell:
    """Any value as a cell the way Python's csv module writes it (``True``, ``3``, ``""``)."""
    if isinstance(value, bool):
        return str(value)
    if value is None or isinstance(value, str | int | float):
        return value
    return str(value)


def csv_text(rows: Iterable[Sequence[Cell]], *, line_end: str = "\r\n") -> str:
    """*rows* as CSV text (no BOM), every cell through :func:`csv_cell`: the one CSV writer."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator=line_end)
    for row in rows:  # text already made safe (Neutral) goes as it is
        writer.writerow([v if type(v) is Neutral else csv_cell(v) for v in row])
    return out.getvalue()


def csv_bytes(rows: Iterable[Sequence[Cell]]) -> bytes:
    """*rows* as a CSV file for Excel: UTF-8 with BOM, CRLF, formula-safe cells."""
    return (BOM + csv_text(rows)).encode("utf-8")
