"""One data row of a listings sheet read into a store or a good; every failing cell is noted."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Final, TypeVar

from kiosk.domain.categories import Category
from kiosk.domain.exchange import file_format as fmt
from kiosk.domain.exchange.cells import (
    REQUIRED,
    CellError,
    category_value,
    is_blank,
    payments_value,
    price_value,
    quoted,
    text_value,
    yes_no_value,
)
from kiosk.domain.exchange.header import Layout
from kiosk.domain.exchange.problems import CellRef, ListingsFile, add_problem
from kiosk.domain.hours import OpeningHours
from kiosk.domain.hours_text import HoursTextError, parse_hours_cell
from kiosk.domain.listing import GoodListing, StoreListing
from kiosk.domain.locales import LocaleCode
from kiosk.domain.messages import N_, Message, define
from kiosk.domain.phones import normalise_phone
from kiosk.domain.qr.text_gate import code_text_problem
from kiosk.domain.store_edit.checks import is_stall_number
from kiosk.domain.store_edit.draft import MAX_DESCRIPTION, MAX_NAME, MAX_STALL, MAX_UNIT

_T = TypeVar("_T")
#: Longest market slug cell read.
MAX_MARKET: Final = 64

BAD_HOURS = define(
    "exchange.bad_hours",
    N_(
        '"{value}" is not opening hours; write for example '
        "매일 06:00-21:00 · 매주 일요일 휴무, and put 메모: before free text"
    ),
)
BAD_PHONE = define(
    "exchange.bad_phone",
    N_('"{value}" is not a Korean phone number (for example 051-123-4567)'),
)
BAD_STALL = define(
    "exchange.bad_stall", N_("\"{value}\" is not a stall number (letters, digits and '-')")
)


def convert_once(
    memo: dict[tuple[str, str], tuple[object, Message | None]],
    key: tuple[str, str],
    convert: Callable[..., object],
    value: str,
    options: dict[str, Any],
) -> tuple[object, Message | None]:
    """Kept in the layout's *memo* under *key*: ``convert(value, **options)`` or its problem."""
    try:
        found: tuple[object, Message | None] = (convert(value, **options), None)
    except CellError as exc:
        found = (None, exc.message)
    memo[key] = found
    return found


class Row:
    """Cell access for one row; conversion failures are collected, not raised.

    Converters are plain functions called with the cell (and keyword arguments),
    never a lambda made per cell; an empty text cell costs one look-up.
    """

    def __init__(
        self, layout: Layout, cells: Sequence[object], number: int, out: ListingsFile
    ) -> None:
        self.layout = layout
        if len(cells) < layout.width:
            cells = [*cells, *([None] * (layout.width - len(cells)))]
        self.cells = cells
        self.number = number
        self.out = out
        self.ok = True
        #: The stall number as read (set by the reader of the row's store columns).
        self.stall = ""

    def ref(self, column: fmt.Column) -> CellRef:
        return CellRef(self.layout.table.name, self.number, column.korean)

    def raw(self, column: fmt.Column) -> object:
        index = self.layout.columns.get(column.key)
        return None if index is None else self.cells[index]

    def get(
        self, column: fmt.Column, convert: Callable[..., _T], fallback: _T, **options: Any
    ) -> _T:
        """``convert(cell, **options)``, or *fallback* with the problem noted.

        A text cell is converted once per sheet and column (a column has one converter,
        always with the same options): the outcome, value or problem, is kept.
        """
        index = self.layout.columns.get(column.key)  # raw(), without the call
        value = None if index is None else self.cells[index]
        if type(value) is not str:
            try:
                return convert(value, **options)
            except CellError as exc:
                self.fail(column, exc.message)
                return fallback
        memo = self.layout.converted
        key = (column.key, value)
        found = memo.get(key)
        if found is None:
            found = convert_once(memo, key, convert, value, options)
        if found[1] is not None:
            self.fail(column, found[1])
            return fallback
        return found[0]  # type: ignore[return-value]  # what convert() gave for this column

    def fail(self, column: fmt.Column, problem: Message) -> None:
        self.ok = False
        add_problem(self.out, self.ref(column), problem)

    def text(self, column: fmt.Column, limit: int, *, required: bool = False) -> str:
        value = self.raw(column)
        text = ""
        if type(value) is str and value:
            memo = self.layout.read_texts.setdefault((limit, False), {})
            found = memo.get(value)
            if found is None:
                try:
                    found = memo[value] = text_value(value, limit=limit).strip()
                except CellError as exc:
                    self.fail(column, exc.message)
            text = found or ""
        elif value is not None and value != "":
            try:
                text = text_value(value, limit=limit).strip()
            except CellError as exc:
                self.fail(column, exc.message)
        if required and not text and self.ok:
            self.fail(column, REQUIRED())
        return text

    def texts(
        self, columns: Sequence[fmt.Column], limit: int, *, lines: bool = False
    ) -> dict[LocaleCode, str]:
        values: dict[LocaleCode, str] = {}
        cells = self.cells
        memo = self.layout.read_texts.setdefault((limit, lines), {})
        for locale, column, at in self.layout.slots(columns):
            value = cells[at]
            if value is None or value == "":
                continue
            text = memo.get(value) if type(value) is str else None
            if text is None:
                try:
                    text = text_value(value, limit=limit, lines=lines).strip()
                except CellError as exc:
                    self.fail(column, exc.message)
                    continue
                if type(value) is str:
                    memo[value] = text
            if text:
                values[locale] = text
        return values


