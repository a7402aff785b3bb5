"""Leaving the merchant goods screen or the manager store form with a change unsaved asks first."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from ui_helpers import PASSWORD, click, shown_shell, signed_in_manager

from kiosk.domain.access import Secret
from kiosk.services.app import Services
from kiosk.ui import ops
from kiosk.ui.manager import markets, store_form
from kiosk.ui.manager.flow import ManagerFlow
from kiosk.ui.merchant import goods_screen
from kiosk.ui.merchant.flow import MerchantFlow, merchant_flow
from kiosk.ui.merchant.qr_screen import SCREEN as QR
from kiosk.ui.shell import START, Shell

PIN = "582046"


@pytest.fixture
def shell(qtbot: QtBot, own_services: Services) -> Iterator[Shell]:
    yield from shown_shell(qtbot, own_services, "ko")


@pytest.fixture
def merchant(shell: Shell, own_services: Services) -> MerchantFlow:
    store = own_services.directory.list_stores(market_slug="bansong")[2].id
    own_services.access.set_store_pin(
        actor=own_services.access.console_actor(), store_id=store, pin=Secret(PIN)
    )
    click(shell.start_screen.mode_button("merchant"))
    flow = merchant_flow(shell)
    assert flow.sign_in.choose_store(store)
    for key in [*PIN, "OK"]:
        QTest.mouseClick(flow.sign_in.pad.keys[key], Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    assert shell.current_screen_name() == goods_screen.SCREEN
    return flow


def _goods_way_out(screen: goods_screen.MerchantGoodsScreen, way: str) -> object:
    return {"back": screen.back_button, "sign-out": screen.sign_out_button, "qr": screen.qr_button}[
        way
    ]


GoodsCase = tuple[str, str, int | None]  # typed, the answer, the price saved (None: unchanged)
GOODS_LANDS = {"back": START, "sign-out": START, "qr": QR}


@pytest.mark.parametrize("way", ["back", "sign-out", "qr"])
@pytest.mark.parametrize(
    "case",
    [
        ("7,500원", "save", 7500),
        ("7500", "discard", None),
        ("7500", "cancel", None),
        ("칠천", "discard", None),  # not a price: only leaving unsaved or staying is offered
    ],
)
def test_goods_typed_price_asks_before_leaving(
    merchant: MerchantFlow, shell: Shell, own_services: Services, way: str, case: GoodsCase
) -> None:
    typed, answer, saved = case
    assert merchant.actor is not None and merchant.actor.store_id is not None
    store_id = merchant.actor.store_id
    screen = merchant.goods
    row = screen.rows[0]
    before = row.product.price_won
    row.price.setText(typed)
    click(_goods_way_out(screen, way))
    question = screen.leave_question
    assert question.isVisible() and shell.current_screen_name() == goods_screen.SCREEN
    assert row.product.name.get("ko") in question.question.text()
    assert question.save_button.isVisible() == (typed != "칠천")
    click(
        {"save": question.save_button, "discard": question.discard_button}.get(
            answer, question.cancel_button
        )
    )
    store = own_services.directory.get_store(store_id=store_id)
    assert store.products[0].price_won == (saved if saved is not None else before)
    if answer == "cancel":
        assert shell.current_screen_name() == goods_screen.SCREEN
        assert screen.rows[0].price.text() == typed  # what was typed is still there
    else:
        assert shell.current_screen_name() == GOODS_LANDS[way]


def test_goods_without_a_typed_price_leave_at_once(merchant: MerchantFlow, shell: Shell) -> None:
    click(merchant.goods.sign_out_button)
    assert shell.current_screen_name() == START and not merchant.goods.leave_question.isVisible()


@pytest.fixture
def manager(shell: Shell, own_services: Services) -> ManagerFlow:
    flow = signed_in_manager(shell, own_services, PASSWORD)
    store = own_services.directory.list_store_details(market_slug="bansong")[0]
    flow.edit_store(store)
    assert ops.wait_idle()
    assert shell.current_screen_name() == store_form.SCREEN
    return flow


FORM_WAYS = {
    "back": (lambda f: f.header.back_button, START),
    "page": (lambda f: f.header.page_buttons["markets"], markets.SCREEN),
    "sign-out": (lambda f: f.header.sign_out_button, None),  # the sign-in again
}


@pytest.mark.parametrize("way", list(FORM_WAYS))
@pytest.mark.parametrize("answer", ["save", "discard", "cancel"])
def test_store_form_asks_before_leaving_a_change(
    manager: ManagerFlow, shell: Shell, own_services: Services, way: str, answer: str
) -> None:
    kept = answer == "save"
    form = manager.form
    base = form.base()
    assert base is not None
    form.phone.setText("051-000-0999")
    button, lands_on = FORM_WAYS[way]
    click(button(form))
    question = form.leave_question
    assert question.isVisible() and question.save_button.isVisible()
    assert shell.current_screen_name() == store_form.SCREEN
    click(
        {"save": question.save_button, "discard": question.discard_button}.get(
            answer, question.cancel_button
        )
    )
    phone = own_services.directory.get_store(store_id=base.id).phone
    assert (phone == "051-000-0999") is kept
    if answer == "cancel":
        assert shell.current_screen_name() == store_form.SCREEN
        assert form.phone.text() == "051-000-0999" and form.is_dirty()
    else:
        assert shell.current_screen_name() != store_form.SCREEN
        if lands_on is not None:
            assert shell.current_screen_name() == lands_on


def test_store_form_unchanged_leaves_at_once(manager: ManagerFlow, shell: Shell) -> None:
    click(manager.form.header.page_buttons["markets"])
    assert shell.current_screen_name() == markets.SCREEN
    assert not manager.form.leave_question.isVisible()


def test_store_form_with_a_refused_field_offers_no_save(manager: ManagerFlow, shell: Shell) -> None:
    form = manager.form
    form.phone.setText("12345")
    click(form.header.back_button)
    assert form.leave_question.isVisible() and not form.leave_question.save_button.isVisible()
    click(form.leave_question.discard_button)
    assert shell.current_screen_name() == START
