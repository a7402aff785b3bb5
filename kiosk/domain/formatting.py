"""Locale-aware formatting of prices with Babel (KRW has no minor unit), 원 for Korean."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from kiosk.domain.locales import BABEL_LOCALES, LocaleCode

if TYPE_CHECKING:
    from babel import Locale


@lru_cache(maxsize=16)
def _babel_locale(locale: LocaleCode) -> Locale:
    from babel import Locale

    return Locale.parse(BABEL_LOCALES[locale])


def format_won(won: int) -> str:
    """``15,000원``: how Korean shoppers read a price (tags, receipts, the 원 field)."""
    return f"{won:,}원"


def format_price(won: int, locale: LocaleCode) -> str:
    """Format *won* as KRW for *locale*: ``15,000원`` (ko), ``₩15,000`` (en), ``￦15,000`` (ja).

    Korean is a documented override: Babel's ko pattern gives ``₩15,000``, but price
    tags, receipts and the merchant's own 원 field write the number, then 원, so
    Korean shows :func:`format_won`. Every other locale takes Babel's symbol,
    grouping and placement; KRW never shows decimals.
    """
    if locale == "ko":
        return format_won(won)
    from babel.numbers import format_currency

    return str(format_currency(won, "KRW", locale=_babel_locale(locale)))


def format_money(
    amount: float, currency: str, locale: LocaleCode, *, whole: bool = False, symbol: str = ""
) -> str:
    """*amount* of *currency* in *locale* (``¥86.50``); *whole* drops the minor units
    (``$11``, ``￥1,660``; yen never has any); *symbol* replaces Babel's (``NT$``)."""
    from babel.numbers import format_currency, get_currency_precision

    whole = whole or get_currency_precision(currency) == 0
    pattern = "¤#,##0" if whole else "¤#,##0.00"
    text = str(
        format_currency(
            amount, currency, format=pattern, locale=_babel_locale(locale), currency_digits=False
        )
    )
    if symbol:
        from babel.numbers import get_currency_symbol

        text = text.replace(get_currency_symbol(currency, locale=_babel_locale(locale)), symbol, 1)
    return text


def format_day(day: date, locale: LocaleCode) -> str:
    """A date as *locale* writes it (``2026年12月1日``, ``Dec 1, 2026``, ``2026. 12. 1.``)."""
    from babel.dates import format_date

    return str(format_date(day, "medium", locale=_babel_locale(locale)))
