"""The store page at 1366x768, 1920x1080 and 1080x1920: the facts, ways to pay, goods, codes and
"find us online" of the fullest demo stores in view without scrolling, no text cut."""

from __future__ import annotations

import dataclasses
import random

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel, QWidget
from test_store_page_codes import PAGE, RATES
from test_tourist_sizes import SIZES, _arrange, _in_view

from kiosk.domain.listing import ProductInfo, StoreDetail
from kiosk.domain.locales import LocaleCode
from kiosk.domain.text import LocalizedText
from kiosk.services.app import Services
from kiosk.services.qr.store_codes import StoreCodes, verified_store_codes
from kiosk.ui.shell import Shell
from kiosk.ui.tourist.flow import DETAIL, TouristFlow
from kiosk.ui.tourist.store_about import PayMark
from kiosk.ui.tourist.store_detail import QR_SIDES, StoreDetailScreen
from kiosk.ui.tourist.store_fit import Arrangement, Score, Shape, Slot, arrangements, choose

#: The demo stores with the most to show: three codes and three profiles (A-1, B-4), eight
#: ways to pay (A-1), a long description (B-4, B-2), seven goods (bansong B-7).
FULLEST = [("dongmun", "A-1"), ("dongmun", "B-4"), ("dongmun", "B-2"), ("bansong", "B-7")]


#: Where at 1366x768 "find us online" is in view as well (바람결 오메기떡 in Korean: the defect).
FIT_AT_1366 = {("dongmun", "B-4", "ko"), ("dongmun", "B-2", "ko"), ("bansong", "B-7", "ko")}


def _store(services: Services, market: str, stall: str) -> StoreDetail:
    for summary in services.directory.list_stores(market_slug=market):
        if summary.stall_number == stall:
            return services.directory.get_store(store_id=summary.id)
    raise LookupError(stall)


def _all_codes(services: Services, store: StoreDetail) -> StoreCodes:
    """Its codes as the flow builds them once the market has a website, its profiles too."""
    links = services.onboarding.store_profile_links(store_id=store.id)
    return verified_store_codes(store, sides=QR_SIDES, profiles=links, page_url=PAGE)


def _show(window: Shell, flow: TouristFlow, codes: StoreCodes, size: tuple[int, int]) -> None:
    flow.detail.set_rate_card(RATES)  # reference prices: taller goods rows
    flow.detail.show_store(codes)
    window.show_screen(DETAIL)
    _arrange(window, *size, "ko")


def _bottom(widget: QWidget, view: QWidget) -> int:
    return widget.mapTo(view, QPoint(0, widget.height())).y()


def cut_texts(page: QWidget) -> list[str]:
    """Shown labels whose text does not fit their box: wrapped ones too short for their
    lines or narrower than a word (Korean and English words do not break), one-line ones
    too narrow, product names elided."""
    cut = []
    for label in page.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        elided = getattr(label, "is_elided", None)
        if elided is not None:
            if elided():
                cut.append(label.text())
        elif label.wordWrap():  # too short for its lines, or a word wider than the line
            metrics, width = label.fontMetrics(), label.contentsRect().width()
            words = max(metrics.horizontalAdvance(word) for word in label.text().split())
            if label.height() < label.heightForWidth(label.width()) or words > width:
                cut.append(label.text())
        elif label.width() < label.sizeHint().width():
            cut.append(label.text())
    return cut


