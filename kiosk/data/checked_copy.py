"""A backup copied to a temp file beside the database and checked there before anything uses it."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from kiosk.data.backup import (
    COPY_FAILED,
    NOT_A_FILE,
    NOT_DATABASE,
    BackupError,
    BackupFacts,
    _first_line,
    inspect_backup,
    source_stat,
)
from kiosk.domain.file_kinds import KIND_OTHER, special_kind
from kiosk.domain.messages import N_, as_message, define

IS_LIVE = define(
    "backup.is_live",
    N_("{path} is the database in use (or a link to it), not a backup; choose a backup file"),
)
FOREIGN_KEY = define(
    "backup.foreign_key",
    N_("{path}: table {table}, row {row} points to a {parent} row that does not exist; not used"),
)
NOT_UPGRADED = define(
    "backup.not_upgraded",
    N_("{path} could not be brought to this app's schema ({detail}); not used"),
)

_CHUNK = 1024 * 1024
#: A checked copy older than this is left over from a run that was killed.
STALE_AFTER_S = 3600.0


def _same_file(info: os.stat_result, source: Path, live: Path | None) -> bool:
    """Whether *source* (stat *info*) is the *live* database file itself, by name or by link."""
    if live is None:
        return False
    try:
        other = os.stat(live)
    except OSError:
        return False
    if (info.st_dev, info.st_ino) == (other.st_dev, other.st_ino):
        return True
    try:
        return os.path.samefile(source, live)
    except OSError:
        return False


def _open_source(source: Path, live: Path | None) -> int:
    """A read-only descriptor of the regular file *source*; BackupError for anything else.

    Never blocks: a FIFO or device is refused from its ``stat`` before it is opened, and
    the descriptor is opened non-blocking and checked again (it is the file that was
    looked at). The live database and every link to it are refused.
    """
    where = str(source)
    info = source_stat(source, where)
    if _same_file(info, source, live):
        raise BackupError(IS_LIVE(path=where))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(source, flags)
    except OSError as exc:
        raise BackupError(NOT_DATABASE(path=where, reason=as_message(str(exc)))) from None
    opened = os.fstat(fd)
    if (opened.st_dev, opened.st_ino) != (info.st_dev, info.st_ino):
        os.close(fd)  # replaced between the look and the open: not the file that was checked
        kind = special_kind(opened.st_mode) or KIND_OTHER()
        raise BackupError(NOT_A_FILE(path=where, kind=kind))
    return fd


def _copy(source_fd: int, target_fd: int) -> None:
    while chunk := os.read(source_fd, _CHUNK):
        view = memoryview(chunk)
        while view:
            view = view[os.write(target_fd, view) :]
    os.fsync(target_fd)


def _remove(path: Path) -> None:
    for name in (path.name, path.name + "-journal", path.name + "-wal", path.name + "-shm"):
        with contextlib.suppress(OSError):
            path.with_name(name).unlink()


def _clean_stale(folder: Path) -> None:
    """Remove checked copies that a killed run left behind (another PC's are younger)."""
    try:
        leftovers = list(folder.glob(".restore-*.sqlite3*"))
    except OSError:
        return
    for path in leftovers:
        with contextlib.suppress(OSError):
            if time.time() - path.stat().st_mtime > STALE_AFTER_S:
                path.unlink()


@contextmanager
def checked_copy(
    source: Path, *, live: Path | None, folder: Path
) -> Iterator[tuple[BackupFacts, Path]]:
    """Copy *source* into a temp file in *folder*, check it, bring it to this app's schema.

    Yields the facts of *source* and the checked copy (a plain SQLite file in
    rollback-journal mode, fsynced); the copy is removed afterwards unless the
    caller moved it away. The checks: what :func:`inspect_backup` checks, the
    schema exactly as its revision's migrations make it (no trigger, view,
    table, column or index more or less), every row as the app reads it and
    through the domain rules of an import, and the foreign keys. Raises
    BackupError naming *source* and the table, row and column at fault.
    """
    fd = _open_source(source, live)
    _clean_stale(folder)
    try:
        handle, name = tempfile.mkstemp(prefix=".restore-", suffix=".sqlite3", dir=folder)
        try:
            _copy(fd, handle)
        finally:
            os.close(handle)
    finally:
        os.close(fd)
    copy = Path(name)
    try:
        facts = inspect_backup(copy, shown=source)
        facts = BackupFacts(source, facts.revision, facts.markets, facts.stores, facts.size)
        _check(copy, facts.revision, str(source))
        yield facts, copy
    finally:
        _remove(copy)


def _check(copy: Path, revision: str, where: str) -> None:
    from kiosk.data import migrate
    from kiosk.data.row_check import row_problem
    from kiosk.data.schema_check import read_schema, schema_problem

    try:
        with closing(sqlite3.connect(copy)) as conn:
            problem = schema_problem(read_schema(conn), revision, where)
            if problem is not None:
                raise BackupError(problem)
            conn.execute("PRAGMA journal_mode=DELETE")
        if revision != migrate.head_revision():
            _upgrade(copy, where)
        with closing(sqlite3.connect(copy)) as conn:
            problem = row_problem(conn, where)
            if problem is not None:
                raise BackupError(problem)
            _check_foreign_keys(conn, where)
            checks = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            if checks != ["ok"]:
                raise BackupError(COPY_FAILED(detail=_first_line(checks[0])))
    except sqlite3.DatabaseError as exc:
        raise BackupError(NOT_UPGRADED(path=where, detail=_first_line(exc))) from None
    with open(copy, "rb+") as handle:
        os.fsync(handle.fileno())


def _check_foreign_keys(conn: sqlite3.Connection, where: str) -> None:
    for table, rowid, parent, _key in conn.execute("PRAGMA foreign_key_check"):
        raise BackupError(FOREIGN_KEY(path=where, table=table, row=rowid, parent=parent))


def _upgrade(copy: Path, where: str) -> None:
    from sqlalchemy import create_engine
    from sqlalchemy.exc import SQLAlchemyError

    from kiosk.data import migrate

    engine = create_engine(f"sqlite:///{copy}")
    try:
        migrate.upgrade(engine)
    except (SQLAlchemyError, RuntimeError) as exc:
        raise BackupError(NOT_UPGRADED(path=where, detail=_first_line(exc))) from None
    finally:
        engine.dispose()
