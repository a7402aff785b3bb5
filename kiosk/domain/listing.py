"""Listings as plain data: the one listing model (``StoreListing``) and the directory's read models.

``StoreListing`` (a store, its five-language texts and its goods) is what the
store editor edits, what an Excel/CSV file imports and exports, and what the
demo markets are made of (``MarketListing``), so there is one shape and one set
of checks for a listing wherever it comes from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from kiosk.domain.categories import Category
from kiosk.domain.hours import OpeningHours
from kiosk.domain.locales import LocaleCode
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
    #: The market's tourist website (``kiosk.domain.site``), "" when it has none.
    site_url: str = ""


@dataclass(frozen=True, slots=True)
class MarketMatches:
    """How many active stores of one market a search finds (the directory's "3 more in ...").

    ``is_home``: the market this PC opens on (listed first).
    """

    slug: str
    name: LocalizedText
    count: int
    is_home: bool = False


@dataclass(frozen=True, slots=True)
class StoreSummary:
    """One row of the directory. ``initial`` is the first character of the Korean name.

    ``price_range`` is the (lowest, highest) price of the store's goods in won, None
    when it lists none; ``hours`` and ``payment_methods`` feed the card's open-now
    state and payment marks (``kiosk.domain.directory_card``).
    """

    id: int
    market_slug: str
    stall_number: str
    category: Category
    name: LocalizedText
    has_kakao: bool = False
    has_payment_qr: bool = False
    payment_methods: tuple[PaymentMethod, ...] = ()
    hours: OpeningHours = field(default_factory=OpeningHours)
    price_range: tuple[int, int] | None = None

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
    #: The dates its whole market is closed (open-now says "Market holiday" on them).
    market_holidays: frozenset[date] = frozenset()


@dataclass(frozen=True, slots=True)
class GoodListing:
    """One good of a listing; ``id`` None for one not saved yet. Price in whole won."""

    id: int | None
    name: Mapping[LocaleCode, str]
    price_won: int
    unit: str = ""
    sold_out: bool = False


@dataclass(frozen=True, slots=True)
class StoreListing:
    """A store's whole listing: what the editor edits and a listings file holds per stall.

    ``kakao`` and ``payment`` are the KakaoTalk channel and the payment payload as
    entered (the services' QR path checks them when saved); ``hours`` is structured.
    """

    stall_number: str
    category: Category
    name: Mapping[LocaleCode, str]
    description: Mapping[LocaleCode, str] = field(default_factory=dict)
    phone: str = ""
    hours: OpeningHours = field(default_factory=OpeningHours)
    payment_methods: tuple[PaymentMethod, ...] = ()
    kakao: str = ""
    payment: str = ""
    active: bool = True
    products: tuple[GoodListing, ...] = ()


@dataclass(frozen=True, slots=True)
class MarketListing:
    """A market with its stores' listings (the demo markets, a generated test market)."""

    slug: str
    name: Mapping[LocaleCode, str]
    city: Mapping[LocaleCode, str]
    stores: tuple[StoreListing, ...] = ()
