"""`db check` and `db init`: the database a PC is to use, checked step by step in plain words.

Each check gives one line: ok, warn (works, but look at it) or fail (the app cannot
use the database), with the fix. Nothing is written by a check.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from sqlalchemy import URL, Connection, create_engine, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from kiosk.data import migrate
from kiosk.data.db import _normalise_url, _sqlite_path
from kiosk.data.errors import DatabaseOpenError

Status = Literal["ok", "warn", "fail"]
#: Clock differences above this many seconds are reported (change events carry times).
CLOCK_WARN_S = 30.0
#: The oldest PostgreSQL the app is tested on (the schema needs 13 or newer).
MIN_POSTGRES = 13


@dataclass(frozen=True, slots=True)
class CheckLine:
    """One check's result: its name, status, what was found and (if needed) the fix."""

    name: str
    status: Status
    detail: str
    fix: str = ""
    #: A fixed word for screens that say it in their own words ("" when none is needed):
    #: unreachable, wrong_password, no_user, no_database, other_app, app_too_old,
    #: database_older, empty, no_rights.
    problem: str = ""


def check_database(url: str) -> list[CheckLine]:
    """Check *url* (PostgreSQL or a SQLite file); a failed step ends the list."""
    try:
        sa_url = _normalise_url(url)
    except DatabaseOpenError as exc:
        return [
            CheckLine(
                "address",
                "fail",
                str(exc.reason),
                "write the URL as postgresql://USER@HOST:PORT/DATABASE or sqlite:///PATH",
            )
        ]
    if sa_url.drivername == "sqlite":
        return _check_sqlite(sa_url)
    return _check_postgres(sa_url)


def _connection_failure(exc: BaseException, url: URL) -> CheckLine:
    """A failed connection in plain words (psycopg gives no SQLSTATE before the session)."""
    message = str(getattr(exc, "orig", None) or exc)
    first = next((line for line in message.splitlines() if "FATAL" in line), message)
    first = re.sub(r"^.*FATAL:\s*", "", first).strip()
    where = f"{url.host or 'localhost'}:{url.port or 5432}"
    if "password authentication failed" in message or "no password supplied" in message:
        return CheckLine(
            "credentials",
            "fail",
            f"wrong password for user {url.username!r}",
            "set the right password: market-kiosk config set database_url "
            "postgresql://USER:PASSWORD@HOST/DATABASE",
            "wrong_password",
        )
    if re.search(r'role ".*" does not exist', message):
        return CheckLine(
            "credentials",
            "fail",
            f"the server has no user {url.username!r}",
            "create the role (README: Setting up a market server) or fix the name",
            "no_user",
        )
    if "not permitted to log in" in message:
        return CheckLine(
            "credentials",
            "fail",
            f"user {url.username!r} may not log in",
            f"as the server's admin: ALTER ROLE {url.username} LOGIN",
        )
    if re.search(r'database ".*" does not exist', message):
        return CheckLine(
            "database",
            "fail",
            f"the server has no database {url.database!r}",
            "create it (README: Setting up a market server) or fix the name",
            "no_database",
        )
    if "pg_hba.conf" in message:
        return CheckLine(
            "credentials",
            "fail",
            f"the server does not let this PC in ({first})",
            "add this PC's network to pg_hba.conf on the server and reload it",
        )
    if "FATAL" in message:
        return CheckLine(
            "connection",
            "fail",
            f"the server refused the connection: {first}",
            "see the server's log",
        )
    return CheckLine(
        "reachable",
        "fail",
        f"server not reachable at {where}",
        "is PostgreSQL running there, the host and port right, the port open in "
        "the firewall and listen_addresses set in postgresql.conf?",
        "unreachable",
    )


def _check_postgres(url: URL) -> list[CheckLine]:
    where = f"{url.host or 'localhost'}:{url.port or 5432}, database {url.database}"
    try:
        engine = create_engine(url, poolclass=NullPool, connect_args={"connect_timeout": 5})
    except ModuleNotFoundError as exc:
        return [
            CheckLine(
                "driver",
                "fail",
                f"the PostgreSQL driver is missing ({exc.name})",
                "install the app with its postgres extra (psycopg)",
            )
        ]
    lines: list[CheckLine] = []
    try:
        with engine.connect() as conn:
            lines.append(CheckLine("reachable", "ok", f"connected to {where}"))
            lines.append(CheckLine("credentials", "ok", f"signed in as {url.username!r}"))
            lines.extend(_postgres_details(conn))
    except SQLAlchemyError as exc:
        if not lines:
            return [_connection_failure(exc, url)]
        lines.append(
            CheckLine(
                "connection",
                "fail",
                f"the check stopped: {_first(exc)}",
                "run the check again; see the server's log",
            )
        )
    finally:
        engine.dispose()
    return lines


def _first(exc: BaseException) -> str:
    return str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]


def _postgres_details(conn: Connection) -> list[CheckLine]:
    version = str(conn.exec_driver_sql("SHOW server_version").scalar())
    major = int(conn.exec_driver_sql("SHOW server_version_num").scalar() or 0) // 10000
    lines = [
        CheckLine("server version", "ok", f"PostgreSQL {version}")
        if major >= MIN_POSTGRES
        else CheckLine(
            "server version",
            "fail",
            f"PostgreSQL {version} is too old",
            f"use PostgreSQL {MIN_POSTGRES} or newer",
        )
    ]
    lines.append(_trigram(conn))
    revision = migrate.current_revision(conn)
    foreign = migrate.foreign_tables(conn) if revision is None else []
    can_create = bool(
        conn.execute(text("SELECT has_schema_privilege(current_schema(), 'CREATE')")).scalar()
    )
    lines.append(_rights(can_create, revision))
    lines.append(_revision(revision, foreign))
    lines.append(_clock(conn))
    return lines


