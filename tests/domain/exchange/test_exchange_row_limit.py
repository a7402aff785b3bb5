"""The reading limits follow what the app itself exports, and still stop absurd files."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kiosk.domain.categories import Category
from kiosk.domain.exchange.plan import creation_changes, creation_count
from kiosk.domain.exchange.read import MAX_ROWS
from kiosk.domain.hours import OpeningHours
from kiosk.domain.listing import GoodListing, StoreListing
from kiosk.domain.payments import PaymentMethod

pytestmark = pytest.mark.usefixtures("english")


def _store(goods: int) -> StoreListing:
    return StoreListing(
        stall_number="A-1",
        category=Category.SEAFOOD,
        name={"ko": "바다 수산", "en": "Sea Fish", "ja": "海の魚"},
        description={"ko": "새벽 생선"},
        phone="051-000-0101",
        hours=OpeningHours.every_day(360, 1260, closed=(6,)),
        payment_methods=(PaymentMethod.CASH, PaymentMethod.ZEROPAY),
        products=tuple(
            GoodListing(None, {"ko": f"생선 {n}", "en": f"Fish {n}"}, 1000 + n, "마리")
            for n in range(goods)
        ),
    )


def test_the_row_limit_takes_a_city_and_stops_an_absurd_file() -> None:
    # The app's own export of a 100,000-store market with 10 goods a store: 1,000,000 rows
    # (its round trip is timed by benchmarks/bench_exchange.py --round-trip-stores 100000).
    assert 1_000_000 <= MAX_ROWS <= 2_000_000


@pytest.mark.parametrize("goods", [0, 1, 3])
def test_a_new_store_is_counted_as_its_audit_lines(goods: int) -> None:
    plain = StoreListing(stall_number="B-2", category=Category.OTHER, name={"ko": "가게"})
    for listing in (_store(goods), plain, replace(plain, kakao="_abc", active=False)):
        assert creation_count(listing) == len(creation_changes(listing))
