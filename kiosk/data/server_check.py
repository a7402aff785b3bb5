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

from kiosk.data import check_messages as say
from kiosk.data import migrate
from kiosk.data.db import _normalise_url, _sqlite_path
from kiosk.data.errors import DatabaseOpenError
from kiosk.domain.messages import Message, as_message

Status = Literal["ok", "warn", "fail"]
#: Clock differences above this many seconds are reported (change events carry times).
CLOCK_WARN_S = 30.0
#: The oldest PostgreSQL the app is tested on (the schema needs 13 or newer).
MIN_POSTGRES = 13


@dataclass(frozen=True, slots=True)
class CheckLine:
    """One check's result: its name (an English key), status, what was found, the fix.

    ``found`` and ``fixing`` are messages: ``detail``, ``fix`` and ``title`` (the
    check's name) render them in the language current when they are read.
    """

    name: str
    status: Status
    found: Message
    fixing: Message | None = None
    #: A fixed word for screens that say it in their own words ("" when none is needed):
    #: unreachable, no_tls, wrong_password, no_user, no_database, other_app, app_too_old,
    #: database_older, empty, no_rights.
    problem: str = ""

    @property
    def detail(self) -> str:
        return str(self.found)

    @property
    def fix(self) -> str:
        return "" if self.fixing is None else str(self.fixing)

    @property
    def title(self) -> str:
        named = say.NAMES.get(self.name)
        return self.name if named is None else str(named())


def check_database(url: str) -> list[CheckLine]:
    """Check *url* (PostgreSQL or a SQLite file); a failed step ends the list."""
    try:
        sa_url = _normalise_url(url)
    except DatabaseOpenError as exc:
        return [CheckLine("address", "fail", as_message(exc.reason), say.FIX_URL())]
    if sa_url.drivername == "sqlite":
        return _check_sqlite(sa_url)
    return _check_postgres(sa_url)


def _connection_failure(exc: BaseException, url: URL) -> CheckLine:
    """A failed connection in plain words (psycopg gives no SQLSTATE before the session)."""
    message = str(getattr(exc, "orig", None) or exc)
    first = next((line for line in message.splitlines() if "FATAL" in line), message)
    first = re.sub(r"^.*FATAL:\s*", "", first).strip()
    where = f"{url.host or 'localhost'}:{url.port or 5432}"
    if "server does not support SSL" in message:  # libpq, for sslmode=require and stricter
        return CheckLine(
            "encryption", "fail", say.NO_TLS(where=where), say.FIX_NO_TLS(), problem="no_tls"
        )
    if "password authentication failed" in message or "no password supplied" in message:
        return CheckLine(
            "credentials",
            "fail",
            say.WRONG_PASSWORD(user=url.username),
            say.FIX_PASSWORD(),
            problem="wrong_password",
        )
    if re.search(r'role ".*" does not exist', message):
        return CheckLine(
            "credentials", "fail", say.NO_ROLE(user=url.username), say.FIX_ROLE(), problem="no_user"
        )
    if "not permitted to log in" in message:
        return CheckLine(
            "credentials",
            "fail",
            say.NO_LOGIN(user=url.username),
            say.FIX_LOGIN(user=url.username),
        )
    if re.search(r'database ".*" does not exist', message):
        return CheckLine(
            "database",
            "fail",
            say.NO_DATABASE(database=url.database),
            say.FIX_CREATE(),
            problem="no_database",
        )
    if "pg_hba.conf" in message:
        return CheckLine("credentials", "fail", say.HBA(error=first), say.FIX_HBA())
    if "FATAL" in message:
        return CheckLine("connection", "fail", say.REFUSED(error=first), say.FIX_LOG())
    return CheckLine(
        "reachable",
        "fail",
        say.UNREACHABLE(where=where),
        say.FIX_UNREACHABLE(),
        problem="unreachable",
    )


def _check_postgres(url: URL) -> list[CheckLine]:
    where = say.WHERE(host=url.host or "localhost", port=url.port or 5432, database=url.database)
    try:
        engine = create_engine(url, poolclass=NullPool, connect_args={"connect_timeout": 5})
    except ModuleNotFoundError as exc:
        return [CheckLine("driver", "fail", say.NO_DRIVER(module=exc.name), say.FIX_DRIVER())]
    lines: list[CheckLine] = []
    try:
        with engine.connect() as conn:
            lines.append(CheckLine("reachable", "ok", say.CONNECTED(where=where)))
            lines.append(CheckLine("credentials", "ok", say.SIGNED_IN(user=url.username)))
            lines.append(_encryption(conn, url))
            lines.extend(_postgres_details(conn))
    except SQLAlchemyError as exc:
        if not lines:
            return [_connection_failure(exc, url)]
        lines.append(
            CheckLine("connection", "fail", say.STOPPED(error=_first(exc)), say.FIX_AGAIN())
        )
    finally:
        engine.dispose()
    return lines


def _first(exc: BaseException) -> str:
    return str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]


