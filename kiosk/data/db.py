"""Open the database (SQLite file or PostgreSQL), check its schema, hand out sessions.

Opening never damages what is there: a file that is not a SQLite database, a
database written by a newer app, or someone else's database raise
``DatabaseOpenError`` before anything is written (SQLite files are inspected
read-only before the WAL pragma, which rewrites the header, can touch them).
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, Self

from sqlalchemy import URL, Engine, create_engine, event, make_url, text
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool, StaticPool

from kiosk import settings
from kiosk.data import migrate
from kiosk.data.errors import (
    FILE_UNREADABLE,
    FOLDER_NOT_CREATED,
    FOREIGN_DATABASE,
    NO_POSTGRES_DRIVER,
    NOT_A_DATABASE,
    NOT_A_FILE,
    NOT_A_URL,
    UNPARSEABLE_URL,
    UNSUPPORTED_SCHEME,
    DatabaseFaultError,
    DatabaseOpenError,
    SchemaTooNewError,
)
from kiosk.data.faults import fault_from, first_line
from kiosk.data.search import install_search_maintenance
from kiosk.data.search_index import SearchIndex
from kiosk.domain.messages import Message
from kiosk.domain.urls import mask_url

DEFAULT_FILENAME = "market-kiosk.sqlite3"
SQLITE_HEADER = b"SQLite format 3\x00"
#: PostgreSQL advisory lock key serialising demo (re)seeding across PCs ("SEED").
_PG_SEED_LOCK_KEY = 0x53454544

_POSTGRES_DRIVERS = {"postgres", "postgresql", "postgresql+psycopg"}
_SQLITE_DRIVERS = {"sqlite", "sqlite+pysqlite"}


def default_database_url() -> str:
    """``$KIOSK_DATABASE_URL``, else a SQLite file in the user's data directory (created)."""
    configured = settings.current().database_url
    if configured:
        return configured
    import platformdirs

    folder = Path(platformdirs.user_data_dir("market-kiosk", appauthor=False))
    _make_folder(folder)
    return URL.create("sqlite", database=str(folder / DEFAULT_FILENAME)).render_as_string()


def display_url(url: URL) -> str:
    """*url* for messages and logs: the one place a URL is rendered, secrets hidden."""
    return mask_url(url.render_as_string(hide_password=True))


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseOpenError(str(folder), FOLDER_NOT_CREATED(error=exc.strerror)) from exc


_MAGIC = ((b"\x89PNG", "png"), (b"\xff\xd8\xff", "jpeg"), (b"PK\x03\x04", "zip"), (b"%PDF", "pdf"))


def _describe_non_database(head: bytes) -> Message:
    kind = next((kind for magic, kind in _MAGIC if head.startswith(magic)), None)
    if kind is None:
        try:
            head.decode("utf-8")
            kind = "text"
        except UnicodeDecodeError:
            kind = "binary"
    return NOT_A_DATABASE[kind]()


def _normalise_url(raw: str) -> URL:
    try:
        url = make_url(raw)
    except (ArgumentError, ValueError) as exc:
        raise DatabaseOpenError(
            mask_url(repr(raw)) if "@" not in raw else UNPARSEABLE_URL(),
            NOT_A_URL(),
        ) from exc
    if url.drivername in _POSTGRES_DRIVERS:
        return url.set(drivername="postgresql+psycopg")
    if url.drivername in _SQLITE_DRIVERS:
        return url.set(drivername="sqlite")
    raise DatabaseOpenError(
        display_url(url),
        UNSUPPORTED_SCHEME(scheme=url.drivername),
    )


def _sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for an in-memory database."""
    if not url.database or url.database == ":memory:" or url.database.startswith("file:"):
        return None
    return Path(url.database).expanduser().absolute()


def _uri_file(url: URL) -> Path | None:
    """The file a ``sqlite:///file:PATH?...`` URI names (None for memory databases)."""
    database = url.database or ""
    if not database.startswith("file:"):
        return None
    name = database.removeprefix("file:").split("?", 1)[0].split("#", 1)[0]
    if name.startswith("//"):  # file://host/path: only an empty host or localhost is valid
        name = "/" + name[2:].split("/", 1)[-1]
    if not name or name == ":memory:" or "mode=memory" in database:
        return None
    from urllib.parse import unquote

    return Path(unquote(name)).expanduser().absolute()


