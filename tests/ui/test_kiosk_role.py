"""A PC set up as a tourist screen (role ``kiosk``) starts locked, as ``market-kiosk kiosk``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk import settings
from kiosk.ui.shell import Shell
from tests.factories.fresh_python import python_output
from tests.ui.setup_helpers import click, fresh_pc, setup_of, setup_shell

# Starts the GUI; half a second after the lock (if any) prints what a visitor would face.
_PROBE = """
import sys
from PySide6.QtCore import QTimer
from kiosk import app

real_lock = app._lock
locked = []
controllers = []

def spy(window, options):
    locked.append(options)
    controllers.append(real_lock(window, options))
    return controllers[-1]

def look():
    from kiosk.ui.modes import available_modes
    full = bool(locked) and all(w.isFullScreen() for w in app.application().topLevelWidgets()
                                if w.isVisible() and w.isWindow())
    keys = sorted(mode.key for mode in available_modes())
    language = locked[0].language if locked else "-"
    print(len(locked), full, ",".join(keys), language, flush=True)
    for controller in controllers:
        controller.leave()  # the manager's way out: unlock, then quit
    app.application().quit()

app._lock = spy
app.application()
QTimer.singleShot(1500, look)
sys.exit(app.run_gui(locale="en"))
"""


def _start_as(role: str, tmp_path: Path) -> list[str]:
    url = "sqlite:///" + (tmp_path / "pc.sqlite3").as_posix()
    return python_output(_PROBE, {"KIOSK_ROLE": role, "KIOSK_DATABASE_URL": url}).split()


def test_a_kiosk_pc_starts_locked_to_the_tourists(tmp_path: Path) -> None:
    count, full_screen, modes, language = _start_as("kiosk", tmp_path)
    assert count == "1" and full_screen == "True"
    assert modes == "tourist"  # no "My store", checklist or manager on the start screen
    assert language == "en"  # the idle reset comes back to the language it started in


@pytest.mark.parametrize("role", ["stall", "office"])
def test_staff_pcs_start_unlocked_with_every_mode(role: str, tmp_path: Path) -> None:
    count, full_screen, modes, _language = _start_as(role, tmp_path)
    assert count == "0" and full_screen == "False"
    assert modes == "manager,merchant,onboarding,tourist"


@pytest.fixture
def locks() -> list[str]:
    return []


@pytest.fixture
def setup_with_lock(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, locks: list[str]
) -> Iterator[Shell]:
    fresh_pc(monkeypatch, tmp_path)
    yield from setup_shell(qtbot, lock_kiosk=lambda: locks.append("locked"))


def test_finishing_the_set_up_as_a_tourist_screen_locks_it(
    setup_with_lock: Shell, locks: list[str]
) -> None:
    screen = setup_of(setup_with_lock)
    click(screen.next_button)  # this PC alone, starting empty
    click(screen.next_button)  # a tourist kiosk (the first role)
    assert settings.Settings.load().role == "kiosk"
    assert locks == ["locked"]


def test_finishing_the_set_up_as_a_stall_does_not_lock(
    setup_with_lock: Shell, locks: list[str]
) -> None:
    screen = setup_of(setup_with_lock)
    click(screen.where.demo)  # the example markets, so that there is a stall to choose
    click(screen.next_button)
    click(screen.role_step.buttons["stall"])
    screen.role_step.picker.store_box.setCurrentIndex(0)
    click(screen.next_button)
    assert settings.Settings.load().role == "stall"
    assert locks == []
