"""Reading a listings file from disk: its kind (CSV or XLSX), its bytes (checked), its sheets."""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from pathlib import Path
from typing import Final, Literal, ParamSpec, TypeVar

from kiosk.domain.exchange.csv_file import CsvEncoding, ExchangeFileError, decode_csv, read_csv
from kiosk.domain.exchange.problems import Table
from kiosk.domain.messages import N_, define

#: Largest file read: the app's own CSV export of a 100,000-store market with 10 goods a
#: store is ~430 MB (a 5,000-store one ~21 MB; XLSX about a seventh of that); over 1 GB
#: is no listings file.
MAX_FILE_BYTES: Final = 1024 * 1024 * 1024
FileKind = Literal["csv", "xlsx"]
_P = ParamSpec("_P")
_R = TypeVar("_R")

FILE_TOO_BIG = define(
    "exchange.file_too_big",
    N_("{name} is {size} MB; a listings file may be at most {max} MB (split it by market)"),
)
CANNOT_READ = define("exchange.cannot_read", N_("{name} cannot be read ({reason})"))


def file_kind(path: Path, head: bytes = b"") -> FileKind:
    """``xlsx`` for a ZIP (or an .xlsx/.xls name), ``csv`` otherwise."""
    if head.startswith(b"PK\x03\x04") or path.suffix.lower() in (".xlsx", ".xls", ".xlsm"):
        return "xlsx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "xlsx"  # an old .xls: the workbook reader says so
    return "csv"


def read_bytes(path: Path) -> bytes:
    """The file's bytes; a pipe, device or folder is refused at once (never opened)."""
    from kiosk.render.inputs import FileTooBig, NotRegularFile, read_regular_file

    name = path.name
    try:
        return read_regular_file(path, max_bytes=MAX_FILE_BYTES)
    except NotRegularFile as exc:
        raise ExchangeFileError(exc.message) from None
    except FileTooBig as exc:
        size = round(exc.size / 1024 / 1024)
        raise ExchangeFileError(
            FILE_TOO_BIG(name=name, size=size, max=MAX_FILE_BYTES // 1024 // 1024)
        ) from None
    except OSError as exc:
        raise ExchangeFileError(CANNOT_READ(name=name, reason=exc.strerror or exc)) from None


def read_file_tables(path: Path, encoding: CsvEncoding | None = None) -> tuple[list[Table], str]:
    """The sheets of a listings file (a CSV is one sheet named after the file) and its
    encoding (``xlsx`` for a workbook); *encoding* is the manager's choice for a CSV."""
    data = read_bytes(path)
    if file_kind(path, data[:8]) == "xlsx":
        from kiosk.services.exchange.xlsx import read_workbook

        return read_workbook(data, path.name), "xlsx"
    text, found = decode_csv(data, path.name, encoding)
    del data  # a big file's bytes are not kept beside its text while the rows are read
    return [read_csv(text, path.name, path.name)], found


def without_cycle_collection(work: Callable[_P, _R]) -> Callable[_P, _R]:
    """*work* with Python's cycle collector paused: reading or writing a listings file makes
    millions of objects and frees few, and the collector would walk all of them again and
    again (a third of a 50,000-row import). It runs as usual afterwards."""

    @functools.wraps(work)
    def paused(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return work(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return paused