def _assert_all_in_view(detail: StoreDetailScreen, where: object, *, profiles: bool) -> None:
    """Facts, ways to pay, goods and codes in view, no text cut; "find us online" too when
    *profiles*."""
    view = detail.scroll_area.viewport()
    fold = view.height()
    assert detail.scroll_area.verticalScrollBar().value() == 0
    facts = detail._places.facts_end()
    assert _bottom(facts, view) <= fold, (where, "facts", _bottom(facts, view), fold)
    for mark in detail.findChildren(PayMark):
        if not mark.isVisibleTo(detail):
            continue  # the previous language's, deleted with the next event loop
        assert _in_view(mark, view), (where, mark.text_label.text())
    for row in detail.price_rows:
        assert _in_view(row, view), (where, row.name_label.text())
    for card in detail.qr_panel.cards():
        if card.verified() is not None:
            assert _in_view(card.image_label, view), (where, card.objectName())
            assert _in_view(card.caption_label, view), (where, card.objectName())
    for card in detail.profiles_panel.cards if profiles else ():
        assert _in_view(card.image_label, view), (where, card.caption_label.text())
        assert _in_view(card.caption_label, view), (where, card.caption_label.text())
    assert cut_texts(detail) == [], where


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("stall", FULLEST)
def test_the_fullest_demo_stores_show_all_that_is_needed_without_scrolling(
    window: Shell,
    flow: TouristFlow,
    services: Services,
    size: tuple[int, int, int],
    stall: tuple[str, str],
) -> None:
    width, height, _least = size
    store = _store(services, *stall)
    codes = _all_codes(services, store)
    if stall in {("dongmun", "A-1"), ("dongmun", "B-4")}:
        assert len(codes.profiles) == 3 and all(codes.page.values())
    _show(window, flow, codes, (width, height))
    locales: tuple[LocaleCode, ...] = ("ko", "en")
    for locale in locales:
        _arrange(window, width, height, locale)
        # At 1366x768 three codes, six to eight ways to pay and reference prices under each
        # good fill the view: there "find us online" may have to be scrolled to.
        dense = (width, height) == (1366, 768) and (*stall, locale) not in FIT_AT_1366
        where = (stall, width, height, locale)
        _assert_all_in_view(flow.detail, where, profiles=not dense)


def test_at_1366x768_in_korean_the_facts_make_room_by_moving_the_description(
    window: Shell, flow: TouristFlow, services: Services
) -> None:
    """The defect: 바람결 오메기떡's facts card ran past the fold; the description moves out."""
    store = _store(services, "dongmun", "B-4")
    assert store.description.get("ko")
    _show(window, flow, _all_codes(services, store), (1366, 768))
    detail = flow.detail
    _profiles, story, _width, _first = detail.arrangement()
    assert story is not Slot.ABOUT
    view = detail.scroll_area.viewport()
    assert _bottom(detail._about_card, view) <= view.height()
    description = detail.findChild(QLabel, "store-description")
    assert description is not None and description.isVisible()
    assert cut_texts(detail) == []


def _many_goods(store: StoreDetail, count: int) -> StoreDetail:
    goods = tuple(
        ProductInfo(
            id=number,
            name=LocalizedText({"ko": f"상품 {number}", "en": f"Good number {number}"}),
            price_won=1_000 * number,
            unit="개",
        )
        for number in range(1, count + 1)
    )
    return dataclasses.replace(store, products=goods)


@pytest.mark.parametrize("size", SIZES)
def test_a_store_with_many_goods_scrolls_its_goods_but_keeps_facts_and_codes_in_view(
    window: Shell, flow: TouristFlow, services: Services, size: tuple[int, int, int]
) -> None:
    width, height, _least = size
    store = _many_goods(_store(services, "dongmun", "A-1"), 24)
    _show(window, flow, _all_codes(services, store), (width, height))
    _arrange(window, width, height, "en")
    detail = flow.detail
    view = detail.scroll_area.viewport()
    assert detail.scroll_area.verticalScrollBar().maximum() > 0  # the goods go on below
    for card in detail.qr_panel.cards():
        assert _in_view(card.image_label, view), (size, card.objectName())
    assert _bottom(detail._places.facts_end(), view) <= view.height()
    if height > width:  # portrait: the codes come before the long list of goods
        assert detail.arrangement()[3] is True
        body = detail.scroll_area.widget()
        goods_top = detail._goods_card.mapTo(body, QPoint(0, 0)).y()
        assert detail.side_panel.geometry().bottom() < goods_top
    assert cut_texts(detail) == []


