"""One cell of a listings file turned into a value, or the problem a manager reads about it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Final

from kiosk.domain.categories import Category
from kiosk.domain.characters import is_hidden
from kiosk.domain.exchange.file_format import (
    CATEGORY_WORDS,
    NO,
    PAYMENT_WORDS,
    YES,
    is_formula,
    parse_category,
    parse_payment_word,
    parse_yes_no,
    restore,
)
from kiosk.domain.messages import N_, Message, define
from kiosk.domain.payments import PaymentMethod
from kiosk.domain.prices import NOT_WON, PriceError, checked_won, parse_price

#: Longest cell read from any column (the longest field, a description, allows 2,000).
MAX_CELL_CHARS: Final = 5_000
#: How much of a refused value a message quotes.
QUOTE_CHARS: Final = 40
#: First characters that send a text cell down the full check (a formula, an apostrophe).
_SLOW_STARTS: Final = frozenset("=\uff1d'")
#: Longest run of digits read as a price without the full parser.
_FAST_DIGITS: Final = 12
#: The words the app writes itself, exactly as written (anything else: the full check).
_PLAIN_YES_NO: Final = {YES: True, NO: False}

REQUIRED = define("exchange.required", N_("is empty; it is required"))
TOO_LONG = define("exchange.too_long", N_("has {length} characters; at most {max} fit"))
FORMULA = define(
    "exchange.formula",
    N_('"{value}" is a formula; type the value itself (or start the cell with \')'),
)
DATE_CELL = define(
    "exchange.date_cell",
    N_("holds a date or time ({value}); format the column as text in Excel and type it again"),
)
HIDDEN = define("exchange.hidden", N_("contains an invisible or control character (U+{code:04X})"))
NOT_YES_NO = define("exchange.not_yes_no", N_('"{value}" is neither 예 nor 아니오'))
NOT_CATEGORY = define(
    "exchange.not_category", N_('"{value}" is not a category; use one of: {choices}')
)
NOT_PAYMENT = define("exchange.not_payment", N_('"{value}" is not a way to pay; use: {choices}'))
NOT_TEXT = define("exchange.not_text", N_("holds TRUE or FALSE; type text"))


class CellError(Exception):
    """A refused cell; ``message`` goes after the column name (``가격 "1원" is not ...``)."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


def quoted(value: object) -> str:
    """*value* as a message quotes it: at most :data:`QUOTE_CHARS` characters."""
    text = str(value)
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + "…"


def text_value(value: object, *, limit: int = MAX_CELL_CHARS, lines: bool = False) -> str:
    """The text of a cell (formula-safe apostrophe removed); CellError when it is not text.

    Numbers become their digits (Excel turns ``010`` into 10 only when the
    column is not text: the phone and stall checks then refuse it). *lines*
    allows line breaks (a description); other hidden characters are refused.
    """
    if type(value) is str:
        if not value:
            return ""
        first = value[0]
        if (
            first not in _SLOW_STARTS
            and not first.isspace()
            and len(value) <= limit
            and value.isprintable()
        ):
            return value  # the common cell: no formula, no apostrophe, nothing hidden
        text = value
    elif value is None:
        return ""
    elif isinstance(value, bool):
        raise CellError(NOT_TEXT())
    elif isinstance(value, datetime | date | time | timedelta):
        raise CellError(DATE_CELL(value=quoted(value)))
    elif isinstance(value, int):
        text = str(value)
    elif isinstance(value, float):
        text = str(int(value)) if value.is_integer() else repr(value)
    else:
        text = str(value)
    if is_formula(text):  # after leading spaces, tabs and full-width spaces too
        raise CellError(FORMULA(value=quoted(text)))
    text = restore(text)
    if len(text) > limit:
        raise CellError(TOO_LONG(length=len(text), max=limit))
    if lines and "\r" in text:
        text = text.replace("\r\n", "\n")
    if not text.isprintable():  # fast path: printable text has no hidden character
        for ch in text:
            if is_hidden(ch) and not (lines and ch == "\n"):
                raise CellError(HIDDEN(code=ord(ch)))
    return text


def price_value(value: object) -> int:
    """Whole won from a number cell or text as the store form reads it (``12,000원``,
    ``₩12,000``, ``12000``: :func:`kiosk.domain.prices.parse_price`)."""
    if type(value) is str and len(value) <= _FAST_DIGITS and value.isascii() and value.isdigit():
        try:
            return checked_won(int(value))  # the common cell: plain digits
        except PriceError as exc:
            raise CellError(exc.reason) from None
    if isinstance(value, bool):
        raise CellError(NOT_WON(value=quoted(value)))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    try:
        if isinstance(value, int):
            return checked_won(value)
        text = text_value(value).strip()
        if not text:
            raise CellError(REQUIRED())
        return parse_price(text)
    except PriceError as exc:
        raise CellError(exc.reason) from None


def yes_no_value(value: object, *, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    if type(value) is str:
        found = _PLAIN_YES_NO.get(value)
        if found is not None:
            return found
    text = text_value(value).strip()
    if not text:
        return default
    answer = parse_yes_no(text)
    if answer is None:
        raise CellError(NOT_YES_NO(value=quoted(text)))
    return answer


def category_value(value: object) -> Category:
    text = text_value(value).strip()
    if not text:
        raise CellError(REQUIRED())
    category = parse_category(text)
    if category is None:
        choices = ", ".join(CATEGORY_WORDS.values())
        raise CellError(NOT_CATEGORY(value=quoted(text), choices=choices))
    return category


def payments_value(value: object) -> tuple[PaymentMethod, ...]:
    """``현금, 카드, 제로페이`` (or the codes ``cash card zeropay``), in the order given."""
    methods: list[PaymentMethod] = []
    for word in re.split(r"[,·/;\s]+", text_value(value)):
        if not word:
            continue
        method = parse_payment_word(word)
        if method is None:
            choices = ", ".join(PAYMENT_WORDS.values())
            raise CellError(NOT_PAYMENT(value=quoted(word), choices=choices))
        if method not in methods:
            methods.append(method)
    return tuple(methods)


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def is_blank_row(cells: Iterable[object]) -> bool:
    """Every cell blank (:func:`is_blank`); stops at the first that is not."""
    for value in cells:
        if value is not None and (not isinstance(value, str) or value.strip()):
            return False
    return True
