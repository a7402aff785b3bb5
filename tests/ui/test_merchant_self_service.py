"""Merchant self-service: PIN on the number pad, then prices and sold-out goods in one tap."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.domain.access import Secret
from kiosk.domain.audit import AuditAction
from kiosk.services.app import Services
from kiosk.ui import ops, theme
from kiosk.ui.merchant import goods_screen, sign_in
from kiosk.ui.merchant.flow import MerchantFlow, merchant_flow
from kiosk.ui.merchant.qr_screen import SCREEN as QR
from kiosk.ui.shell import START, Shell

PIN = "582046"


@pytest.fixture
def store_id(own_services: Services) -> int:
    store = own_services.directory.list_stores(market_slug="bansong")[2].id
    own_services.access.set_store_pin(
        actor=own_services.access.console_actor(), store_id=store, pin=Secret(PIN)
    )
    return store


@pytest.fixture
def flow(shell: Shell) -> MerchantFlow:
    QTest.mouseClick(shell.start_screen.mode_button("merchant"), Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    assert shell.current_screen_name() == sign_in.SCREEN
    return merchant_flow(shell)


def _type_pin(flow: MerchantFlow, pin: str) -> None:
    for digit in pin:
        QTest.mouseClick(flow.sign_in.pad.keys[digit], Qt.MouseButton.LeftButton)
    QTest.mouseClick(flow.sign_in.pad.keys["OK"], Qt.MouseButton.LeftButton)
    assert ops.wait_idle()


def test_a_wrong_pin_keeps_the_merchant_out(
    flow: MerchantFlow, shell: Shell, store_id: int
) -> None:
    assert flow.sign_in.choose_store(store_id)
    _type_pin(flow, "000001")
    assert flow.sign_in.message.text().startswith("⚠ That did not match.")
    assert flow.sign_in.pad.field.text() == ""  # the PIN is not kept
    assert shell.current_screen_name() == sign_in.SCREEN and flow.actor is None


def test_pin_then_sold_out_and_price_in_one_tap_each(
    flow: MerchantFlow, shell: Shell, own_services: Services, store_id: int
) -> None:
    assert flow.sign_in.choose_store(store_id)
    _type_pin(flow, PIN)
    assert shell.current_screen_name() == goods_screen.SCREEN
    screen = flow.goods
    store = own_services.directory.get_store(store_id=store_id)
    assert [row.product.id for row in screen.rows] == [p.id for p in store.products]
    row = screen.rows[0]
    assert row.sold_out.height() >= theme.TOUCH_MERCHANT
    assert row.price.height() >= theme.TOUCH_MERCHANT
    assert row.name.fontInfo().pixelSize() >= theme.LEAD

    QTest.mouseClick(row.sold_out, Qt.MouseButton.LeftButton)  # one tap
    assert ops.wait_idle()
    assert own_services.directory.get_store(store_id=store_id).products[0].sold_out
    assert screen.status.text().startswith("✓ ")
    assert screen.rows[0].sold_out.isChecked()

    row = screen.rows[1]
    row.price.setText("")
    QTest.keyClicks(row.price, "4500")
    assert row.save_price.isEnabled()
    QTest.mouseClick(row.save_price, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    assert own_services.directory.get_store(store_id=store_id).products[1].price_won == 4500
    entries = own_services.audit.audit_log(actor=own_services.access.console_actor())
    assert entries[0].action is AuditAction.STORE_CHANGED
    assert entries[0].actor == f"store {store_id} (PIN)"


def test_the_korean_confirmation_reads_won_like_the_field(
    flow: MerchantFlow, shell: Shell, store_id: int
) -> None:
    shell.set_locale("ko")
    assert flow.sign_in.choose_store(store_id)
    _type_pin(flow, PIN)
    row = flow.goods.rows[1]
    row.price.setText("")
    QTest.keyClicks(row.price, "1200")
    QTest.mouseClick(row.save_price, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    assert flow.goods.status.text().endswith(": 이제 1,200원입니다.")  # no ₩ beside a 원 field
    assert "₩" not in flow.goods.status.text()


def test_a_bad_price_cannot_be_saved(flow: MerchantFlow, store_id: int) -> None:
    flow.sign_in.choose_store(store_id)
    _type_pin(flow, PIN)
    row = flow.goods.rows[0]
    for text in ("-5", "12.5", "abc"):
        row.price.setText("")
        QTest.keyClicks(row.price, text)
        assert not row.save_price.isEnabled(), text


def test_a_change_from_another_pc_is_reloaded_not_overwritten(
    flow: MerchantFlow, own_services: Services, store_id: int
) -> None:
    flow.sign_in.choose_store(store_id)
    _type_pin(flow, PIN)
    shown = flow.goods.store()
    assert shown is not None
    console = own_services.access.console_actor()
    # another PC changes the price of the second good; its change event is not seen yet
    own_services.changes.unsubscribe(flow._host._on_services_change)  # type: ignore[attr-defined]
    try:
        own_services.listings.update_good(
            actor=console, base=shown, product_id=shown.products[1].id, price_won=9900
        )
    finally:
        own_services.changes.subscribe(flow._host._on_services_change)  # type: ignore[attr-defined]
    QTest.mouseClick(flow.goods.rows[0].sold_out, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    assert flow.goods.status.text().startswith("⚠ Changed on another PC")
    after = own_services.directory.get_store(store_id=store_id)
    assert after.products[1].price_won == 9900 and not after.products[0].sold_out
    assert flow.goods.rows[1].price.text() == "9900"  # reloaded


def test_qr_codes_from_the_goods_screen_and_sign_out(
    flow: MerchantFlow, shell: Shell, store_id: int
) -> None:
    flow.sign_in.choose_store(store_id)
    _type_pin(flow, PIN)
    QTest.mouseClick(flow.goods.qr_button, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    assert shell.current_screen_name() == QR
    screen = shell.screen_widget(QR)
    assert screen.current_store().id == store_id  # type: ignore[attr-defined]
    shell.go_home()
    assert shell.current_screen_name() == START and flow.actor is None


def test_idle_signs_the_merchant_out(
    qtbot: QtBot, flow: MerchantFlow, shell: Shell, store_id: int
) -> None:
    flow.sign_in.choose_store(store_id)
    _type_pin(flow, PIN)
    assert flow.actor is not None
    flow.guard.set_timeout(50)
    flow.guard.arm()
    qtbot.waitUntil(lambda: shell.current_screen_name() == START, timeout=3_000)
    assert flow.actor is None
