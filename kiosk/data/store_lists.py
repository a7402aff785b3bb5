"""Lists of a market's stores read from ``stores`` without ORM objects (directory, progress)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Connection, String, func, select, type_coerce
from sqlalchemy.orm import Session

from kiosk.data.convert import localized
from kiosk.data.models import Market, Product, Store
from kiosk.domain.categories import Category
from kiosk.domain.listing import MarketInfo, StoreSummary
from kiosk.domain.payments import PaymentMethod

#: Ids per ``IN (...)`` query (well under every driver's bound-parameter limit).
_IN_BATCH = 500

#: The directory row's columns only (no ORM objects; the payment payload is not fetched).
_SUMMARY_COLUMNS = (
    Store.id,
    Store.stall_number,
    Store.category,
    Store.name,
    func.coalesce(Store.kakao_channel_id, "") != "",
    func.coalesce(func.length(Store.payment_qr_payload), 0) > 0,
    Store.payment_methods,
    Store.opening_hours,
    select(func.min(Product.price_won))
    .where(Product.store_id == Store.id)
    .correlate(Store)
    .scalar_subquery(),
    select(func.max(Product.price_won))
    .where(Product.store_id == Store.id)
    .correlate(Store)
    .scalar_subquery(),
)


def accepting(method: PaymentMethod) -> ColumnElement[bool]:
    """Stores whose payment methods list *method* (codes are stored comma-separated)."""
    stored = func.coalesce(type_coerce(Store.payment_methods, String), "")
    return ("," + stored + ",").contains("," + method.value + ",", autoescape=True)


def _store_filter(
    market_id: int,
    category: Category | None,
    include_inactive: bool,
    payment: PaymentMethod | None = None,
) -> list[ColumnElement[bool]]:
    conditions = [Store.market_id == market_id]
    if not include_inactive:
        conditions.append(Store.active.is_(True))
    if category is not None:
        conditions.append(Store.category == category)
    if payment is not None:
        conditions.append(accepting(payment))
    return conditions


def _summaries(rows: list[Any], market_slug: str) -> list[StoreSummary]:
    return [
        StoreSummary(
            id=store_id,
            market_slug=market_slug,
            stall_number=stall,
            category=kind,
            name=localized(name),
            has_kakao=bool(kakao),
            has_payment_qr=bool(payment),
            payment_methods=tuple(methods or ()),
            hours=hours,
            price_range=None if low is None else (int(low), int(high)),
        )
        for store_id, stall, kind, name, kakao, payment, methods, hours, low, high in rows
    ]


def summary_page(
    conn: Connection,
    market_id: int,
    *,
    market_slug: str,
    category: Category | None,
    include_inactive: bool,
    offset: int,
    limit: int | None,
    payment: PaymentMethod | None = None,
) -> list[StoreSummary]:
    """One page of the market's stores in stall order (one indexed query)."""
    stmt = (
        select(*_SUMMARY_COLUMNS)
        .where(*_store_filter(market_id, category, include_inactive, payment))
        .order_by(Store.stall_sort_key, Store.id)
        .offset(offset)
        .limit(limit)
    )
    return _summaries(list(conn.execute(stmt)), market_slug)


def summaries_of(conn: Connection, ids: list[int], *, market_slug: str) -> list[StoreSummary]:
    """The directory rows of *ids* in their order (a store deleted meanwhile is left out)."""
    by_id: dict[int, Any] = {}
    for start in range(0, len(ids), _IN_BATCH):
        batch = ids[start : start + _IN_BATCH]
        for row in conn.execute(select(*_SUMMARY_COLUMNS).where(Store.id.in_(batch))):
            by_id[row[0]] = row
    return _summaries([by_id[store_id] for store_id in ids if store_id in by_id], market_slug)


def count_stores(
    conn: Connection,
    market_id: int,
    *,
    category: Category | None,
    include_inactive: bool,
    payment: PaymentMethod | None = None,
) -> int:
    """How many of the market's stores pass the filter (one indexed COUNT)."""
    stmt = select(func.count()).where(
        *_store_filter(market_id, category, include_inactive, payment)
    )
    return int(conn.scalar(stmt) or 0)


def market_names(conn: Connection) -> list[MarketInfo]:
    """Every market's id, slug and names (no counts), in the order they were added."""
    rows = conn.execute(
        select(Market.id, Market.slug, Market.name, Market.city).order_by(Market.id)
    ).all()
    return [
        MarketInfo(id=row[0], slug=row[1], name=localized(row[2]), city=localized(row[3]))
        for row in rows
    ]


def accepting_ids(conn: Connection, ids: list[int], method: PaymentMethod) -> list[int]:
    """Those of *ids* whose stores take *method*, in the order given."""
    taking: set[int] = set()
    for start in range(0, len(ids), _IN_BATCH):
        batch = ids[start : start + _IN_BATCH]
        stmt = select(Store.id).where(Store.id.in_(batch), accepting(method))
        taking.update(conn.scalars(stmt))
    return [store_id for store_id in ids if store_id in taking]


def active_categories(conn: Connection, market_id: int) -> set[Category]:
    """The categories the market's active stores have (one aggregate query)."""
    stmt = (
        select(Store.category)
        .where(Store.market_id == market_id, Store.active.is_(True))
        .group_by(Store.category)
    )
    return set(conn.scalars(stmt))


def progress_rows(
    conn: Connection | Session, market_id: int, *, category: Category | None
) -> Sequence[Any]:
    """(id, stall, name, category, kakao id, payment payload) of the active stores, stall order."""
    stmt = (
        select(
            Store.id,
            Store.stall_number,
            Store.name,
            Store.category,
            Store.kakao_channel_id,
            Store.payment_qr_payload,
        )
        .where(Store.market_id == market_id, Store.active.is_(True))
        .order_by(Store.stall_sort_key, Store.id)
    )
    if category is not None:
        stmt = stmt.where(Store.category == category)
    return conn.execute(stmt).all()


def active_stalls(conn: Connection, market_id: int) -> list[tuple[int, str]]:
    """(id, stall number) of the market's active stores (one indexed query, no other column)."""
    stmt = select(Store.id, Store.stall_number).where(*_store_filter(market_id, None, False))
    return [(row[0], row[1]) for row in conn.execute(stmt)]
