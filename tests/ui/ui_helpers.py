"""Helpers for UI tests: a shell shown on a test's own database; a store's codes verified the
way the tourist flow does it."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk import i18n
from kiosk.app import build_shell
from kiosk.domain.access import Secret
from kiosk.domain.listing import StoreDetail
from kiosk.services.app import Services
from kiosk.services.qr.store_codes import StoreCodes, verified_store_codes
from kiosk.ui import ops
from kiosk.ui.manager.flow import ManagerFlow, manager_flow
from kiosk.ui.shell import Shell
from kiosk.ui.tourist.store_detail import QR_SIDES

#: The manager password the UI tests set through the console and sign in with.
PASSWORD = "market-office-2026"


def codes_of(store: StoreDetail) -> StoreCodes:
    """What ``TouristFlow.open_store`` hands the store page (verified at both sizes)."""
    return verified_store_codes(store, sides=QR_SIDES)


def shown_shell(qtbot: QtBot, services: Services, locale: str) -> Iterator[Shell]:
    """The shell in *locale* at 1366x768 on *services*, shown; for a test's ``shell`` fixture."""
    i18n.set_locale(locale)
    win = build_shell(locale)
    qtbot.add_widget(win)
    win.use_services(services)
    win.resize(1366, 768)
    win.show()
    qtbot.wait_exposed(win)
    yield win
    ops.wait_idle()


def signed_in_manager(shell: Shell, services: Services, password: str) -> ManagerFlow:
    """Manager mode on *shell*, signed in through its screen with *password* (set first)."""
    services.access.set_manager_password(
        actor=services.access.console_actor(), password=Secret(password)
    )
    built = manager_flow(shell)
    built.open()
    assert ops.wait_idle()
    built.sign_in.password.setText(password)
    QTest.mouseClick(built.sign_in.submit_button, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    return built


def click(widget: object) -> None:
    """A left click on *widget*, then wait for the background work it started."""
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    assert ops.wait_idle()
