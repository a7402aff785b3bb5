"""Run the Alembic migrations shipped inside the package, without an alembic.ini."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

#: Key for PostgreSQL's advisory lock so two PCs never migrate at the same time.
_PG_LOCK_KEY = 0x4B494F53  # "KIOS"


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at the packaged migrations (ConfigParser needs ``%%``)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@lru_cache(maxsize=1)
def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The newest revision this app knows."""
    head = _script().get_current_head()
    if head is None:  # pragma: no cover - the package always ships 0001
        raise RuntimeError(f"no migrations found in {MIGRATIONS_DIR}")
    return head


def known_revisions() -> frozenset[str]:
    return frozenset(script.revision for script in _script().walk_revisions())


def current_revision(connection: Connection) -> str | None:
    """The database's revision, or None when it has no ``alembic_version`` table (read-only)."""
    return MigrationContext.configure(connection).get_current_revision()


def foreign_tables(connection: Connection) -> list[str]:
    """Tables in the default schema that are neither ours nor Alembic's."""
    from kiosk.data.models import Base

    ours = set(Base.metadata.tables) | {"alembic_version"}
    return sorted(t for t in inspect(connection).get_table_names() if t not in ours)


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Upgrade the database to *revision* in one transaction (see :func:`_migrate`)."""
    _migrate(engine, lambda config: command.upgrade(config, revision))


def downgrade(engine: Engine, revision: str) -> None:
    """Downgrade the database to *revision* in one transaction (see :func:`_migrate`)."""
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
