"""Store listings as the rows of a listings file (the inverse of kiosk.domain.exchange.read)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from kiosk.domain.exchange import file_format as fmt
from kiosk.domain.hours_text import hours_cell
from kiosk.domain.listing import GoodListing, StoreListing
from kiosk.domain.locales import LOCALES

#: A cell as written: text (already formula-safe, see ``spreadsheet.Neutral``) or whole won.
Cell = str | int


def _yes_no(value: bool) -> str:
    return fmt.neutralise(fmt.YES if value else fmt.NO)


def store_cells(store: StoreListing, market: str) -> list[str]:
    """The store columns of *store*, in ``file_format.STORE_COLUMNS`` order."""
    safe = fmt.neutralise
    return [
        safe(market),
        safe(store.stall_number),
        safe(fmt.CATEGORY_WORDS[store.category]),
        *(safe(store.name.get(locale, "")) for locale in LOCALES),
        *(safe(store.description.get(locale, "")) for locale in LOCALES),
        safe(store.phone),
        safe(hours_cell(store.hours)),
        safe(fmt.PAYMENT_SEPARATOR.join(fmt.PAYMENT_WORDS[m] for m in store.payment_methods)),
        safe(store.kakao),
        safe(store.payment),
        _yes_no(store.active),
    ]


def good_cells(good: GoodListing) -> list[Cell]:
    """The goods columns of *good* (the price as a number)."""
    safe = fmt.neutralise
    return [
        *(safe(good.name.get(locale, "")) for locale in LOCALES),
        good.price_won,
        safe(good.unit),
        _yes_no(good.sold_out),
    ]


def headers(columns: Sequence[fmt.Column]) -> list[Cell]:
    return [fmt.neutralise(column.header) for column in columns]


def flat_rows(stores: Iterable[StoreListing], market: str) -> Iterator[list[Cell]]:
    """The one-table layout (CSV): the header, then one row per good, store columns repeated."""
    yield headers(fmt.FLAT_COLUMNS)
    empty: list[Cell] = [fmt.neutralise("")] * len(fmt.GOOD_COLUMNS)
    for store in stores:
        front: list[Cell] = list(store_cells(store, market))
        if not store.products:
            yield front + empty
        for good in store.products:
            yield front + good_cells(good)


def store_rows(stores: Iterable[StoreListing], market: str) -> Iterator[list[Cell]]:
    """The stores sheet of a workbook: the header, then one row per store."""
    yield headers(fmt.STORE_COLUMNS)
    for store in stores:
        yield list(store_cells(store, market))


def goods_rows(stores: Iterable[StoreListing]) -> Iterator[list[Cell]]:
    """The goods sheet of a workbook: the header, then one row per good with its stall."""
    yield headers(fmt.GOODS_SHEET_COLUMNS)
    for store in stores:
        stall = fmt.neutralise(store.stall_number)
        for good in store.products:
            yield [stall, *good_cells(good)]
