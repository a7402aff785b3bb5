"""Manager mode, market holidays: pick a date, add (a date twice is refused), remove, per market."""

from __future__ import annotations

from datetime import date

from ui_helpers import click

from kiosk.domain.audit import AuditAction
from kiosk.services.app import Services
from kiosk.ui import ops
from kiosk.ui.manager import holidays_screen
from kiosk.ui.manager.flow import ManagerFlow
from kiosk.ui.shell import Shell


def _open(manager: ManagerFlow, shell: Shell, slug: str) -> holidays_screen.ManagerHolidaysScreen:
    click(manager.stores.header.page_buttons["markets"])
    manager.markets.select(slug)
    click(manager.markets.holidays_button)
    assert ops.wait_idle()
    assert shell.current_screen_name() == holidays_screen.SCREEN
    return manager.holidays


def _lines(screen: holidays_screen.ManagerHolidaysScreen) -> list[str]:
    return [screen.days.item(row).text() for row in range(screen.days.count())]  # type: ignore[union-attr]


def test_the_markets_holidays_are_listed_added_and_removed(
    manager: ManagerFlow, shell: Shell, own_services: Services
) -> None:
    screen = _open(manager, shell, "dongmun")
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
    manager: ManagerFlow, shell: Shell, own_services: Services
) -> None:
    screen = _open(manager, shell, "bansong")
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
