"""Read a market's listings in bulk and write an import plan in one transaction (Core, no ORM).

The whole plan is written under the database's write lock or not at all: new
stores and goods through the Core bulk path, changed stores with
``UPDATE ... WHERE id = ? AND version = ?`` (a store saved elsewhere since the
plan was made stops the import), the audit entry and the change event for
other PCs in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from itertools import islice
from typing import Any

from sqlalchemy import Connection, bindparam, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kiosk.data.bulk import insert_goods_core, insert_stores_core
from kiosk.data.columns import utcnow
from kiosk.data.db import Database
from kiosk.data.models import Product, Store
from kiosk.data.ordering import stall_sort_bytes
from kiosk.data.search import build_search_text, bump_search_stamps
from kiosk.domain.exchange.plan import CurrentStore, ImportPlan, PlanKind, StorePlan
from kiosk.domain.listing import GoodListing, StoreListing
from kiosk.domain.locales import LOCALES, LocaleCode
from kiosk.domain.messages import N_, KioskError, define
from kiosk.services.directory import _market_id

CHANGED_SINCE_CHECK = define(
    "exchange.changed_since_check",
    N_(
        "{count} stores of {market} were changed on another PC since the file was checked; "
        "nothing was imported. Check the file again."
    ),
)
_BATCH = 2_000


class ImportStale(KioskError):
    """Stores the plan touches changed after it was made; nothing was written."""


def _texts(values: Mapping[str, str] | None) -> dict[LocaleCode, str]:
    values = values or {}
    return {loc: values[loc] for loc in LOCALES if values.get(loc)}


def load_current(conn: Connection, market_id: int) -> dict[str, CurrentStore]:
    """Every store of the market (stall order) with its goods, in two queries."""
    goods: dict[int, list[GoodListing]] = {}
    product_rows = conn.execute(
        select(
            Product.store_id,
            Product.id,
            Product.name,
            Product.price_won,
            Product.unit,
            Product.sold_out,
        )
        .join(Store, Store.id == Product.store_id)
        .where(Store.market_id == market_id)
        .order_by(Product.store_id, Product.sort_order, Product.id)
    )
    for store_id, good_id, name, price, unit, sold_out in product_rows:
        goods.setdefault(store_id, []).append(
            GoodListing(good_id, _texts(name), price, unit or "", bool(sold_out))
        )
    stores: dict[str, CurrentStore] = {}
    store_rows = conn.execute(
        select(
            Store.id,
            Store.version,
            Store.stall_number,
            Store.category,
            Store.name,
            Store.description,
            Store.phone,
            Store.opening_hours,
            Store.payment_methods,
            Store.kakao_channel_id,
            Store.payment_qr_payload,
            Store.active,
        )
        .where(Store.market_id == market_id)
        .order_by(Store.stall_sort_key, Store.id)
    )
    for row in store_rows:
        listing = StoreListing(
            stall_number=row.stall_number,
            category=row.category,
            name=_texts(row.name),
            description=_texts(row.description),
            phone=row.phone or "",
            hours=row.opening_hours,
            payment_methods=tuple(row.payment_methods or ()),
            kakao=row.kakao_channel_id or "",
            payment=row.payment_qr_payload or "",
            active=bool(row.active),
            products=tuple(goods.get(row.id, ())),
        )
        stores[row.stall_number] = CurrentStore(row.id, row.version, listing)
    return stores


def market_listings(db: Database, market_slug: str) -> dict[str, CurrentStore]:
    """A market's stores as saved (NotFoundError names the known markets)."""
    with db.engine.connect() as conn:
        return load_current(conn, _market_id(conn, market_slug))


def _chunks(items: Sequence[Any]) -> Iterator[list[Any]]:
    it = iter(items)
    while batch := list(islice(it, _BATCH)):
        yield batch


def _store_values(listing: StoreListing) -> dict[str, Any]:
    return {
        "b_stall": listing.stall_number,
        "b_category": listing.category,
        "b_name": dict(listing.name),
        "b_description": dict(listing.description),
        "b_phone": listing.phone,
        "b_hours": listing.hours,
        "b_methods": listing.payment_methods,
        "b_kakao": listing.kakao or None,
        "b_payment": listing.payment or None,
        "b_active": listing.active,
        "b_search": build_search_text(
            listing.stall_number,
            listing.name,
            listing.description,
            (good.name for good in listing.products),
        ),
        "b_sort": stall_sort_bytes(listing.stall_number),
    }


