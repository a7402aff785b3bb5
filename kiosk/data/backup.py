"""SQLite backups: a consistent copy through SQLite's online backup API, checks of a backup file,
and a restore that copies a checked copy of a backup into the live database in one step.

Never a file copy: the backup API copies pages under SQLite's own locks, so a
backup taken while other PCs or processes write is consistent (the backup itself is
written by ``kiosk.data.backup_stream``). A backup file is trusted only after
``PRAGMA integrity_check`` (a backup just written: every page read back against the
database and ``quick_check``), a known schema revision (not newer than this app) and
our tables. PostgreSQL is backed up with ``pg_dump``
(README, "Backup and restore"); these functions refuse it with that advice.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from sqlalchemy import Engine, make_url

from kiosk.data import migrate
from kiosk.data.db import SQLITE_HEADER, Database, _describe_non_database
from kiosk.data.models import Base
from kiosk.data.schema_check import EXTRA_ENTRY
from kiosk.data.schema_check import kind as entry_kind
from kiosk.domain.file_kinds import special_kind
from kiosk.domain.messages import N_, KioskError, as_message, define

#: Tables a backup of ours has whatever its revision (0001 made them).
REQUIRED_TABLES: Final = frozenset({"markets", "stores", "products", "alembic_version"})

POSTGRES = define(
    "backup.postgres",
    N_(
        "this database is PostgreSQL: back it up and restore it with pg_dump and pg_restore "
        'on the server (see the README, "Backup and restore")'
    ),
)
MEMORY = define("backup.memory", N_("an in-memory database has nothing to back up"))
NOT_A_FILE = define("backup.not_a_file", N_("{path} is not a file ({kind}); it is not read"))
MISSING = define("backup.missing", N_("{path} does not exist"))
NOT_DATABASE = define("backup.not_database", N_("{path}: {reason}"))
DAMAGED = define(
    "backup.damaged", N_("{path} is damaged (the integrity check says: {detail}); not used")
)
TOO_NEW = define(
    "backup.too_new",
    N_(
        "{path} was written by a newer Market Kiosk (schema {revision}); update this app "
        "before restoring it"
    ),
)
NOT_OURS = define(
    "backup.not_ours", N_("{path} is a SQLite database but not a Market Kiosk backup")
)
COPY_FAILED = define(
    "backup.copy_failed", N_("the backup could not be copied into the database ({detail})")
)


class BackupError(KioskError):
    """A backup could not be taken, or a file is not a usable backup; nothing was changed."""


@dataclass(frozen=True, slots=True)
class BackupFacts:
    """What a checked backup file holds."""

    path: Path
    revision: str
    markets: int
    stores: int
    size: int


def sqlite_path(db: Database) -> Path | None:
    """The file of a SQLite database (None for an in-memory one); BackupError for PostgreSQL."""
    if db.dialect != "sqlite":
        raise BackupError(POSTGRES())
    database = make_url(str(db.engine.url)).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database).expanduser().absolute()


def sqlite_file(url: str | None) -> Path | None:
    """The SQLite file a database URL names (default: the app's), None for others."""
    from kiosk.data.db import default_database_url

    parsed = make_url(url or default_database_url())
    database = parsed.database or ""
    if not parsed.drivername.startswith("sqlite") or database in ("", ":memory:"):
        return None
    if database.startswith("file:"):
        return None
    return Path(database).expanduser().absolute()


def database_file(url: str | None) -> Path:
    """The database file a SQLite URL names (default: the app's), as an absolute path."""
    from kiosk.data.db import default_database_url

    return Path(make_url(url or default_database_url()).database or "").expanduser().absolute()


def _sqlite_connection(engine: Engine) -> tuple[object, sqlite3.Connection]:
    raw = engine.raw_connection()
    driver = raw.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    return raw, driver


def _first_line(value: object) -> str:
    return str(value).splitlines()[0] if str(value) else "?"


def source_stat(path: Path, where: str) -> os.stat_result:
    """What *path* is, looked at without opening it; BackupError (named *where*) when it is
    missing, unreadable or not a regular file (a pipe would make the open wait forever)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise BackupError(MISSING(path=where)) from None
    except OSError as exc:
        raise BackupError(NOT_DATABASE(path=where, reason=as_message(str(exc)))) from None
    kind = special_kind(info.st_mode)
    if kind is not None:
        raise BackupError(NOT_A_FILE(path=where, kind=kind))
    return info


def inspect_backup(
    path: Path, *, shown: Path | None = None, pages_checked: bool = False
) -> BackupFacts:
    """Check *path* as a backup: a SQLite file, intact, our tables, a revision this app knows.

    Opened read-only (nothing is written next to it). Raises BackupError naming the problem
    (and *shown* instead of *path*: the file a checked copy was made of). ``integrity_check``
    is left out only when the caller proved every page itself (*pages_checked*: the
    streamed backup's read-back and ``quick_check``, ``kiosk.data.backup_stream``).
    """
    where = str(shown or path)
    info = source_stat(path, where)
    with path.open("rb") as handle:
        head = handle.read(100)
    if len(head) < 100 or not head.startswith(SQLITE_HEADER):
        reason = as_message(_describe_non_database(head))
        raise BackupError(NOT_DATABASE(path=where, reason=reason))
    uri = path.absolute().as_uri() + "?mode=ro&immutable=1"
    try:
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            if not pages_checked:
                checks = [row[0] for row in conn.execute("PRAGMA integrity_check")]
                if checks != ["ok"]:
                    raise BackupError(DAMAGED(path=where, detail=_first_line(checks[0])))
            tables = {
                row[0]
                for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            if not tables >= REQUIRED_TABLES:
                raise BackupError(NOT_OURS(path=where))
            for foreign in sorted(_foreign_names(tables)):
                raise BackupError(
                    EXTRA_ENTRY(path=where, kind=entry_kind("table"), name=foreign, table=foreign)
                )
            versions = [row[0] for row in conn.execute("SELECT version_num FROM alembic_version")]
            if len(versions) != 1:
                raise BackupError(NOT_OURS(path=where))
            revision = str(versions[0])
            if revision not in migrate.known_revisions():
                raise BackupError(TOO_NEW(path=where, revision=revision))
            markets = int(conn.execute("SELECT count(*) FROM markets").fetchone()[0])
            stores = int(conn.execute("SELECT count(*) FROM stores").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        raise BackupError(DAMAGED(path=where, detail=_first_line(exc))) from None
    return BackupFacts(path, revision, markets, stores, info.st_size)


def _foreign_names(tables: set[str]) -> set[str]:
    """Tables of another application: not ours, not Alembic's, not SQLite's own."""
    ours = set(Base.metadata.tables) | {"alembic_version"}
    return {t for t in tables if t not in ours and not t.startswith("sqlite_")}


def quick_check(db: Database) -> str | None:
    """None when ``PRAGMA quick_check`` finds nothing wrong, else its first complaint."""
    if db.dialect != "sqlite":
        return None
    raw, conn = _sqlite_connection(db.engine)
    try:
        rows = [row[0] for row in conn.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as exc:
        return _first_line(exc)
    finally:
        raw.close()  # type: ignore[attr-defined]
    return None if rows == ["ok"] else _first_line(rows[0])


def copy_into(db: Database, checked: Path) -> None:
    """Replace the live database's content by the *checked* copy (see kiosk.data.checked_copy).

    The backup API writes every page in one transaction under the database's
    write lock, so other connections and PCs see the old or the new database,
    never a mixture, and a crash leaves the old one; commits still in the
    write-ahead log are part of the old database, never applied to the new one.
    The file itself is never replaced (other programs and, on Windows, open
    handles keep working). The copy is at this app's schema revision already.
    """
    raw, live = _sqlite_connection(db.engine)
    try:
        with closing(sqlite3.connect(checked)) as backup:
            _match_page_size(backup, live)
            backup.backup(live)
        rows = [row[0] for row in live.execute("PRAGMA integrity_check")]
    except sqlite3.Error as exc:
        raise BackupError(COPY_FAILED(detail=_first_line(exc))) from None
    finally:
        raw.close()  # type: ignore[attr-defined]
    if rows != ["ok"]:
        raise BackupError(COPY_FAILED(detail=_first_line(rows[0])))


def _match_page_size(backup: sqlite3.Connection, live: sqlite3.Connection) -> None:
    """A database in WAL mode cannot change its page size: the copy takes the live one."""
    size = int(live.execute("PRAGMA page_size").fetchone()[0])
    if int(backup.execute("PRAGMA page_size").fetchone()[0]) != size:
        backup.execute(f"PRAGMA page_size = {size}")
        backup.execute("VACUUM")