def _encryption(conn: Connection, url: URL) -> CheckLine:
    """Whether this connection runs over TLS; plain text to another machine is a warning."""
    found = conn.exec_driver_sql(
        "SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()"
    ).first()
    asked = url.query.get("sslmode")
    mode = asked if isinstance(asked, str) else "prefer"  # libpq's default
    if found is not None and found[0]:
        return CheckLine("encryption", "ok", say.ENCRYPTED(version=found[1], mode=mode))
    host = url.host or ""
    if host in {"", "localhost", "127.0.0.1", "::1"} or host.startswith("/"):
        return CheckLine("encryption", "ok", say.NOT_ENCRYPTED(mode=mode))  # this PC's own
    return CheckLine("encryption", "warn", say.NOT_ENCRYPTED(mode=mode), say.FIX_ENCRYPT())


def _postgres_details(conn: Connection) -> list[CheckLine]:
    version = str(conn.exec_driver_sql("SHOW server_version").scalar())
    major = int(conn.exec_driver_sql("SHOW server_version_num").scalar() or 0) // 10000
    lines = [
        CheckLine("server version", "ok", say.VERSION(version=version))
        if major >= MIN_POSTGRES
        else CheckLine(
            "server version",
            "fail",
            say.TOO_OLD(version=version),
            say.FIX_VERSION(minimum=MIN_POSTGRES),
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
    """pg_trgm: the app searches in its own memory (since migration 0013 no index uses it)."""
    if conn.exec_driver_sql("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").first():
        return CheckLine("pg_trgm", "ok", say.TRGM_OK())
    return CheckLine("pg_trgm", "ok", say.TRGM_ABSENT())


def _rights(can_create: bool, revision: str | None) -> CheckLine:
    if can_create:
        return CheckLine("rights", "ok", say.MAY_CREATE())
    head = migrate.head_revision()
    if revision == head:
        return CheckLine("rights", "warn", say.MAY_NOT_CREATE_NOW(), say.FIX_GRANT_OR_OWNER())
    return CheckLine("rights", "fail", say.MAY_NOT_CREATE(), say.FIX_GRANT(), problem="no_rights")


def _revision(revision: str | None, foreign: list[str]) -> CheckLine:
    head = migrate.head_revision()
    if revision is None and foreign:
        tables = ", ".join(foreign[:5])
        return CheckLine(
            "schema", "fail", say.FOREIGN(tables=tables), say.FIX_FOREIGN(), problem="other_app"
        )
    if revision is None:
        return CheckLine("schema", "warn", say.EMPTY(), say.FIX_EMPTY(), problem="empty")
    if revision == head:
        return CheckLine("schema", "ok", say.SAME(revision=revision))
    if revision in migrate.known_revisions():
        found = say.OLDER(revision=revision, head=head)
        return CheckLine("schema", "warn", found, say.FIX_OLDER(), problem="database_older")
    return CheckLine(
        "schema",
        "fail",
        say.NEWER(revision=revision, head=head),
        say.FIX_NEWER(),
        problem="app_too_old",
    )


def _clock(conn: Connection) -> CheckLine:
    server = conn.exec_driver_sql("SELECT now()").scalar()
    assert isinstance(server, datetime)
    difference = (datetime.now(UTC) - server).total_seconds()
    seconds = f"{abs(difference):.0f}"
    if abs(difference) <= CLOCK_WARN_S:
        return CheckLine("clock", "ok", say.CLOCK_OK(seconds=seconds))
    found = (say.CLOCK_AHEAD if difference > 0 else say.CLOCK_BEHIND)(seconds=seconds)
    return CheckLine("clock", "warn", found, say.FIX_CLOCK())


def _check_sqlite(url: URL) -> list[CheckLine]:
    path = _sqlite_path(url)
    if path is None:
        return [CheckLine("file", "ok", say.IN_MEMORY())]
    folder = path.parent
    if not path.exists():
        if folder.is_dir() and os.access(folder, os.W_OK):
            return [CheckLine("file", "warn", say.NOT_YET(path=path), say.FIX_NOT_YET())]
        return [CheckLine("file", "fail", say.NO_FOLDER(path=path), say.FIX_FOLDER())]
    if not path.is_file():
        return [CheckLine("file", "fail", say.NOT_FILE(path=path), say.FIX_NOT_FILE())]
    lines = [CheckLine("file", "ok", say.EXISTS(path=path))]
    if not os.access(path, os.R_OK):
        return [*lines, CheckLine("readable", "fail", say.UNREADABLE(), say.FIX_UNREADABLE())]
    writable = os.access(path, os.W_OK) and os.access(folder, os.W_OK)
    lines.append(
        CheckLine("writable", "ok", say.WRITABLE())
        if writable
        else CheckLine("writable", "fail", say.READ_ONLY(), say.FIX_READ_ONLY())
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
        found = say.NOT_READABLE_DB(error=_first(exc))
        return [CheckLine("schema", "fail", found, say.FIX_RESTORE())]
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
