"""Open the database (SQLite file or PostgreSQL), check its schema, hand out sessions.

Opening never damages what is there: a file that is not a SQLite database, a
database written by a newer app, or someone else's database raise
``DatabaseOpenError`` before anything is written (SQLite files are inspected
read-only before the WAL pragma, which rewrites the header, can touch them).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

from sqlalchemy import URL, Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool, StaticPool

from kiosk.data import migrate
from kiosk.data.errors import DatabaseOpenError, SchemaTooNewError
from kiosk.data.search import install_search_maintenance
from kiosk.i18n import _

ENV_VAR = "KIOSK_DATABASE_URL"
DEFAULT_FILENAME = "market-kiosk.sqlite3"
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000

_POSTGRES_DRIVERS = {"postgres", "postgresql", "postgresql+psycopg"}
_SQLITE_DRIVERS = {"sqlite", "sqlite+pysqlite"}


def default_database_url() -> str:
    """``$KIOSK_DATABASE_URL``, else a SQLite file in the user's data directory (created)."""
    configured = os.environ.get(ENV_VAR, "").strip()
    if configured:
        return configured
    import platformdirs

    folder = Path(platformdirs.user_data_dir("market-kiosk", appauthor=False))
    _make_folder(folder)
    return URL.create("sqlite", database=str(folder / DEFAULT_FILENAME)).render_as_string()


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseOpenError(
            str(folder), _("the folder cannot be created ({error})").format(error=exc.strerror)
        ) from exc


def _describe_non_database(head: bytes) -> str:
    if head.startswith(b"\x89PNG"):
        return _("it is a PNG image, not a SQLite database")
    if head.startswith(b"\xff\xd8\xff"):
        return _("it is a JPEG image, not a SQLite database")
    if head.startswith(b"PK\x03\x04"):
        return _("it is a ZIP or Excel file, not a SQLite database")
    if head.startswith(b"%PDF"):
        return _("it is a PDF document, not a SQLite database")
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return _("it is not a SQLite database (unknown file type)")
    return _("it is a text file, not a SQLite database")


def _normalise_url(raw: str) -> URL:
    try:
        url = make_url(raw)
    except (ArgumentError, ValueError) as exc:
        raise DatabaseOpenError(
            repr(raw) if "@" not in raw else _("(unparseable URL)"),
            _(
                "this is not a database URL; use sqlite:///path/to/file.sqlite3 "
                "or postgresql://user@host/dbname"
            ),
        ) from exc
    if url.drivername in _POSTGRES_DRIVERS:
        return url.set(drivername="postgresql+psycopg")
    if url.drivername in _SQLITE_DRIVERS:
        return url.set(drivername="sqlite")
    raise DatabaseOpenError(
        url.render_as_string(hide_password=True),
        _("unsupported database type {scheme!r}; use sqlite:/// or postgresql://").format(
            scheme=url.drivername
        ),
    )


def _sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for an in-memory database."""
    if not url.database or url.database == ":memory:" or url.database.startswith("file:"):
        return None
    return Path(url.database).expanduser().absolute()


def _check_sqlite_file(path: Path) -> None:
    """Create the folder; reject anything that exists but is not a SQLite database."""
    where = str(path)
    _make_folder(path.parent)
    if path.is_dir():
        raise DatabaseOpenError(where, _("this is a folder, not a database file"))
    if not path.exists():
        return
    try:
        with path.open("rb") as handle:
            head = handle.read(100)
    except OSError as exc:
        raise DatabaseOpenError(
            where, _("the file cannot be read ({error})").format(error=exc.strerror)
        ) from exc
    if head and (len(head) < 100 or not head.startswith(SQLITE_HEADER)):
        raise DatabaseOpenError(where, _describe_non_database(head))


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
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
        raise DatabaseOpenError(
            where,
            _(
                "PostgreSQL support is not installed ({module}); install market-kiosk[postgres]"
            ).format(module=exc.name),
        ) from exc


def _reason(exc: BaseException) -> str:
    text = str(exc.orig) if isinstance(exc, DBAPIError) and exc.orig is not None else str(exc)
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__


def _check_schema(engine: Engine, where: str) -> str | None:
    """Return the database's revision; raise if it is unknown or the database is foreign."""
    try:
        with engine.connect() as conn:
            revision = migrate.current_revision(conn)
            foreign = migrate.foreign_tables(conn) if revision is None else []
    except SQLAlchemyError as exc:
        raise DatabaseOpenError(where, _reason(exc)) from exc
    if revision is not None and revision not in migrate.known_revisions():
        raise SchemaTooNewError(where, revision, migrate.head_revision())
    if foreign:
        raise DatabaseOpenError(
            where,
            _(
                "it is not a Market Kiosk database (it has other tables: {tables}) and was "
                "left unchanged"
            ).format(tables=", ".join(foreign[:5])),
        )
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
        install_search_maintenance()

    @classmethod
    def open(cls, url: str | None = None, *, upgrade: bool = True) -> Self:
        """Open *url* (default: :func:`default_database_url`) and upgrade it to head.

        Raises ``DatabaseOpenError`` (or ``SchemaTooNewError``) naming the file or
        the URL with its password hidden; the database is left unchanged then.
        """
        sa_url = _normalise_url(url if url is not None else default_database_url())
        path = _sqlite_path(sa_url) if sa_url.drivername == "sqlite" else None
        where = str(path) if path is not None else sa_url.render_as_string(hide_password=True)
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
            raise DatabaseOpenError(where, _reason(exc)) from exc
        return cls(engine, where=where)

    @property
    def url(self) -> str:
        """The URL for display, with any password replaced by ``***``."""
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions() as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def current_revision(self) -> str | None:
        with self.engine.connect() as conn:
            return migrate.current_revision(conn)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Database({self.url!r})"
