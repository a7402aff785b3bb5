"""The attract loop: slides from data by a fake clock, live updates, faults, touch, images."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date, datetime, time

import pytest
from PIL import Image
from PySide6.QtCore import QEvent, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QMouseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.domain.locales import LOCALES
from kiosk.domain.promotions import MAX_IMAGE_BYTES, PromotionDraft, PromotionKind, TimeWindow
from kiosk.domain.signage.slides import Slide, SlideItem, SlideKind
from kiosk.domain.text import LocalizedText
from kiosk.services.app import Services
from kiosk.ui import ops
from kiosk.ui.shell import Shell
from kiosk.ui.signage.fitted_text import fit_font
from kiosk.ui.signage.loop_screen import AttractLoop
from kiosk.ui.signage.promotion_image import promotion_image
from kiosk.ui.signage.slide_painter import render_slide

#: Saturday 5 December 2026, 19:00 in Seoul: the demo's night market is on.
SATURDAY_EVENING = datetime(2026, 12, 5, 19, 0)


class FakeNow:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


def _png(size: tuple[int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "orange").save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def loop(qtbot: QtBot, own_services: Services) -> Iterator[AttractLoop]:
    made = AttractLoop(own_services, now=FakeNow(SATURDAY_EVENING), animate=False)
    qtbot.add_widget(made)
    made.resize(1920, 1080)
    made.show()
    made.show_market("dongmun")
    assert ops.wait_idle()
    QApplication.processEvents()
    yield made
    made.timer.stop()
    made.retry.stop()


def _kinds_over_a_round(loop: AttractLoop, steps: int = 25) -> set[tuple[SlideKind, str]]:
    seen = set()
    for _ in range(steps):
        slide = loop.current()
        seen.add((slide.kind, slide.locale))
        loop.next_slide()
    return seen


def test_loop_cycles_every_kind_in_every_language(loop: AttractLoop) -> None:
    assert loop.data is not None and loop.market_slug == "dongmun"
    seen = _kinds_over_a_round(loop)
    kinds = {kind for kind, _ in seen}
    assert kinds == set(SlideKind)  # Saturday evening: the night market and the offers show
    assert {locale for _, locale in seen} == set(LOCALES)
    assert len(seen) == 25
    assert loop.timer.isActive()  # the next change is armed; nothing else runs
    assert not loop.canvas.is_fading()


def test_schedule_follows_the_clock_without_reading_again(loop: AttractLoop) -> None:
    now = loop.now
    assert isinstance(now, FakeNow)
    now.at = datetime(2026, 12, 3, 12, 0)  # Thursday noon: no night market
    kinds = {kind for kind, _ in _kinds_over_a_round(loop)}
    assert SlideKind.ANNOUNCEMENTS not in kinds


def test_a_change_on_another_pc_shows_within_a_poll(
    loop: AttractLoop, own_services: Services, qtbot: QtBot
) -> None:
    other = Services.open(own_services.url.replace("***", ""))
    try:
        watcher = own_services.live.change_watcher()
        draft = PromotionDraft(
            market_slug="dongmun",
            kind=PromotionKind.ANNOUNCEMENT,
            title=LocalizedText({"ko": "새 소식", "en": "Fresh news"}),
            text=LocalizedText({"ko": "오늘 떡 시식"}),
            starts_on=date(2026, 12, 1),
            ends_on=date(2026, 12, 31),
            window=TimeWindow(time(9), time(10)),
        )
        other.promotions.add_promotion(actor=other.access.console_actor(), draft=draft)
        own_services.changes.subscribe(loop.refresh_for)
        with qtbot.waitSignal(loop.loaded, timeout=10_000):
            watcher.poll()  # what the shell's live refresh does every few seconds
        own_services.changes.unsubscribe(loop.refresh_for)
    finally:
        other.close()
    assert loop.data is not None
    assert any(p.title.get("en") == "Fresh news" for p in loop.data.promotions)


def test_database_away_keeps_the_last_good_slides_and_recovers(
    loop: AttractLoop, own_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = loop.data
    reads = own_services.promotions.signage

    def away(*, market_slug: str) -> object:
        raise OSError("connection refused")

    monkeypatch.setattr(own_services.promotions, "signage", away)
    loop.reload()
    assert ops.wait_idle()
    assert loop.failed and loop.retry.isActive()
    assert loop.data is good  # nothing alarming: the same slides go on
    loop.next_slide()
    assert loop.canvas.slide is not None and loop.canvas.slide.heading
    monkeypatch.setattr(own_services.promotions, "signage", reads)
    loop.retry.timeout.emit()  # the retry timer's turn
    assert ops.wait_idle()
    assert not loop.failed and not loop.retry.isActive()


def test_before_any_data_a_calm_welcome(qtbot: QtBot, own_services: Services) -> None:
    made = AttractLoop(own_services, animate=False)
    qtbot.add_widget(made)
    slide = made.current()
    assert slide.kind == SlideKind.WELCOME and slide.heading == "어서 오세요"


def test_touch_reports_the_touched_slides_language(loop: AttractLoop, qtbot: QtBot) -> None:
    while loop.current().locale != "zh_Hant":
        loop.next_slide()
    point = QPointF(300, 300)
    press = QMouseEvent(
        QEvent.Type.MouseButtonPress,
        point,
        QPointF(loop.mapToGlobal(point.toPoint())),
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(loop.touched) as got:
        QApplication.sendEvent(loop, press)
    assert got.args == ["zh_Hant"]


def test_bad_images_are_left_out_and_a_good_one_is_drawn() -> None:
    fit = QSize(400, 300)
    assert promotion_image(None, fit) is None
    assert promotion_image(b"not a picture at all", fit) is None
    assert promotion_image(b"\x89PNG\r\n\x1a\n" + b"\0" * 64, fit) is None  # cut short
    assert promotion_image(b"\x89PNG\r\n\x1a\n" + b"\0" * (MAX_IMAGE_BYTES + 1), fit) is None
    assert promotion_image(_png((5000, 10)), fit) is None  # too many pixels
    good = promotion_image(_png((800, 600)), fit)
    assert good is not None and good.width() <= 400 and good.height() <= 300
    for image in (None, b"junk", _png((5000, 10)), _png((800, 600))):
        item = SlideItem("Sale", "Today only", "Until Dec 31", image=image)
        slide = Slide(SlideKind.PROMOTIONS, "en", "Today's offers", "Market", (item,), "Touch")
        assert not render_slide(slide, QSize(1080, 1920)).isNull()


@pytest.mark.parametrize("title", ["귤" * 80, "Tangerine " * 60, "W" * 500])
def test_absurdly_long_titles_shrink_and_stay_in_their_box(title: str) -> None:
    box = QRect(0, 0, 600, 160)
    font, flags, shown = fit_font("ko", box, title, largest=64, smallest=24, bold=True)
    used = QFontMetrics(font).boundingRect(box, flags, shown)
    assert used.width() <= box.width() and used.height() <= box.height()
    assert shown  # never an empty title
    item = SlideItem(title, title, title, ((title, "₩1,000"),))
    slide = Slide(SlideKind.FEATURED, "ko", title, title, (item, item, item), title)
    for size in (QSize(1920, 1080), QSize(1080, 1920)):
        assert not render_slide(slide, size).isNull()


def test_kiosk_shell_hides_its_top_bar_over_the_loop(window: Shell) -> None:
    from kiosk.ui.signage.flow import signage_loop
    from kiosk.ui.signage.loop_screen import SCREEN

    loop = signage_loop(window)
    window.show_screen(SCREEN)
    loop.show_market("bansong")
    assert ops.wait_idle()
    assert window.top_language_bar().isHidden() or not window.top_language_bar().isVisible()
    loop.timer.stop()
    window.go_home()


def test_next_slide_is_drawn_ahead_so_the_change_is_a_swap(loop: AttractLoop) -> None:
    assert loop.ahead.isActive()  # armed with the slide timer while the loop shows
    loop.prepare_next()
    ready = loop.canvas._prepared
    assert ready is not None
    loop.next_slide()
    assert loop.canvas.picture() is ready[2]
    loop.hide()
    assert not loop.timer.isActive() and not loop.ahead.isActive()  # hidden: nothing runs