def _update_stores(conn: Connection, plans: Sequence[StorePlan]) -> int:
    """Write the changed stores at the versions planned; return how many rows matched."""
    now = utcnow()
    stmt = (
        update(Store)
        .where(Store.id == bindparam("b_id"), Store.version == bindparam("b_version"))
        .values(
            stall_number=bindparam("b_stall"),
            category=bindparam("b_category"),
            name=bindparam("b_name"),
            description=bindparam("b_description"),
            phone=bindparam("b_phone"),
            opening_hours=bindparam("b_hours"),
            payment_methods=bindparam("b_methods"),
            kakao_channel_id=bindparam("b_kakao"),
            payment_qr_payload=bindparam("b_payment"),
            active=bindparam("b_active"),
            search_text=bindparam("b_search"),
            stall_sort_key=bindparam("b_sort"),
            version=Store.version + 1,
            updated_at=now,
        )
        .execution_options(synchronize_session=False)
    )
    matched = 0
    for batch in _chunks(plans):
        for p in batch:  # one statement each: every row's match is counted on both drivers
            row = {"b_id": p.store_id, "b_version": p.version, **_store_values(p.listing)}
            matched += conn.execute(stmt, row).rowcount
    return matched


def _write_goods(
    conn: Connection, plans: Sequence[StorePlan], current: Mapping[int, set[int]]
) -> None:
    """Goods of changed stores: removed ones deleted, matched ones updated, new ones inserted."""
    removed = [
        good_id
        for p in plans
        for good_id in current.get(p.store_id or 0, set())
        - {g.id for g in p.listing.products if g.id is not None}
    ]
    for batch in _chunks(removed):
        conn.execute(delete(Product).where(Product.id.in_(batch)))
    changed = [
        {
            "b_id": good.id,
            "b_name": dict(good.name),
            "b_price": good.price_won,
            "b_unit": good.unit,
            "b_sold_out": good.sold_out,
            "b_order": order,
        }
        for p in plans
        for order, good in enumerate(p.listing.products)
        if good.id is not None
    ]
    stmt = (
        update(Product)
        .where(Product.id == bindparam("b_id"))
        .values(
            name=bindparam("b_name"),
            price_won=bindparam("b_price"),
            unit=bindparam("b_unit"),
            sold_out=bindparam("b_sold_out"),
            sort_order=bindparam("b_order"),
        )
        .execution_options(synchronize_session=False)
    )
    for batch in _chunks(changed):
        conn.execute(stmt, batch)
    insert_goods_core(
        conn,
        (
            (p.store_id, order, good)
            for p in plans
            if p.store_id is not None
            for order, good in enumerate(p.listing.products)
            if good.id is None
        ),
    )


def write_plan(session: Session, plan: ImportPlan) -> list[int]:
    """Apply *plan* in *session*'s transaction (the write lock is held); store ids touched.

    Raises ImportStale when a store changed (or a new stall appeared) since the plan.
    """
    conn = session.connection()
    market_id = _market_id(conn, plan.market_slug)
    saved = conn.execute(
        select(Store.id, Store.stall_number, Store.version).where(Store.market_id == market_id)
    ).all()
    versions = {store_id: version for store_id, _stall, version in saved}
    stalls = {stall for _id, stall, _version in saved}
    stale = [
        p
        for p in plan.changed()
        if (p.kind is PlanKind.NEW and p.stall in stalls)
        or (p.store_id is not None and versions.get(p.store_id) != p.version)
    ]
    if stale:
        raise ImportStale(CHANGED_SINCE_CHECK(count=len(stale), market=plan.market_slug))
    changed = [p for p in plan.changed() if p.kind is not PlanKind.NEW]
    if _update_stores(conn, changed) != len(changed):
        raise ImportStale(CHANGED_SINCE_CHECK(count=len(changed), market=plan.market_slug))
    goods_before: dict[int, set[int]] = {}
    touched = [p.store_id for p in changed if p.store_id is not None]
    for batch in _chunks(touched):
        for store_id, good_id in conn.execute(
            select(Product.store_id, Product.id).where(Product.store_id.in_(batch))
        ):
            goods_before.setdefault(store_id, set()).add(good_id)
    _write_goods(conn, changed, goods_before)
    new = [p.listing for p in plan.changed() if p.kind is PlanKind.NEW]
    try:
        ids = insert_stores_core(conn, market_id, new)
    except IntegrityError:  # another PC added one of these stalls this very moment
        raise ImportStale(CHANGED_SINCE_CHECK(count=len(new), market=plan.market_slug)) from None
    bump_search_stamps(conn, [market_id])
    return touched + list(ids.values())