def _trigram(conn: Connection) -> CheckLine:
    if conn.exec_driver_sql("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").first():
        return CheckLine("pg_trgm", "ok", "installed (fast search in large markets)")
    available = "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'"
    if conn.exec_driver_sql(available).first() is None:
        return CheckLine(
            "pg_trgm",
            "warn",
            "not available on the server: search works, slower in large markets",
            "install the server's contrib package (Debian: postgresql-contrib)",
        )
    return CheckLine(
        "pg_trgm",
        "warn",
        "not installed in this database: search works, slower in large markets",
        "as the server's admin, in this database: CREATE EXTENSION pg_trgm;",
    )


def _rights(can_create: bool, revision: str | None) -> CheckLine:
    if can_create:
        return CheckLine("rights", "ok", "may create tables (set up and upgrade the schema)")
    head = migrate.head_revision()
    if revision == head:
        return CheckLine(
            "rights",
            "warn",
            "may not create tables: fine now, but the next app update cannot upgrade the schema",
            "GRANT CREATE ON SCHEMA public TO the app's role, or update as the owner",
        )
    return CheckLine(
        "rights",
        "fail",
        "may not create tables, and the schema needs setting up or upgrading",
        "GRANT CREATE ON SCHEMA public TO the app's role",
        "no_rights",
    )


def _revision(revision: str | None, foreign: list[str]) -> CheckLine:
    head = migrate.head_revision()
    if revision is None and foreign:
        return CheckLine(
            "schema",
            "fail",
            f"this database belongs to another app (tables {', '.join(foreign[:5])})",
            "give the market a database of its own",
            "other_app",
        )
    if revision is None:
        return CheckLine(
            "schema",
            "warn",
            "empty: no tables yet",
            "market-kiosk db init --url URL (or start the app once)",
            "empty",
        )
    if revision == head:
        return CheckLine("schema", "ok", f"revision {revision}, the same as this app's")
    if revision in migrate.known_revisions():
        return CheckLine(
            "schema",
            "warn",
            f"the database is older ({revision}) than this app ({head})",
            "it is upgraded when this app opens it; update the other PCs' app too",
            "database_older",
        )
    return CheckLine(
        "schema",
        "fail",
        f"the database is newer ({revision}) than this app ({head})",
        "update the app on this PC",
        "app_too_old",
    )


def _clock(conn: Connection) -> CheckLine:
    server = conn.exec_driver_sql("SELECT now()").scalar()
    assert isinstance(server, datetime)
    difference = (datetime.now(UTC) - server).total_seconds()
    if abs(difference) <= CLOCK_WARN_S:
        return CheckLine("clock", "ok", f"this PC and the server differ by {abs(difference):.0f} s")
    side = "ahead of" if difference > 0 else "behind"
    return CheckLine(
        "clock",
        "warn",
        f"this PC's clock is {abs(difference):.0f} s {side} the server's",
        "turn on automatic time (NTP) on this PC and the server",
    )


def _check_sqlite(url: URL) -> list[CheckLine]:
    path = _sqlite_path(url)
    if path is None:
        return [CheckLine("file", "ok", "an in-memory database (nothing kept)")]
    folder = path.parent
    if not path.exists():
        if folder.is_dir() and os.access(folder, os.W_OK):
            return [
                CheckLine(
                    "file",
                    "warn",
                    f"{path} does not exist yet",
                    "it is created when the app starts (or: db init --url)",
                )
            ]
        return [
            CheckLine(
                "file",
                "fail",
                f"{path} does not exist and its folder cannot be written",
                "choose a folder this user may write to",
            )
        ]
    if not path.is_file():
        return [CheckLine("file", "fail", f"{path} is not a file", "point the URL at a file")]
    lines = [CheckLine("file", "ok", f"{path} exists")]
    if not os.access(path, os.R_OK):
        return [
            *lines,
            CheckLine(
                "readable",
                "fail",
                "this user may not read it",
                "give this user read and write permission on the file",
            ),
        ]
    writable = os.access(path, os.W_OK) and os.access(folder, os.W_OK)
    lines.append(
        CheckLine("writable", "ok", "readable and writable")
        if writable
        else CheckLine(
            "writable",
            "fail",
            "read-only for this user (or its folder is)",
            "give this user write permission on the file and its folder",
        )
    )
    return [*lines, *_sqlite_revision(path)]


def _sqlite_revision(path: Path) -> list[CheckLine]:
    from kiosk.data.db import _readonly_sqlite_engine

    engine = _readonly_sqlite_engine(path)
    try:
        with engine.connect() as conn:
            revision = migrate.current_revision(conn)
            foreign = migrate.foreign_tables(conn) if revision is None else []
    except SQLAlchemyError as exc:
        return [
            CheckLine(
                "schema",
                "fail",
                f"not a readable database: {_first(exc)}",
                "restore a backup (market-kiosk restore)",
            )
        ]
    finally:
        engine.dispose()
    return [_revision(revision, foreign)]


def init_database(url: str) -> tuple[str | None, str]:
    """Set up the schema on *url*: (revision before, revision now).

    An empty database gets the whole schema; one of ours is upgraded if older.
    A database of another app or of a newer app version raises DatabaseOpenError
    (naming it) before anything is written.
    """
    from kiosk.data.db import Database

    probe = Database.open(url, upgrade=False)
    try:
        before = probe.current_revision()
    finally:
        probe.close()
    database = Database.open(url)
    try:
        return before, database.current_revision() or ""
    finally:
        database.close()
