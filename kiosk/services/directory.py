"""Read the store directory: markets, searchable store lists and full store details."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Connection, func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from kiosk.data.convert import localized, market_info, store_detail
from kiosk.data.db import Database
from kiosk.data.errors import NotFoundError
from kiosk.data.models import Market, Store
from kiosk.data.search import search_words
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


def _market_id(conn: Connection, slug: str) -> int:
    market_id = conn.scalar(select(Market.id).where(Market.slug == slug))
    if market_id is None:
        known = conn.scalars(select(Market.slug).order_by(Market.slug)).all()
        raise NotFoundError("market", slug, known)
    return market_id


def _store_filter(
    market_id: int, category: Category | None, include_inactive: bool
) -> list[ColumnElement[bool]]:
    conditions = [Store.market_id == market_id]
    if not include_inactive:
        conditions.append(Store.active.is_(True))
    if category is not None:
        conditions.append(Store.category == category)
    return conditions


#: The directory row's columns only (no ORM objects; the payment payload is not fetched).
_SUMMARY_COLUMNS = (
    Store.id,
    Store.stall_number,
    Store.category,
    Store.name,
    func.coalesce(Store.kakao_channel_id, "") != "",
    func.coalesce(func.length(Store.payment_qr_payload), 0) > 0,
)


def list_stores(
    *,
    db: Database,
    market_slug: str,
    query: str = "",
    category: Category | None = None,
    include_inactive: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> list[StoreSummary]:
    """Stores of a market in natural stall order (A-2 before A-10), *limit* from *offset*.

    *query* matches, case- and width-insensitively, any substring of the store's
    name or description in any of the five languages, its products' names or
    its stall number; every word of *query* must match. One- and two-syllable
    Hangul words (귤, 채소) match like any other substring. Without a query a
    page is one indexed query on ``stall_sort_key``; with one, the matching ids
    come from the in-memory search (:mod:`kiosk.data.search_index`) and the
    page's rows from one ``IN`` query (docs/architecture.md, "Known traps").
    """
    if offset < 0 or (limit is not None and limit < 0):
        raise ValueError(f"offset and limit must be 0 or more, got {offset} and {limit}")
    words = search_words(query)
    with db.engine.connect() as conn:
        market_id = _market_id(conn, market_slug)
        if words:
            found = db.search_index.matching_ids(
                conn, market_id, words, category=category, include_inactive=include_inactive
            )
            page = found[offset:] if limit is None else found[offset : offset + limit]
            rows = _summary_rows(conn, page)
        else:
            stmt = (
                select(*_SUMMARY_COLUMNS)
                .where(*_store_filter(market_id, category, include_inactive))
                .order_by(Store.stall_sort_key, Store.id)
                .offset(offset)
                .limit(limit)
            )
            rows = list(conn.execute(stmt))
        return [
            StoreSummary(
                id=store_id,
                market_slug=market_slug,
                stall_number=stall,
                category=kind,
                name=localized(name),
                has_kakao=bool(kakao),
                has_payment_qr=bool(payment),
            )
            for store_id, stall, kind, name, kakao, payment in rows
        ]


#: Ids per ``IN (...)`` query (well under every driver's bound-parameter limit).
_IN_BATCH = 500


def _summary_rows(conn: Connection, ids: list[int]) -> list[Any]:
    """The directory rows of *ids* in their order (a store deleted meanwhile is left out)."""
    by_id: dict[int, Any] = {}
    for start in range(0, len(ids), _IN_BATCH):
        batch = ids[start : start + _IN_BATCH]
        for row in conn.execute(select(*_SUMMARY_COLUMNS).where(Store.id.in_(batch))):
            by_id[row[0]] = row
    return [by_id[store_id] for store_id in ids if store_id in by_id]


def count_stores(
    *,
    db: Database,
    market_slug: str,
    query: str = "",
    category: Category | None = None,
    include_inactive: bool = False,
) -> int:
    """How many stores :func:`list_stores` would list without a limit.

    With a query this is the length of the in-memory search's answer (shared
    with the page of the same query); without one, one indexed COUNT.
    """
    words = search_words(query)
    with db.engine.connect() as conn:
        market_id = _market_id(conn, market_slug)
        if words:
            found = db.search_index.matching_ids(
                conn, market_id, words, category=category, include_inactive=include_inactive
            )
            return len(found)
        stmt = select(func.count()).where(*_store_filter(market_id, category, include_inactive))
        return int(conn.scalar(stmt) or 0)


def prepare_search(*, db: Database, market_slug: str) -> None:
    """Load the market's search texts ahead of the first search (0.3-0.4 s at 30,000 stores)."""
    with db.engine.connect() as conn:
        db.search_index.prepare(conn, _market_id(conn, market_slug))


def market_categories(*, db: Database, market_slug: str) -> list[Category]:
    """The categories a market's active stores have, in the enum's order (one aggregate query)."""
    with db.engine.connect() as conn:
        market_id = _market_id(conn, market_slug)
        stmt = (
            select(Store.category)
            .where(Store.market_id == market_id, Store.active.is_(True))
            .group_by(Store.category)
        )
        present = set(conn.scalars(stmt))
    return [category for category in Category if category in present]


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
            select(Store)
            .where(Store.market_id == market.id)
            .order_by(Store.stall_sort_key, Store.id)
            .options(selectinload(Store.products))
        )
        if active_only:
            stmt = stmt.where(Store.active.is_(True))
        return [store_detail(s, market=market) for s in session.scalars(stmt).all()]
