"""Read models of the store directory: markets, stores and products as plain data."""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.domain.categories import Category
from kiosk.domain.hours import OpeningHours
from kiosk.domain.payments import PaymentMethod
from kiosk.domain.text import LocalizedText

#: Common sales units; free text is allowed too (e.g. "1 bag", "3마리").
UNITS: tuple[str, ...] = (
    "개",
    "근",
    "kg",
    "g",
    "인분",
    "팩",
    "봉",
    "마리",
    "박스",
    "단",
    "줄",
    "벌",
    "장",
    "병",
)


@dataclass(frozen=True, slots=True)
class MarketInfo:
    id: int
    slug: str
    name: LocalizedText
    city: LocalizedText
    store_count: int = 0


@dataclass(frozen=True, slots=True)
class StoreSummary:
    """One row of the directory. ``initial`` is the first character of the Korean name."""

    id: int
    market_slug: str
    stall_number: str
    category: Category
    name: LocalizedText
    has_kakao: bool = False
    has_payment_qr: bool = False

    @property
    def initial(self) -> str:
        return (self.name.get("ko") or "?")[:1]


@dataclass(frozen=True, slots=True)
class ProductInfo:
    """Price is whole won (KRW has no minor unit); ``unit`` is shown after the price."""

    id: int
    name: LocalizedText
    price_won: int
    unit: str
    sold_out: bool = False


@dataclass(frozen=True, slots=True)
class StoreDetail:
    id: int
    market_slug: str
    market_name: LocalizedText
    stall_number: str
    category: Category
    name: LocalizedText
    description: LocalizedText
    phone: str
    opening_hours: OpeningHours
    kakao_channel_id: str | None
    payment_qr_payload: str | None
    payment_methods: tuple[PaymentMethod, ...]
    active: bool
    version: int
    products: tuple[ProductInfo, ...] = field(default_factory=tuple)
