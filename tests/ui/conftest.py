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

from kiosk import i18n
from kiosk.ui import theme
from kiosk.ui.directory_source import DirectorySource, open_source
from kiosk.ui.main_window import MainWindow

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
    source = open_source(url)
    source.db.close()
    return url


@pytest.fixture(scope="session")
def source(demo_url: str) -> Iterator[DirectorySource]:
    opened = open_source(demo_url, seed_demo=False)
    yield opened
    opened.db.close()


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
    if i18n.current_locale() != "ko":
        i18n.set_locale("ko")
        theme.apply_locale_font(qapp, "ko")


@pytest.fixture
def window(qtbot: QtBot, source: DirectorySource) -> MainWindow:
    """The main window at 1366x768 with the demo data loaded."""
    win = MainWindow("ko")
    qtbot.add_widget(win)
    win.set_source(source)
    win.resize(1366, 768)
    win.show()
    qtbot.wait_exposed(win)
    return win


@pytest.fixture
def demo_path(demo_url: str) -> Path:
    return Path(demo_url.removeprefix("sqlite:///"))
