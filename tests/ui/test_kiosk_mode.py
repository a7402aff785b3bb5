"""Kiosk mode: close refused, close keys refused, tourists only, the corner gesture and password."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication

from kiosk.domain.access import Secret
from kiosk.services.app import Services
from kiosk.ui import ops
from kiosk.ui.kiosk_mode.controller import KioskController
from kiosk.ui.kiosk_mode.lock import GESTURE_SECONDS
from kiosk.ui.signage.loop_screen import SCREEN as LOOP
from tests.ui.kiosk_helpers import FakeClock, Quits, close_kiosk, kiosk_window

PASSWORD = "market-office-2026"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def quits() -> Quits:
    return Quits()


@pytest.fixture(scope="module")
def locked_services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """A database of its own: these tests set the manager password."""
    path = tmp_path_factory.mktemp("kiosk") / "kiosk.sqlite3"
    opened = Services.open("sqlite:///" + path.as_posix(), seed_demo=True)
    opened.access.set_manager_password(
        actor=opened.access.console_actor(), password=Secret(PASSWORD)
    )
    yield opened
    opened.close()


@pytest.fixture
def kiosk(
    locked_services: Services,
    clock: FakeClock,
    quits: Quits,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[KioskController]:
    monkeypatch.setenv("KIOSK_CHECKLIST_DIR", str(tmp_path / "this-pc"))
    services = locked_services
    controller = kiosk_window(services, clock, quits)
    yield controller
    close_kiosk(controller)


def test_opens_on_the_attract_loop_with_only_the_tourist_mode(
    kiosk: KioskController,
) -> None:
    assert kiosk.window.current_screen_name() == LOOP
    assert kiosk.window.start_screen.mode_keys() == ["tourist"]


def test_close_is_refused(kiosk: KioskController) -> None:
    event = QCloseEvent()
    QApplication.sendEvent(kiosk.window, event)
    assert not event.isAccepted()
    kiosk.window.close()
    assert kiosk.window.isVisible()


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    ],
)
def test_close_keys_are_refused(
    kiosk: KioskController, key: Qt.Key, modifiers: Qt.KeyboardModifier
) -> None:
    event = QKeyEvent(QEvent.Type.KeyPress, key, modifiers)
    assert kiosk.lock.eventFilter(kiosk.window, event) is True
    QApplication.sendEvent(kiosk.window, event)
    assert kiosk.window.isVisible()


def test_ordinary_keys_pass(kiosk: KioskController) -> None:
    event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    assert kiosk.lock.eventFilter(kiosk.window, event) is False


def _press(kiosk: KioskController, x: int, y: int, kind: QEvent.Type) -> None:
    local = QPointF(x, y)
    globl = QPointF(kiosk.window.mapToGlobal(QPoint(x, y)))
    event = QMouseEvent(
        kind,
        local,
        globl,
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(kiosk.window, event)


def _hold_corner(kiosk: KioskController, clock: FakeClock, seconds: float) -> None:
    _press(kiosk, 10, 10, QEvent.Type.MouseButtonPress)
    clock.advance(seconds)
    kiosk.tick()


def test_a_short_press_or_elsewhere_does_not_ask(kiosk: KioskController, clock: FakeClock) -> None:
    _hold_corner(kiosk, clock, GESTURE_SECONDS - 0.5)
    _press(kiosk, 10, 10, QEvent.Type.MouseButtonRelease)
    assert kiosk.unlock_dialog is None
    _press(kiosk, 600, 400, QEvent.Type.MouseButtonPress)
    clock.advance(GESTURE_SECONDS + 1)
    kiosk.tick()
    assert kiosk.unlock_dialog is None


def _unlock(kiosk: KioskController, clock: FakeClock, password: str, button: str) -> None:
    _hold_corner(kiosk, clock, GESTURE_SECONDS)
    dialog = kiosk.unlock_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.password.setText(password)
    getattr(dialog, button).click()
    assert ops.wait_idle()


def test_gesture_and_right_password_leaves(
    kiosk: KioskController, clock: FakeClock, quits: Quits
) -> None:
    _unlock(kiosk, clock, PASSWORD, "leave_button")
    assert quits.count == 1
    assert not kiosk.lock.locked
    event = QCloseEvent()
    assert kiosk.lock.eventFilter(kiosk.window, event) is False


def test_wrong_password_stays_locked_with_a_message(
    kiosk: KioskController, clock: FakeClock, quits: Quits
) -> None:
    _unlock(kiosk, clock, "not-the-password", "leave_button")
    dialog = kiosk.unlock_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.message.text().startswith("⚠")
    assert quits.count == 0 and kiosk.lock.locked
    dialog.reject()


def test_right_password_opens_the_other_modes(
    kiosk: KioskController, clock: FakeClock, quits: Quits
) -> None:
    _unlock(kiosk, clock, PASSWORD, "other_button")
    assert quits.count == 0 and kiosk.lock.locked
    assert kiosk.window.start_screen.mode_keys() == [
        "tourist",
        "merchant",
        "onboarding",
        "manager",
    ]
    kiosk.reset()  # the next idle reset offers tourists only again
    assert kiosk.window.start_screen.mode_keys() == ["tourist"]


def test_no_context_menus(kiosk: KioskController) -> None:
    from PySide6.QtGui import QContextMenuEvent

    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), QPoint(5, 5))
    assert kiosk.lock.eventFilter(kiosk.window, event) is True


def test_the_tourist_screens_open_no_file_print_or_system_dialog() -> None:
    """What kiosk mode leaves reachable names no file, print or desktop dialog."""
    tourist = Path(__file__).resolve().parents[2] / "kiosk" / "ui" / "tourist"
    banned = ("QFileDialog", "QPrintDialog", "QPrinter", "QDesktopServices", "OpenExternalLinks")
    found = [
        f"{path.name}: {word}"
        for path in tourist.glob("*.py")
        for word in banned
        if word in path.read_text(encoding="utf-8")
    ]
    assert found == []
