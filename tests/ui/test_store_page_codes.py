"""The store page's third code, the stall's page on the market's website: decoded back to its
address, captioned in plain words, in view with 8 goods at every size, absent without a site."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QScrollBar
from test_tourist_sizes import SIZES, _arrange, _eight_goods, _in_view

from kiosk.domain.currency import ExchangeRate, RateCard, seoul_today
from kiosk.domain.listing import StoreDetail
from kiosk.domain.locales import LOCALES, LocaleCode
from kiosk.domain.onboarding.profile_links import ProfileKind, ProfileLink
from kiosk.domain.qr.symbols import QrSpec, build_matrix
from kiosk.i18n import translate
from kiosk.qa.tour import showcase_store
from kiosk.render.verify import decode_qimage
from kiosk.services.app import Services
from kiosk.services.qr.store_codes import PROFILE_SIDE, StoreCodes, verified_store_codes
from kiosk.ui.shell import Shell
from kiosk.ui.tourist.flow import DETAIL, TouristFlow
from kiosk.ui.tourist.store_about import PayMark
from kiosk.ui.tourist.store_detail import QR_SIDES

PAGE = "https://market.example.kr/dongmun/d/a-1/"
CAPTION = "Open this stall's page on your phone"


def _codes(store: StoreDetail, page_url: str = PAGE) -> StoreCodes:
    """What the tourist flow hands the page once the market has a website."""
    return verified_store_codes(store, sides=QR_SIDES, page_url=page_url)


def _orchard(services: Services) -> StoreDetail:
    store_id = showcase_store(services, "dongmun", codes=True)
    assert store_id is not None
    return services.directory.get_store(store_id=store_id)


#: Rates of today for every tourist currency: each good gets its "about ..." line too.
RATES = RateCard(
    tuple(
        ExchangeRate(currency, Decimal(rate), seoul_today())
        for currency, rate in (("JPY", "9.05"), ("CNY", "192.4"), ("TWD", "43.1"), ("USD", "1385"))
    )
)


def _show(window: Shell, flow: TouristFlow, codes: StoreCodes, size: tuple[int, int]) -> None:
    width, height = size
    flow.detail.set_rate_card(RATES)
    flow.detail.show_store(codes)
    window.show_screen(DETAIL)
    _arrange(window, width, height, "ko")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("locale", ["ko", "ja", "en"])
def test_three_codes_ways_to_pay_and_eight_goods_are_in_view_without_scrolling(
    window: Shell,
    flow: TouristFlow,
    services: Services,
    size: tuple[int, int, int],
    locale: LocaleCode,
) -> None:
    width, height, _least = size
    store = _eight_goods(_orchard(services))
    _show(window, flow, _codes(store), (width, height))
    _arrange(window, width, height, locale)
    detail = flow.detail
    view = detail.scroll_area.viewport()
    assert detail.scroll_area.verticalScrollBar().value() == 0
    cards = detail.qr_panel.cards()
    for card in cards:
        assert card.verified() is not None
        assert _in_view(card.image_label, view), (card.objectName(), width, height)
        assert _in_view(card.caption_label, view), (card.objectName(), width, height)
        assert _in_view(card.image_label, window)
        assert not card.badge.isVisible()  # no "verified" badge for tourists
    marks = detail.findChildren(PayMark)
    assert {mark.method for mark in marks} == set(store.payment_methods)
    for mark in marks:
        assert _in_view(mark, view), (mark.text_label.text(), width, height)
    assert len(detail.price_rows) == 8
    if locale != "ko":  # the reference prices make the rows taller
        assert detail.price_rows[0].reference_label.isVisible()
    for row in detail.price_rows:
        assert _in_view(row, view), (row.name_label.text(), width, height)
        assert not row.name_label.is_elided(), row.name_label.text()


@pytest.mark.parametrize("size", SIZES)
def test_the_scroll_bar_is_a_48_px_touch_target(
    window: Shell, flow: TouristFlow, services: Services, size: tuple[int, int, int]
) -> None:
    width, height, _least = size
    _show(window, flow, _codes(_eight_goods(_orchard(services))), (width, height))
    bar = flow.detail.scroll_area.verticalScrollBar()
    assert isinstance(bar, QScrollBar)
    assert bar.sizeHint().width() >= 48 or bar.width() >= 48
    if bar.isVisible():
        assert bar.width() >= 48


def test_the_stall_page_code_decodes_to_its_address_at_every_size(
    window: Shell, flow: TouristFlow, services: Services
) -> None:
    codes = _codes(_orchard(services))
    assert set(codes.page) == set(QR_SIDES)
    for verified in codes.page.values():
        assert verified.text == PAGE and verified.ec_level == "M"
        assert not verified.matrix.spec.logo
    for width, height, _least in SIZES:
        _show(window, flow, codes, (width, height))
        card = flow.detail.qr_panel.page_card
        shown = card.image_label.pixmap().toImage()  # what is on screen, decoded again
        assert [found.text for found in decode_qimage(shown)] == [PAGE]


@pytest.mark.parametrize("locale", LOCALES)
def test_the_stall_page_code_says_what_it_does_in_each_language(
    window: Shell, flow: TouristFlow, services: Services, locale: LocaleCode
) -> None:
    _show(window, flow, _codes(_orchard(services)), (1366, 768))
    window.set_locale(locale)
    caption = flow.detail.qr_panel.page_card.caption_label.text()
    assert caption == translate(CAPTION, locale)
    if locale != "en":
        assert caption != CAPTION  # translated, not the English words


def test_no_stall_page_code_without_a_site_and_none_kept_from_the_previous_store(
    window: Shell, flow: TouristFlow, services: Services
) -> None:
    orchard = _orchard(services)
    _show(window, flow, _codes(orchard), (1920, 1080))
    panel = flow.detail.qr_panel
    assert panel.page_card.isVisible()
    _show(window, flow, _codes(orchard, page_url=""), (1920, 1080))
    assert panel.page_card.verified() is None and not panel.page_card.isVisible()
    assert panel.kakao_card.isVisible() and panel.payment_card.isVisible()
    no_codes = dataclasses.replace(orchard, kakao_channel_id=None, payment_qr_payload=None)
    _show(window, flow, _codes(no_codes), (1920, 1080))
    assert panel.isVisible() and panel.page_card.isVisible()  # the site code on its own
    assert not panel.kakao_card.isVisible() and not panel.payment_card.isVisible()


def test_the_demo_markets_have_no_site_so_the_flow_shows_no_stall_page_code(
    window: Shell, flow: TouristFlow, services: Services
) -> None:
    orchard = _orchard(services)
    assert services.directory.get_market(slug="dongmun").site_url == ""
    assert services.directory.stall_page_url(store=orchard) == ""
    flow.open_store(orchard.id)
    _arrange(window, 1366, 768, "ko")
    assert window.current_screen_name() == DETAIL
    assert flow.detail.qr_panel.page_card.verified() is None
    assert not flow.detail.qr_panel.page_card.isVisible()


PROFILES = (
    ProfileLink(ProfileKind.SMART_PLACE, "https://naver.me/tangerine"),
    ProfileLink(ProfileKind.INSTAGRAM, "https://www.instagram.com/tangerine_glow"),
    ProfileLink(ProfileKind.SMART_STORE, "https://smartstore.naver.com/tangerine_glow"),
)


def _with_profiles(store: StoreDetail) -> StoreCodes:
    codes = verified_store_codes(store, sides=QR_SIDES, profiles=PROFILES, page_url=PAGE)
    assert len(codes.profiles) == 3
    return codes


def test_profile_codes_are_drawn_at_one_size_and_each_decodes_to_its_link(
    services: Services,
) -> None:
    codes = _with_profiles(_orchard(services))
    first = build_matrix(QrSpec(PROFILES[0].url, "M")).version
    assert first < max(build_matrix(QrSpec(p.url, "M")).version for p in PROFILES)  # differ
    sizes = {(verified.image.width(), verified.image.height()) for _l, verified in codes.profiles}
    assert len(sizes) == 1 and max(sizes.pop()) <= PROFILE_SIDE
    for link, verified in codes.profiles:
        assert [f.text for f in decode_qimage(verified.image)] == [link.url]


def _must_see_in_view(flow: TouristFlow, size: tuple[int, int]) -> None:
    """The codes to scan and every good in view, no name cut (the profiles never push them)."""
    detail = flow.detail
    view = detail.scroll_area.viewport()
    for card in detail.qr_panel.cards():
        assert _in_view(card.image_label, view), (card.objectName(), size)
    for row in detail.price_rows:
        assert _in_view(row, view), (row.name_label.text(), size)
        assert not row.name_label.is_elided(), row.name_label.text()


@pytest.mark.parametrize("locale", ["ko", "en"])
def test_find_us_online_stands_beside_the_codes_in_view_on_a_wide_screen(
    window: Shell, flow: TouristFlow, services: Services, locale: LocaleCode
) -> None:
    _show(window, flow, _with_profiles(_orchard(services)), (1920, 1080))
    _arrange(window, 1920, 1080, locale)
    detail = flow.detail
    panel = detail.profiles_panel
    assert panel.parentWidget() is not detail.side_panel and len(panel.cards) == 3
    assert len({card.image_label.pixmap().size().toTuple() for card in panel.cards}) == 1
    assert _in_view(panel, detail.scroll_area.viewport()), panel.geometry()
    assert panel.geometry().left() >= detail.side_panel.geometry().right()
    assert detail.scroll_area.verticalScrollBar().maximum() == 0  # nothing to scroll to
    _must_see_in_view(flow, (1920, 1080))


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("locale", ["ko", "en"])
def test_find_us_online_never_pushes_the_goods_or_the_codes_out(
    window: Shell,
    flow: TouristFlow,
    services: Services,
    size: tuple[int, int, int],
    locale: LocaleCode,
) -> None:
    """Eight long goods with reference prices, three codes and three profiles: more than a
    1366x768 or a portrait view holds. The goods and the codes stay in view; "find us
    online" goes where it pushes none out (beside the codes, in view, at 1920x1080)."""
    width, height, _least = size
    _show(window, flow, _with_profiles(_eight_goods(_orchard(services))), (width, height))
    _arrange(window, width, height, locale)
    detail = flow.detail
    panel = detail.profiles_panel
    assert panel.isVisible() and len(panel.cards) == 3
    _must_see_in_view(flow, (width, height))
    if (width, height) == (1920, 1080):
        assert _in_view(panel, detail.scroll_area.viewport()), (size, locale)
