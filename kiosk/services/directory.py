"""Read the store directory: markets, searchable store lists and full store details."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from kiosk.data.convert import market_info, store_detail, store_summary
from kiosk.data.db import Database
from kiosk.data.errors import NotFoundError
from kiosk.data.models import Market, Store
from kiosk.data.ordering import stall_sort_key
from kiosk.data.search import search_filter
from kiosk.domain.categories import Category
from kiosk.domain.listing import MarketInfo, StoreDetail, StoreSummary


def _market_row(session: Session, slug: str) -> Market:
    market = session.scalar(select(Market).where(Market.slug == slug))
    if market is None:
        known = session.scalars(select(Market.slug).order_by(Market.slug)).all()
        raise NotFoundError("market", slug, known)
    return market


def list_markets(*, db: Database) -> list[MarketInfo]:
    """Every market with its number of active stores, in the order they were added."""
    active_count = (
        select(Store.market_id, func.count(Store.id).label("n"))
        .where(Store.active.is_(True))
        .group_by(Store.market_id)
        .subquery()
    )
    stmt = (
        select(Market, func.coalesce(active_count.c.n, 0))
        .outerjoin(active_count, active_count.c.market_id == Market.id)
        .order_by(Market.id)
    )
    with db.session() as session:
        return [market_info(m, store_count=n) for m, n in session.execute(stmt)]


def get_market(*, db: Database, slug: str) -> MarketInfo:
    """One market with its active store count; NotFoundError names the known slugs."""
    with db.session() as session:
        market = _market_row(session, slug)
        count = session.scalar(
            select(func.count(Store.id)).where(Store.market_id == market.id, Store.active.is_(True))
        )
        return market_info(market, store_count=count or 0)


def list_stores(
    *,
    db: Database,
    market_slug: str,
    query: str = "",
    category: Category | None = None,
    include_inactive: bool = False,
) -> list[StoreSummary]:
    """Stores of a market in natural stall order (A-2 before A-10).

    *query* matches, case- and width-insensitively, any substring of the store's
    name or description in any of the five languages, its products' names or
    its stall number; every word of *query* must match. Two-syllable Hangul
    words (채소, 귤, 떡) work because the search is a plain LIKE.
    """
    with db.session() as session:
        market = _market_row(session, market_slug)
        stmt = select(Store).where(Store.market_id == market.id, search_filter(query))
        if not include_inactive:
            stmt = stmt.where(Store.active.is_(True))
        if category is not None:
            stmt = stmt.where(Store.category == category)
        rows = session.scalars(stmt).all()
        summaries = [store_summary(s, market_slug=market.slug) for s in rows]
    return sorted(summaries, key=lambda s: stall_sort_key(s.stall_number))


def load_store(session: Session, store_id: int) -> Store:
    """The store row with its market and products; NotFoundError if absent."""
    store = session.get(
        Store, store_id, options=[joinedload(Store.market), selectinload(Store.products)]
    )
    if store is None:
        raise NotFoundError("store", store_id)
    return store


def get_store(*, db: Database, store_id: int) -> StoreDetail:
    """Everything about one store, products in their display order."""
    with db.session() as session:
        store = load_store(session, store_id)
        return store_detail(store, market=store.market)


def list_store_details(
    *, db: Database, market_slug: str, active_only: bool = True
) -> list[StoreDetail]:
    """Full details of a market's stores in stall order, in three queries whatever the count."""
    with db.session() as session:
        market = _market_row(session, market_slug)
        stmt = (
            select(Store).where(Store.market_id == market.id).options(selectinload(Store.products))
        )
        if active_only:
            stmt = stmt.where(Store.active.is_(True))
        details = [store_detail(s, market=market) for s in session.scalars(stmt).all()]
    return sorted(details, key=lambda d: stall_sort_key(d.stall_number))
