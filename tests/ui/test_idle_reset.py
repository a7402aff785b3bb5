"""Idle reset, driven by a fake clock: countdown, a touch cancels it, then home again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from kiosk import i18n
from kiosk.services.app import Services
from kiosk.ui import ops
from kiosk.ui.kiosk_mode.controller import KioskController
from kiosk.ui.kiosk_mode.idle import COUNTDOWN_SECONDS
from kiosk.ui.signage.flow import signage_loop
from kiosk.ui.signage.loop_screen import SCREEN as LOOP
from kiosk.ui.tourist.flow import DETAIL, DIRECTORY, tourist_flow
from tests.ui.kiosk_helpers import FakeClock, Quits, close_kiosk, kiosk_window

IDLE = 75.0


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def kiosk(
    services: Services, clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[KioskController]:
    monkeypatch.setenv("KIOSK_CHECKLIST_DIR", str(tmp_path / "pc"))
    controller = kiosk_window(services, clock, Quits(), market="dongmun", idle_s=IDLE)
    yield controller
    close_kiosk(controller)


def _touch(kiosk: KioskController) -> None:
    point = QPointF(700, 500)
    event = QMouseEvent(
        QEvent.Type.MouseButtonPress,
        point,
        QPointF(kiosk.window.mapToGlobal(point.toPoint())),
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(kiosk.window, event)


def _visit(kiosk: KioskController, services: Services) -> None:
    """A tourist: Japanese, the other market, a search, a store page, a dialog left open."""
    flow = tourist_flow(kiosk.window)
    _touch(kiosk)
    kiosk.window.set_locale("ja")
    flow.directory.select_market("bansong")
    flow.directory.search_edit.setText("떡")
    assert ops.wait_idle()
    store = services.directory.list_stores(market_slug="bansong")[0]
    flow.open_store(store.id)
    assert ops.wait_idle()
    assert kiosk.window.current_screen_name() == DETAIL
    box = QMessageBox(kiosk.window)
    box.open()
    assert box.isVisible()


def _touch_loop(kiosk: KioskController) -> None:
    """A tourist touches the attract loop (the press reaches the loop widget itself)."""
    loop = signage_loop(kiosk.window)
    point = QPointF(400, 300)
    event = QMouseEvent(
        QEvent.Type.MouseButtonPress,
        point,
        QPointF(loop.mapToGlobal(point.toPoint())),
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(loop, event)
    assert ops.wait_idle()


def test_kiosk_opens_on_its_markets_loop(kiosk: KioskController) -> None:
    flow = tourist_flow(kiosk.window)
    assert kiosk.window.current_screen_name() == LOOP
    assert signage_loop(kiosk.window).market_slug == "dongmun"
    assert flow.directory.market_slug() == "dongmun"
    _touch_loop(kiosk)
    assert kiosk.window.current_screen_name() == DIRECTORY


def test_idle_reset_restores_language_market_and_search(
    kiosk: KioskController, services: Services, clock: FakeClock
) -> None:
    _visit(kiosk, services)
    clock.advance(IDLE)
    kiosk.tick()
    assert ops.wait_idle()
    flow = tourist_flow(kiosk.window)
    assert i18n.current_locale() == "ko"
    assert kiosk.window.current_screen_name() == LOOP  # the reset ends on the attract loop
    assert signage_loop(kiosk.window).step == 0
    assert flow.directory.market_slug() == "dongmun"
    assert flow.directory.search_edit.text() == ""
    assert flow.directory.category_combo.current() is None
    assert not any(
        isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets()
    )
    assert not kiosk.idle.overlay.isVisible()


def test_countdown_shows_in_the_current_language_and_a_touch_cancels_it(
    kiosk: KioskController, services: Services, clock: FakeClock
) -> None:
    _visit(kiosk, services)
    clock.advance(IDLE - COUNTDOWN_SECONDS - 1)
    kiosk.tick()
    assert not kiosk.idle.overlay.isVisible()
    clock.advance(2)
    kiosk.tick()
    assert kiosk.idle.overlay.isVisible()
    question = i18n.translate("Are you still there?", "ja")
    assert question != "Are you still there?"
    assert kiosk.idle.overlay.question.text() == question
    assert "9" in kiosk.idle.overlay.detail.text()
    _touch(kiosk)
    assert not kiosk.idle.overlay.isVisible()
    clock.advance(IDLE - 1)
    kiosk.tick()
    assert i18n.current_locale() == "ja"  # the visitor is still there: nothing reset
    assert kiosk.window.current_screen_name() == DETAIL


def test_nobody_touched_no_countdown(kiosk: KioskController, clock: FakeClock) -> None:
    clock.advance(IDLE * 3)
    kiosk.tick()
    assert not kiosk.idle.overlay.isVisible()
    assert kiosk.window.current_screen_name() == LOOP


def test_reset_with_a_store_shows_its_page(
    kiosk: KioskController, services: Services, clock: FakeClock
) -> None:
    store = services.directory.list_stores(market_slug="dongmun")[2]
    kiosk.store_id = store.id
    opened: list[int] = []
    tourist_flow(kiosk.window).store_opened.connect(opened.append)
    _visit(kiosk, services)
    clock.advance(IDLE)
    kiosk.tick()
    assert ops.wait_idle()
    assert kiosk.window.current_screen_name() == LOOP
    _touch_loop(kiosk)
    assert kiosk.window.current_screen_name() == DETAIL
    assert opened[-1] == store.id


def test_idle_reset_starts_the_loop_and_a_touch_opens_the_directory_in_its_language(
    kiosk: KioskController, services: Services, clock: FakeClock
) -> None:
    _visit(kiosk, services)
    clock.advance(IDLE)
    kiosk.tick()
    assert ops.wait_idle()
    loop = signage_loop(kiosk.window)
    assert kiosk.window.current_screen_name() == LOOP
    assert loop.timer.isActive()  # slides change on their own
    while loop.current_locale() != "ja":
        loop.next_slide()
    _touch_loop(kiosk)
    assert i18n.current_locale() == "ja"
    assert kiosk.window.current_screen_name() == DIRECTORY
    assert not loop.timer.isActive()  # nothing runs behind the directory
    assert tourist_flow(kiosk.window).directory.market_slug() == "dongmun"