@pytest.mark.parametrize("size", SIZES)
def test_profile_captions_stand_right_under_their_codes_from_one_left_edge(
    window: Shell, flow: TouristFlow, services: Services, size: tuple[int, int, int]
) -> None:
    """The defect: in a row, a one-line caption ("Instagram") sat lower than a two-line one
    and far below its code; the codes were centred, the captions not."""
    store = _store(services, "dongmun", "A-1")
    _show(window, flow, _all_codes(services, store), size[:2])
    _arrange(window, size[0], size[1], "en")
    cards = flow.detail.profiles_panel.cards
    assert [card.caption_label.text() for card in cards][1] == "Instagram"
    sides = {card.image_label.pixmap().size().toTuple() for card in cards}
    assert len(sides) == 1
    for card in cards:
        image, caption = card.image_label.geometry(), card.caption_label.geometry()
        assert image.left() == caption.left(), card.caption_label.text()
        assert 0 <= caption.top() - image.bottom() <= 24, card.caption_label.text()
        side = card.image_label.pixmap().width() / card.image_label.pixmap().devicePixelRatio()
        assert image.width() == round(side)  # no empty band beside or under the code


def test_choose_takes_the_first_arrangement_that_fits_else_the_least_cut() -> None:
    options = arrangements(Shape.COMPACT, profiles=True, story=True)
    assert options[0] == (Slot.CODES, Slot.ABOUT, 300, False)
    assert len(options) == len(set(options)) == 3 * 3 * 2
    applied: list[object] = []

    def fits_under_goods(option: Arrangement) -> Score:
        applied.append(option)
        place, story, _width, _first = option
        return (0, 0, 0, 0 if place is Slot.MIDDLE else 90, 0 if story is Slot.END else 40)

    assert choose(options, fits_under_goods) == (Slot.MIDDLE, Slot.END, 300, False)
    assert len(applied) <= 1 + 3 * 2 + 3  # two steps, not every combination

    def never_fits(option: Arrangement) -> Score:
        applied.append(option)
        place, _story, width, _first = option
        return (0, 0, 10 if width == 300 else 5, 50 if place is Slot.LEFT else 60, 7)

    applied.clear()
    best = choose(options, never_fits)
    assert best[0] is Slot.LEFT and best[2] == 400
    assert applied[-1] == best  # the page is left arranged as chosen
    with pytest.raises(ValueError, match="no arrangement"):
        choose([], never_fits)


def test_choose_stops_at_the_first_that_fits_and_chooses_as_before() -> None:
    options = arrangements(Shape.COMPACT, profiles=True, story=True)
    applied: list[Arrangement] = []

    def fits_under_goods(option: Arrangement) -> Score:
        applied.append(option)
        place, story, _width, _first = option
        return (0, 0, 0, 0 if place is Slot.MIDDLE else 90, 0 if story is Slot.END else 40)

    assert choose(options, fits_under_goods) == (Slot.MIDDLE, Slot.END, 300, False)
    middle, end = Slot.MIDDLE, Slot.END
    assert applied == [
        options[0],
        (Slot.CODES, end, 300, False),
        (middle, end, 300, False),  # fits: no later profiles' place or width is tried
        (middle, Slot.ABOUT, 300, False),
        (middle, middle, 300, False),
    ]

    def every_first(score: dict[Arrangement, Score]) -> Arrangement:
        """The choice when the first step tries all its arrangements (as before)."""
        if score[options[0]] == (0, 0, 0, 0, 0):
            return options[0]
        tried = [options[0]]
        firsts = [option for option in options if option[1] is options[-1][1]]
        tried += firsts
        frame = min(firsts, key=lambda o: (score[o][:4], options.index(o)))
        for option in options:
            if option[0] is frame[0] and option[2:] == frame[2:]:
                tried.append(option)
                if score[option] == (0, 0, 0, 0, 0):
                    return option
        return min(tried, key=lambda o: (score[o], options.index(o)))

    chance = random.Random(24)
    for _ in range(500):
        scores: dict[Arrangement, Score] = {}
        for option in options:
            a, b, c, d, e = (chance.choice((0, 0, 0, 0, 5, 9)) for _ in range(5))
            scores[option] = (a, b, c, d, e)
        assert choose(options, scores.__getitem__) == every_first(scores)
