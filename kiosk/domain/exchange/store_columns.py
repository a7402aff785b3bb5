"""The store cells of a sheet's stores read column by column, each distinct cell once.

The rows given are the first of each stall's run (the CSV repeats a store's cells
on every good's row). Each store column's distinct cells go through the very
converters and memos of the row reader (:mod:`kiosk.domain.exchange.rows`), and
the stores are made from the results. Any refused cell, a missing Korean name or
a cell of another type than text gives up: the row reader then reads those rows
one by one and names every problem with its row and column. Nothing is checked less.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any, Final

from kiosk.domain.exchange import file_format as fmt
from kiosk.domain.exchange.cells import (
    CellError,
    category_value,
    payments_value,
    text_value,
    yes_no_value,
)
from kiosk.domain.exchange.header import Layout
from kiosk.domain.exchange.rows import (
    MAX_MARKET,
    code_value,
    convert_once,
    hours_value,
    phone_value,
)
from kiosk.domain.listing import StoreListing
from kiosk.domain.locales import LocaleCode
from kiosk.domain.store_edit.checks import is_stall_number
from kiosk.domain.store_edit.draft import MAX_DESCRIPTION, MAX_NAME, MAX_STALL

#: The store cells ``read_store`` reads through a converter: column, converter, options.
_CONVERTED: Final[tuple[tuple[fmt.Column, Callable[..., Any], dict[str, Any]], ...]] = (
    (fmt.CATEGORY, category_value, {}),
    (fmt.PHONE, phone_value, {}),
    (fmt.HOURS, hours_value, {}),
    (fmt.PAYMENTS, payments_value, {}),
    (fmt.KAKAO, code_value, {"limit": 200}),
    (fmt.PAYMENT_QR, code_value, {"limit": 1000}),
    (fmt.ACTIVE, yes_no_value, {"default": True}),
)


def read_store_columns(
    layout: Layout, rows: Sequence[Sequence[object]]
) -> list[tuple[str, StoreListing]] | None:
    """The market cell and the store of each of *rows*, equal to what the row reader reads
    from it (``read_stall``, the market cell, ``read_store``); None when a cell is refused
    or unusual, or a row has no stall."""
    if not layout.stores or not rows or min(map(len, rows)) < layout.width:
        return None
    stalls = _text(layout, rows, fmt.STALL, MAX_STALL)
    if stalls is None or not all(map(is_stall_number, stalls)):  # "" is no stall number
        return None
    markets: list[str] | None = [""] * len(rows)
    if fmt.MARKET.key in layout.columns:
        markets = _text(layout, rows, fmt.MARKET, MAX_MARKET)
    names = _texts(layout, rows, fmt.NAMES, MAX_NAME, lines=False)
    descriptions = _texts(layout, rows, fmt.DESCRIPTIONS, MAX_DESCRIPTION, lines=True)
    if markets is None or names is None or descriptions is None:
        return None
    if not all(map(_has_korean, names)):
        return None
    converted: list[list[Any]] = []
    for column, convert, options in _CONVERTED:
        values = _column(layout, rows, column, convert, options)
        if values is None:
            return None
        converted.append(values)
    category, phone, hours, payments, kakao, payment, active = converted
    stores = map(
        StoreListing,
        stalls,
        category,
        names,
        descriptions,
        phone,
        hours,
        payments,
        kakao,
        payment,
        active,
    )
    return list(zip(markets, stores, strict=True))


def _has_korean(name: dict[LocaleCode, str]) -> bool:
    return "ko" in name


def _column(
    layout: Layout,
    rows: Sequence[Sequence[object]],
    column: fmt.Column,
    convert: Callable[..., Any],
    options: dict[str, Any],
) -> list[Any] | None:
    """``Row.get`` of *column* for every row, each distinct cell converted once (through
    the layout's memo, which the row reader shares); None when a cell is refused."""
    at = layout.columns.get(column.key)
    if at is None:  # the row reader converts the missing cell (None) for each row
        cells: list[object] = [None] * len(rows)
    else:
        cells = list(map(itemgetter(at), rows))
    memo = layout.converted
    done: dict[object, object] = {}
    for value in set(cells):
        if type(value) is not str:
            if value is not None:
                return None
            try:
                done[value] = convert(value, **options)
            except CellError:
                return None
            continue
        key = (column.key, value)
        found = memo.get(key)
        if found is None:
            found = convert_once(memo, key, convert, value, options)
        if found[1] is not None:
            return None
        done[value] = found[0]
    return list(map(done.__getitem__, cells))


def _text(
    layout: Layout, rows: Sequence[Sequence[object]], column: fmt.Column, limit: int
) -> list[str] | None:
    """``Row.text`` of *column* for every row; None when a cell is refused."""
    texts = _texts(layout, rows, (column,), limit, lines=False, locales=False)
    return None if texts is None else [found.get("ko", "") for found in texts]


def _texts(
    layout: Layout,
    rows: Sequence[Sequence[object]],
    columns: Sequence[fmt.Column],
    limit: int,
    *,
    lines: bool,
    locales: bool = True,
) -> list[dict[LocaleCode, str]] | None:
    """``Row.texts`` of *columns* for every row (one dict per row, as the row reader makes
    them), each distinct cell checked once; None when a cell is refused. Without
    *locales*: the one column's text as ``ko``."""
    memo = layout.read_texts.setdefault((limit, lines), {})
    one: LocaleCode = "ko"
    slots = (
        layout.slots(columns) if locales else [(one, columns[0], layout.columns[columns[0].key])]
    )
    read: list[tuple[LocaleCode, list[str]]] = []
    for locale, _column, at in slots:
        cells = list(map(itemgetter(at), rows))
        texts: dict[object, str] = {}
        for value in set(cells):
            if type(value) is not str:
                if value is not None:
                    return None
                texts[value] = ""
                continue
            text = memo.get(value) if value else ""
            if text is None:
                try:
                    text = memo[value] = text_value(value, limit=limit, lines=lines).strip()
                except CellError:
                    return None
            texts[value] = text
        read.append((locale, list(map(texts.__getitem__, cells))))
    if not read:
        return [{} for _ in rows]
    # One dict per distinct set of texts (stores of one chain share a name): the bulk
    # writer folds and encodes a dict it has met once.
    made: dict[tuple[str, ...], dict[LocaleCode, str]] = {}
    out: list[dict[LocaleCode, str]] = []
    for key in zip(*(values for _locale, values in read), strict=True):
        found = made.get(key)
        if found is None:
            found = made[key] = {
                locale: text for (locale, _values), text in zip(read, key, strict=True) if text
            }
        out.append(found)
    return out
