"""Store detail for tourists: localized units, wrapped names, verified QR codes per store."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtGui import QFont, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from ui_helpers import codes_of

from kiosk.domain.listing import ProductInfo, StoreDetail
from kiosk.domain.locales import LocaleCode
from kiosk.domain.open_now import OpenKind, OpenState
from kiosk.domain.payments import PaymentMethod
from kiosk.domain.qr.kakao import channel_url
from kiosk.domain.text import LocalizedText, keep_together, without_joiners
from kiosk.domain.units import GEUN_NOTE
from kiosk.i18n import set_locale, translate
from kiosk.render.verify import decode_qimage
from kiosk.services.app import Services
from kiosk.ui.tourist.qr_panel import NARROW_SIDE, WIDE_SIDE
from kiosk.ui.tourist.store_detail import StoreDetailScreen
from kiosk.ui.widgets.open_text import open_text, open_text_parts, wrapped_open_text


def _switch(detail: StoreDetailScreen, locale: LocaleCode) -> None:
    set_locale(locale)
    detail.retranslate()


def _settle(qtbot: QtBot) -> None:
    QApplication.processEvents()
    qtbot.wait(1)  # let the layout run once more after processed resizes


def _store(services: Services, market: str, stall: str) -> StoreDetail:
    for summary in services.directory.list_stores(market_slug=market):
        if summary.stall_number == stall:
            return services.directory.get_store(store_id=summary.id)
    raise LookupError(stall)


@pytest.fixture
def wide(qtbot: QtBot) -> StoreDetailScreen:
    screen = StoreDetailScreen()
    qtbot.add_widget(screen)
    screen.resize(1920, 1000)
    screen.show()
    qtbot.wait_exposed(screen)
    return screen


@pytest.fixture
def orchard(services: Services) -> StoreDetail:
    """동문 A-1: six goods, KakaoTalk channel and a (DEMO) Zero Pay payload."""
    store = _store(services, "dongmun", "A-1")
    assert store.kakao_channel_id and store.payment_qr_payload
    return store


@pytest.fixture
def plain(services: Services) -> StoreDetail:
    """반송 B-1: no QR code at all."""
    store = _store(services, "bansong", "B-1")
    assert not store.kakao_channel_id and not store.payment_qr_payload
    return store


def test_both_codes_are_shown_verified_with_their_exact_text(
    wide: StoreDetailScreen, orchard: StoreDetail
) -> None:
    _switch(wide, "en")
    wide.show_store(codes_of(orchard))
    panel = wide.qr_panel
    assert wide.side_panel.isVisible() and panel.isVisible()
    kakao = panel.kakao_card.verified()
    payment = panel.payment_card.verified()
    assert kakao is not None and payment is not None
    assert orchard.kakao_channel_id is not None
    assert kakao.text == channel_url(orchard.kakao_channel_id, "friend")
    assert payment.text == orchard.payment_qr_payload
    for card, verified in ((panel.kakao_card, kakao), (panel.payment_card, payment)):
        shown = card.image_label.pixmap().toImage()  # decode what is on screen, again
        assert [d.text for d in decode_qimage(shown)] == [verified.text]
    assert panel.kakao_card.caption_label.text() == "Follow this shop on KakaoTalk"
    assert PaymentMethod.ALIPAY_PLUS in orchard.payment_methods
    assert panel.payment_card.caption_label.text() == (
        "Pay this stall with Zero Pay / Alipay+ — scan at the stall"
    )
    assert not panel.kakao_card.badge.isVisible()  # verified, but no badge for tourists


def test_codes_stand_one_above_the_other_in_landscape_big_at_1920_smaller_at_1366(
    qtbot: QtBot, wide: StoreDetailScreen, orchard: StoreDetail
) -> None:
    wide.show_store(codes_of(orchard))
    _settle(qtbot)
    panel = wide.qr_panel
    assert panel.is_stacked() and panel.parentWidget() is wide.side_panel
    for card in (panel.kakao_card, panel.payment_card):
        side = card.image_label.pixmap().width()
        assert 180 <= side <= WIDE_SIDE, side
        # the caption beside the code, not under it
        assert card.caption_label.geometry().left() > card.image_label.geometry().right()
    kakao, payment = panel.kakao_card, panel.payment_card
    assert payment.geometry().top() > kakao.geometry().bottom()
    wide.resize(1366, 700)
    _settle(qtbot)
    kakao, payment = panel.kakao_card, panel.payment_card
    assert panel.is_stacked() and panel.parentWidget() is wide.side_panel
    assert panel.isVisible() and wide.side_panel.isVisible()
    assert payment.geometry().top() > kakao.geometry().bottom()
    for card in (kakao, payment):
        assert card.verified() is not None
        assert 120 <= card.image_label.pixmap().width() <= NARROW_SIDE
        assert card.geometry().right() <= panel.contentsRect().right()
    wide.resize(1080, 1900)  # portrait: the codes in a row under the goods
    _settle(qtbot)
    kakao, payment = panel.kakao_card, panel.payment_card
    assert not panel.is_stacked()
    assert kakao.geometry().top() == payment.geometry().top()
    assert payment.geometry().left() > kakao.geometry().right()


def test_another_store_never_keeps_the_previous_codes(
    wide: StoreDetailScreen, orchard: StoreDetail, plain: StoreDetail
) -> None:
    wide.show_store(codes_of(orchard))
    assert wide.qr_panel.kakao_card.verified() is not None
    wide.show_store(codes_of(plain))
    assert wide.qr_panel.kakao_card.verified() is None
    assert wide.qr_panel.payment_card.verified() is None
    assert not wide.qr_panel.isVisible() and not wide.side_panel.isVisible()
    only_kakao = dataclasses.replace(orchard, payment_qr_payload=None)
    wide.show_store(codes_of(only_kakao))
    assert wide.qr_panel.kakao_card.isVisible()
    assert not wide.qr_panel.payment_card.isVisible()
    assert wide.qr_panel.payment_card.verified() is None


def test_a_bad_stored_channel_id_shows_no_code_rather_than_a_broken_one(
    wide: StoreDetailScreen, orchard: StoreDetail
) -> None:
    broken = dataclasses.replace(orchard, kakao_channel_id="no-underscore", payment_qr_payload="")
    wide.show_store(codes_of(broken))
    assert wide.qr_panel.kakao_card.verified() is None
    assert not wide.qr_panel.isVisible() and not wide.side_panel.isVisible()


def test_captions_follow_the_language(wide: StoreDetailScreen, orchard: StoreDetail) -> None:
    _switch(wide, "en")
    wide.show_store(codes_of(orchard))
    _switch(wide, "ja")
    card = wide.qr_panel.payment_card
    assert card.caption_label.text() == translate(
        "Pay this stall with Zero Pay / Alipay+ — scan at the stall", "ja"
    )
    assert wide.qr_panel.title_label.text() == translate("Scan with your phone", "ja")
    without_alipay = dataclasses.replace(orchard, payment_methods=(PaymentMethod.ZEROPAY,))
    wide.show_store(codes_of(without_alipay))
    assert card.caption_label.text() == translate(
        "Pay this stall with Zero Pay — scan at the stall", "ja"
    )


def _product(name: str, unit: str) -> ProductInfo:
    return ProductInfo(
        id=1, name=LocalizedText({"ko": name, "en": name}), price_won=30_000, unit=unit
    )


def test_geun_gets_one_footnote_for_tourists_only(
    wide: StoreDetailScreen, orchard: StoreDetail
) -> None:
    meat = dataclasses.replace(
        orchard, products=(_product("삼겹살", "근"), _product("목살", "근"), _product("귤", "kg"))
    )
    _switch(wide, "en")
    wide.show_store(codes_of(meat))
    texts = [lb.text() for lb in wide.findChildren(QLabel) if lb.isVisibleTo(wide)]
    assert texts.count(GEUN_NOTE["en"]) == 1
    assert wide.price_rows[0].price_label.text() == "₩30,000 / geun"
    _switch(wide, "ko")
    texts = [lb.text() for lb in wide.findChildren(QLabel) if lb.isVisibleTo(wide)]
    assert not any("600" in text for text in texts)
    assert wide.price_rows[0].price_label.text().endswith("/ 근")


def test_long_names_wrap_to_three_lines_then_elide_and_prices_stay_whole(
    qtbot: QtBot, services: Services, orchard: StoreDetail
) -> None:
    set_locale("en")
    screen = StoreDetailScreen()
    qtbot.add_widget(screen)
    screen.resize(1366, 700)
    screen.show()
    qtbot.wait_exposed(screen)
    long_name = "Open-field tangerines, royal size, hand-picked this morning in Aewol " * 2
    goods = (_product("귤", "10kg 박스"), _product(long_name, "5kg 박스"))
    goods = (
        dataclasses.replace(
            goods[0], name=LocalizedText({"ko": "귤", "en": "Open-field tangerines"})
        ),
        goods[1],
    )
    _switch(screen, "en")
    screen.show_store(codes_of(dataclasses.replace(orchard, products=goods)))
    _settle(qtbot)
    short, long = screen.price_rows
    assert short.name_label.shown_lines() == ["Open-field tangerines"]
    lines = long.name_label.shown_lines()
    assert len(lines) == 3 and lines[-1].endswith("…") and long.name_label.is_elided()
    assert long.name_label.height() >= 3 * long.name_label.fontMetrics().height()
    assert short.name_label.height() < 2 * short.name_label.fontMetrics().height()
    for row in (short, long):
        price = row.price_label
        assert price.width() >= price.sizeHint().width()
        assert price.geometry().right() <= row.contentsRect().right()
        assert price.text().endswith("kg box")


def test_good_names_wrap_only_between_words_like_store_names(
    wide: StoreDetailScreen, orchard: StoreDetail
) -> None:
    words = ["済州島産", "ミカン色農園の", "温州みかん"]
    good = dataclasses.replace(
        _product("제주 귤", "kg"), name=LocalizedText({"ko": "제주 귤", "ja": " ".join(words)})
    )
    _switch(wide, "ja")
    wide.show_store(codes_of(dataclasses.replace(orchard, products=(good,))))
    label = wide.price_rows[0].name_label
    assert label.text() == keep_together(" ".join(words))
    longest = max(label.fontMetrics().horizontalAdvance(word) for word in words)
    for width in (longest + 4, longest * 3 // 2, longest * 2):
        lines = [without_joiners(line).strip() for line in label.shown_lines(width)]
        assert all(line and set(line.split(" ")) <= set(words) for line in lines), (width, lines)
    narrow = label.fontMetrics().horizontalAdvance("チョネヒャン（天恵香") + 1
    whole = "チョネヒャン（天恵香）"  # one word wider than the line: it must break somewhere
    lines = label._wrap(keep_together(whole), label.font(), narrow)
    assert without_joiners("".join(lines)) == whole and len(lines) == 2
    assert not lines[1].startswith("）"), lines  # where Japanese allows, not before a bracket
    _switch(wide, "ko")  # a language switch relabels with the same care
    _switch(wide, "ja")
    assert wide.price_rows[0].name_label.text() == keep_together(" ".join(words))


def _line_starts(text: str, font: QFont, width: int) -> list[str]:
    """Where Qt starts each line of *text* wrapped at *width* px (the first characters)."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)  # as a QLabel wraps
    layout.setTextOption(option)
    layout.beginLayout()
    starts = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        starts.append(text[line.textStart() : line.textStart() + line.textLength()])
    layout.endLayout()
    return starts


@pytest.mark.parametrize("locale", ["ja", "ko", "en", "zh_Hans", "zh_Hant"])
@pytest.mark.parametrize(
    "state",
    [
        OpenState(OpenKind.OPEN, closes_at=1260),
        OpenState(OpenKind.CLOSED, opens_at=480, opens_in_days=1, opens_weekday=3),
        OpenState(OpenKind.HOLIDAY, opens_at=360, opens_in_days=2, opens_weekday=1),
    ],
)
def test_the_open_now_line_wraps_only_between_its_parts(
    qtbot: QtBot, state: OpenState, locale: LocaleCode
) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    text = wrapped_open_text(state, locale)
    assert without_joiners(text).replace("\u00a0", " ") == open_text(state, locale)
    parts = open_text_parts(state, locale)
    for width in range(40, 400, 7):  # 営業中・21:00ま|で was the defect
        lines = [
            without_joiners(line).replace("\u00a0", " ").strip()
            for line in _line_starts(text, label.font(), width)
        ]
        assert lines in ([" · ".join(parts)], [parts[0] + " ·", *parts[1:]]), (width, lines)
