"""The tourist screens at 1366x768, 1920x1080 and 1080x1920: whole cards counted, the store
page's goods, ways to pay and both codes in view without scrolling, no name cut."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget
from ui_helpers import codes_of

from kiosk.domain.listing import ProductInfo, StoreDetail
from kiosk.domain.locales import LOCALES, LocaleCode
from kiosk.domain.text import LocalizedText
from kiosk.qa.tour import showcase_store
from kiosk.services.app import Services
from kiosk.ui import ops
from kiosk.ui.shell import Shell
from kiosk.ui.tourist.flow import DETAIL, TouristFlow
from kiosk.ui.tourist.store_about import PayMark
from kiosk.ui.tourist.store_detail import Shape

#: (width, height, whole cards the directory must show at once)
SIZES = [(1366, 768, 8), (1920, 1080, 12), (1080, 1920, 10)]
SHAPES = {(1366, 768): Shape.COMPACT, (1920, 1080): Shape.WIDE, (1080, 1920): Shape.PORTRAIT}


def _arrange(window: Shell, width: int, height: int, locale: LocaleCode) -> None:
    window.resize(width, height)
    window.set_locale(locale)
    assert ops.wait_idle()
    for _round in range(3):
        QApplication.processEvents()


def _in_view(widget: QWidget, area: QWidget) -> bool:
    """*widget* lies wholly inside *area*'s rectangle (and is shown)."""
    top_left = widget.mapTo(area, QPoint(0, 0))
    return widget.isVisible() and area.rect().contains(QRect(top_left, widget.size()))


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("locale", ["ko", "ja", "en"])
def test_directory_shows_enough_whole_cards(
    window: Shell, flow: TouristFlow, size: tuple[int, int, int], locale: LocaleCode
) -> None:
    width, height, least = size
    flow.directory.select_market("dongmun")
    _arrange(window, width, height, locale)
    grid = flow.directory.grid
    assert window.size().width() == width and window.size().height() == height
    assert _in_view(grid, window)
    whole = grid.fully_visible_rows()
    assert len(whole) >= least, (len(whole), width, height)
    assert whole[: len(whole)] == list(range(len(whole)))  # from the first card on


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    "shown", [(slug, locale) for slug in ("dongmun", "bansong") for locale in LOCALES]
)
def test_store_page_shows_goods_payments_and_both_codes_without_scrolling(
    window: Shell,
    flow: TouristFlow,
    services: Services,
    size: tuple[int, int, int],
    shown: tuple[str, LocaleCode],
) -> None:
    (width, height, _least), (slug, locale) = size, shown
    store_id = showcase_store(services, slug, codes=True)  # most goods among stores with codes
    assert store_id is not None
    store = services.directory.get_store(store_id=store_id)
    assert len(store.products) >= 6
    _arrange(window, width, height, locale)
    flow.open_store(store_id)
    assert ops.wait_idle()
    _arrange(window, width, height, locale)
    assert window.current_screen_name() == DETAIL
    detail = flow.detail
    assert detail.layout_shape() is SHAPES[(width, height)]
    view = detail.scroll_area.viewport()
    assert detail.scroll_area.verticalScrollBar().value() == 0
    for card in (detail.qr_panel.kakao_card, detail.qr_panel.payment_card):
        assert card.verified() is not None
        assert _in_view(card.image_label, window) and _in_view(card.image_label, view)
        assert _in_view(card.caption_label, view)
        assert not card.badge.isVisible()  # no "verified" badge for tourists
    rows = detail.price_rows
    assert len(rows) == len(store.products)
    for row in rows:
        assert _in_view(row, view), row.name_label.text()
        assert not row.name_label.is_elided(), row.name_label.text()
    marks = detail.findChildren(PayMark)
    assert {mark.method for mark in marks} == set(store.payment_methods)
    for mark in marks:
        assert _in_view(mark, view), mark.text_label.text()
    assert _in_view(detail.name_label, window)


def _eight_goods(store: StoreDetail) -> StoreDetail:
    """*store* with eight goods, the longest demo names among them (a full typical page)."""
    names = [
        ("노지 감귤 (로얄과)", "Open-field tangerines, royal size", "露地ミカン（ロイヤルサイズ）"),
        ("찹쌀 오메기떡 (10개)", "Glutinous omegi rice cakes, ten", "もち米のオメギ餅（10個）"),
        ("한라봉", "Hallabong", "ハルラボン"),
        ("천혜향", "Cheonhyehyang", "チョネヒャン（天恵香）"),
        ("레드향", "Redhyang", "レッドヒャン"),
        ("감귤 주스 (1L)", "Tangerine juice, one litre", "ミカンジュース（1L）"),
        ("흑돼지 꼬치", "Black pork skewer", "黒豚串"),
        ("택배비 (국내)", "Shipping within Korea", "韓国国内の宅配料"),
    ]
    goods = tuple(
        ProductInfo(
            id=number,
            name=LocalizedText({"ko": ko, "en": en, "ja": ja}),
            price_won=15_000 + 1_000 * number,
            unit="5kg 박스",
            sold_out=number == 4,
        )
        for number, (ko, en, ja) in enumerate(names, start=1)
    )
    return dataclasses.replace(store, products=goods)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("locale", ["ko", "en", "ja"])
def test_eight_goods_and_both_codes_fit_without_scrolling(
    window: Shell,
    flow: TouristFlow,
    services: Services,
    size: tuple[int, int, int],
    locale: LocaleCode,
) -> None:
    width, height, _least = size
    store_id = showcase_store(services, "dongmun", codes=True)
    assert store_id is not None
    store = _eight_goods(services.directory.get_store(store_id=store_id))
    _arrange(window, width, height, locale)
    flow.detail.show_store(codes_of(store))
    window.show_screen(DETAIL)
    _arrange(window, width, height, locale)
    detail = flow.detail
    view = detail.scroll_area.viewport()
    assert len(detail.price_rows) == 8
    for row in detail.price_rows:
        assert _in_view(row, view), row.name_label.text()
        assert not row.name_label.is_elided(), row.name_label.text()
    for card in (detail.qr_panel.kakao_card, detail.qr_panel.payment_card):
        assert _in_view(card.image_label, view) and _in_view(card.caption_label, view)
    for mark in detail.findChildren(PayMark):
        assert _in_view(mark, view), mark.text_label.text()
