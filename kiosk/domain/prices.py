"""One price parser for the store form, the merchant screen and the import: whole won."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from kiosk.domain.messages import N_, KioskError, Message, define

#: Highest price any good may have (a hundred million won).
MAX_PRICE_WON: Final = 100_000_000
#: How much of a refused price a message quotes.
_QUOTE: Final = 40

NOT_WON = define("exchange.not_won", N_('"{value}" is not a whole number of won'))
PRICE_RANGE = define("exchange.price_range", N_("{value} is not a price from 0 to {max} won"))
PRICE_EMPTY = define("price.empty", N_("no price given; type the price in won, for example 12,000"))
PRICE_DECIMAL = define(
    "price.decimal",
    N_(
        '"{value}" has a decimal point; prices are whole won with commas for thousands '
        "(12,000), so write 12,000 or 12"
    ),
)

_SIGNS: Final = re.compile(r"^(?:₩\s*)?(?P<number>[^\s₩원]+?)\s*(?:원)?$")
_WON: Final = re.compile(r"^(?:\d+|\d{1,3}(?:,\d{3})+)$")


class PriceError(KioskError):
    """A refused price; ``reason`` is what a field or a cell message says about it."""

    def __init__(self, reason: Message) -> None:
        super().__init__(reason)
        self.reason = reason


def _quoted(text: str) -> str:
    return text if len(text) <= _QUOTE else text[: _QUOTE - 1] + "…"


def parse_price(text: str) -> int:
    """Whole won from ``12000``, ``12,000``, ``12,000원``, ``12,000 원``, ``₩12,000`` or
    full-width ``１２０００``; PriceError (empty, negative, decimals, too big) otherwise.

    Korean prices write thousands with commas, so ``12.000`` and ``12.5`` are refused
    (a decimal point would be a guess either way).
    """
    typed = text.strip()
    if not typed:
        raise PriceError(PRICE_EMPTY())
    folded = unicodedata.normalize("NFKC", typed)  # full-width digits and ￦ -> ₩
    match = _SIGNS.match(folded)
    number = match.group("number") if match else folded
    if "." in number and re.fullmatch(r"[\d,]*\.\d*", number):
        raise PriceError(PRICE_DECIMAL(value=_quoted(typed)))
    if not number.isascii() or not _WON.match(number):
        raise PriceError(NOT_WON(value=_quoted(typed)))
    return checked_won(int(number.replace(",", "")))


def checked_won(value: int) -> int:
    """*value* when it is a price from 0 to :data:`MAX_PRICE_WON`; PriceError otherwise."""
    if not 0 <= value <= MAX_PRICE_WON:
        raise PriceError(PRICE_RANGE(value=value, max=MAX_PRICE_WON))
    return value


def parse_won(text: str) -> int | None:
    """:func:`parse_price`, or None when the text is not a price (for live form checks)."""
    try:
        return parse_price(text)
    except PriceError:
        return None
