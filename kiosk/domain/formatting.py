"""Locale-aware formatting of prices with Babel (KRW has no minor unit)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from kiosk.domain.locales import BABEL_LOCALES, LocaleCode

if TYPE_CHECKING:
    from babel import Locale


@lru_cache(maxsize=16)
def _babel_locale(locale: LocaleCode) -> Locale:
    from babel import Locale

    return Locale.parse(BABEL_LOCALES[locale])


def format_price(won: int, locale: LocaleCode) -> str:
    """Format *won* as KRW for *locale*: ``₩12,000`` (en), ``₩12,000`` (ko), ``￦12,000`` (ja).

    Babel decides symbol, grouping and placement; KRW never shows decimals.
    """
    from babel.numbers import format_currency

    return str(format_currency(won, "KRW", locale=_babel_locale(locale)))
