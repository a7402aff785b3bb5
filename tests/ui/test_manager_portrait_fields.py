"""Manager pages on a portrait screen: the markets form goes under the list, no field is cut."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from pytestqt.qtbot import QtBot

from kiosk.qa.checks import describe, shown_widgets
from kiosk.qa.field_checks import field_problems
from kiosk.services.app import Services
from kiosk.ui import ops
from kiosk.ui.manager import markets
from kiosk.ui.manager.flow import ManagerFlow
from kiosk.ui.shell import Shell


@pytest.fixture
def flow(shell: Shell, manager: ManagerFlow) -> ManagerFlow:
    """The manager mode in English on a 1080x1920 window, signed in."""
    shell.resize(1080, 1920)
    return manager


def test_the_markets_form_goes_under_the_list_and_shows_whole_names(
    qtbot: QtBot, flow: ManagerFlow, own_services: Services
) -> None:
    shell = flow.markets.window()
    assert isinstance(shell, Shell)
    flow.show_page("markets")
    assert ops.wait_idle() and shell.current_screen_name() == markets.SCREEN
    page = flow.markets
    page.select("dongmun")  # "Dongmun Traditional Market", the longest English name
    qtbot.wait(50)
    names = page.names["en"]
    assert names.text() == "Dongmun Traditional Market"
    below = names.mapTo(page, QPoint(0, 0)).y()
    assert below > page.market_list.mapTo(page, QPoint(0, page.market_list.height())).y()
    problems = [
        f"{describe(widget)}: {problem}"
        for widget in shown_widgets(page)
        for problem in field_problems(widget)
    ]
    assert problems == []
