"""Helpers for the first-run set-up tests: the set-up on a fresh shell, driven by clicks."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from kiosk.app import build_shell
from kiosk.ui import ops
from kiosk.ui.setup import open_setup_if_needed
from kiosk.ui.setup.screen import SCREEN, SetupScreen
from kiosk.ui.shell import Shell


def click(button: QAbstractButton) -> None:
    """A real click, then every background op it started delivered."""
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()


def fresh_pc(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No database variable, the user data folder under *tmp_path*; returns the SQLite file
    "this PC alone" uses."""
    monkeypatch.delenv("KIOSK_DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data" / "market-kiosk" / "market-kiosk.sqlite3"


def setup_shell(
    qtbot: QtBot,
    size: tuple[int, int] = (1366, 768),
    lock_kiosk: Callable[[], None] | None = None,
) -> Iterator[Shell]:
    """A shell showing the set-up (it must be needed); closes what it opened afterwards.

    *lock_kiosk*: what finishing as a tourist screen calls (``kiosk.app`` locks the window).
    """
    shell = build_shell("ko")
    qtbot.add_widget(shell)
    assert open_setup_if_needed(shell, lock_kiosk=lock_kiosk)
    shell.resize(*size)
    shell.show()
    qtbot.wait_exposed(shell)
    yield shell
    ops.wait_idle()
    setup_of(shell)._close_services()
    services = shell.services()
    if services is not None:
        services.close()


def setup_of(shell: Shell) -> SetupScreen:
    screen = shell.screen_widget(SCREEN)
    assert isinstance(screen, SetupScreen)
    return screen


def type_server(screen: SetupScreen, *, encrypted: bool, **fields: str) -> None:
    """Choose "join the server", tick or untick "Encrypted connection" and type *fields*."""
    screen.where.server.setChecked(True)
    screen.where.encrypted.setChecked(encrypted)
    for name, text in fields.items():
        screen.where.fields[name].setText(text)
