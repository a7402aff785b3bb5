"""CSV listings files: strict decoding (UTF-8, UTF-8 with BOM, CP949), reading, and writing.

Korean Excel saves "CSV (쉼표로 분리)" in CP949 and "CSV UTF-8" with a byte-order
mark; both are read. A file without the mark whose bytes read both as UTF-8 and
as CP949, giving different text, is not guessed at: the reader names the first
line that differs in both readings and the manager says which is right.
Anything else (UTF-16 "Unicode text", a binary file, bytes that are neither)
is refused with a message, and text holding U+FFFD
(the mark of an earlier failed conversion) is refused too, so it is never
stored. Files are written as UTF-8 with a BOM and CRLF line ends, which Korean
Excel opens with the Hangul intact.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Final, Literal

from kiosk.domain.exchange import file_format as fmt
from kiosk.domain.exchange.problems import Table
from kiosk.domain.exchange.read import EMPTY_FILE, MAX_ROWS
from kiosk.domain.exchange.spreadsheet import csv_bytes
from kiosk.domain.exchange.write import Cell
from kiosk.domain.messages import N_, KioskError, define

BOM: Final = b"\xef\xbb\xbf"

#: The encodings a manager may choose for a CSV file.
CsvEncoding = Literal["utf-8", "cp949"]
CSV_ENCODINGS: Final[tuple[CsvEncoding, ...]] = ("utf-8", "cp949")
#: The leading cells a row may share with the row before: the store columns.
_SHARED: Final = len(fmt.STORE_COLUMNS)
#: How much of a line each reading of an ambiguous file shows.
_SHOWN: Final = 60

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
AMBIGUOUS = define(
    "exchange.ambiguous_encoding",
    N_(
        '{name} reads as two different texts. Line {line} as UTF-8: "{utf8}"; as Korean '
        'Excel\'s CSV (CP949): "{cp949}". Choose the reading that is right (on the command '
        "line: --encoding utf-8 or --encoding cp949)"
    ),
)
NOT_ENCODING = define(
    "exchange.not_encoding",
    N_("{name} is not {encoding} text (byte {offset}); choose the other encoding"),
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


class AmbiguousEncoding(ExchangeFileError):
    """The bytes read as UTF-8 and as CP949 with different text; ``readings`` holds line
    ``line`` as each encoding reads it. Choose one and read again."""

    def __init__(self, name: str, line: int, readings: dict[CsvEncoding, str]) -> None:
        super().__init__(
            AMBIGUOUS(name=name, line=line, utf8=readings["utf-8"], cp949=readings["cp949"])
        )
        self.name = name
        self.line = line
        self.readings = readings


def _has_hangul(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


def decode_csv(data: bytes, name: str, encoding: CsvEncoding | None = None) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was in (``utf-8-sig``, ``utf-8``, ``cp949``).

    *encoding* is the manager's choice; without it a file that reads as both UTF-8
    and CP949, differently, raises AmbiguousEncoding. Raises ExchangeFileError for
    an empty file, UTF-16, binary data, bytes that are not strictly one of the three
    encodings (or not the one chosen), and text containing U+FFFD.
    """
    if not data or data.isspace():  # blank (no copy of a big file's bytes, as strip() made)
        raise ExchangeFileError(EMPTY_FILE())
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ExchangeFileError(UTF16(name=name))
    if b"\x00" in data:
        raise ExchangeFileError(BINARY(name=name))
    if encoding is not None:
        text, found = _chosen(data, name, encoding)
    elif data.startswith(BOM):
        try:
            text, found = data[len(BOM) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise ExchangeFileError(BAD_UTF8(name=name, offset=exc.start + len(BOM))) from None
    else:
        try:
            text, found = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, found = _strict_cp949(data, name), "cp949"
        else:
            _refuse_two_readings(data, text, name)
    bad = text.find("\ufffd")
    if bad >= 0:
        raise ExchangeFileError(REPLACEMENT_CHAR(name=name, row=text.count("\n", 0, bad) + 1))
    return text, found


def _chosen(data: bytes, name: str, encoding: CsvEncoding) -> tuple[str, str]:
    """*data* read strictly in the encoding the manager chose."""
    if encoding == "utf-8":
        body, found = (data[len(BOM) :], "utf-8-sig") if data.startswith(BOM) else (data, "utf-8")
    else:
        body, found = data, "cp949"
    try:
        return body.decode(encoding), found
    except UnicodeDecodeError as exc:
        shown = "UTF-8" if encoding == "utf-8" else "CP949"
        offset = exc.start + len(data) - len(body)
        raise ExchangeFileError(NOT_ENCODING(name=name, encoding=shown, offset=offset)) from None


def _refuse_two_readings(data: bytes, utf8: str, name: str) -> None:
    """AmbiguousEncoding when *data* is also Korean Excel CSV text that reads differently."""
    if data.isascii():
        return
    try:
        cp949 = _strict_cp949(data, name)
    except ExchangeFileError:
        return
    if cp949 == utf8:
        return
    # A line break is one byte in both encodings and never inside a character, so the
    # lines of the two readings match one to one.
    pairs = zip(utf8.splitlines(), cp949.splitlines(), strict=False)
    for number, (one, other) in enumerate(pairs, start=1):
        if one != other:
            same = next((i for i, (a, b) in enumerate(zip(one, other, strict=False)) if a != b), 0)
            start = max(0, same - 20)
            readings: dict[CsvEncoding, str] = {
                "utf-8": _window(one, start),
                "cp949": _window(other, start),
            }
            raise AmbiguousEncoding(name, number, readings)


def _window(line: str, start: int) -> str:
    """Part of *line* from *start*, at most :data:`_SHOWN` characters, marked where cut."""
    head = "…" if start else ""
    part = line[start : start + _SHOWN]
    return head + part + ("…" if start + _SHOWN < len(line) else "")


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


def _sharing(rows: Iterable[list[str]]) -> Iterator[list[str]]:
    """*rows*, each holding the very cells of the row before where its store columns are the
    same (the app's CSV repeats them on every good's row): a big file keeps them once."""
    previous: list[str] = []
    for row in rows:
        front = previous[:_SHARED]
        if row[:_SHARED] == front:
            row[:_SHARED] = front
        previous = row
        yield row


def read_csv(text: str, name: str, sheet: str) -> Table:
    """The rows of *text* as one table named *sheet*; ExchangeFileError when CSV breaks.

    Reads at most the header and :data:`MAX_ROWS` + 1 rows (more is reported by
    the reader); a cell over Python's CSV field limit is refused with its row.
    """
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=False)
    try:
        rows.extend(_sharing(islice(reader, MAX_ROWS + 2)))
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
