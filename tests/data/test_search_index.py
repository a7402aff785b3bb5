"""The in-memory directory search: same answers as the SQL rule, and never stale after a write."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest
from factories.markets import generate_market
from sqlalchemy import inspect, select

from kiosk.data import migrate
from kiosk.data.bulk import insert_stores_core
from kiosk.data.db import Database
from kiosk.data.models import Market, Store
from kiosk.data.search import search_filter
from kiosk.domain.access import Secret
from kiosk.domain.categories import Category
from kiosk.domain.listing import GoodListing, StoreListing
from kiosk.domain.store_edit.draft import ProductDraft, draft_from
from kiosk.services.app import Services
from kiosk.services.directory import count_stores, list_stores

PASSWORD = "market-office-2026"


def _sql_ids(
    db: Database,
    slug: str,
    query: str,
    category: Category | None = None,
    include_inactive: bool = False,
) -> list[int]:
    """The stores the SQL statement of the same rule finds, in stall order."""
    with db.session() as session:
        stmt = (
            select(Store.id)
            .join(Market)
            .where(Market.slug == slug, search_filter(query))
            .order_by(Store.stall_sort_key, Store.id)
        )
        if not include_inactive:
            stmt = stmt.where(Store.active.is_(True))
        if category is not None:
            stmt = stmt.where(Store.category == category)
        return list(session.scalars(stmt))


def _queries(db: Database, rng: random.Random) -> list[str]:
    """Substrings of real search texts (one to six characters), pairs of them, and misses."""
    with db.session() as session:
        texts = list(session.scalars(select(Store.search_text)))
    out = ["귤", "채소", "갈치", "tangerine", "みかん", "柑橘", "橘子", "t", "zzqx", "A-1"]
    for _ in range(60):
        text = rng.choice(texts).replace("\n", " ")
        start = rng.randrange(len(text))
        out.append(text[start : start + rng.randint(1, 6)])
    out += [f"{a} {b}" for a, b in zip(out[10:30], out[30:50], strict=True)]
    return [q for q in out if q.strip()]


def test_answers_equal_the_sql_rule(db: Database) -> None:
    generate_market(db, slug="city", stores=150, goods_per_store=5)
    rng = random.Random(12)
    for query in _queries(db, rng):
        for category, inactive in ((None, False), (None, True), (Category.SEAFOOD, False)):
            expected = _sql_ids(db, "city", query, category, inactive)
            found = list_stores(
                db=db, market_slug="city", query=query, category=category, include_inactive=inactive
            )
            assert [s.id for s in found] == expected, (query, category, inactive)
            counted = count_stores(
                db=db, market_slug="city", query=query, category=category, include_inactive=inactive
            )
            assert counted == len(expected), query
            page = list_stores(
                db=db,
                market_slug="city",
                query=query,
                category=category,
                include_inactive=inactive,
                offset=3,
                limit=4,
            )
            assert [s.id for s in page] == expected[3:7], query


def test_a_price_change_keeps_the_stamp_and_a_name_change_renews_it(db: Database) -> None:
    services = Services(db)
    services.listings.load_demo()
    manager = _manager(services)
    store = services.directory.get_store(
        store_id=services.directory.list_stores(market_slug="dongmun")[0].id
    )
    before = _stamp(db, "dongmun")
    other_market = _stamp(db, "bansong")
    good = store.products[0]
    store = services.listings.update_good(
        actor=manager, base=store, product_id=good.id, price_won=1234
    )
    assert _stamp(db, "dongmun") == before  # nothing a search sees changed
    draft = draft_from(store)
    goods = (*draft.products, ProductDraft(None, {"ko": "두리안", "en": "Durian"}, 9000, "개"))
    services.listings.save_store(
        actor=manager, market_slug="dongmun", base=store, draft=replace(draft, products=goods)
    )
    assert _stamp(db, "dongmun") != before
    assert _stamp(db, "bansong") == other_market


def _stamp(db: Database, slug: str) -> str:
    with db.session() as session:
        stamp = session.scalar(select(Market.search_stamp).where(Market.slug == slug))
    assert stamp is not None and len(stamp) == 32
    return stamp


def _manager(services: Services):  # type: ignore[no-untyped-def]
    console = services.access.console_actor()
    services.access.set_manager_password(actor=console, password=Secret(PASSWORD))
    return services.access.sign_in_manager(password=Secret(PASSWORD))


def _ids(services: Services, query: str, **filters: object) -> list[int]:
    return [
        s.id for s in services.directory.list_stores(market_slug="dongmun", query=query, **filters)
    ]  # type: ignore[arg-type]


def test_another_pcs_writes_show_at_the_next_search(database_url: str, tmp_path: Path) -> None:
    """Two PCs on one database: every kind of write made on one is found by the other."""
    here = Services.open(database_url, seed_demo=True)
    there = Services.open(database_url)
    try:
        manager = _manager(there)
        first = here.directory.list_stores(market_slug="dongmun")[0]
        assert _ids(here, "두리안") == []  # warms this PC's index
        assert first.id in _ids(here, first.stall_number)

        # A new good's name.
        store = there.directory.get_store(store_id=first.id)
        draft = draft_from(store)
        goods = (*draft.products, ProductDraft(None, {"ko": "두리안", "en": "Durian"}, 9000, "개"))
        store = there.listings.save_store(
            actor=manager, market_slug="dongmun", base=store, draft=replace(draft, products=goods)
        )
        assert _ids(here, "두리안") == [first.id]
        assert here.directory.count_stores(market_slug="dongmun", query="durian") == 1

        # Category, then closing the store.
        assert first.id in _ids(here, "두리안", category=store.category)
        new_category = next(c for c in Category if c is not store.category)
        store = there.listings.save_store(
            actor=manager,
            market_slug="dongmun",
            base=store,
            draft=replace(draft_from(store), category=new_category),
        )
        assert _ids(here, "두리안", category=new_category) == [first.id]
        store = there.listings.save_store(
            actor=manager,
            market_slug="dongmun",
            base=store,
            draft=replace(draft_from(store), active=False),
        )
        assert _ids(here, "두리안") == []
        assert _ids(here, "두리안", include_inactive=True) == [first.id]

        # A new stall through the Core bulk path (what imports use).
        with there._db.engine.begin() as conn:
            market_id = conn.scalar(select(Market.id).where(Market.slug == "dongmun"))
            assert market_id is not None
            good = GoodListing(None, {"ko": "용과", "en": "Dragon fruit"}, 7000, "개", False)
            listing = StoreListing(
                stall_number="Z-99",
                category=Category.FRUIT,
                name={"ko": "새벽 과일", "en": "Dawn Fruit"},
                products=(good,),
            )
            insert_stores_core(conn, market_id, [listing])
        assert len(_ids(here, "용과")) == 1
        assert here.directory.count_stores(market_slug="dongmun", query="dragon fruit") == 1
    finally:
        here.close()
        there.close()


def test_a_restore_is_seen_by_the_search(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'kiosk.sqlite3'}"
    services = Services.open(url, seed_demo=True)
    try:
        manager = _manager(services)
        backup = services.backups.backup_database(actor=manager, out=tmp_path / "before.sqlite3")
        first = services.directory.list_stores(market_slug="dongmun")[0]
        store = services.directory.get_store(store_id=first.id)
        draft = replace(draft_from(store), name={**store.name.values, "en": "Zanzibar Stall"})
        services.listings.save_store(actor=manager, market_slug="dongmun", base=store, draft=draft)
        assert _ids(services, "zanzibar") == [first.id]
        services.backups.restore_database(actor=manager, source=backup.path)
        assert _ids(services, "zanzibar") == []
        assert first.id in _ids(services, first.stall_number)
    finally:
        services.close()


@pytest.mark.parametrize("query", ["%", "_", "   ", "z" * 200, "귤 " * 70, "*", "[a-z]"])
def test_bad_queries_on_an_empty_and_a_missing_market(db: Database, query: str) -> None:
    generate_market(db, slug="empty", stores=0)
    assert list_stores(db=db, market_slug="empty", query=query, limit=24) == []
    assert count_stores(db=db, market_slug="empty", query=query) == 0


def test_left_out_characters_never_join_two_words(db: Database) -> None:
    """The ASCII view drops other characters and spaces; hits are confirmed in the full text."""
    generate_market(db, slug="tiny", stores=0)
    with db.engine.begin() as conn:
        market_id = conn.scalar(select(Market.id).where(Market.slug == "tiny"))
        assert market_id is not None
        names = ["ab귤cd", "fresh fish", "x-1 y", "橘子 みかん"]
        insert_stores_core(
            conn,
            market_id,
            [
                StoreListing(stall_number=f"T-{n}", category=Category.FRUIT, name={"ko": name})
                for n, name in enumerate(names, start=1)
            ],
        )

    def stalls(query: str) -> list[str]:
        return [s.stall_number for s in list_stores(db=db, market_slug="tiny", query=query)]

    assert stalls("bc") == [] and stalls("b귤c") == ["T-1"] and stalls("AB") == ["T-1"]
    for _again in range(2):  # the second time through the kept three-letter postings
        assert stalls("abcd") == [] and stalls("bcd") == [] and stalls("hfis") == []
    assert stalls("hfi") == [] and stalls("fresh fish") == ["T-2"] and stalls("sh") == ["T-2"]
    assert stalls("1y") == [] and stalls("x-1") == ["T-3"]
    assert stalls("子み") == [] and stalls("橘") == ["T-4"] and stalls("ん") == ["T-4"]
    assert stalls("t-") == ["T-1", "T-2", "T-3", "T-4"]


def test_migration_0006_stamps_every_market_and_drops_the_sqlite_scan_index(
    db: Database,
) -> None:
    generate_market(db, slug="a", stores=12)
    generate_market(db, slug="b", stores=0)
    migrate.downgrade(db.engine, "0005")
    with db.engine.connect() as conn:
        indexes = {ix["name"] for ix in inspect(conn).get_indexes("stores")}
        columns = {c["name"] for c in inspect(conn).get_columns("markets")}
    assert "search_stamp" not in columns
    if db.dialect == "sqlite":
        assert "ix_stores_search_scan" in indexes
    migrate.upgrade(db.engine)
    with db.engine.connect() as conn:
        indexes = {ix["name"] for ix in inspect(conn).get_indexes("stores")}
    assert "ix_stores_search_scan" not in indexes
    assert "ix_stores_search_trgm" not in indexes  # dropped by 0013 (PostgreSQL)
    stamps = {_stamp(db, "a"), _stamp(db, "b")}
    assert len(stamps) == 2 and all(int(stamp, 16) >= 0 for stamp in stamps)
    assert count_stores(db=db, market_slug="a", query="a-") == count_stores(db=db, market_slug="a")
