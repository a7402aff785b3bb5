"""Composition root: first-frame exit, lazy imports, background database opening."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.app import build_shell
from kiosk.i18n import translate
from kiosk.ui import ops
from kiosk.ui.shell import START, Shell
from kiosk.ui.tourist.flow import DIRECTORY, tourist_flow
from kiosk.ui.wait_screen import SCREEN as WAIT
from kiosk.ui.wait_screen import WaitScreen
from tests.factories.fresh_python import python_output as _python

HEAVY = ("sqlalchemy", "alembic", "babel", "qrcode", "PIL", "zxingcpp", "openpyxl")


def _env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def test_exit_after_first_frame_returns_zero_quickly() -> None:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "--exit-after-first-frame"],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    elapsed = time.perf_counter() - start
    assert result.returncode == 0, result.stderr
    assert elapsed < 10, f"first frame took {elapsed:.1f} s"


def test_first_frame_paints_before_any_heavy_library_is_imported() -> None:
    code = (
        "import sys\n"
        "from kiosk.app import run_gui\n"
        "status = run_gui(exit_after_first_frame=True, locale='ja')\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
        "sys.exit(status)\n"
    )
    out = _python(code)
    assert out.strip() == "[]"


def test_unknown_start_language_is_refused_by_name() -> None:
    from kiosk.app import run_gui

    with pytest.raises(ValueError, match="'klingon'"):
        run_gui(exit_after_first_frame=True, locale="klingon")
    assert gc.isenabled()  # refused before the collector pauses for start-up


def test_the_collector_pauses_only_until_the_first_frame() -> None:
    code = (
        "import gc, sys\n"
        "from kiosk.app import run_gui\n"
        "from kiosk.ui import first_frame\n"
        "seen = []\n"
        "emit = first_frame.FirstPaintWatcher.eventFilter\n"
        "def spy(self, watched, event):\n"
        "    if not seen:\n"
        "        seen.append(gc.isenabled())\n"
        "    return emit(self, watched, event)\n"
        "first_frame.FirstPaintWatcher.eventFilter = spy\n"
        "status = run_gui(exit_after_first_frame=True, locale='ko')\n"
        "print(seen[0], gc.isenabled())\n"
        "sys.exit(status)\n"
    )
    out = _python(code)
    assert out.strip() == "False True"


def test_database_opens_in_the_background_and_fills_the_directory(
    qtbot: QtBot, demo_url: str
) -> None:
    window = build_shell("en")
    qtbot.add_widget(window)
    window.start_screen.mode_chosen.emit("tourist")  # pressed before the data is open
    waiting = _wait_screen(window)
    assert waiting.is_loading()
    assert waiting.status_label.text() == translate("Loading stores…", "en")
    with qtbot.waitSignal(window.events.services_ready, timeout=20_000):
        window.start_loading(demo_url)
    assert ops.wait_idle()
    directory = tourist_flow(window).directory  # built once the data opened
    assert [m.slug for m in directory.markets()] == ["bansong", "dongmun"]
    assert directory.model.rowCount() > 0
    assert window.current_screen_name() == DIRECTORY
    services = window.services()
    assert services is not None
    services.close()


def test_a_mode_left_while_waiting_does_not_open_later(qtbot: QtBot, demo_url: str) -> None:
    window = build_shell("en")
    qtbot.add_widget(window)
    window.start_screen.mode_chosen.emit("merchant")
    assert window.current_screen_name() == WAIT
    window.go_home()  # the merchant gave up waiting
    with qtbot.waitSignal(window.events.services_ready, timeout=20_000):
        window.start_loading(demo_url)
    assert ops.wait_idle()
    assert window.current_screen_name() == START
    window.start_screen.mode_chosen.emit("merchant")  # now it opens at once
    assert window.current_screen_name() == "merchant-sign-in"
    services = window.services()
    assert services is not None
    services.close()


def test_a_database_that_cannot_open_shows_why(qtbot: QtBot, tmp_path: Path) -> None:
    not_a_db = tmp_path / "photo.sqlite3"
    not_a_db.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    window = build_shell("ko")
    qtbot.add_widget(window)
    window.start_screen.mode_chosen.emit("tourist")
    # The shell's own signal fires on the GUI thread after it took the result, and it
    # is connected before loading starts: the worker can fail as fast as it likes.
    with qtbot.waitSignal(window.events.services_failed, timeout=20_000) as blocker:
        window.start_loading("sqlite:///" + not_a_db.as_posix())
    assert "photo.sqlite3" in blocker.args[0]
    assert window.load_error() == blocker.args[0]
    assert ops.wait_idle()
    waiting = _wait_screen(window)
    assert not waiting.is_loading()
    assert "photo.sqlite3" in waiting.status_label.text()
    assert not_a_db.read_bytes().startswith(b"\x89PNG")  # nothing was written to it


def test_a_screen_opened_after_the_failure_still_hears_of_it(qtbot: QtBot, tmp_path: Path) -> None:
    """The failure was handled before the merchant mode was chosen: it must not wait forever."""
    not_a_db = tmp_path / "broken.sqlite3"
    not_a_db.write_bytes(b"not a database" * 20)
    window = build_shell("en")
    qtbot.add_widget(window)
    with qtbot.waitSignal(window.events.services_failed, timeout=20_000):
        window.start_loading("sqlite:///" + not_a_db.as_posix())
    window.start_screen.mode_chosen.emit("merchant")
    screen = _wait_screen(window)
    assert window.current_screen_name() == WAIT
    assert "broken.sqlite3" in screen.status_label.text()


def _wait_screen(window: Shell) -> WaitScreen:
    screen = window.screen_widget(WAIT)
    assert isinstance(screen, WaitScreen)
    return screen


def test_no_merchant_or_qr_module_loads_before_the_first_frame() -> None:
    lazy = (
        "kiosk.ui.merchant",
        "kiosk.ui.merchant.qr_screen",
        "kiosk.ui.manager",
        "kiosk.ui.onboarding",
        "kiosk.ui.live_refresh",
        "kiosk.ui.tourist",
        "kiosk.ui.tourist.store_detail",
        "kiosk.ui.widgets.qr_card",
        "kiosk.services",
        "kiosk.render.qr",
        "kiosk.render.verify",
        "kiosk.render.export",
        "kiosk.qa",
    )
    code = (
        "import sys\n"
        "from kiosk.app import run_gui\n"
        "status = run_gui(exit_after_first_frame=True, locale='en')\n"
        "from kiosk.ui.modes import available_modes\n"
        f"print(sorted(m for m in {lazy!r} if m in sys.modules))\n"
        "print([mode.key for mode in available_modes()])\n"
        "sys.exit(status)\n"
    )
    out = _python(code)
    assert out.split("\n")[:2] == [
        "[]",
        "['tourist', 'merchant', 'onboarding', 'manager']",
    ]


@pytest.mark.parametrize("locale", ["ko", "zh_Hant"])
def test_first_frame_never_builds_the_qt_namespace(locale: str) -> None:
    """PySide builds every enum of ``Qt`` on its first use (~30 ms), and of ``QPalette`` (the
    palette is set after the first frame) and ``QFontDatabase`` (the fonts' folder reached
    fontconfig before Qt was imported): none of them before the first frame."""
    code = (
        "import sys\n"
        "from kiosk.app import run_gui\n"
        f"status = run_gui(exit_after_first_frame=True, locale={locale!r})\n"
        "import PySide6.QtCore, PySide6.QtGui\n"
        "gui = vars(PySide6.QtGui)\n"
        "print('Qt' in vars(PySide6.QtCore), 'QPalette' in gui, 'QFontDatabase' in gui)\n"
        "sys.exit(status)\n"
    )
    out = _python(code)
    assert out.strip() == "False False False"
