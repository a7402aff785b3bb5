"""Reference prices in a tourist's currency, from rates the market manager typed (never fetched)."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Final
from zoneinfo import ZoneInfo

from kiosk.domain.locales import LocaleCode
from kiosk.domain.messages import N_, KioskError, Message, Translate, define

SEOUL = ZoneInfo("Asia/Seoul")
#: How old a rate may be, in days, before the prices it gives are hidden (the manager sets it).
DEFAULT_MAX_AGE_DAYS: Final = 14
MAX_AGE_LIMIT: Final = 365

#: The currencies a tourist of each language most likely carries, first one with a fresh rate
#: shown. A rate for another currency is kept (and listed) but shown to nobody.
TOURIST_CURRENCIES: Final[Mapping[LocaleCode, tuple[str, ...]]] = {
    "ko": (),
    "en": ("USD", "EUR", "GBP", "AUD", "CAD", "SGD"),
    "ja": ("JPY",),
    "zh_Hans": ("CNY", "SGD"),
    "zh_Hant": ("TWD", "HKD", "MOP"),
}
#: Won per unit a rate may plausibly be (a wide band around 2015-2026), so a rate typed per
#: 100 yen or with a digit too many is refused with the band named. Others: ANY_BAND.
PLAUSIBLE: Final[Mapping[str, tuple[Decimal, Decimal]]] = {
    "JPY": (Decimal(4), Decimal(25)),
    "CNY": (Decimal(100), Decimal(400)),
    "TWD": (Decimal(20), Decimal(100)),
    "HKD": (Decimal(80), Decimal(400)),
    "MOP": (Decimal(80), Decimal(400)),
    "USD": (Decimal(700), Decimal(2500)),
    "EUR": (Decimal(700), Decimal(3000)),
    "GBP": (Decimal(900), Decimal(3500)),
    "AUD": (Decimal(400), Decimal(1800)),
    "CAD": (Decimal(500), Decimal(1900)),
    "SGD": (Decimal(500), Decimal(1900)),
}
ANY_BAND: Final = (Decimal("0.001"), Decimal(10_000))
#: Symbols that say which dollar it is where Babel's would not (``$`` in Taipei is NT$).
SYMBOLS: Final[Mapping[str, str]] = {"TWD": "NT$", "USD": "US$"}

CURRENCY_CODE = define(
    "rate.currency",
    N_('"{value}" is not a currency code; use three letters such as JPY, CNY, TWD or USD'),
)
CURRENCY_KRW = define("rate.krw", N_("KRW is the won itself; enter rates of other currencies"))
RATE_NUMBER = define(
    "rate.number", N_('"{value}" is not a rate; type the won for one {currency}, e.g. 9.05')
)
RATE_POSITIVE = define("rate.positive", N_("the rate of {currency} must be more than 0 won"))
RATE_ABSURD = define(
    "rate.absurd",
    N_(
        "{rate} won for one {currency} cannot be right; it is usually between {low} and "
        "{high} won (type the won for ONE {currency}, not for 100)"
    ),
)
RATE_FUTURE = define(
    "rate.future", N_("the rate's date {date} is after today ({today}); type the day it was set")
)
RATE_TOO_OLD = define(
    "rate.too_old", N_("the rate's date {date} is before 2000; type the day it was set")
)
MAX_AGE_RANGE = define("rate.max_age", N_('"{value}" is not a number of days from 1 to {limit}'))
REFERENCE = define("rate.reference", N_("about {amount} (rate of {date})"))

_CODE = re.compile(r"^[A-Z]{3}$")


class RateError(KioskError):
    """A refused rate; ``field`` is ``currency``, ``rate``, ``date`` or ``max_age``."""

    def __init__(self, field: str, message: Message) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True, slots=True)
class ExchangeRate:
    """``won_per_unit`` won buy one ``currency`` (``JPY 9.05``), as of ``as_of``."""

    currency: str
    won_per_unit: Decimal
    as_of: date


@dataclass(frozen=True, slots=True)
class RateCard:
    """Every rate the manager entered and how old one may be before it is hidden."""

    rates: tuple[ExchangeRate, ...] = ()
    max_age_days: int = DEFAULT_MAX_AGE_DAYS

    def get(self, currency: str) -> ExchangeRate | None:
        return next((r for r in self.rates if r.currency == currency), None)


@dataclass(frozen=True, slots=True)
class ReferencePrice:
    """A price in won told in another currency: ``amount`` already rounded for display."""

    currency: str
    amount: float
    rate: ExchangeRate


def seoul_today() -> date:
    """Today in Asia/Seoul, the market's calendar (a rate's age counts in its days)."""
    return datetime.now(SEOUL).date()


def check_currency(text: str) -> str:
    """The ISO 4217 code in *text* (``jpy`` -> ``JPY``); RateError naming the field otherwise."""
    from babel.numbers import is_currency

    code = text.strip().upper()
    if code == "KRW":
        raise RateError("currency", CURRENCY_KRW())
    if not _CODE.match(code) or not is_currency(code):
        raise RateError("currency", CURRENCY_CODE(value=text.strip()[:20]))
    return code


def check_rate(currency: str, text: str | Decimal, as_of: date, *, today: date) -> ExchangeRate:
    """A checked rate: known code, a number > 0 within the currency's plausible band, a date
    not after *today* nor before 2000. RateError names the first field that is wrong."""
    code = check_currency(currency)
    try:
        rate = Decimal(str(text).strip().replace(",", "")) if isinstance(text, str) else text
    except InvalidOperation:
        raise RateError("rate", RATE_NUMBER(value=str(text).strip()[:20], currency=code)) from None
    if not rate.is_finite():
        raise RateError("rate", RATE_NUMBER(value=str(text).strip()[:20], currency=code))
    if rate <= 0:
        raise RateError("rate", RATE_POSITIVE(currency=code))
    low, high = PLAUSIBLE.get(code, ANY_BAND)
    if not low <= rate <= high:
        raise RateError(
            "rate",
            RATE_ABSURD(rate=_plain(rate), currency=code, low=_plain(low), high=_plain(high)),
        )
    if as_of > today:
        raise RateError("date", RATE_FUTURE(date=as_of.isoformat(), today=today.isoformat()))
    if as_of.year < 2000:
        raise RateError("date", RATE_TOO_OLD(date=as_of.isoformat()))
    return ExchangeRate(code, rate.quantize(Decimal("0.0001")).normalize(), as_of)


def check_max_age(value: str | int) -> int:
    """Days from 1 to :data:`MAX_AGE_LIMIT`; RateError (field ``max_age``) otherwise."""
    try:
        days = int(str(value).strip())
    except ValueError:
        days = 0
    if not 1 <= days <= MAX_AGE_LIMIT:
        raise RateError(
            "max_age", MAX_AGE_RANGE(value=str(value).strip()[:20], limit=MAX_AGE_LIMIT)
        )
    return days


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _rounded(amount: float) -> float:
    """Two significant figures under 100, three from 100 (an approximation, not a quote)."""
    if amount <= 0:
        return 0.0
    figures = 2 if amount < 100 else 3
    step = 10 ** (math.floor(math.log10(amount)) - figures + 1)
    return float(round(round(amount / step) * step, 6))


def reference_price(
    won: int, locale: LocaleCode, card: RateCard, today: date
) -> ReferencePrice | None:
    """*won* in the first currency of *locale* with a usable rate; None when there is none.

    A rate is usable when its date is not after *today* and at most
    ``card.max_age_days`` before it. Korean shows no reference price.
    """
    for currency in TOURIST_CURRENCIES[locale]:
        rate = card.get(currency)
        if rate is None or rate.won_per_unit <= 0:
            continue
        age = (today - rate.as_of).days
        if 0 <= age <= card.max_age_days:
            return ReferencePrice(currency, _rounded(won / float(rate.won_per_unit)), rate)
    return None


def reference_text(
    won: int,
    locale: LocaleCode,
    card: RateCard,
    today: date,
    translate: Translate | None = None,
) -> str | None:
    """``about ￥1,660 (rate of 2026/12/01)`` in *locale*, or None (no rate, or too old).

    *translate* renders the sentence (default: the current language's catalogue).
    """
    from kiosk.domain.formatting import format_day, format_money

    found = reference_price(won, locale, card, today)
    if found is None:
        return None
    amount = format_money(
        found.amount,
        found.currency,
        locale,
        whole=found.amount >= 10,
        symbol=SYMBOLS.get(found.currency, ""),
    )
    message = REFERENCE(amount=amount, date=format_day(found.rate.as_of, locale))
    return str(message) if translate is None else message.render(translate)
