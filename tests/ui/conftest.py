"""Qt fixtures for the UI tests: offscreen platform, themed app, a seeded demo database."""

from __future__ import annotations

import os

# Before any QApplication exists (pytest-qt creates it lazily in the qapp fixture).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from ui_helpers import PASSWORD, shown_shell, signed_in_manager

from kiosk import i18n
from kiosk.app import build_shell
from kiosk.services.app import Services
from kiosk.ui import ops, theme
from kiosk.ui.manager import stores
from kiosk.ui.manager.flow import ManagerFlow
from kiosk.ui.shell import Shell
from kiosk.ui.tourist.flow import TouristFlow, tourist_flow

#: The offscreen platform plugin says this whenever a top-level window's layout sets
#: its minimum size; it is about the headless plugin, not about our widgets.
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/" in item.nodeid.replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(scope="session")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A real SQLite file seeded once with the demo markets 반송큰시장 and 동문재래시장."""
    path = tmp_path_factory.mktemp("ui-demo") / "demo.sqlite3"
    url = "sqlite:///" + path.as_posix()
    Services.open(url, seed_demo=True).close()
    return url


@pytest.fixture(scope="session")
def services(demo_url: str) -> Iterator[Services]:
    """The one door to the seeded demo database (shared: UI tests only read through it)."""
    opened = Services.open(demo_url)
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def themed_app(qapp: QApplication) -> Iterator[QApplication]:
    """Every UI test starts in Korean with the kiosk theme, and leaves it that way."""
    # Widgets of earlier tests were closed with deleteLater(); delete them now, or
    # every later stylesheet change would re-polish them all.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if not qapp.styleSheet():
        theme.apply_theme(qapp, "ko")
    if i18n.current_locale() != "ko":
        i18n.set_locale("ko")
        theme.apply_locale_font(qapp, "ko")
    yield qapp
    ops.wait_idle()
    if i18n.current_locale() != "ko":
        i18n.set_locale("ko")
        theme.apply_locale_font(qapp, "ko")


@pytest.fixture
def window(qtbot: QtBot, services: Services) -> Iterator[Shell]:
    """The shell at 1366x768 with every mode registered and the demo data open."""
    win = build_shell("ko")
    qtbot.add_widget(win)
    win.use_services(services)
    win.resize(1366, 768)
    win.show()
    qtbot.wait_exposed(win)
    yield win
    ops.wait_idle()
    services.changes.unsubscribe(win._on_services_change)


@pytest.fixture
def flow(window: Shell) -> TouristFlow:
    """The tourist mode of *window*, its directory filled (background ops delivered)."""
    built = tourist_flow(window)
    built.open_directory()
    assert ops.wait_idle()
    return built


@pytest.fixture
def demo_path(demo_url: str) -> Path:
    return Path(demo_url.removeprefix("sqlite:///"))


@pytest.fixture
def own_services(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Services]:
    """A fresh demo database of this test's own (for tests that write), with this PC's
    remembered store in the test's folder and backups beside the database."""
    monkeypatch.setenv("KIOSK_CHECKLIST_DIR", str(tmp_path / "this-pc"))
    monkeypatch.delenv("KIOSK_BACKUP_DIR", raising=False)
    (tmp_path / "db").mkdir()
    opened = Services.open(
        "sqlite:///" + (tmp_path / "db" / "own.sqlite3").as_posix(), seed_demo=True
    )
    yield opened
    opened.close()


@pytest.fixture
def shell(qtbot: QtBot, own_services: Services) -> Iterator[Shell]:
    """The shell in English at 1366x768 on this test's own database (for tests that write);
    a module that needs another language or set-up defines its own ``shell``."""
    yield from shown_shell(qtbot, own_services, "en")


@pytest.fixture
def manager(shell: Shell, own_services: Services) -> ManagerFlow:
    """Manager mode on ``shell``, signed in through its screen with PASSWORD, on the store list."""
    built = signed_in_manager(shell, own_services, PASSWORD)
    assert shell.current_screen_name() == stores.SCREEN
    return built
