"""The ``stores`` table as ORM rows: load one with its goods, check a stall, save a draft."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from itertools import islice

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session, joinedload, selectinload
from sqlalchemy.orm.exc import StaleDataError

from kiosk.data.columns import utcnow
from kiosk.data.convert import DETAIL_COLUMNS, product_row, store_detail_row
from kiosk.data.errors import NotFoundError
from kiosk.data.models import Market, Product, Store
from kiosk.domain.exchange.shared_codes import CodeHolder
from kiosk.domain.listing import ProductInfo, StoreDetail
from kiosk.domain.store_edit.draft import Gone, StoreDraft


def find_store(session: Session, store_id: int) -> Store | None:
    """The store row with its market and products, or None."""
    return session.get(
        Store, store_id, options=[joinedload(Store.market), selectinload(Store.products)]
    )


def load_store(session: Session, store_id: int) -> Store:
    """The store row with its market and products; NotFoundError if absent."""
    store = find_store(session, store_id)
    if store is None:
        raise NotFoundError("store", store_id)
    return store


def store_row(session: Session, store_id: int) -> Store | None:
    """The store row alone (nothing loaded with it), or None."""
    return session.get(Store, store_id)


def store_version(session: Session, store_id: int) -> int | None:
    """The store's saved version, or None when it is gone."""
    return session.scalar(select(Store.version).where(Store.id == store_id))


def stall_taken(session: Session, market_id: int, stall: str, *, other_than: int | None) -> bool:
    """Whether another store of the market (not *other_than*) has the stall number *stall*."""
    stmt = select(Store.id).where(Store.market_id == market_id, Store.stall_number == stall)
    if other_than is not None:
        stmt = stmt.where(Store.id != other_than)
    return session.scalar(stmt) is not None


#: Codes looked up per statement (well under SQLite's bound-parameter limit).
_CODES_PER_QUERY = 400


def _batches(codes: Collection[str]) -> Iterator[list[str]]:
    it = iter(sorted(codes))
    while batch := list(islice(it, _CODES_PER_QUERY)):
        yield batch


def code_holders(
    conn: Connection | Session,
    *,
    kakaos: Collection[str] = (),
    payments: Collection[str] = (),
    other_than: Collection[int] = (),
) -> list[CodeHolder]:
    """The stores of any market (not *other_than*) whose KakaoTalk channel is one of
    *kakaos* or whose payment payload is one of *payments*, in id order."""
    found: dict[int, CodeHolder] = {}
    columns = (
        Store.id,
        Market.slug,
        Store.stall_number,
        Store.name,
        Store.kakao_channel_id,
        Store.payment_qr_payload,
    )
    lookups = [(Store.kakao_channel_id, b) for b in _batches(kakaos)]
    lookups += [(Store.payment_qr_payload, b) for b in _batches(payments)]
    excluded = set(other_than)
    for column, batch in lookups:
        stmt = select(*columns).join(Market, Market.id == Store.market_id).where(column.in_(batch))
        for row in conn.execute(stmt):
            if row.id in excluded:
                continue
            found.setdefault(
                row.id,
                CodeHolder(
                    store_id=row.id,
                    market_slug=row.slug,
                    stall=row.stall_number,
                    name=(row.name or {}).get("ko", ""),
                    kakao=row.kakao_channel_id or "",
                    payment=row.payment_qr_payload or "",
                ),
            )
    return [found[key] for key in sorted(found)]


def market_slug_of(session: Session, store_id: int) -> str | None:
    """The short name of the store's market, or None when the store is gone."""
    return session.scalar(
        select(Market.slug).join(Store, Store.market_id == Market.id).where(Store.id == store_id)
    )


def market_store_details(
    session: Session, market: Market, *, active_only: bool
) -> list[StoreDetail]:
    """Full details of a market's stores in stall order, in two queries whatever the count.

    Plain rows, not ORM objects: nothing here is changed, and a market of thousands of
    stores and tens of thousands of goods reads several times faster without tracking.
    """
    where = [Store.market_id == market.id]
    if active_only:
        where.append(Store.active.is_(True))
    goods: dict[int, list[ProductInfo]] = {}
    rows = session.execute(
        select(Product.store_id, Product.id, Product.name, Product.price_won, Product.unit,
               Product.sold_out)
        .join(Store, Store.id == Product.store_id)
        .where(*where)
        .order_by(Product.store_id, Product.sort_order, Product.id)
    )  # fmt: skip
    for good in rows:
        goods.setdefault(good.store_id, []).append(product_row(good))
    stores = session.execute(
        select(*DETAIL_COLUMNS).where(*where).order_by(Store.stall_sort_key, Store.id)
    )
    holidays = frozenset(h.day for h in market.holidays)
    return [store_detail_row(row, market, tuple(goods.get(row.id, ())), holidays) for row in stores]


def new_store(market: Market) -> Store:
    """A store row for *market*, not yet added (:func:`add_store` once it is filled in)."""
    return Store(market_id=market.id, version=1)


def add_store(session: Session, store: Store, market: Market) -> None:
    store.market = market
    session.add(store)


def flush_versioned(session: Session) -> bool:
    """Write the pending changes; False (everything rolled back) when a versioned UPDATE
    found another version or no row."""
    try:
        session.flush()
    except StaleDataError:
        session.rollback()
        return False
    return True


def apply_draft(store: Store, new: StoreDraft) -> None:
    """Copy a checked draft onto *store*: fields, goods kept, removed, added and reordered.

    Raises Gone when a good of the draft was removed meanwhile.
    """
    store.stall_number = new.stall_number
    store.category = new.category
    store.name = {str(k): v for k, v in new.name.items()}
    store.description = {str(k): v for k, v in new.description.items()}
    store.phone = new.phone
    store.opening_hours = new.hours
    store.payment_methods = new.payment_methods
    store.kakao_channel_id = new.kakao or None
    store.payment_qr_payload = new.payment or None
    store.active = new.active
    existing = {p.id: p for p in store.products}
    kept = {p.id for p in new.products if p.id is not None}
    for product in list(store.products):
        if product.id not in kept:
            store.products.remove(product)
    for order, good in enumerate(new.products):
        row = existing.get(good.id) if good.id is not None else None
        if good.id is not None and row is None:
            raise Gone(good.name.get("ko", "") or f"#{good.id}")
        if row is None:
            row = Product(price_won=good.price_won)
            store.products.append(row)
        row.name = {str(k): v for k, v in good.name.items()}
        row.price_won = good.price_won
        row.unit = good.unit
        row.sold_out = good.sold_out
        row.sort_order = order
    store.updated_at = utcnow()  # always an UPDATE, so the version always moves on
