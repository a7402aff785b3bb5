"""This PC's stall: shown on the start screen, and three taps from there to the print dialog."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication
from pytestqt.qtbot import QtBot
from ui_helpers import shown_shell

from kiosk.domain.access import Secret
from kiosk.services.app import Services
from kiosk.ui import ops
from kiosk.ui.merchant import goods_screen
from kiosk.ui.merchant import sign_in as merchant_sign_in
from kiosk.ui.merchant.flow import merchant_flow
from kiosk.ui.shell import START, Shell
from kiosk.ui.widgets import stand_paper, stand_print_screen

PIN = "582046"


class TapCounter(QObject):
    """Counts presses of any button in the app (the PIN digits are typed input, not taps)."""

    def __init__(self) -> None:
        super().__init__()
        self.taps: list[str] = []
        self.digits = 0

    def eventFilter(self, watched: QObject, event: object) -> bool:
        from PySide6.QtCore import QEvent

        if (
            isinstance(watched, QAbstractButton)
            and getattr(event, "type", lambda: None)() == QEvent.Type.MouseButtonRelease
        ):
            if watched.text() in "0123456789" and watched.text():
                self.digits += 1
            else:
                self.taps.append(watched.objectName() or watched.text())
        return False


@pytest.fixture
def stall(own_services: Services) -> int:
    store = own_services.directory.list_stores(market_slug="bansong")[2]
    console = own_services.access.console_actor()
    own_services.access.set_store_pin(actor=console, store_id=store.id, pin=Secret(PIN))
    own_services.directory.set_home_market(
        actor=console, market_slug="bansong", stall=store.stall_number
    )
    return store.id


@pytest.fixture
def shell(qtbot: QtBot, own_services: Services, stall: int) -> Iterator[Shell]:
    yield from shown_shell(qtbot, own_services, "ko")


def tap(button: QAbstractButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.objectName()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()


def test_the_start_screen_names_this_pcs_stall(shell: Shell, own_services: Services) -> None:
    assert ops.wait_idle()
    store = own_services.directory.this_pc_store()
    assert store is not None
    row = shell.stall_row
    assert row.isVisible()
    assert row.store_button.text() == f"{store.name.get('ko')} ({store.stall_number})"


def test_three_taps_from_the_start_screen_to_the_print_dialog(
    shell: Shell, stall: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialogs: list[object] = []
    monkeypatch.setattr(stand_paper, "has_printer", lambda: True)
    monkeypatch.setattr(
        stand_print_screen, "ask_print_dialog", lambda printer, parent: dialogs.append(printer)
    )
    counter = TapCounter()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(counter)
    try:
        assert ops.wait_idle() and shell.current_screen_name() == START
        tap(shell.stall_row.stands_button)  # 1: "안내판 인쇄" beside the stall's name
        flow = merchant_flow(shell)
        assert shell.current_screen_name() == merchant_sign_in.SCREEN
        assert flow.sign_in.store_id() == stall  # the stall is already chosen
        for digit in PIN:
            tap(flow.sign_in.pad.keys[digit])  # typed input, not taps
        tap(flow.sign_in.pad.keys["OK"])  # 2
        assert shell.current_screen_name() == stand_print_screen.SCREEN
        screen = stand_print_screen.stand_screen(shell, flow.services)
        assert screen.stands() is not None
        tap(screen.print_button)  # 3
    finally:
        app.removeEventFilter(counter)
    assert len(dialogs) == 1
    assert counter.digits == len(PIN)
    assert len(counter.taps) == 3, counter.taps


def test_the_pin_is_asked_once_per_visit(shell: Shell, stall: int) -> None:
    assert ops.wait_idle()
    tap(shell.stall_row.store_button)
    flow = merchant_flow(shell)
    for digit in PIN:
        tap(flow.sign_in.pad.keys[digit])
    tap(flow.sign_in.pad.keys["OK"])
    assert shell.current_screen_name() == goods_screen.SCREEN
    tap(flow.goods.stands_button)  # the merchant's home: 안내판 인쇄, no PIN again
    assert shell.current_screen_name() == stand_print_screen.SCREEN
    screen = stand_print_screen.stand_screen(shell, flow.services)
    tap(screen.back_button)
    assert shell.current_screen_name() == goods_screen.SCREEN
    shell.go_home()  # the visit ends: signed out
    assert ops.wait_idle() and flow.actor is None
    tap(shell.stall_row.stands_button)
    assert shell.current_screen_name() == merchant_sign_in.SCREEN
