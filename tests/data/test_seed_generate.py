"""Demo seeding (bulk, idempotent, replaceable) and the synthetic market generator."""

from __future__ import annotations

import dataclasses
import time

import pytest
from factories.markets import build_market, generate_market
from sample_market import SMALL_SLUG, small_market
from sqlalchemy import func, select

from kiosk.data.db import Database
from kiosk.data.models import Market, Product, Store
from kiosk.data.search import refresh_store_search_text
from kiosk.data.seed import ensure_demo_data, is_empty, seed_demo, seed_markets
from kiosk.domain.qr.emvco import parse_payload
from kiosk.services.directory import list_store_details, list_stores
from kiosk.services.stores import set_store_qr_codes


def _counts(db: Database) -> tuple[int, int, int]:
    with db.session() as session:
        return tuple(  # type: ignore[return-value]
            session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Market, Store, Product)
        )


def test_seeding_inserts_everything(db: Database) -> None:
    assert is_empty(db)
    assert seed_markets(db, [small_market()]) == {SMALL_SLUG: 5}
    assert not is_empty(db)
    assert _counts(db) == (1, 5, 7)


def test_seeding_twice_does_not_duplicate(db: Database) -> None:
    seed_markets(db, [small_market()])
    before = _counts(db)
    assert seed_markets(db, [small_market()]) == {SMALL_SLUG: 5}
    assert _counts(db) == before


def test_replace_rebuilds_only_the_given_markets(db: Database) -> None:
    seed_markets(db, [small_market()])
    generate_market(db, slug="other", stores=10)
    [store] = list_stores(db=db, market_slug=SMALL_SLUG, query="떡")
    set_store_qr_codes(
        db=db,
        store_id=store.id,
        expected_version=1,
        kakao_channel_id="_Edited",
        payment_qr_payload=None,
    )
    assert seed_markets(db, [small_market()], replace=True) == {SMALL_SLUG: 5}
    [fresh] = list_store_details(db=db, market_slug=SMALL_SLUG, active_only=False)[:1]
    assert fresh.stall_number == "A-1" and fresh.kakao_channel_id is None and fresh.version == 1
    assert _counts(db)[:2] == (2, 15)
    assert len(list_stores(db=db, market_slug="other", include_inactive=True)) == 10


def test_bad_demo_content_is_refused_naming_the_stall(db: Database) -> None:
    market = small_market()
    twice = type(market)(market.slug, market.name, market.city, market.stores[:1] * 2)
    with pytest.raises(ValueError, match="stall 'A-10' appears twice"):
        seed_markets(db, [twice])
    assert is_empty(db)  # nothing half-inserted


def test_seeding_fifty_stores_and_three_hundred_products_is_fast(db: Database) -> None:
    market = build_market(slug="timed", stores=50, seed=3)
    bigger = type(market)(
        market.slug,
        market.name,
        market.city,
        tuple(dataclasses.replace(s, products=s.products * 2) for s in market.stores),
    )
    products = sum(len(s.products) for s in bigger.stores)
    assert products >= 250
    started = time.perf_counter()
    seed_markets(db, [bigger])
    elapsed = time.perf_counter() - started
    assert elapsed < 1.0, f"seeding 50 stores / {products} products took {elapsed:.2f} s"


def test_bulk_search_text_equals_what_the_orm_hook_computes(db: Database) -> None:
    seed_markets(db, [small_market()])
    with db.session() as session:
        for store in session.scalars(select(Store)).all():
            seeded = store.search_text
            refresh_store_search_text(store)
            assert store.search_text == seeded
            assert not session.dirty


def test_demo_markets_seed_and_ensure(db: Database) -> None:
    started = time.perf_counter()
    assert ensure_demo_data(db) is True
    elapsed = time.perf_counter() - started
    counts = seed_demo(db)
    assert set(counts) == {"bansong", "dongmun"}
    assert all(n >= 20 for n in counts.values())
    assert ensure_demo_data(db) is False
    assert seed_demo(db, replace=True) == counts
    if db.dialect == "sqlite":
        assert elapsed < 1.0


def test_generated_market_shape(db: Database) -> None:
    generate_market(db, slug="gen", stores=60, seed=7)
    details = list_store_details(db=db, market_slug="gen", active_only=False)
    assert len(details) == 60
    by_stall = {d.stall_number: d for d in details}
    assert by_stall["A-1"].kakao_channel_id == "_Gen0001"
    assert by_stall["A-4"].kakao_channel_id == "_Gen0004"
    assert by_stall["A-2"].kakao_channel_id is None
    assert sum(d.kakao_channel_id is not None for d in details) == 20
    payloads = [d.payment_qr_payload for d in details if d.payment_qr_payload]
    assert len(payloads) == 15
    for raw in payloads:
        parsed = parse_payload(raw)  # CRC and structure checked by the domain parser
        assert parsed.merchant_name.startswith("DEMO ")
        assert "DEMO-NOT-FOR-PAYMENT" in (parsed.value("62") or "")
        assert parsed.currency == "KRW"
    assert sum(not d.active for d in details) == 3
    assert all(
        2 <= len(d.products) <= 4 and all(p.price_won >= 0 for p in d.products) for d in details
    )
    assert all(d.name.has(loc) for d in details for loc in ("ko", "en", "ja", "zh_Hans", "zh_Hant"))


def test_generation_is_reproducible() -> None:
    assert build_market(slug="x", stores=30, seed=5) == build_market(slug="x", stores=30, seed=5)
    assert build_market(slug="x", stores=30, seed=5) != build_market(slug="x", stores=30, seed=6)


def test_generator_bad_arguments(db: Database) -> None:
    generate_market(db, slug="taken", stores=3)
    with pytest.raises(ValueError, match="'taken' already exists"):
        generate_market(db, slug="taken", stores=3)
    with pytest.raises(ValueError, match="stores must be 0 or more, got -1"):
        generate_market(db, slug="neg", stores=-1)
    with pytest.raises(ValueError, match="slug must not be empty"):
        generate_market(db, slug="  ", stores=1)


def test_three_hundred_stores_have_unique_stall_numbers() -> None:
    market = build_market(slug="big", stores=1200)
    stalls = [s.stall_number for s in market.stores]
    assert len(set(stalls)) == 1200
