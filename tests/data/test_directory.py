"""The directory services: five-language search, natural stall order, details in few queries."""

from __future__ import annotations

import pytest
from factories.markets import generate_market
from sample_market import SMALL_SLUG, QueryCounter, small_market

from kiosk.data.db import Database
from kiosk.data.errors import NotFoundError
from kiosk.domain.categories import Category
from kiosk.domain.listing import MarketInfo, StoreDetail, StoreSummary
from kiosk.domain.payments import PaymentMethod
from kiosk.services.directory import (
    get_market,
    get_store,
    list_markets,
    list_store_details,
    list_stores,
)


def _stalls(db: Database, query: str = "", **kw: object) -> list[str]:
    stores = list_stores(db=db, market_slug=SMALL_SLUG, query=query, **kw)  # type: ignore[arg-type]
    return [s.stall_number for s in stores]


@pytest.mark.parametrize(
    ("query", "stalls"),
    [
        ("채소", ["A-10"]),  # Korean, two syllables: FTS5 trigram would miss it
        ("귤", ["A-2"]),  # one syllable; the closed stall A-3 is inactive
        ("떡", ["A-1"]),
        ("할매 떡집", ["A-1"]),
        ("인절미", ["A-1"]),  # a product name
        ("나물", ["A-10"]),  # a description
        ("greens", ["A-10"]),  # English, other case
        ("ＧＲＥＥＮＳ", ["A-10"]),  # full-width Latin
        ("grandma's", ["A-1"]),
        ("every morning", ["A-10"]),
        ("jeju hallabong", ["A-2"]),  # every word must match, anywhere in the store
        ("みかん", ["A-2"]),  # Japanese
        ("ﾃﾞｺﾎﾟﾝ", ["A-2"]),  # half-width katakana product name
        ("济州", ["A-2"]),  # Simplified Chinese
        ("濟州", ["A-2"]),  # Traditional Chinese (different characters)
        ("済州", ["A-2"]),  # Japanese shinjitai
        ("年糕", ["A-1"]),
        ("b-1", ["B-1"]),  # stall number
        ("%", ["A-1"]),  # a literal percent sign ("100% rice cake"), not a wildcard
        ("_", []),  # a literal underscore, not a wildcard
        ("없는 가게", []),
        ("", ["A-1", "A-2", "A-10", "B-1"]),
        ("   ", ["A-1", "A-2", "A-10", "B-1"]),
    ],
)
def test_search_in_every_language(seeded_db: Database, query: str, stalls: list[str]) -> None:
    assert _stalls(seeded_db, query) == stalls


def test_search_includes_inactive_only_when_asked(seeded_db: Database) -> None:
    assert _stalls(seeded_db, "귤", include_inactive=True) == ["A-2", "A-3"]
    assert _stalls(seeded_db, include_inactive=True) == ["A-1", "A-2", "A-3", "A-10", "B-1"]


def test_filter_by_category(seeded_db: Database) -> None:
    assert _stalls(seeded_db, category=Category.TANGERINES) == ["A-2"]
    assert _stalls(seeded_db, "귤", category=Category.SEAFOOD) == []


def test_store_summaries_are_domain_objects(seeded_db: Database) -> None:
    stores = list_stores(db=seeded_db, market_slug=SMALL_SLUG)
    assert all(type(s) is StoreSummary for s in stores)
    by_stall = {s.stall_number: s for s in stores}
    assert by_stall["B-1"].has_kakao and by_stall["B-1"].has_payment_qr
    assert by_stall["A-2"].has_kakao and not by_stall["A-2"].has_payment_qr
    assert by_stall["A-1"].name.get("ja") == "おばあちゃんの餅屋"
    assert by_stall["A-1"].initial == "할"


def test_unknown_market_names_the_known_ones(seeded_db: Database) -> None:
    with pytest.raises(NotFoundError) as caught:
        list_stores(db=seeded_db, market_slug="nowhere")
    assert "'nowhere'" in str(caught.value) and SMALL_SLUG in str(caught.value)
    with pytest.raises(NotFoundError, match=SMALL_SLUG):
        get_market(db=seeded_db, slug="nowhere")


def test_list_and_get_markets(seeded_db: Database) -> None:
    generate_market(seeded_db, slug="generated", stores=20)
    markets = list_markets(db=seeded_db)
    assert [m.slug for m in markets] == [SMALL_SLUG, "generated"]
    assert all(type(m) is MarketInfo for m in markets)
    assert markets[0].store_count == 4  # the inactive stall is not counted
    assert markets[1].store_count == 19  # generate: every 20th store is inactive
    assert get_market(db=seeded_db, slug=SMALL_SLUG) == markets[0]
    assert markets[0].name.get("zh_Hant") == "測試市場"


def test_natural_stall_order(db: Database) -> None:
    generate_market(db, slug="big", stores=120)
    stalls = [s.stall_number for s in list_stores(db=db, market_slug="big")]
    assert stalls[:3] == ["A-1", "A-2", "A-3"]
    assert stalls.index("A-9") < stalls.index("A-10") < stalls.index("A-50") < stalls.index("B-1")


def test_get_store_has_sorted_products_and_all_fields(seeded_db: Database) -> None:
    [summary] = list_stores(db=seeded_db, market_slug=SMALL_SLUG, query="떡")
    detail = get_store(db=seeded_db, store_id=summary.id)
    assert type(detail) is StoreDetail
    assert [p.name.get("ko") for p in detail.products] == ["인절미", "쌀떡", "꿀떡"]
    assert [p.price_won for p in detail.products] == [5000, 4000, 4500]
    assert detail.products[2].sold_out and detail.products[0].unit == "팩"
    assert detail.market_slug == SMALL_SLUG and detail.market_name.get("en") == "Test Market"
    assert detail.description.get("en") == ""  # no description given: empty, not invented
    assert detail.version == 1 and detail.active
    assert detail.payment_methods == (PaymentMethod.CASH,)


def test_get_store_keeps_the_payment_payload_byte_for_byte(seeded_db: Database) -> None:
    [summary] = list_stores(db=seeded_db, market_slug=SMALL_SLUG, query="b-1")
    detail = get_store(db=seeded_db, store_id=summary.id)
    expected = next(s for s in small_market().stores if s.stall_number == "B-1")
    assert detail.payment_qr_payload == expected.payment
    assert detail.payment_methods == (PaymentMethod.CASH, PaymentMethod.ZEROPAY)


def test_get_store_unknown_id(seeded_db: Database) -> None:
    with pytest.raises(NotFoundError, match="999999"):
        get_store(db=seeded_db, store_id=999_999)


def test_list_store_details_is_not_n_plus_one(db: Database, query_counter: QueryCounter) -> None:
    generate_market(db, slug="small", stores=30)
    generate_market(db, slug="large", stores=300, seed=1)
    with query_counter.counting():
        small = list_store_details(db=db, market_slug="small")
    few = query_counter.count
    with query_counter.counting():
        large = list_store_details(db=db, market_slug="large")
    assert query_counter.count == few <= 4, query_counter.statements
    assert len(small) == 30 - 1 and len(large) == 300 - 15  # inactive stores left out
    assert len(list_store_details(db=db, market_slug="large", active_only=False)) == 300
    assert all(d.products and d.name.get("ko") for d in large)
    assert [d.stall_number for d in large[:2]] == ["A-1", "A-2"]
