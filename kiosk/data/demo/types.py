"""Plain data shapes for the invented demo markets (no database code here)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.domain.categories import Category
from kiosk.domain.payments import PaymentMethod


def T(ko: str, en: str, ja: str, zh_Hans: str, zh_Hant: str) -> dict[str, str]:
    """Text in all five locales; every argument is required so none is forgotten."""
    return {"ko": ko, "en": en, "ja": ja, "zh_Hans": zh_Hans, "zh_Hant": zh_Hant}


@dataclass(frozen=True)
class DemoProduct:
    name: dict[str, str]
    price_won: int
    unit: str
    sold_out: bool = False


@dataclass(frozen=True)
class DemoStore:
    stall_number: str
    category: Category
    name: dict[str, str]
    description: dict[str, str]
    phone: str
    opening_hours: str
    payment_methods: tuple[PaymentMethod, ...]
    products: tuple[DemoProduct, ...]
    kakao_channel_id: str | None = None
    #: EMVCo-format demo payload, clearly marked DEMO; never a real merchant's code.
    payment_qr_payload: str | None = None
    active: bool = True


@dataclass(frozen=True)
class DemoMarket:
    slug: str
    name: dict[str, str]
    city: dict[str, str]
    stores: tuple[DemoStore, ...] = field(default_factory=tuple)
