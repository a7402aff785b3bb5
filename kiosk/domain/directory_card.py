"""What one directory card says: names, price range, payment marks, open now; and the pay filter."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Final

from kiosk.domain.categories import Category
from kiosk.domain.formatting import format_price
from kiosk.domain.listing import StoreSummary
from kiosk.domain.locales import LocaleCode
from kiosk.domain.messages import N_
from kiosk.domain.open_now import OpenState, open_state
from kiosk.domain.payments import PaymentMethod

#: The order a tourist looks for a way to pay: foreign wallets and cards first.
TOURIST_PAYMENT_ORDER: Final[tuple[PaymentMethod, ...]] = (
    PaymentMethod.ALIPAY_PLUS,
    PaymentMethod.FOREIGN_CARD,
    PaymentMethod.CARD,
    PaymentMethod.CASH,
    PaymentMethod.ZEROPAY,
    PaymentMethod.KAKAOPAY,
    PaymentMethod.NAVERPAY,
    PaymentMethod.ONNURI,
    PaymentMethod.BANK_TRANSFER,
)
#: The order a Korean shopper looks for: the everyday domestic ways first.
KOREAN_PAYMENT_ORDER: Final[tuple[PaymentMethod, ...]] = (
    PaymentMethod.CARD,
    PaymentMethod.CASH,
    PaymentMethod.ZEROPAY,
    PaymentMethod.ONNURI,
    PaymentMethod.KAKAOPAY,
    PaymentMethod.NAVERPAY,
    PaymentMethod.BANK_TRANSFER,
    PaymentMethod.ALIPAY_PLUS,
    PaymentMethod.FOREIGN_CARD,
)
#: Short words for the marks on a card (the store page names each method in full).
PAYMENT_MARK_LABELS: Final[dict[PaymentMethod, str]] = {
    PaymentMethod.ALIPAY_PLUS: N_("Alipay+"),
    PaymentMethod.FOREIGN_CARD: N_("Foreign cards"),
    PaymentMethod.CARD: N_("Card"),
    PaymentMethod.CASH: N_("Cash"),
    PaymentMethod.ZEROPAY: N_("Zero Pay"),
    PaymentMethod.KAKAOPAY: N_("KakaoPay"),
    PaymentMethod.NAVERPAY: N_("Naver Pay"),
    PaymentMethod.ONNURI: N_("Onnuri"),
    PaymentMethod.BANK_TRANSFER: N_("Transfer"),
}


class PaymentFilter(StrEnum):
    """The directory's "pay with" filter: stores that take a tourist's way to pay."""

    ALIPAY_PLUS = "alipay_plus"
    FOREIGN_CARDS = "foreign_cards"

    @property
    def method(self) -> PaymentMethod:
        """The payment method a store must list to pass the filter."""
        return _FILTER_METHOD[self]


_FILTER_METHOD: Final = {
    PaymentFilter.ALIPAY_PLUS: PaymentMethod.ALIPAY_PLUS,
    PaymentFilter.FOREIGN_CARDS: PaymentMethod.FOREIGN_CARD,
}
PAYMENT_FILTER_LABELS: Final[dict[PaymentFilter, str]] = {
    PaymentFilter.ALIPAY_PLUS: N_("Accepts Alipay+"),
    PaymentFilter.FOREIGN_CARDS: N_("Foreign cards"),
}


def accepts(methods: Iterable[PaymentMethod], wanted: PaymentFilter | None) -> bool:
    """Whether a store taking *methods* passes the filter (None: every store passes)."""
    return wanted is None or wanted.method in tuple(methods)


def tourist_order(
    methods: Iterable[PaymentMethod], locale: LocaleCode = "en"
) -> tuple[PaymentMethod, ...]:
    """*methods* in the order a reader of *locale* looks for them (each once; unknown last):
    :data:`KOREAN_PAYMENT_ORDER` in Korean, :data:`TOURIST_PAYMENT_ORDER` otherwise."""
    order = KOREAN_PAYMENT_ORDER if locale == "ko" else TOURIST_PAYMENT_ORDER
    given = list(dict.fromkeys(methods))
    known = [m for m in order if m in given]
    return (*known, *(m for m in given if m not in known))


def payment_marks(
    methods: Iterable[PaymentMethod], *, limit: int, locale: LocaleCode = "en"
) -> tuple[tuple[PaymentMethod, ...], int]:
    """The first *limit* methods in *locale*'s order and how many more there are (``+2``)."""
    ordered = tourist_order(methods, locale)
    if limit < 0:
        raise ValueError(f"limit must be 0 or more, got {limit}")
    return ordered[:limit], max(0, len(ordered) - limit)


def price_range(prices: Iterable[int]) -> tuple[int, int] | None:
    """(lowest, highest) of *prices* in won, or None when the store lists no goods."""
    listed = list(prices)
    return (min(listed), max(listed)) if listed else None


def format_price_range(low: int, high: int, locale: LocaleCode) -> str:
    """``₩3,000–₩35,000`` in *locale*'s price format (one price when both are the same)."""
    if low == high:
        return format_price(low, locale)
    return f"{format_price(low, locale)}–{format_price(high, locale)}"


@dataclass(frozen=True, slots=True)
class DirectoryCard:
    """One card of the directory in one language, ready to draw.

    ``signboard`` is the Korean name over the stall, given when it differs from
    ``name`` (so a Korean reader does not see it twice). ``prices`` is empty when
    the store lists no goods; ``more_marks`` counts the methods beyond ``marks``.
    """

    store_id: int
    name: str
    signboard: str
    category: Category
    stall: str
    prices: str
    marks: tuple[PaymentMethod, ...]
    more_marks: int
    state: OpenState


def directory_card(
    store: StoreSummary,
    locale: LocaleCode,
    at: datetime,
    *,
    marks: int = 3,
    holidays: Collection[date] = (),
) -> DirectoryCard:
    """The card of *store* shown in *locale* at *at* (open now on Seoul's clock)."""
    name = store.name.get(locale)
    korean = store.name.get("ko")
    found = store.price_range
    shown, more = payment_marks(store.payment_methods, limit=marks, locale=locale)
    return DirectoryCard(
        store_id=store.id,
        name=name,
        signboard=korean if korean and korean != name else "",
        category=store.category,
        stall=store.stall_number,
        prices=format_price_range(*found, locale) if found is not None else "",
        marks=shown,
        more_marks=more,
        state=open_state(store.hours, at, holidays=holidays),
    )
