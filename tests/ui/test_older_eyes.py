"""Merchant screens for older eyes: body 24 px, prices 28 px, hints 20 px at 4.5:1 or more."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot
from ui_helpers import shown_shell

from kiosk.domain import design
from kiosk.domain.access import Secret
from kiosk.domain.formatting import format_price
from kiosk.services.app import Services
from kiosk.ui import ops
from kiosk.ui.merchant import goods_screen
from kiosk.ui.merchant.flow import MerchantFlow, merchant_flow
from kiosk.ui.shell import Shell

PIN = "582046"
SMALL_ROLES = {"hint", "caption"}


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture
def shell(qtbot: QtBot, own_services: Services) -> Iterator[Shell]:
    yield from shown_shell(qtbot, own_services, "ko")


@pytest.fixture
def flow(shell: Shell, own_services: Services) -> MerchantFlow:
    stores = own_services.directory.list_store_details(market_slug="bansong")
    store = max(stores, key=lambda s: len(s.products))
    own_services.access.set_store_pin(
        actor=own_services.access.console_actor(), store_id=store.id, pin=Secret(PIN)
    )
    built = merchant_flow(shell)
    built.sign_in_as(own_services.access.sign_in_merchant(store_id=store.id, pin=Secret(PIN)))
    assert ops.wait_idle()
    return built


def visible_labels(root: QWidget) -> list[QLabel]:
    return [label for label in root.findChildren(QLabel) if label.isVisible() and label.text()]


def check_sizes(root: QWidget) -> None:
    for label in visible_labels(root):
        role = label.property("role")
        least = design.BODY if role in SMALL_ROLES else design.LEAD
        assert label.fontInfo().pixelSize() >= least, (label.text()[:40], role)


def test_goods_screen_sizes_and_the_edited_row_stays_in_view_with_won(
    flow: MerchantFlow, shell: Shell, qtbot: QtBot
) -> None:
    screen = flow.goods
    assert shell.current_screen_name() == goods_screen.SCREEN
    check_sizes(screen)
    last = screen.rows[-1]
    assert last.price.fontInfo().pixelSize() >= design.PRICE_MERCHANT
    new_price = last.product.price_won + 500
    screen.set_price(last.product.id, new_price)
    assert ops.wait_idle()
    qtbot.wait(20)
    row = next(r for r in screen.rows if r.product.id == last.product.id)
    viewport = screen.scroll_area.viewport()
    top = row.mapTo(viewport, row.rect().topLeft()).y()
    assert top >= 0 and top + row.height() <= viewport.height()  # the edited row is in view
    assert format_price(new_price, "ko") in screen.status.text()
    assert "원" in screen.status.text() or "₩" in screen.status.text()


def test_a_refused_tap_keeps_the_list_where_it_was(
    flow: MerchantFlow, own_services: Services, qtbot: QtBot
) -> None:
    screen = flow.goods
    bar = screen.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0  # the list scrolls at 1366x768
    bar.setValue(bar.maximum() // 2)
    viewport = screen.scroll_area.viewport()
    row = next(r for r in screen.rows if r.mapTo(viewport, r.rect().topLeft()).y() >= 0)
    before = bar.value()
    own_services.live.link.set(False)  # the server went away: the write is refused
    QTest.mouseClick(row.sold_out, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    qtbot.wait(20)
    assert screen.status.text().startswith("⚠ 서버에 연결되지 않았습니다")
    assert bar.value() == before
    assert row.sold_out.isEnabled() and not row.sold_out.isChecked()  # as saved: in stock
    own_services.live.link.set(True)


def test_stand_and_code_screens_sizes(flow: MerchantFlow, shell: Shell) -> None:
    from kiosk.ui.widgets.stand_print_screen import stand_screen

    store = flow.goods.store()
    assert store is not None
    flow.open_stands(store.id)
    assert ops.wait_idle()
    check_sizes(stand_screen(shell, flow.services))
    flow.open_qr(store.id)
    assert ops.wait_idle()
    check_sizes(shell.screen_widget("merchant-qr"))


def test_hints_have_at_least_4_5_to_1_contrast() -> None:
    for ground in (design.PAPER, design.CARD):
        assert contrast(design.MUTED, ground) >= 4.5
        assert contrast(design.INK, ground) >= 4.5
