"""Reading a public CSV file streaming: its encoding (UTF-8, with or without BOM, or CP949),
its header checked against the published columns, then one row at a time."""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import IO, Final

from kiosk.domain.exchange.csv_file import CSV_BROKEN as NOT_CSV
from kiosk.domain.messages import N_, KioskError, define

#: Bytes read to tell the encoding (a province file's header and first rows).
SNIFF_BYTES: Final = 256 * 1024
#: Korea's mainland and islands (Marado to Dokdo), with a margin.
KOREA_LAT: Final = (33.0, 38.7)
KOREA_LON: Final = (124.5, 132.0)

NOT_TEXT = define(
    "public.not_text",
    N_("{name} is neither UTF-8 nor CP949 (Korean Excel) text; it is not a public data CSV"),
)
WRONG_ENCODING = define(
    "public.wrong_encoding",
    N_(
        "{name}, row {row}: not {encoding} text although the file starts as {encoding}; "
        "part of it may be saved as {other}. Save the whole file again as one encoding"
    ),
)
EMPTY = define("public.empty", N_("{name} is empty"))
MISSING_COLUMNS = define(
    "public.missing_columns",
    N_("{name} is not the {dataset} file: the columns {columns} are missing"),
)
OTHER_DATASET = define(
    "public.other_dataset",
    N_("{name} is the {found} file, not the {dataset} file; use {command}"),
)

ENCODING_NAMES: Final = {"utf-8-sig": "UTF-8 (BOM)", "utf-8": "UTF-8", "cp949": "CP949"}


class PublicFileError(KioskError):
    """The file cannot be read as the data set expected (one message, nothing written)."""


def sniff_encoding(head: bytes, name: str) -> str:
    """``utf-8-sig``, ``utf-8`` or ``cp949`` for a file starting with *head* (strictly)."""
    if not head.strip():
        raise PublicFileError(EMPTY(name=name))
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if b"\x00" in head:
        raise PublicFileError(NOT_TEXT(name=name))
    for encoding in ("utf-8", "cp949"):
        try:
            codecs.getincrementaldecoder(encoding)().decode(head, final=False)
            return encoding
        except UnicodeDecodeError as exc:
            if not head[: exc.start].isascii():  # starts as this text: the bad row is named
                return encoding
    raise PublicFileError(NOT_TEXT(name=name))


@dataclass(frozen=True, slots=True)
class Header:
    """Column positions by name, and the encoding the file was read in."""

    index: dict[str, int]
    encoding: str

    def get(self, row: Sequence[str], column: str) -> str:
        at = self.index.get(column)
        return row[at].strip() if at is not None and at < len(row) else ""


def open_rows(
    raw: IO[bytes], name: str, *, required: Sequence[str], dataset: str
) -> tuple[Header, Iterator[tuple[int, list[str]]]]:
    """The header and an iterator of (row number, cells) of a seekable binary file.

    Row 1 is the header. Raises PublicFileError for an unreadable file or header
    (missing columns named); the iterator raises it for a row that breaks the
    encoding or the CSV quoting (the row named).
    """
    encoding = sniff_encoding(raw.read(SNIFF_BYTES), name)
    raw.seek(0)
    lines = _Lines(raw, encoding)
    reader = csv.reader(lines)
    try:
        first = next(reader, None)
    except (UnicodeDecodeError, csv.Error) as exc:
        raise _row_error(exc, name, 1, encoding) from None
    if first is None:
        raise PublicFileError(EMPTY(name=name))
    index = {cell.strip().lstrip("\ufeff"): i for i, cell in enumerate(first)}
    missing = [c for c in required if c not in index]
    if missing:
        raise PublicFileError(
            MISSING_COLUMNS(name=name, dataset=dataset, columns=", ".join(missing))
        )
    return Header(index, encoding), _rows(reader, lines, name, encoding)


class _Lines:
    """The file's lines, each decoded strictly on its own (a bad byte names its line)."""

    def __init__(self, raw: IO[bytes], encoding: str) -> None:
        self._raw = raw
        self._encoding = "utf-8" if encoding == "utf-8-sig" else encoding
        self._bom = encoding == "utf-8-sig"
        self.number = 0

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = self._raw.readline()
        if not line:
            raise StopIteration
        self.number += 1
        if self._bom and self.number == 1:
            line = line[len(codecs.BOM_UTF8) :]
        return line.decode(self._encoding)


def _rows(
    reader: Iterator[list[str]], lines: _Lines, name: str, encoding: str
) -> Iterator[tuple[int, list[str]]]:
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except UnicodeDecodeError as exc:
            raise _row_error(exc, name, lines.number, encoding) from None
        except csv.Error as exc:
            raise _row_error(exc, name, lines.number, encoding) from None
        if row:
            yield lines.number, row


def _row_error(exc: Exception, name: str, row: int, encoding: str) -> PublicFileError:
    if isinstance(exc, UnicodeDecodeError):
        other = "UTF-8" if encoding == "cp949" else "CP949"
        shown = ENCODING_NAMES[encoding].split(" ")[0]
        return PublicFileError(WRONG_ENCODING(name=name, row=row, encoding=shown, other=other))
    return PublicFileError(NOT_CSV(name=name, row=row, reason=str(exc)))


def in_korea(lat: float, lon: float) -> bool:
    return KOREA_LAT[0] <= lat <= KOREA_LAT[1] and KOREA_LON[0] <= lon <= KOREA_LON[1]


def coordinates(lat_text: str, lon_text: str) -> tuple[float, float] | None:
    """(latitude, longitude) when both read as numbers inside Korea; None otherwise."""
    try:
        lat, lon = float(lat_text), float(lon_text)
    except ValueError:
        return None
    return (lat, lon) if in_korea(lat, lon) else None
