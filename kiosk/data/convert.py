"""Turn ORM rows into the domain read models of kiosk.domain.listing (never leak rows).

Every localised column (``LocalizedColumn``: markets, stores, products) becomes
a ``LocalizedText`` through :func:`localized` and nowhere else.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import Row

from kiosk.data.models import Market, Product, Store
from kiosk.domain.listing import MarketInfo, ProductInfo, StoreDetail, StoreSummary
from kiosk.domain.locales import LOCALES, LocaleCode
from kiosk.domain.text import LocalizedText


def localized(values: Mapping[str, str] | None) -> LocalizedText:
    """Keep the known locales with non-empty text, in the language-bar order."""
    if not values:
        return LocalizedText({})
    kept: dict[LocaleCode, str] = {code: values[code] for code in LOCALES if values.get(code)}
    return LocalizedText(kept)


def market_info(market: Market, *, store_count: int = 0) -> MarketInfo:
    return MarketInfo(
        id=market.id,
        slug=market.slug,
        name=localized(market.name),
        city=localized(market.city),
        store_count=store_count,
        site_url=market.site_url or "",
    )


def store_names(store: Store) -> LocalizedText:
    return localized(store.name)


def store_summary(store: Store, *, market_slug: str) -> StoreSummary:
    return StoreSummary(
        id=store.id,
        market_slug=market_slug,
        stall_number=store.stall_number,
        category=store.category,
        name=store_names(store),
        has_kakao=bool(store.kakao_channel_id),
        has_payment_qr=bool(store.payment_qr_payload),
    )


def product_info(product: Product) -> ProductInfo:
    return ProductInfo(
        id=product.id,
        name=localized(product.name),
        price_won=product.price_won,
        unit=product.unit,
        sold_out=product.sold_out,
    )


def store_detail(store: Store, *, market: Market) -> StoreDetail:
    """Products come in their stored order (``sort_order``, then id)."""
    products = sorted(store.products, key=lambda p: (p.sort_order, p.id))
    return StoreDetail(
        id=store.id,
        market_slug=market.slug,
        market_name=localized(market.name),
        stall_number=store.stall_number,
        category=store.category,
        name=store_names(store),
        description=localized(store.description),
        phone=store.phone,
        opening_hours=store.opening_hours,
        kakao_channel_id=store.kakao_channel_id,
        payment_qr_payload=store.payment_qr_payload,
        payment_methods=tuple(store.payment_methods),
        active=store.active,
        version=store.version,
        products=tuple(product_info(p) for p in products),
        market_holidays=frozenset(h.day for h in market.holidays),
    )


#: The columns :func:`store_detail_row` reads (a read of many stores without ORM objects).
DETAIL_COLUMNS = (
    Store.id, Store.stall_number, Store.category, Store.name, Store.description, Store.phone,
    Store.opening_hours, Store.kakao_channel_id, Store.payment_qr_payload,
    Store.payment_methods, Store.active, Store.version,
)  # fmt: skip


def product_row(row: Row[*tuple[Any, ...]]) -> ProductInfo:
    """A good from a plain row (id, name, price_won, unit, sold_out)."""
    return ProductInfo(
        id=row.id,
        name=localized(row.name),
        price_won=row.price_won,
        unit=row.unit,
        sold_out=row.sold_out,
    )


def store_detail_row(
    row: Row[*tuple[Any, ...]],
    market: Market,
    products: tuple[ProductInfo, ...],
    holidays: frozenset[date] = frozenset(),
) -> StoreDetail:
    """:func:`store_detail` from a row of :data:`DETAIL_COLUMNS`, its goods in order and its
    market's holiday dates (read once for the market)."""
    return StoreDetail(
        id=row.id,
        market_slug=market.slug,
        market_name=localized(market.name),
        stall_number=row.stall_number,
        category=row.category,
        name=localized(row.name),
        description=localized(row.description),
        phone=row.phone,
        opening_hours=row.opening_hours,
        kakao_channel_id=row.kakao_channel_id,
        payment_qr_payload=row.payment_qr_payload,
        payment_methods=tuple(row.payment_methods),
        active=row.active,
        version=row.version,
        products=products,
        market_holidays=holidays,
    )
