"""A large PostgreSQL load sets the goods' foreign key and any GIN index (the app's schema has
none since migration 0013; here another tool's) aside and rebuilds them in its transaction:
they exist after a commit and after a rollback, as they were."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest
from factories.postgres import libpq_url
from sqlalchemy import func, select, text

from kiosk.data import bulk, bulk_aside
from kiosk.data.bulk import insert_market_core
from kiosk.data.bulk_aside import SetAside
from kiosk.data.db import Database
from kiosk.data.models import Market, Product, Store
from kiosk.domain.categories import Category
from kiosk.domain.listing import GoodListing, MarketListing, StoreListing

pytestmark = pytest.mark.postgres

_DEFINITIONS = text(
    "SELECT 'key', conname, pg_get_constraintdef(oid) FROM pg_constraint"
    " WHERE conrelid = 'products'::regclass AND contype = 'f'"
    " UNION ALL SELECT 'index', indexname, indexdef FROM pg_indexes"
    " WHERE tablename IN ('stores', 'products') ORDER BY 1, 2"
)


def _market(slug: str, count: int, last_name: dict[str, str] | None = None) -> MarketListing:
    good = GoodListing(None, {"ko": "사과"}, 1_000, "개")
    stores = [
        StoreListing(f"S-{n}", Category.FRUIT, {"ko": f"사과 {n}호"}, products=(good, good))
        for n in range(count)
    ]
    if last_name is not None:
        stores.append(StoreListing("Z-1", Category.FRUIT, last_name, products=(good,)))
    return MarketListing(slug=slug, name={"ko": "시장"}, city={"ko": "부산"}, stores=tuple(stores))


@pytest.fixture
def database(postgres_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    """A new database at head with another tool's GIN index on ``stores`` (no extension needed)."""
    monkeypatch.setattr(bulk_aside, "MIN_GOODS", 10)
    with Database.open(postgres_url) as db:
        with db.engine.begin() as conn:
            conn.exec_driver_sql(
                "CREATE INDEX ix_tool_words ON stores"
                " USING gin (to_tsvector('simple', search_text))"
            )
        yield db


@pytest.fixture
def aside(monkeypatch: pytest.MonkeyPatch) -> list[SetAside]:
    """What each load set aside."""
    seen: list[SetAside] = []

    def spy(*args: object) -> SetAside:
        seen.append(bulk_aside.set_aside(*args))  # type: ignore[arg-type]
        return seen[-1]

    monkeypatch.setattr(bulk, "set_aside", spy)
    return seen


def _definitions(db: Database) -> list[tuple[str, str, str]]:
    with db.engine.connect() as conn:
        return [(kind, name, sql) for kind, name, sql in conn.execute(_DEFINITIONS)]


def _counts(db: Database) -> list[int]:
    with db.engine.connect() as conn:
        return [conn.scalar(select(func.count()).select_from(t)) or 0 for t in (Store, Product)]


def test_a_large_load_rebuilds_key_and_index_as_they_were(
    database: Database, aside: list[SetAside]
) -> None:
    before = _definitions(database)
    assert any(kind == "key" for kind, _, _ in before)
    with database.engine.begin() as conn:
        insert_market_core(conn, _market("big", 20))
    assert aside[0].keys and aside[0].indexes == tuple(
        (name, sql) for kind, name, sql in before if "USING gin" in sql
    )
    assert [name for name, _ in aside[0].indexes] == ["ix_tool_words"]
    assert _definitions(database) == before
    assert _counts(database) == [20, 40]


def test_a_failing_large_load_leaves_key_index_and_no_rows(
    database: Database, aside: list[SetAside]
) -> None:
    before = _definitions(database)
    with (
        pytest.raises(ValueError, match="unknown locale"),
        database.engine.begin() as conn,
    ):
        insert_market_core(conn, _market("bad", 20, last_name={"xx": "?"}))
    assert aside[0].keys and aside[0].indexes
    assert _definitions(database) == before
    assert _counts(database) == [0, 0]
    with database.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(Market)) == 0


def test_a_load_smaller_than_the_tables_keeps_them_in_place(
    database: Database, aside: list[SetAside]
) -> None:
    with database.engine.begin() as conn:
        insert_market_core(conn, _market("first", 30))
    with database.engine.begin() as conn:
        insert_market_core(conn, _market("second", 20))
    assert aside[0].keys and aside[1] == SetAside()
    assert _counts(database) == [50, 100]


def test_a_table_another_pc_reads_keeps_them_in_place(
    database: Database, aside: list[SetAside], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulk_aside, "LOCK_WAIT", "200ms")
    before = _definitions(database)
    with psycopg.connect(
        libpq_url(database.engine.url.render_as_string(hide_password=False))
    ) as other:
        other.execute("SELECT count(*) FROM stores")  # holds its lock until the rollback
        with database.engine.begin() as conn:
            insert_market_core(conn, _market("busy", 20))
        other.rollback()
    assert aside[0] == SetAside()
    assert _definitions(database) == before
    assert _counts(database) == [20, 40]
