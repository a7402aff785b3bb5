"""Insert the invented demo markets in bulk; idempotent, replaceable, safe to run concurrently.

The demo markets are data files in the listings format a manager exports
(``kiosk/data/demo/*.csv``, README "Listings files"), read by the same code as
an import (``kiosk.domain.exchange.read``): one listing model, one reader.
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kiosk.data.columns import utcnow
from kiosk.data.db import Database
from kiosk.data.errors import DatabaseFaultError
from kiosk.data.models import Market, Product, Store
from kiosk.data.search import build_search_text
from kiosk.domain.listing import MarketListing

DEMO_DIR = Path(__file__).resolve().parent / "demo"
#: The demo markets' listings files, in the order they are offered.
DEMO_SLUGS = ("bansong", "dongmun")
#: Tries of the seeding transaction when another program holds the lock or wins a race.
SEED_ATTEMPTS = 3


def demo_markets() -> tuple[MarketListing, ...]:
    """반송큰시장 and 동문재래시장, read from the package's listings files.

    Raises ValueError naming the file and cell when a shipped file is broken
    (tests/demo/test_demo_content.py keeps them whole).
    """
    from kiosk.domain.exchange.csv_file import decode_csv, read_csv
    from kiosk.domain.exchange.markets import read_markets
    from kiosk.domain.exchange.problems import Table
    from kiosk.domain.exchange.read import read_tables

    def table(name: str) -> Table:
        path = DEMO_DIR / f"{name}.csv"
        text, _encoding = decode_csv(path.read_bytes(), path.name)
        return read_csv(text, path.name, path.stem)

    markets = read_markets(table("markets"))
    found: list[MarketListing] = []
    for slug in DEMO_SLUGS:
        listing = read_tables([table(slug)])
        if listing.problems or slug not in markets:
            problem = str(listing.problems[0]) if listing.problems else "not in markets.csv"
            raise ValueError(f"demo market {slug}: {problem}")
        found.append(
            MarketListing(
                slug=slug,
                name=markets[slug].name,
                city=markets[slug].city,
                stores=tuple(store.listing for store in listing.stores),
            )
        )
    return tuple(found)


def _check_market(market: MarketListing) -> None:
    seen: set[str] = set()
    for store in market.stores:
        if store.stall_number in seen:
            raise ValueError(f"market {market.slug!r}: stall {store.stall_number!r} appears twice")
        seen.add(store.stall_number)
        for product in store.products:
            if product.price_won < 0:
                raise ValueError(
                    f"market {market.slug!r}, stall {store.stall_number!r}: product "
                    f"{product.name.get('ko', '')!r} has a negative price {product.price_won}"
                )


def insert_market(session: Session, market: MarketListing) -> int:
    """Insert *market* with its stores and products; return the store count.

    Uses one multi-row INSERT per table (RETURNING for store ids) and computes
    the search text here, because bulk inserts bypass the ORM flush hooks.
    """
    _check_market(market)
    row = Market(slug=market.slug, name=dict(market.name), city=dict(market.city))
    session.add(row)
    session.flush()
    from kiosk.data.market_holidays import insert_demo_holidays

    insert_demo_holidays(session, row)  # the demo file's market holidays, if any
    if not market.stores:
        return 0
    now = utcnow()
    store_rows = [
        {
            "market_id": row.id,
            "stall_number": s.stall_number,
            "category": s.category,
            "name": dict(s.name),
            "description": dict(s.description),
            "phone": s.phone,
            "opening_hours": s.hours,
            "kakao_channel_id": s.kakao or None,
            "payment_qr_payload": s.payment or None,
            "payment_methods": s.payment_methods,
            "active": s.active,
            "version": 1,
            "created_at": now,
            "updated_at": now,
            "search_text": build_search_text(
                s.stall_number, s.name, s.description, (p.name for p in s.products)
            ),
        }
        for s in market.stores
    ]
    ids = session.scalars(
        insert(Store).returning(Store.id, sort_by_parameter_order=True), store_rows
    ).all()
    product_rows = [
        {
            "store_id": store_id,
            "name": dict(p.name),
            "price_won": p.price_won,
            "unit": p.unit,
            "sold_out": p.sold_out,
            "sort_order": order,
        }
        for store_id, s in zip(ids, market.stores, strict=True)
        for order, p in enumerate(s.products)
    ]
    if product_rows:
        session.execute(insert(Product), product_rows)
    from kiosk.data.demo_onboarding import insert_demo_progress

    stalls = {s.stall_number: store_id for store_id, s in zip(ids, market.stores, strict=True)}
    insert_demo_progress(session, market.slug, stalls)  # the demo file's progress, if any
    from kiosk.data.demo_promotions import insert_demo_promotions

    insert_demo_promotions(session, row, stalls)  # and its promotions, if any
    return len(ids)


def seed_markets(
    db: Database, markets: Sequence[MarketListing], *, replace: bool = False
) -> dict[str, int]:
    """Insert *markets* in one transaction; return the store count per market slug.

    A market whose slug exists is kept as it is (its current store count is
    reported) unless *replace*, which deletes it with everything in it first.
    Markets not in *markets* are never touched.

    Look-up, delete and insert run under the database's write lock (see
    ``Database.write_session``), so several programs seeding at once end with
    one copy of each market; a busy database or a lost race is retried a few
    times before the fault is raised.
    """
    for attempt in range(1, SEED_ATTEMPTS + 1):
        try:
            return _seed_once(db, markets, replace=replace)
        except (DatabaseFaultError, IntegrityError) as exc:
            retry = isinstance(exc, IntegrityError) or exc.kind == "locked"
            if not retry or attempt == SEED_ATTEMPTS:
                raise
            time.sleep(random.uniform(0.05, 0.2) * attempt)
    raise AssertionError("unreachable")  # pragma: no cover


def _seed_once(db: Database, markets: Sequence[MarketListing], *, replace: bool) -> dict[str, int]:
    counts: dict[str, int] = {}
    with db.write_session() as session:
        for market in markets:
            existing = session.scalar(select(Market.id).where(Market.slug == market.slug))
            if existing is not None and not replace:
                counts[market.slug] = (
                    session.scalar(select(func.count(Store.id)).where(Store.market_id == existing))
                    or 0
                )
                continue
            if existing is not None:
                session.execute(delete(Market).where(Market.id == existing))
            counts[market.slug] = insert_market(session, market)
    return counts


def seed_demo(db: Database, *, replace: bool = False) -> dict[str, int]:
    """Insert the two demo markets (see :func:`seed_markets` for *replace*)."""
    return seed_markets(db, demo_markets(), replace=replace)


def is_empty(db: Database) -> bool:
    """True when the database has no market at all."""
    with db.session() as session:
        return session.scalar(select(Market.id).limit(1)) is None


def ensure_demo_data(db: Database) -> bool:
    """Seed the demo markets into an empty database; return True if it seeded.

    When another PC seeds the same shared database at the same moment, the
    second waits for the first one's write lock and then finds the markets.
    """
    if not is_empty(db):
        return False
    try:
        seed_demo(db)
    except IntegrityError:
        return False
    return True
