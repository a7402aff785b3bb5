"""The ORM models and the shipped Alembic migrations describe the same schema."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Column, Integer, MetaData, inspect, text

from kiosk.data import migrate
from kiosk.data.db import Database
from kiosk.data.models import Base


def _diff(db: Database, metadata: MetaData) -> list[object]:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "compare_server_default": True}
        )
        return [d for d in compare_metadata(context, metadata) if not _optional_index(d)]


#: Made by migration 0004 per dialect (pg_trgm on PostgreSQL when available, dropped by
#: 0013; a covering scan index on SQLite, dropped by 0006); not in the models.
OPTIONAL_INDEXES = {"ix_stores_search_trgm", "ix_stores_search_scan"}
_TRIGRAM = text("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")


def _optional_index(diff: object) -> bool:
    return (
        isinstance(diff, tuple)
        and diff[0] == "remove_index"
        and getattr(diff[1], "name", None) in OPTIONAL_INDEXES
    )


def test_models_and_migrations_agree(db: Database) -> None:
    assert _diff(db, Base.metadata) == []


def test_the_comparison_does_see_a_difference(db: Database) -> None:
    changed = MetaData(naming_convention=Base.metadata.naming_convention)
    for table in Base.metadata.tables.values():
        table.to_metadata(changed)
    changed.tables["stores"].append_column(Column("extra", Integer, nullable=True))
    assert [d[0] for d in _diff(db, changed)] == [("add_column")]  # type: ignore[index]


def test_downgrade_to_base_and_upgrade_again(db: Database) -> None:
    with db.engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "base")
        assert inspect(conn).get_table_names() == ["alembic_version"]
    migrate.upgrade(db.engine)
    assert db.current_revision() == migrate.head_revision()
    assert _diff(db, Base.metadata) == []


def test_migration_0013_drops_the_trigram_index_and_its_downgrade_builds_it_again(
    db: Database,
) -> None:
    def indexes() -> set[str]:
        with db.engine.connect() as conn:
            return {ix["name"] for ix in inspect(conn).get_indexes("stores") if ix["name"]}

    assert "ix_stores_search_trgm" not in indexes()
    migrate.downgrade(db.engine, "0012")
    trigram = False
    if db.dialect == "postgresql":
        with db.engine.connect() as conn:
            trigram = bool(conn.scalar(_TRIGRAM))
    assert ("ix_stores_search_trgm" in indexes()) == trigram
    migrate.upgrade(db.engine)
    assert "ix_stores_search_trgm" not in indexes()
    assert db.current_revision() == migrate.head_revision()


def test_migrations_ship_inside_the_package() -> None:
    assert migrate.MIGRATIONS_DIR.parent.name == "data"
    assert (migrate.MIGRATIONS_DIR / "env.py").is_file()
    assert (migrate.MIGRATIONS_DIR / "versions" / "0001_initial.py").is_file()
    assert (migrate.MIGRATIONS_DIR / "versions" / "0002_store_text_columns.py").is_file()
    assert {
        "0001",
        "0002",
        "0003",
        "0004",
        "0005",
        "0006",
        "0007",
        "0008",
        "0009",
        "0010",
        "0011",
        "0012",
        "0013",
    } <= migrate.known_revisions()
