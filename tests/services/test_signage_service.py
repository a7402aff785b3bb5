"""The loop's data through the door: one read of a market's summary, promotions and stores."""

from __future__ import annotations

import pytest

from kiosk.data.db import Database
from kiosk.domain.payments import PaymentMethod
from kiosk.services.app import Services
from kiosk.services.errors import NotFoundError


@pytest.fixture
def services(db: Database) -> Services:
    made = Services(db)
    made.listings.load_demo()
    return made


def test_signage_reads_the_market_summary_promotions_and_featured_stores(
    services: Services,
) -> None:
    data = services.promotions.signage(market_slug="dongmun")
    assert data.market.slug == "dongmun"
    assert data.summary.store_count == data.market.store_count > 0
    assert data.summary.hours.is_given
    assert [name for name, _count in data.summary.halls][:2] == ["A", "B"]
    assert data.summary.methods[PaymentMethod.ALIPAY_PLUS] == data.summary.wallet_stores > 0
    assert data.promotions  # the demo's, every date (the loop picks by the clock)
    assert 0 < len(data.featured) <= 6
    assert all(store.products for store in data.featured)
    promoted = {p.store_id for p in data.promotions if p.store_id is not None}
    assert data.featured[0].id in promoted  # a store with a promotion comes first


def test_signage_of_an_unknown_market_is_refused(services: Services) -> None:
    with pytest.raises(NotFoundError):
        services.promotions.signage(market_slug="nowhere")


def test_signage_of_an_empty_market(services: Services) -> None:
    console = services.access.console_actor()
    services.listings.create_market(actor=console, slug="empty", name={"ko": "빈 시장"}, city={})
    data = services.promotions.signage(market_slug="empty")
    assert data.summary.store_count == 0
    assert data.featured == () and data.promotions == ()
    assert not data.summary.hours.is_given
