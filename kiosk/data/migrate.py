"""Run the Alembic migrations shipped inside the package, without an alembic.ini.

Alembic is imported only when a migration runs: the revisions are read from the
migration files' headers and the database's revision from ``alembic_version``,
so opening an up-to-date database (every start of the app) does not pay for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

#: Key for PostgreSQL's advisory lock so two PCs never migrate at the same time.
_PG_LOCK_KEY = 0x4B494F53  # "KIOS"


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at the packaged migrations (ConfigParser needs ``%%``)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


_REVISION = re.compile(r"^revision(?:: str)? = [\"']([^\"']+)[\"']", re.MULTILINE)
_DOWN = re.compile(r"^down_revision(?:: [^=]+)? = (?:None|[\"']([^\"']+)[\"'])", re.MULTILINE)


@lru_cache(maxsize=1)
def _revisions() -> dict[str, str | None]:
    """Each shipped revision with the one it follows, read from the files' headers."""
    found: dict[str, str | None] = {}
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(text), _DOWN.search(text)
        if revision is None or down is None:
            continue
        found[revision.group(1)] = down.group(1)
    return found


def head_revision() -> str:
    """The newest revision this app knows."""
    revisions = _revisions()
    heads = set(revisions) - {down for down in revisions.values() if down}
    if len(heads) != 1:  # pragma: no cover - the package always ships one chain
        raise RuntimeError(f"expected one head revision in {MIGRATIONS_DIR}, found {sorted(heads)}")
    return heads.pop()


def known_revisions() -> frozenset[str]:
    return frozenset(_revisions())


def current_revision(connection: Connection) -> str | None:
    """The database's revision, or None when it has no ``alembic_version`` table (read-only)."""
    if "alembic_version" not in inspect(connection).get_table_names():
        return None
    rows = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalars().all()
    if len(rows) > 1:
        raise RuntimeError(f"the database has several revisions: {', '.join(map(str, rows))}")
    return str(rows[0]) if rows else None


def foreign_tables(connection: Connection) -> list[str]:
    """Tables in the default schema that are neither ours nor Alembic's."""
    from kiosk.data.models import Base

    ours = set(Base.metadata.tables) | {"alembic_version"}
    return sorted(t for t in inspect(connection).get_table_names() if t not in ours)


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Upgrade the database to *revision* in one transaction (see :func:`_migrate`)."""
    from alembic import command

    _migrate(engine, lambda config: command.upgrade(config, revision))


def downgrade(engine: Engine, revision: str) -> None:
    """Downgrade the database to *revision* in one transaction (see :func:`_migrate`)."""
    from alembic import command

    _migrate(engine, lambda config: command.downgrade(config, revision))


def _migrate(engine: Engine, run: Callable[[Config], None]) -> None:
    """Run one Alembic command in one transaction.

    SQLite: foreign keys are switched off for the migration (batch mode copies
    tables, and ``ON DELETE CASCADE`` would otherwise empty child tables),
    checked with ``PRAGMA foreign_key_check`` before commit, then switched on
    again; ``BEGIN IMMEDIATE`` makes the DDL atomic and serialises two PCs.
    PostgreSQL: transactional DDL under an advisory lock.
    """
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            try:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                run(alembic_config(conn))
                problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise RuntimeError(f"migration broke foreign keys: {problems[:5]}")
                conn.commit()
            except BaseException:
                conn.rollback()
                raise
            finally:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
        else:
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_LOCK_KEY})")
                run(alembic_config(conn))
