"""The store page's goods card: a price row per good and the unit footnotes."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from kiosk.domain.currency import RateCard, reference_text, seoul_today
from kiosk.domain.listing import ProductInfo, StoreDetail
from kiosk.domain.locales import LocaleCode
from kiosk.domain.text import keep_together
from kiosk.domain.units import price_tag, unit_notes
from kiosk.i18n import _, translate
from kiosk.ui.tourist.store_about import Labeller
from kiosk.ui.widgets.price_row import PriceRow


def price_text(product: ProductInfo, loc: LocaleCode) -> str:
    """``₩15,000 / 5kg box``: the price in the locale's price format with the unit."""
    return price_tag(product.price_won, product.unit, loc)


def reference(product: ProductInfo, loc: LocaleCode, rates: RateCard | None) -> str | None:
    """``about ￥1,660 (rate of 2026/12/01)`` for *product*, or None (no usable rate, sold out)."""
    if rates is None or product.sold_out:
        return None
    return reference_text(
        product.price_won, loc, rates, seoul_today(), partial(translate, locale=loc)
    )


def build_goods(
    layout: QVBoxLayout,
    store: StoreDetail,
    loc: LocaleCode,
    label: Labeller,
    relabel: list[Callable[[LocaleCode], None]],
    *,
    rates: RateCard | None = None,
) -> list[PriceRow]:
    """Fill *layout* with the heading, a price row per good and the unit notes."""
    title = QLabel()
    title.setProperty("role", "heading")
    label(title, lambda _loc: _("Goods and prices"))
    layout.addWidget(title)
    if not store.products:
        empty = QLabel()
        label(empty, lambda _loc: _("This store has not listed its goods yet."))
        empty.setProperty("role", "muted")
        empty.setWordWrap(True)
        layout.addWidget(empty)
        return []
    rows: list[PriceRow] = []
    sold_out = _("Sold out")
    for number, product in enumerate(store.products):
        if number:
            rule = QFrame()
            rule.setProperty("surface", "rule")
            layout.addWidget(rule)
        row = PriceRow(
            keep_together(product.name.get(loc)),  # wraps between words, as store names do
            price_text(product, loc),
            sold_out=product.sold_out,
            sold_out_label=sold_out,
        )
        row.name_label.max_lines = 3  # a long name wraps once more before it is elided
        rows.append(row)
        row.set_reference(reference(product, loc, rates))
        relabel.append(partial(_relabel_row, row, product, rates))
        layout.addWidget(row)
    units = tuple(product.unit for product in store.products)
    for index, _note in enumerate(unit_notes(units, loc)):
        footnote = QLabel()
        footnote.setProperty("role", "caption")
        footnote.setWordWrap(True)
        label(footnote, partial(_unit_note, units, index))
        layout.addWidget(footnote)
    return rows


def _unit_note(units: tuple[str, ...], index: int, locale: LocaleCode) -> str:
    return unit_notes(units, locale)[index]


def _relabel_row(
    row: PriceRow, product: ProductInfo, rates: RateCard | None, loc: LocaleCode
) -> None:
    row.set_reference(reference(product, loc, rates))
    row.name_label.setText(keep_together(product.name.get(loc)))
    row.price_label.setText(price_text(product, loc))
    row.set_sold_out(product.sold_out, _("Sold out"))
