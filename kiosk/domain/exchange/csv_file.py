"""CSV listings files: strict decoding (UTF-8, UTF-8 with BOM, CP949), reading, and writing.

Korean Excel saves "CSV (쉼표로 분리)" in CP949 and "CSV UTF-8" with a byte-order
mark; both are read. Anything else (UTF-16 "Unicode text", a binary file,
bytes that are neither) is refused with a message, and text holding U+FFFD
(the mark of an earlier failed conversion) is refused too, so it is never
stored. Files are written as UTF-8 with a BOM and CRLF line ends, which Korean
Excel opens with the Hangul intact.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Final

from kiosk.domain.exchange.problems import Table
from kiosk.domain.exchange.read import EMPTY_FILE, MAX_ROWS
from kiosk.domain.exchange.spreadsheet import csv_bytes
from kiosk.domain.exchange.write import Cell
from kiosk.domain.messages import N_, KioskError, define

BOM: Final = b"\xef\xbb\xbf"

UTF16 = define(
    "exchange.utf16",
    N_('{name} is UTF-16 text (Excel\'s "Unicode text"); save it as "CSV UTF-8" instead'),
)
BINARY = define(
    "exchange.binary", N_("{name} is not a text file; choose a .csv or .xlsx listings file")
)
BAD_UTF8 = define(
    "exchange.bad_utf8",
    N_("{name} starts with the UTF-8 mark but byte {offset} is not UTF-8; save it again"),
)
UNKNOWN_ENCODING = define(
    "exchange.unknown_encoding",
    N_(
        '{name} is neither UTF-8 nor Korean Excel\'s CSV (CP949) text; save it again as "CSV UTF-8"'
    ),
)
REPLACEMENT_CHAR = define(
    "exchange.replacement_char",
    N_(
        "{name}, row {row}: a character was damaged by an earlier conversion (U+FFFD); "
        "fix it in the original file"
    ),
)
CELL_TOO_BIG = define(
    "exchange.cell_too_big",
    N_("{name}, row {row}: a cell is far too long (over {max} characters)"),
)
CSV_BROKEN = define("exchange.csv_broken", N_("{name}, row {row}: not readable as CSV ({reason})"))
NOT_COMMAS = define(
    "exchange.not_commas",
    N_("{name}: the columns are separated by tabs or semicolons; save it as CSV (commas)"),
)


class ExchangeFileError(KioskError):
    """The file cannot be read as a listings file at all (one message, nothing written)."""


def _has_hangul(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


def decode_csv(data: bytes, name: str) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was in (``utf-8-sig``, ``utf-8``, ``cp949``).

    Raises ExchangeFileError for an empty file, UTF-16, binary data, bytes that
    are not strictly one of the three encodings, and text containing U+FFFD.
    """
    if not data.strip():
        raise ExchangeFileError(EMPTY_FILE())
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ExchangeFileError(UTF16(name=name))
    if b"\x00" in data:
        raise ExchangeFileError(BINARY(name=name))
    if data.startswith(BOM):
        try:
            text, encoding = data[len(BOM) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise ExchangeFileError(BAD_UTF8(name=name, offset=exc.start + len(BOM))) from None
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _strict_cp949(data, name), "cp949"
    bad = text.find("\ufffd")
    if bad >= 0:
        raise ExchangeFileError(REPLACEMENT_CHAR(name=name, row=text.count("\n", 0, bad) + 1))
    return text, encoding


def _strict_cp949(data: bytes, name: str) -> str:
    """Korean Excel's CSV: decodes strictly, holds Hangul and no odd characters."""
    try:
        text = data.decode("cp949")
    except UnicodeDecodeError:
        text = ""
    if not _has_hangul(text) or any(_odd(ch) for ch in text):
        raise ExchangeFileError(UNKNOWN_ENCODING(name=name))
    return text


def _odd(ch: str) -> bool:
    """A character no Korean Excel CSV holds: controls other than tab/CR/LF, private use."""
    code = ord(ch)
    return (code < 0x20 and ch not in "\t\r\n") or 0xE000 <= code <= 0xF8FF


def read_csv(text: str, name: str, sheet: str) -> Table:
    """The rows of *text* as one table named *sheet*; ExchangeFileError when CSV breaks.

    Reads at most the header and :data:`MAX_ROWS` + 1 rows (more is reported by
    the reader); a cell over Python's CSV field limit is refused with its row.
    """
    rows: list[list[object]] = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=False)
    try:
        for row in reader:
            rows.append(list(row))
            if len(rows) > MAX_ROWS + 1:
                break
    except csv.Error as exc:
        row_number = len(rows) + 1
        if "field limit" in str(exc):
            limit = csv.field_size_limit()
            raise ExchangeFileError(CELL_TOO_BIG(name=name, row=row_number, max=limit)) from None
        raise ExchangeFileError(CSV_BROKEN(name=name, row=row_number, reason=str(exc))) from None
    if (
        rows
        and len(rows[0]) == 1
        and isinstance(rows[0][0], str)
        and ("\t" in rows[0][0] or ";" in rows[0][0])
    ):
        raise ExchangeFileError(NOT_COMMAS(name=name))
    return Table(sheet, rows)


def write_csv(rows: Iterable[list[Cell]]) -> bytes:
    """UTF-8 with a byte-order mark, CRLF line ends, minimal quoting (Korean Excel opens it).

    Through the one CSV writer, so every text cell is formula-safe (cells from
    :mod:`kiosk.domain.exchange.write` already are and are not changed again).
    """
    return csv_bytes(rows)
