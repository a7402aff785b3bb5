"""The ``markets`` table: find a market by its short name, add, count its stores, remove."""

from __future__ import annotations

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from kiosk.data.convert import market_info
from kiosk.data.errors import NotFoundError
from kiosk.data.models import Market, Store
from kiosk.domain.listing import MarketInfo


def market_by_slug(session: Session, slug: str) -> Market:
    """The market row; NotFoundError names the known slugs."""
    market = session.scalar(select(Market).where(Market.slug == slug))
    if market is None:
        known = session.scalars(select(Market.slug).order_by(Market.slug)).all()
        raise NotFoundError("market", slug, known)
    return market


def market_id(conn: Connection, slug: str) -> int:
    """The market's id (one indexed query); NotFoundError names the known slugs."""
    found = conn.scalar(select(Market.id).where(Market.slug == slug))
    if found is None:
        known = conn.scalars(select(Market.slug).order_by(Market.slug)).all()
        raise NotFoundError("market", slug, known)
    return found


def market_row(conn: Connection, slug: str) -> tuple[int, str] | None:
    """The market's id and site address ("" without one), or None for an unknown slug."""
    row = conn.execute(select(Market.id, Market.site_url).where(Market.slug == slug)).first()
    return (row[0], row[1] or "") if row is not None else None


def slug_taken(session: Session, slug: str) -> bool:
    return session.scalar(select(Market.id).where(Market.slug == slug)) is not None


def add_market(
    session: Session, *, slug: str, name: dict[str, str], city: dict[str, str]
) -> Market:
    """A new market row, flushed (it has its id)."""
    row = Market(slug=slug, name=name, city=city)
    session.add(row)
    session.flush()
    return row


def remove_market(session: Session, market: Market) -> None:
    """Delete *market* (its stores and goods go with it)."""
    session.delete(market)


def store_count(session: Session, market_id: int, *, active_only: bool) -> int:
    """How many stores (active ones only, or all) the market has."""
    stmt = select(func.count(Store.id)).where(Store.market_id == market_id)
    if active_only:
        stmt = stmt.where(Store.active.is_(True))
    return session.scalar(stmt) or 0


def markets_with_counts(session: Session) -> list[MarketInfo]:
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
    return [market_info(m, store_count=n) for m, n in session.execute(stmt)]
