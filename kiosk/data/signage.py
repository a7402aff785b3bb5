"""What the attract loop reads of a market: a few facts per store and the featured stores."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from kiosk.data.convert import store_detail
from kiosk.data.models import Market, Product, Store
from kiosk.domain.listing import StoreDetail
from kiosk.domain.signage.market_facts import StoreFacts


def store_facts(session: Session, market: Market) -> list[StoreFacts]:
    """Stall, hours, ways to pay and number of goods of each active store, in stall order."""
    goods = (
        select(Product.store_id, func.count(Product.id).label("goods"))
        .where(Product.sold_out.is_(False))
        .group_by(Product.store_id)
        .subquery()
    )
    rows = session.execute(
        select(
            Store.id,
            Store.stall_number,
            Store.opening_hours,
            Store.payment_methods,
            func.coalesce(goods.c.goods, 0),
        )
        .outerjoin(goods, goods.c.store_id == Store.id)
        .where(Store.market_id == market.id, Store.active.is_(True))
        .order_by(Store.stall_sort_key, Store.id)
    ).all()
    return [
        StoreFacts(
            id=row[0], stall_number=row[1], hours=row[2], payment_methods=row[3], goods=row[4]
        )
        for row in rows
    ]


def store_details(session: Session, market: Market, ids: Sequence[int]) -> list[StoreDetail]:
    """The active stores *ids* of the market with their goods, in the order of *ids*."""
    if not ids:
        return []
    found = {
        store.id: store
        for store in session.scalars(
            select(Store)
            .where(Store.id.in_(ids), Store.market_id == market.id, Store.active.is_(True))
            .options(selectinload(Store.products))
        ).all()
    }
    return [store_detail(found[i], market=market) for i in ids if i in found]
