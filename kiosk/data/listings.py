"""A market's listings in bulk through Core, on the caller's connection: read all, write a plan."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from itertools import islice
from typing import Any

from sqlalchemy import Connection, bindparam, delete, select, update
from sqlalchemy.exc import IntegrityError

from kiosk.data.bulk import insert_goods_core, insert_stores_core
from kiosk.data.columns import utcnow
from kiosk.data.models import Product, Store
from kiosk.data.ordering import stall_sort_bytes
from kiosk.data.search import build_search_text
from kiosk.domain.exchange.plan import CurrentStore, StorePlan
from kiosk.domain.listing import GoodListing, StoreListing
from kiosk.domain.locales import LOCALES, LocaleCode

_BATCH = 2_000


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


def update_stores(conn: Connection, plans: Sequence[StorePlan]) -> int:
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


def write_goods(
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


def saved_versions(conn: Connection, market_id: int) -> list[tuple[int, str, int]]:
    """(id, stall number, version) of every store of the market, in one query."""
    rows = conn.execute(
        select(Store.id, Store.stall_number, Store.version).where(Store.market_id == market_id)
    ).all()
    return [(store_id, stall, version) for store_id, stall, version in rows]


def goods_of(conn: Connection, store_ids: Sequence[int]) -> dict[int, set[int]]:
    """The ids of the goods each of *store_ids* has (one query per 2,000 stores)."""
    found: dict[int, set[int]] = {}
    for batch in _chunks(store_ids):
        for store_id, good_id in conn.execute(
            select(Product.store_id, Product.id).where(Product.store_id.in_(batch))
        ):
            found.setdefault(store_id, set()).add(good_id)
    return found


def insert_new_stores(
    conn: Connection, market_id: int, listings: Sequence[StoreListing]
) -> dict[str, int] | None:
    """Insert new stores with their goods (stall -> id); None when one of the stalls was
    taken meanwhile (the database refused it)."""
    try:
        return insert_stores_core(conn, market_id, listings)
    except IntegrityError:
        return None