def _special_kind(mode: int) -> str | None:
    """What a path is when it is not a regular file (a key of NOT_A_FILE); None for a file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "fifo" if stat.S_ISFIFO(mode) else "other"


def _refuse_special_file(path: Path) -> os.stat_result | None:
    """Stat *path* (following links) without opening it; refuse anything but a regular file.

    A device such as ``/dev/null``, a FIFO (opening one blocks) or a socket is
    refused here, before SQLite could open it or create a journal beside it.
    """
    where = str(path)
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return None  # not there yet (_make_folder reports a blocked folder)
    except OSError as exc:
        raise DatabaseOpenError(where, FILE_UNREADABLE(error=exc.strerror)) from exc
    kind = _special_kind(info.st_mode)
    if kind is not None:
        raise DatabaseOpenError(where, NOT_A_FILE[kind]())
    return info


def _check_sqlite_file(path: Path) -> None:
    """Reject anything that exists but is not a SQLite database; create the folder."""
    where = str(path)
    if _refuse_special_file(path) is None:
        _make_folder(path.parent)
        return
    try:
        with path.open("rb") as handle:
            head = handle.read(100)
    except OSError as exc:
        raise DatabaseOpenError(where, FILE_UNREADABLE(error=exc.strerror)) from exc
    if head and (len(head) < 100 or not head.startswith(SQLITE_HEADER)):
        raise DatabaseOpenError(where, _describe_non_database(head))


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        # busy_timeout first: switching to WAL waits for other programs' locks too.
        cursor.execute(f"PRAGMA busy_timeout={settings.current().sqlite_busy_timeout_ms}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
    finally:
        cursor.close()


def _readonly_sqlite_engine(path: Path) -> Engine:
    """Read-only access for inspection. Without a ``-wal`` file the main file holds
    everything, so ``immutable=1`` is exact and leaves no ``-wal``/``-shm`` behind."""
    uri = path.as_uri() + "?mode=ro"
    if not path.with_name(path.name + "-wal").exists():
        uri += "&immutable=1"
    return create_engine(
        "sqlite://", creator=lambda: sqlite3.connect(uri, uri=True), poolclass=NullPool
    )


def _create_engine(url: URL, where: str) -> Engine:
    try:
        if url.drivername == "sqlite":
            memory = _sqlite_path(url) is None
            engine = create_engine(
                url,
                connect_args={"check_same_thread": False},
                poolclass=StaticPool if memory else None,
            )
            event.listen(engine, "connect", _set_sqlite_pragmas)
            return engine
        return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 5})
    except ModuleNotFoundError as exc:
        raise DatabaseOpenError(where, NO_POSTGRES_DRIVER(module=exc.name)) from exc


def _open_failure(exc: SQLAlchemyError, where: str) -> DatabaseOpenError:
    """A fault (locked, read-only, damaged, server unreachable...) or the driver's first line."""
    fault = fault_from(exc, where, opening=True)
    return fault if fault is not None else DatabaseOpenError(where, first_line(exc))


def _check_schema(engine: Engine, where: str) -> str | None:
    """Return the database's revision; raise if it is unknown or the database is foreign."""
    try:
        with engine.connect() as conn:
            revision = migrate.current_revision(conn)
            foreign = migrate.foreign_tables(conn) if revision is None else []
    except SQLAlchemyError as exc:
        raise _open_failure(exc, where) from exc
    if revision is not None and revision not in migrate.known_revisions():
        raise SchemaTooNewError(where, revision, migrate.head_revision())
    if foreign:
        raise DatabaseOpenError(where, FOREIGN_DATABASE(tables=", ".join(foreign[:5])))
    return revision


