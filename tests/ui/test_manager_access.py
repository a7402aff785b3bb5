"""Manager mode: the set-up code on first use, sign-in faults as messages, lifting a PIN wait."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from ui_helpers import PASSWORD, click

from kiosk.data.errors import DatabaseFaultError
from kiosk.domain import access
from kiosk.domain.access import Secret, SignInRefused
from kiosk.services.access import throttle
from kiosk.services.app import Services
from kiosk.ui import ops
from kiosk.ui.manager import sign_in, store_form, stores
from kiosk.ui.manager.flow import ManagerFlow, manager_flow
from kiosk.ui.shell import Shell

PIN = "582046"


def _open(shell: Shell) -> ManagerFlow:
    built = manager_flow(shell)
    built.open()
    assert ops.wait_idle()
    return built


def test_without_a_code_the_first_use_offers_only_the_way_to_get_one(
    shell: Shell, own_services: Services
) -> None:
    screen = _open(shell).sign_in
    assert screen.is_first_use() and screen.code.isVisible()
    assert "market-kiosk manager setup-code" in screen.explain.text()
    assert not screen.password.isEnabled() and not screen.repeat.isEnabled()
    assert not screen.submit_button.isEnabled()
    screen.code.setText("ABCD-EFGH-JKMN")
    assert screen.password.isEnabled() and screen.submit_button.isEnabled()
    screen.password.setText(PASSWORD)
    screen.repeat.setText(PASSWORD)
    click(screen.submit_button)  # a code nobody printed
    assert screen.message.text().startswith("⚠ That set-up code is not valid")
    assert not own_services.access.manager_password_is_set()
    assert shell.current_screen_name() == sign_in.SCREEN


def test_a_database_fault_during_sign_in_is_a_message_and_the_form_works_again(
    shell: Shell, own_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    own_services.access.set_manager_password(
        actor=own_services.access.console_actor(), password=Secret(PASSWORD)
    )
    screen = _open(shell).sign_in

    def fail(*args: object, **kwargs: object) -> None:
        raise DatabaseFaultError("lost", "postgresql://kiosk@db/kiosk")

    monkeypatch.setattr(throttle.credentials, "attempts_to_count", fail)
    screen.password.setText(PASSWORD)
    click(screen.submit_button)
    assert screen.message.text().startswith("⚠ Signing in is not possible right now")
    assert "Checking" not in screen.message.text() and screen.submit_button.isEnabled()
    monkeypatch.undo()
    screen.password.setText(PASSWORD)
    click(screen.submit_button)
    assert shell.current_screen_name() == stores.SCREEN


def test_the_manager_lifts_a_merchants_pin_wait(shell: Shell, own_services: Services) -> None:
    console = own_services.access.console_actor()
    own_services.access.set_manager_password(actor=console, password=Secret(PASSWORD))
    store = own_services.directory.list_store_details(market_slug="dongmun")[0]
    own_services.access.set_store_pin(actor=console, store_id=store.id, pin=Secret(PIN))
    built = _open(shell)
    built.sign_in.password.setText(PASSWORD)
    click(built.sign_in.submit_button)
    form = built.form
    built.edit_store(store)
    assert ops.wait_idle() and shell.current_screen_name() == store_form.SCREEN
    assert not form.wait_button.isVisible()  # nobody waits: no button
    for _ in range(access.PC_FREE_FAILURES):
        with pytest.raises(SignInRefused):
            own_services.access.sign_in_merchant(store_id=store.id, pin=Secret("771130"))
    built.edit_store(store)
    assert ops.wait_idle() and form.wait_button.isVisible()
    click(form.wait_button)
    assert form.pin_message.text().startswith("✓ The wait is lifted")
    assert not form.wait_button.isVisible()
    assert own_services.access.sign_in_merchant(store_id=store.id, pin=Secret(PIN)).store_id


def test_a_database_fault_at_the_merchant_pin_pad_is_a_message(
    shell: Shell, own_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.ui.merchant import sign_in as merchant_sign_in
    from kiosk.ui.merchant.flow import merchant_flow

    store = own_services.directory.list_stores(market_slug="bansong")[2].id
    console = own_services.access.console_actor()
    own_services.access.set_store_pin(actor=console, store_id=store, pin=Secret(PIN))
    click(shell.start_screen.mode_button("merchant"))
    flow = merchant_flow(shell)
    assert flow.sign_in.choose_store(store)

    def fail(*args: object, **kwargs: object) -> None:
        raise DatabaseFaultError("locked", "kiosk.sqlite3")

    monkeypatch.setattr(throttle.credentials, "attempts_to_count", fail)
    for digit in PIN + "K":
        key = flow.sign_in.pad.keys["OK" if digit == "K" else digit]
        QTest.mouseClick(key, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    assert flow.sign_in.message.text().startswith("⚠ Signing in is not possible right now")
    monkeypatch.undo()
    for digit in PIN + "K":
        key = flow.sign_in.pad.keys["OK" if digit == "K" else digit]
        QTest.mouseClick(key, Qt.MouseButton.LeftButton)
    assert ops.wait_idle() and flow.actor is not None
    assert shell.current_screen_name() != merchant_sign_in.SCREEN
