"""Stores that came from a public registry (SEMAS 상가업소번호 in ``external_id``)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.data.models import Market, Store
from kiosk.data.stores import add_store, new_store
from kiosk.domain.categories import Category

#: The shipped 상권업종 -> category table (kiosk/data/semas_categories.toml).
SEMAS_CATEGORIES: Final = Path(__file__).resolve().parent / "semas_categories.toml"


def shipped_categories() -> dict[str, Any]:
    """The shipped category table as parsed TOML."""
    with SEMAS_CATEGORIES.open("rb") as file:
        return tomllib.load(file)


def registry_stores(session: Session, market_id: int) -> list[Store]:
    """The market's stores that have a registry number."""
    stmt = select(Store).where(Store.market_id == market_id, Store.external_id.is_not(None))
    return list(session.scalars(stmt))


def stall_numbers(session: Session, market_id: int) -> set[str]:
    return set(session.scalars(select(Store.stall_number).where(Store.market_id == market_id)))


def add_registry_store(
    session: Session,
    market: Market,
    *,
    stall: str,
    name: str,
    category: Category,
    external_id: str,
) -> None:
    """A new active store of *market* with its registry number (flushed with the session)."""
    store = new_store(market)
    store.stall_number = stall
    store.name = {"ko": name}
    store.category = category
    store.external_id = external_id
    add_store(session, store, market)
