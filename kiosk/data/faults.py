"""Sort database errors into the few faults a person can act on; log the rest of the story.

SQLite reports an error code (``sqlite_errorcode``), PostgreSQL a SQLSTATE; both
become one ``DatabaseFaultError`` kind with a plain reason. The traceback (with
the SQL) goes to the error log, never to the screen.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy.exc import (
    DatabaseError,
    DataError,
    DBAPIError,
    IntegrityError,
    ProgrammingError,
    SQLAlchemyError,
)

from kiosk.data.errors import DatabaseFaultError
from kiosk.data.logs import write_error_log
from kiosk.domain.urls import mask_url

# SQLite primary result codes (https://sqlite.org/rescode.html).
_SQLITE_KINDS = {
    5: "locked",  # SQLITE_BUSY
    6: "locked",  # SQLITE_LOCKED
    8: "read_only",  # SQLITE_READONLY
    3: "read_only",  # SQLITE_PERM
    23: "read_only",  # SQLITE_AUTH
    13: "disk_full",  # SQLITE_FULL
    11: "corrupt",  # SQLITE_CORRUPT
    26: "corrupt",  # SQLITE_NOTADB
    10: "io",  # SQLITE_IOERR
    14: "cannot_open",  # SQLITE_CANTOPEN
}
# PostgreSQL SQLSTATE codes and classes (first two characters).
_PG_STATES = {
    "57P01": "lost",  # admin_shutdown (pg_terminate_backend)
    "57P02": "lost",  # crash_shutdown
    "57P03": "lost",  # cannot_connect_now
    "53100": "disk_full",
    "25006": "read_only",  # read_only_sql_transaction
    "55P03": "locked",  # lock_not_available
    "40P01": "locked",  # deadlock_detected
    "40001": "locked",  # serialization_failure
    "XX001": "corrupt",  # data_corrupted
    "XX002": "corrupt",  # index_corrupted
}
_PG_CLASSES = {"08": "lost"}  # connection exceptions


def _sqlite_kind(error: sqlite3.Error) -> str | None:
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return _SQLITE_KINDS.get(code & 0xFF)
    return None


def classify(exc: BaseException) -> str | None:
    """The fault kind of *exc*, or None when it is not a database fault.

    Constraint violations and bad SQL (``IntegrityError``, ``ProgrammingError``,
    ``DataError``) are the program's business, not the user's: None.
    """
    if isinstance(exc, IntegrityError | ProgrammingError | DataError):
        return None
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return "lost"
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if isinstance(orig, sqlite3.Error):
        kind = _sqlite_kind(orig)
        if kind is not None:
            return kind
    state = getattr(orig, "sqlstate", None)
    if isinstance(state, str):
        kind = _PG_STATES.get(state) or _PG_CLASSES.get(state[:2])
        if kind is not None:
            return kind
    if isinstance(exc, DatabaseError):  # OperationalError, InternalError, ... of any driver
        if type(orig).__module__.startswith("psycopg") and state is None:
            return "lost"  # psycopg without SQLSTATE: the connection failed or broke
        return "other"
    return None


#: Less free space than this beside a SQLite file makes an I/O error a full disk.
NEARLY_FULL_BYTES = 1 << 20


def _disk_nearly_full(where: str) -> bool:
    folder = Path(where).parent
    if not Path(where).is_absolute():
        return False
    try:
        return shutil.disk_usage(folder).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def first_line(exc: BaseException) -> str:
    """The driver's own first line (no SQL, no parameters), secrets hidden."""
    orig = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    text = str(orig).strip()
    return mask_url(text.splitlines()[0]) if text else type(orig).__name__


def fault_from(
    exc: SQLAlchemyError | sqlite3.Error, where: str, *, opening: bool = False
) -> DatabaseFaultError | None:
    """A ``DatabaseFaultError`` for *exc* (its traceback logged), or None if not a fault.

    While *opening*, a connection that fails is "unreachable" rather than "lost".
    """
    kind = classify(exc)
    if kind is None:
        return None
    if opening and kind == "lost":
        kind = "unreachable"
    if kind in ("io", "cannot_open") and _disk_nearly_full(where):
        kind = "disk_full"  # SQLite says "disk I/O error" when the -shm/-wal cannot grow
    log = write_error_log(exc, context=f"database fault {kind} at {mask_url(where)}")
    return DatabaseFaultError(kind, where, error=first_line(exc), log=log)
