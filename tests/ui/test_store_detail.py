"""Store detail: Babel prices with translated units, sold-out words, payment badges, side cards."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from ui_helpers import codes_of

from kiosk.domain.formatting import format_price
from kiosk.domain.listing import StoreDetail
from kiosk.domain.locales import LocaleCode
from kiosk.domain.text import without_joiners
from kiosk.domain.units import price_tag
from kiosk.i18n import set_locale, translate
from kiosk.services.app import Services
from kiosk.ui.tourist.store_about import PAGE_PAYMENT_LABELS, PayMark
from kiosk.ui.tourist.store_detail import StoreDetailScreen


def _switch(detail: StoreDetailScreen, locale: LocaleCode) -> None:
    """What the main window does: the global UI language first, then the screen."""
    set_locale(locale)
    detail.retranslate()


@pytest.fixture
def detail(qtbot: QtBot) -> StoreDetailScreen:
    screen = StoreDetailScreen()
    qtbot.add_widget(screen)
    screen.resize(1366, 700)
    screen.show()
    qtbot.wait_exposed(screen)
    return screen


@pytest.fixture
def store(services: Services) -> StoreDetail:
    """The demo store with the most goods."""
    details = [
        services.directory.get_store(store_id=s.id)
        for s in services.directory.list_stores(market_slug="dongmun")
    ]
    return max(details, key=lambda d: len(d.products))


@pytest.mark.parametrize("locale", ["ko", "en", "ja", "zh_Hant"])
def test_prices_are_formatted_by_babel_with_their_unit(
    detail: StoreDetailScreen, store: StoreDetail, locale: LocaleCode
) -> None:
    _switch(detail, locale)
    detail.show_store(codes_of(store))
    assert len(detail.price_rows) == len(store.products) > 0
    for row, product in zip(detail.price_rows, store.products, strict=True):
        assert without_joiners(row.name_label.text()) == product.name.get(locale)
        assert row.price_label.text() == price_tag(product.price_won, product.unit, locale)
        if locale == "ko":
            assert row.price_label.text().startswith(f"{product.price_won:,}원")
    assert detail.name_label.name() == store.name.get(locale)


def test_zh_hant_uses_its_own_won_sign(detail: StoreDetailScreen, store: StoreDetail) -> None:
    _switch(detail, "zh_Hant")
    detail.show_store(codes_of(store))
    assert detail.price_rows[0].price_label.text().startswith("￦")


def test_sold_out_is_a_word_not_only_a_colour(
    detail: StoreDetailScreen, store: StoreDetail
) -> None:
    first = dataclasses.replace(store.products[0], sold_out=True)
    sold = dataclasses.replace(store, products=(first, *store.products[1:]))
    _switch(detail, "en")
    detail.show_store(codes_of(sold))
    row = detail.price_rows[0]
    assert row.sold_out
    assert row.sold_out_pill.text() == translate("Sold out", "en")
    assert row.price_label.property("role") == "price-sold-out"
    assert not detail.price_rows[1].sold_out
    assert detail.price_rows[1].price_label.property("role") == "price"


def test_payment_marks_name_each_method(detail: StoreDetailScreen, store: StoreDetail) -> None:
    _switch(detail, "en")
    detail.show_store(codes_of(store))
    marks = {m.method: m.text_label.text() for m in detail.findChildren(PayMark)}
    assert set(marks) == set(store.payment_methods)
    for method in store.payment_methods:
        assert marks[method] == translate(PAGE_PAYMENT_LABELS[method], "en")


def test_a_store_without_goods_says_so(detail: StoreDetailScreen, store: StoreDetail) -> None:
    _switch(detail, "en")
    detail.show_store(codes_of(dataclasses.replace(store, products=(), payment_methods=())))
    texts = [label.text() for label in detail.findChildren(QLabel) if label.isVisibleTo(detail)]
    assert translate("This store has not listed its goods yet.", "en") in texts
    assert translate("Ask at the stall.", "en") in texts
    assert detail.price_rows == []


def test_side_column_takes_no_room_until_a_card_is_added(
    detail: StoreDetailScreen, store: StoreDetail
) -> None:
    no_codes = dataclasses.replace(store, kakao_channel_id=None, payment_qr_payload=None)
    detail.show_store(codes_of(no_codes))
    assert not detail.side_panel.isVisible()
    card = QLabel("QR")
    detail.add_side_card(card)
    assert detail.side_panel.isVisible()
    assert card.isVisible()


def test_store_shown_signal_carries_the_store(
    qtbot: QtBot, detail: StoreDetailScreen, store: StoreDetail
) -> None:
    with qtbot.waitSignal(detail.store_shown) as blocker:
        detail.show_store(codes_of(store))
    assert blocker.args == [store]
    with qtbot.waitSignal(detail.back_requested):
        qtbot.mouseClick(detail.back_button, Qt.MouseButton.LeftButton)


def test_a_language_switch_relabels_the_page_in_place(qtbot: QtBot, store: StoreDetail) -> None:
    """Same parts in the new language: the same widgets, new texts (no rebuild)."""
    set_locale("ja")
    detail = StoreDetailScreen()
    qtbot.add_widget(detail)
    detail.show_store(codes_of(store))
    rows = list(detail.price_rows)
    set_locale("zh_Hant")
    detail.retranslate()
    assert detail.price_rows == rows  # not rebuilt
    for row, product in zip(rows, store.products, strict=True):
        assert without_joiners(row.name_label.text()) == product.name.get("zh_Hant")
        assert row.price_label.text().startswith(format_price(product.price_won, "zh_Hant"))
    assert detail.name_label.name() == store.name.get("zh_Hant")
    labels = {label.text() for label in detail.findChildren(QLabel)}
    assert translate("Goods and prices", "zh_Hant") in labels
    assert translate("Ways to pay", "zh_Hant") in labels


def test_reference_prices_in_the_tourists_currency_with_the_rate_date(
    detail: StoreDetailScreen, store: StoreDetail
) -> None:
    from datetime import timedelta
    from decimal import Decimal

    from kiosk.domain.currency import ExchangeRate, RateCard, seoul_today

    today = seoul_today()
    card = RateCard((ExchangeRate("JPY", Decimal("9.05"), today - timedelta(days=3)),))
    _switch(detail, "ja")
    detail.set_rate_card(card)
    detail.show_store(codes_of(store))
    shown = [row for row in detail.price_rows if not row.sold_out]
    assert shown and all(row.reference_label.isVisibleTo(detail) for row in shown)
    first = shown[0].reference_label.text()
    assert first.startswith("約￥") and "のレート）" in first
    _switch(detail, "ko")  # no reference price for Korean readers
    detail.retranslate()
    assert not any(row.reference_label.isVisibleTo(detail) for row in detail.price_rows)
    old = RateCard(card.rates, max_age_days=1)  # too old: hidden
    _switch(detail, "ja")
    detail.set_rate_card(old)
    detail.show_store(codes_of(store))
    assert not any(row.reference_label.isVisibleTo(detail) for row in detail.price_rows)
