"""Manager mode, market holidays: pick a date, add (a date twice is refused), remove, per market."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pytestqt.qtbot import QtBot
from ui_helpers import click, shown_shell, signed_in_manager

from kiosk import i18n
from kiosk.domain.audit import AuditAction
from kiosk.services.app import Services
from kiosk.ui import ops
from kiosk.ui.manager import holidays_screen, stores
from kiosk.ui.manager.flow import ManagerFlow
from kiosk.ui.shell import Shell

PASSWORD = "market-office-2026"


@pytest.fixture
def shell(qtbot: QtBot, own_services: Services) -> Iterator[Shell]:
    i18n.set_locale("en")
    yield from shown_shell(qtbot, own_services, "en")


@pytest.fixture
def flow(shell: Shell, own_services: Services) -> ManagerFlow:
    built = signed_in_manager(shell, own_services, PASSWORD)
    assert shell.current_screen_name() == stores.SCREEN
    return built


def _open(flow: ManagerFlow, shell: Shell, slug: str) -> holidays_screen.ManagerHolidaysScreen:
    click(flow.stores.header.page_buttons["markets"])
    flow.markets.select(slug)
    click(flow.markets.holidays_button)
    assert ops.wait_idle()
    assert shell.current_screen_name() == holidays_screen.SCREEN
    return flow.holidays


def _lines(screen: holidays_screen.ManagerHolidaysScreen) -> list[str]:
    return [screen.days.item(row).text() for row in range(screen.days.count())]  # type: ignore[union-attr]


def test_the_markets_holidays_are_listed_added_and_removed(
    flow: ManagerFlow, shell: Shell, own_services: Services
) -> None:
    screen = _open(flow, shell, "dongmun")
    assert screen.current_slug() == "dongmun"
    assert _lines(screen)[0] == "2027-02-06 (Sat)  설날 연휴"
    assert len(_lines(screen)) == 6
    screen.set_date(date(2027, 3, 2))
    screen.name.setText("지붕 공사")
    click(screen.add_button)
    assert ops.wait_idle()
    assert screen.message.text() == "✓ Added 2027-03-02 (Tue)  지붕 공사."
    assert "2027-03-02 (Tue)  지붕 공사" in _lines(screen)
    assert date(2027, 3, 2) not in own_services.holidays.holiday_dates()["bansong"]
    screen.days.setCurrentRow(_lines(screen).index("2027-03-02 (Tue)  지붕 공사"))
    click(screen.remove_button)
    assert ops.wait_idle()
    assert screen.message.text().startswith("✓ Removed 2027-03-02")
    assert len(_lines(screen)) == 6
    log = own_services.audit.audit_log(actor=own_services.access.console_actor())
    assert [e.action for e in log[:2]] == [AuditAction.HOLIDAY_REMOVED, AuditAction.HOLIDAY_ADDED]


def test_a_date_listed_already_is_named_under_the_date_and_not_added(
    flow: ManagerFlow, shell: Shell, own_services: Services
) -> None:
    screen = _open(flow, shell, "bansong")
    screen.set_date(date(2027, 2, 7))
    click(screen.add_button)
    assert ops.wait_idle()
    assert screen.problems["date"].text() == (
        "⚠ 반송큰시장 already has a holiday on 2027-02-07 (설날 연휴); nothing was added"
    )
    assert len(_lines(screen)) == 6
    log = own_services.audit.audit_log(actor=own_services.access.console_actor())
    assert AuditAction.HOLIDAY_ADDED not in {e.action for e in log}
    screen.market.setCurrentIndex(screen.market.findData("dongmun"))
    assert ops.wait_idle()
    assert screen.problems["date"].text() == ""
