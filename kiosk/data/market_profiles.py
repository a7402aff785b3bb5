"""Markets with their public-data profile: read them all, add one, set a profile."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.data.models import Market


def all_markets(session: Session) -> list[Market]:
    """Every market row (a country has some 1,400 traditional markets: all fit in memory)."""
    return list(session.scalars(select(Market).order_by(Market.id)))


def add_market(
    session: Session, *, slug: str, name: dict[str, str], profile: dict[str, Any]
) -> Market:
    """A new market with its profile, flushed (it has its id)."""
    row = Market(slug=slug, name=name, city={}, profile=profile)
    session.add(row)
    session.flush()
    return row


def set_profile(market: Market, profile: dict[str, Any]) -> None:
    market.profile = profile


def profile_of(session: Session, slug: str) -> dict[str, Any] | None:
    """The market's stored profile (None: none); NotFoundError is the caller's check."""
    return session.scalar(select(Market.profile).where(Market.slug == slug))


def profiles(session: Session) -> dict[str, dict[str, Any] | None]:
    """Every market's stored profile by short name."""
    return {slug: p for slug, p in session.execute(select(Market.slug, Market.profile))}


def remember_roster_map(session: Session, slug: str, mapping: dict[str, str]) -> None:
    """Keep *mapping* as the market's roster column mapping (in its profile)."""
    market = session.scalar(select(Market).where(Market.slug == slug))
    if market is not None:
        market.profile = {**(market.profile or {}), "roster_map": mapping}
