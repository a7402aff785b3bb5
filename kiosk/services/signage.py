"""Read a market's signage data: its summary, promotions and featured stores (read-only)."""

from __future__ import annotations

from kiosk.data import market_holidays, markets, promotions, signage
from kiosk.data.convert import market_info
from kiosk.data.db import Database
from kiosk.domain.signage.market_facts import SignageData, StoreFacts, summarise
from kiosk.services.uow import transaction

#: How many stores the featured slide may choose from.
FEATURED_CANDIDATES = 6


def _candidates(facts: list[StoreFacts], promoted: set[int]) -> list[int]:
    """Stores with a promotion, then those with the most goods (stall order breaks ties)."""
    with_goods = [f for f in facts if f.goods > 0]
    with_goods.sort(key=lambda f: (f.id not in promoted, -f.goods))
    return [f.id for f in with_goods[:FEATURED_CANDIDATES]]


def signage_data(*, db: Database, market_slug: str) -> SignageData:
    """Everything the loop shows of *market_slug*, in one transaction."""
    with transaction(db) as session:
        market = markets.market_by_slug(session, market_slug)
        facts = signage.store_facts(session, market)
        found = promotions.market_promotions(session, market)
        promoted = {p.store_id for p in found if p.store_id is not None}
        featured = signage.store_details(session, market, _candidates(facts, promoted))
        return SignageData(
            market=market_info(market, store_count=len(facts)),
            summary=summarise(facts),
            promotions=tuple(found),
            featured=tuple(featured),
            holidays=tuple(market_holidays.holidays_of(session, market)),
        )
