"""City-scale directory: SQL stall order, pages, counts, one-query categories, Core bulk writes."""

from __future__ import annotations

import random

import pytest
from factories.markets import build_market, generate_market
from sqlalchemy import select, text

from kiosk.data import migrate
from kiosk.data.db import Database
from kiosk.data.models import Product, Store
from kiosk.data.ordering import stall_sort_bytes, stall_sort_key
from kiosk.data.search import build_search_text
from kiosk.domain.categories import Category
from kiosk.services.directory import count_stores, get_store, list_stores, market_categories


def test_sort_bytes_order_equals_the_natural_order() -> None:
    rng = random.Random(7)
    alphabet = "Aa-0123456789 bB가１２_"
    for _ in range(500):
        stalls = [
            "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8))) for _ in range(20)
        ]
        assert sorted(stalls, key=stall_sort_bytes) == sorted(stalls, key=stall_sort_key)
    assert sorted(["A-10", "A-2", "a-02", "B-1", "A-1-2", "A-1"], key=stall_sort_bytes) == [
        "A-1",
        "A-1-2",
        "A-2",
        "a-02",
        "A-10",
        "B-1",
    ]


@pytest.fixture
def city(db: Database) -> Database:
    generate_market(db, slug="city", stores=130, goods_per_store=6)
    generate_market(db, slug="empty", stores=0)
    return db


def test_pages_join_up_to_the_whole_list_in_stall_order(city: Database) -> None:
    whole = list_stores(db=city, market_slug="city")
    pages = [
        store
        for offset in range(0, 140, 48)
        for store in list_stores(db=city, market_slug="city", offset=offset, limit=48)
    ]
    assert pages == whole
    assert [s.stall_number for s in whole] == sorted(
        (s.stall_number for s in whole), key=stall_sort_key
    )
    assert count_stores(db=city, market_slug="city") == len(whole) == 130 - 130 // 20


@pytest.mark.parametrize("query", ["귤", "채소", "갈치", "tangerine", "みかん", "柑橘", "t", "a-1"])
def test_count_and_pages_agree_with_the_search(city: Database, query: str) -> None:
    found = list_stores(db=city, market_slug="city", query=query)
    assert found, query
    assert count_stores(db=city, market_slug="city", query=query) == len(found)
    assert list_stores(db=city, market_slug="city", query=query, limit=5) == found[:5]


@pytest.mark.parametrize(
    "query",
    [
        "%",
        "_",
        "%%_",
        "   ",
        "\\",
        "'; DROP TABLE stores; --",
        "z" * 200,
        "귤 " * 70,
        "*",
        "?",
        "[",
        "[a-z]",
        "*귤*",
        "t?ngerine",
    ],
)
def test_bad_queries_give_right_answers(city: Database, query: str) -> None:
    found = list_stores(db=city, market_slug="city", query=query, limit=24)
    counted = count_stores(db=city, market_slug="city", query=query)
    if query.strip() == "":
        assert counted == count_stores(db=city, market_slug="city")
    elif set(query.split()) == {"귤"}:
        assert counted == count_stores(db=city, market_slug="city", query="귤")
    else:
        assert found == [] and counted == 0  # wildcards are literal, nothing has them


def test_an_empty_market(city: Database) -> None:
    assert list_stores(db=city, market_slug="empty", limit=24) == []
    assert count_stores(db=city, market_slug="empty", query="귤") == 0
    assert market_categories(db=city, market_slug="empty") == []


def test_bad_paging_is_refused(city: Database) -> None:
    with pytest.raises(ValueError, match="0 or more"):
        list_stores(db=city, market_slug="city", offset=-1)
    with pytest.raises(ValueError, match="0 or more"):
        list_stores(db=city, market_slug="city", limit=-5)


def test_categories_come_from_one_aggregate_query(city: Database) -> None:
    present = {s.category for s in list_stores(db=city, market_slug="city")}
    assert market_categories(db=city, market_slug="city") == [c for c in Category if c in present]


def test_core_bulk_rows_equal_the_plain_data(city: Database) -> None:
    market = build_market(slug="city", stores=130, goods_per_store=6)
    by_stall = {s.stall_number: s for s in market.stores}
    with city.session() as session:
        rows = session.execute(
            select(Store.id, Store.stall_number, Store.search_text, Store.stall_sort_key)
        ).all()
        assert session.scalar(select(Product.id).limit(1)) is not None
    for store_id, stall, search_text, sort_key in rows:
        plain = by_stall[stall]
        assert sort_key == stall_sort_bytes(stall)
        assert search_text == build_search_text(
            stall, plain.name, plain.description, (p.name for p in plain.products)
        )
        if store_id % 17 == 0:
            detail = get_store(db=city, store_id=store_id)
            assert dict(detail.name.values) == plain.name
            assert [dict(p.name.values) for p in detail.products] == [
                p.name for p in plain.products
            ]
            assert detail.payment_methods == plain.payment_methods
            assert (detail.payment_qr_payload or "") == plain.payment
            assert len(detail.products) == 6


def test_generator_goods_per_store_and_bad_values() -> None:
    market = build_market(slug="g", stores=3, goods_per_store=9)
    assert all(len(s.products) == 9 for s in market.stores)
    names = [p.name["ko"] for p in market.stores[0].products]
    assert len(set(names)) == 9  # past the catalogue, goods get numbered grades
    with pytest.raises(ValueError, match="goods_per_store"):
        build_market(slug="g", stores=3, goods_per_store=-1)


def test_renaming_a_stall_through_the_orm_moves_it(city: Database) -> None:
    first = list_stores(db=city, market_slug="city", limit=1)[0]
    with city.session() as session:
        store = session.get(Store, first.id)
        assert store is not None
        store.stall_number = "ZZ-999"
    assert list_stores(db=city, market_slug="city")[-1].id == first.id


def test_migration_0004_fills_the_sort_key(db: Database) -> None:
    generate_market(db, slug="m", stores=60)
    migrate.downgrade(db.engine, "0002")
    with db.engine.connect() as conn:
        assert (
            "stall_sort_key"
            not in {
                row[1]
                for row in conn.execute(text("SELECT * FROM stores LIMIT 0")).cursor.description
            }
            if conn.dialect.name == "sqlite"
            else True
        )
    migrate.upgrade(db.engine)
    with db.session() as session:
        for stall, key in session.execute(select(Store.stall_number, Store.stall_sort_key)):
            assert key == stall_sort_bytes(stall)
    stalls = [s.stall_number for s in list_stores(db=db, market_slug="m")]
    assert stalls == sorted(stalls, key=stall_sort_key)


@pytest.mark.parametrize("query", ["별*표", "[특가]", "가?", "100%", "a_b"])
def test_wildcard_characters_in_names_are_found_literally(city: Database, query: str) -> None:
    """GLOB (SQLite) and LIKE (PostgreSQL) specials in a stored name match only themselves."""
    from sqlalchemy import select

    from kiosk.data.models import Store

    with city.session() as session:
        store = session.scalars(select(Store).where(Store.active.is_(True)).limit(1)).one()
        store.name = {**store.name, "ko": "별*표 [특가] 가? 100% a_b"}
        store_id = store.id
    found = list_stores(db=city, market_slug="city", query=query)
    assert [s.id for s in found] == [store_id]
    assert count_stores(db=city, market_slug="city", query=query) == 1