def read_stall(row: Row) -> str:
    stall = row.text(fmt.STALL, MAX_STALL)
    if not stall:
        row.fail(fmt.STALL, REQUIRED())
    elif not is_stall_number(stall):
        row.fail(fmt.STALL, BAD_STALL(value=quoted(stall)))
    return stall


def hours_value(value: object) -> OpeningHours:
    text = text_value(value)
    try:
        return parse_hours_cell(text)
    except HoursTextError:
        raise CellError(BAD_HOURS(value=quoted(text))) from None


def phone_value(value: object) -> str:
    text = text_value(value, limit=40).strip()
    phone = normalise_phone(text)
    if phone is None:
        raise CellError(BAD_PHONE(value=quoted(text)))
    return phone


def code_value(value: object, *, limit: int) -> str:
    """A KakaoTalk channel or payment code cell, through the one code text gate first."""
    if isinstance(value, str):
        problem = code_text_problem(value.strip())
        if problem is not None:
            raise CellError(problem)
    return text_value(value, limit=limit).strip()


def read_store(row: Row, stall: str) -> StoreListing:
    names = row.texts(fmt.NAMES, MAX_NAME)
    if "ko" not in names:
        row.fail(fmt.NAMES[0], REQUIRED())
    return StoreListing(
        stall_number=stall,
        category=row.get(fmt.CATEGORY, category_value, Category.OTHER),
        name=names,
        description=row.texts(fmt.DESCRIPTIONS, MAX_DESCRIPTION, lines=True),
        phone=row.get(fmt.PHONE, phone_value, ""),
        hours=row.get(fmt.HOURS, hours_value, OpeningHours()),
        payment_methods=row.get(fmt.PAYMENTS, payments_value, ()),
        kakao=row.get(fmt.KAKAO, code_value, "", limit=200),
        payment=row.get(fmt.PAYMENT_QR, code_value, "", limit=1000),
        active=row.get(fmt.ACTIVE, yes_no_value, True, default=True),
    )


def read_good(row: Row) -> GoodListing | None:
    """The row's good, or None when every goods cell is empty (a store without goods)."""
    cells = row.cells
    for index in row.layout.good_indices:
        value = cells[index]
        if value is not None and value != "" and not is_blank(value):
            break
    else:
        return None
    names = row.texts(fmt.GOOD_NAMES, MAX_NAME)
    if "ko" not in names:
        row.fail(fmt.GOOD_NAMES[0], REQUIRED())
    return GoodListing(
        id=None,
        name=names,
        price_won=row.get(fmt.PRICE, price_value, 0),
        unit=row.text(fmt.UNIT, MAX_UNIT),
        sold_out=row.get(fmt.SOLD_OUT, yes_no_value, False, default=False),
    )
