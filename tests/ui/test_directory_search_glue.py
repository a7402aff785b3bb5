"""The directory's search help and its "3 more in 동문재래시장" buttons against the demo data."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.services.app import Services
from kiosk.ui import ops
from kiosk.ui.shell import Shell
from kiosk.ui.tourist.flow import TouristFlow


def _tap(button: object) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def test_a_chip_fills_the_search_and_typing_reaches_the_keyboard(flow: TouristFlow) -> None:
    directory = flow.directory
    directory.select_market("dongmun")
    assist = directory.assist
    assert assist.isVisibleTo(directory) and not assist.keyboard.isVisibleTo(directory)
    _tap(assist.chip_buttons[0])
    assert directory.search_edit.text() == assist.chip_buttons[0].text() == "귤"
    directory.search_edit.setText("떡")
    assert assist.keyboard.text() == "떡"


def test_the_keyboard_stays_behind_its_button_with_a_touch_size(flow: TouristFlow) -> None:
    assist = flow.directory.assist
    assert assist.keyboard_button.height() >= 48
    _tap(assist.keyboard_button)
    assert assist.keyboard.isVisibleTo(flow.directory)
    _tap(assist.keyboard_button)
    assert not assist.keyboard.isVisibleTo(flow.directory)


def test_chips_follow_the_language(window: Shell, flow: TouristFlow) -> None:
    window.set_locale("ja")
    assert ops.wait_idle()
    assert flow.directory.assist.chip_buttons[0].text() == "みかん"
    window.set_locale("ko")


def test_more_in_another_market_switches_keeping_the_search(
    flow: TouristFlow, services: Services
) -> None:
    directory = flow.directory
    directory.select_market("dongmun")
    directory.search_edit.setText("김치")
    assert ops.wait_idle()
    expected = {
        m.slug: m.count
        for m in services.directory.market_matches(query="김치", home_slug="dongmun")
    }
    buttons = directory.more_in.buttons
    assert list(buttons) == ["bansong"] and expected["bansong"] > 0
    assert buttons["bansong"].text() == f"반송큰시장에 {expected['bansong']}곳 더  ›"
    assert directory.more_in.isVisibleTo(directory)
    _tap(buttons["bansong"])
    assert ops.wait_idle()
    assert directory.market_slug() == "bansong"
    assert directory.search_edit.text() == "김치"
    assert directory.model.rowCount() == expected["bansong"]
    assert "dongmun" in directory.more_in.buttons  # and back again


def test_no_buttons_for_a_blank_search_or_markets_without_matches(flow: TouristFlow) -> None:
    directory = flow.directory
    directory.select_market("dongmun")
    assert ops.wait_idle()
    assert not directory.more_in.buttons and not directory.more_in.isVisibleTo(directory)
    directory.search_edit.setText("みかん")  # only in 동문재래시장
    assert ops.wait_idle()
    assert not directory.more_in.buttons and not directory.more_in.isVisibleTo(directory)