class Database:
    """An open database: an engine, a session factory and where it lives.

    Use :meth:`open`; ``session()`` commits when the block ends normally and
    rolls back on any exception. Sessions keep loaded values after commit.
    """

    def __init__(self, engine: Engine, *, where: str) -> None:
        self.engine = engine
        self.where = where
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        #: The directory search over this database's markets, held in memory.
        self.search_index = SearchIndex()
        install_search_maintenance()

    @classmethod
    def open(cls, url: str | None = None, *, upgrade: bool = True) -> Self:
        """Open *url* (default: :func:`default_database_url`) and upgrade it to head.

        Raises ``DatabaseOpenError`` (or ``SchemaTooNewError``) naming the file or
        the URL with its password hidden; the database is left unchanged then.
        """
        sa_url = _normalise_url(url if url is not None else default_database_url())
        path = _sqlite_path(sa_url) if sa_url.drivername == "sqlite" else None
        where = str(path) if path is not None else display_url(sa_url)
        uri_file = _uri_file(sa_url) if sa_url.drivername == "sqlite" else None
        if uri_file is not None:
            _refuse_special_file(uri_file)
        if path is not None:
            _check_sqlite_file(path)
            if path.exists() and path.stat().st_size > 0:
                probe = _readonly_sqlite_engine(path)
                try:
                    _check_schema(probe, where)
                finally:
                    probe.dispose()
        engine = _create_engine(sa_url, where)
        try:
            revision = _check_schema(engine, where)
            if upgrade and revision != migrate.head_revision():
                migrate.upgrade(engine)
        except DatabaseOpenError:
            engine.dispose()
            raise
        except SQLAlchemyError as exc:
            engine.dispose()
            raise _open_failure(exc, where) from exc
        return cls(engine, where=where)

    @property
    def url(self) -> str:
        """The URL for display, with any password replaced by ``***``."""
        return display_url(self.engine.url)

    @property
    def place(self) -> str:
        """Where the data is, in a few words: ``host / database`` or the file's name (no secret)."""
        url = self.engine.url
        if url.drivername == "sqlite":
            path = _sqlite_path(url)
            return path.name if path is not None else ":memory:"
        port = f":{url.port}" if url.port and url.port != 5432 else ""
        return f"{url.host or 'localhost'}{port} / {url.database or ''}"

    @property
    def dialect(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self.engine.dialect.name

    def fault(self, exc: SQLAlchemyError) -> DatabaseFaultError | None:
        """*exc* as a ``DatabaseFaultError`` naming this database (traceback logged), or None."""
        return fault_from(exc, self.where)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session committed at the end of the block, rolled back on any exception.

        Database faults (locked, read-only, disk full, damaged, connection lost)
        leave as ``DatabaseFaultError``; constraint violations stay as they are.
        """
        with self._faults_mapped(), self._sessions() as session:
            try:
                yield session
                session.commit()
            except BaseException:
                with suppress(SQLAlchemyError):  # a lost connection cannot roll back
                    session.rollback()
                raise

    @contextmanager
    def write_session(self) -> Iterator[Session]:
        """Like :meth:`session`, holding the database's write lock from the first statement.

        SQLite: ``BEGIN IMMEDIATE`` (waits up to the busy timeout for another
        writer); PostgreSQL: a transaction-scoped advisory lock. Look-ups made in
        the block cannot be outdated by another writer before the commit.
        """
        with self.session() as session:
            if self.dialect == "sqlite":
                session.connection().exec_driver_sql("BEGIN IMMEDIATE")
            elif self.dialect == "postgresql":
                session.execute(text(f"SELECT pg_advisory_xact_lock({_PG_SEED_LOCK_KEY})"))
            yield session

    @contextmanager
    def _faults_mapped(self) -> Iterator[None]:
        try:
            yield
        except SQLAlchemyError as exc:
            fault = self.fault(exc)
            if fault is None:
                raise
            raise fault from exc

    def current_revision(self) -> str | None:
        with self._faults_mapped(), self.engine.connect() as conn:
            return migrate.current_revision(conn)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Database({mask_url(self.url)!r})"
