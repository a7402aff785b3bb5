"""Directory rows carry what a card shows (price range, payment methods, hours); the pay filter."""

from __future__ import annotations

import pytest

from kiosk.data.db import Database
from kiosk.data.seed import seed_demo
from kiosk.domain.payments import PaymentMethod
from kiosk.services.directory import count_stores, get_store, list_stores


@pytest.fixture
def demo(db: Database) -> Database:
    seed_demo(db)
    return db


def test_rows_carry_price_range_methods_and_hours(demo: Database) -> None:
    for row in list_stores(db=demo, market_slug="dongmun", limit=6):
        detail = get_store(db=demo, store_id=row.id)
        prices = [good.price_won for good in detail.products]
        assert row.price_range == ((min(prices), max(prices)) if prices else None)
        assert row.payment_methods == detail.payment_methods
        assert row.hours == detail.opening_hours


@pytest.mark.parametrize("method", [PaymentMethod.ALIPAY_PLUS, PaymentMethod.FOREIGN_CARD])
@pytest.mark.parametrize("query", ["", "귤"])
def test_payment_filter_with_and_without_a_search(
    demo: Database, method: PaymentMethod, query: str
) -> None:
    every = list_stores(db=demo, market_slug="dongmun", query=query)
    taking = [row for row in every if method in row.payment_methods]
    found = list_stores(db=demo, market_slug="dongmun", query=query, payment=method)
    assert [row.id for row in found] == [row.id for row in taking]
    assert 0 < len(found) < len(every) or (query and found)
    count = count_stores(db=demo, market_slug="dongmun", query=query, payment=method)
    assert count == len(found)
    page = list_stores(db=demo, market_slug="dongmun", query=query, payment=method, limit=2)
    assert page == found[:2]


def test_a_code_that_is_part_of_another_does_not_match(demo: Database) -> None:
    # "card" is inside "foreign_card": only whole codes count
    cards = list_stores(db=demo, market_slug="dongmun", payment=PaymentMethod.CARD)
    assert all(PaymentMethod.CARD in row.payment_methods for row in cards)
    foreign = list_stores(db=demo, market_slug="dongmun", payment=PaymentMethod.FOREIGN_CARD)
    assert len(foreign) < len(cards)
