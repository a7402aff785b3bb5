"""Manager mode, exchange rates: type a rate (bad next to good), the age limit, remove, preview."""

from __future__ import annotations

import pytest
from ui_helpers import click

from kiosk.domain.audit import AuditAction
from kiosk.services.app import Services
from kiosk.ui import ops
from kiosk.ui.manager import rates_screen
from kiosk.ui.manager.flow import ManagerFlow
from kiosk.ui.shell import Shell


def _open(manager: ManagerFlow, shell: Shell) -> rates_screen.ManagerRatesScreen:
    click(manager.stores.header.page_buttons["markets"])
    click(manager.markets.rates_button)
    assert shell.current_screen_name() == rates_screen.SCREEN
    return manager.rates


def test_a_rate_typed_is_saved_listed_previewed_and_audited(
    manager: ManagerFlow, shell: Shell, own_services: Services
) -> None:
    screen = _open(manager, shell)
    assert screen.table.rowCount() == 0
    assert screen.preview.text() == "No rate is shown now."
    screen.currency.setCurrentText("JPY")
    screen.rate.setText("9.05")
    click(screen.save_button)
    assert screen.message.text() == "✓ Saved."
    assert ops.wait_idle()
    assert screen.table.rowCount() == 1
    assert [screen.table.item(0, c).text() for c in range(2)] == ["JPY", "9.05"]  # type: ignore[union-attr]
    assert screen.table.item(0, 3).text() == "✓ Yes"  # type: ignore[union-attr]
    assert "約￥1,660" in screen.preview.text()
    log = own_services.audit.audit_log(actor=own_services.access.console_actor())
    assert log[0].action is AuditAction.RATE_SET


@pytest.mark.parametrize(
    ("currency", "rate", "day", "field", "words"),
    [
        ("YEN", "9", "", "currency", '"YEN" is not a currency code'),
        ("JPY", "905", "", "rate", "905 won for one JPY cannot be right"),
        ("JPY", "0", "", "rate", "must be more than 0 won"),
        ("JPY", "9", "2999-01-01", "date", "is after today"),
        ("JPY", "9", "12/01", "date", "Type the date as 2026-12-01."),
    ],
)
def test_a_bad_rate_is_named_under_its_field_and_not_saved(  # noqa: PLR0917
    manager: ManagerFlow,
    shell: Shell,
    own_services: Services,
    currency: str,
    rate: str,
    day: str,
    field: str,
    words: str,
) -> None:
    screen = _open(manager, shell)
    screen.currency.setCurrentText(currency)
    screen.rate.setText(rate)
    screen.day.setText(day)
    click(screen.save_button)
    assert screen.problems[field].text().startswith("⚠ ")
    assert words in screen.problems[field].text()
    assert own_services.rates.rate_card().rates == ()


def test_the_max_age_and_remove(manager: ManagerFlow, shell: Shell, own_services: Services) -> None:
    console = own_services.access.console_actor()
    own_services.rates.set_rate(actor=console, currency="USD", rate="1385")
    screen = _open(manager, shell)
    assert screen.age.text() == "14"
    screen.age.setText("0")
    click(screen.save_age)
    assert "is not a number of days from 1 to 365" in screen.problems["max_age"].text()
    screen.age.setText("30")
    click(screen.save_age)
    assert ops.wait_idle()
    assert own_services.rates.rate_card().max_age_days == 30
    assert not screen.remove_button.isEnabled()
    screen.table.selectRow(0)
    assert screen.rate.text() == "1385"
    click(screen.remove_button)
    assert ops.wait_idle()
    assert own_services.rates.rate_card().rates == ()
    assert screen.table.rowCount() == 0
