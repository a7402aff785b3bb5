"""The SEMAS registry's candidate review: listed, skipped, added all-or-nothing, refused files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from ui_helpers import PASSWORD

from kiosk.domain.access import Secret
from kiosk.services.app import Services
from kiosk.ui import ops
from kiosk.ui.manager import exchange_screen, public_stores_screen
from kiosk.ui.manager.flow import ManagerFlow, manager_flow
from kiosk.ui.shell import Shell
from tests.public.files import market_row, markets_file, semas_file, semas_row, write_csv

MARKET = "새벽가상시장"


@pytest.fixture
def flow(shell: Shell, own_services: Services, tmp_path: Path) -> ManagerFlow:
    services = own_services
    services.access.set_manager_password(
        actor=services.access.console_actor(), password=Secret(PASSWORD)
    )
    actor = services.access.sign_in_manager(password=Secret(PASSWORD))
    listed = markets_file(tmp_path / "markets.csv", [market_row(MARKET)])
    services.public.apply_markets(
        actor=actor, plan=services.public.check_markets(actor=actor, path=listed)
    )
    built = manager_flow(shell)
    built.sign_in_as(actor)
    assert ops.wait_idle()
    built.show_page("exchange")
    assert ops.wait_idle()
    assert shell.current_screen_name() == exchange_screen.SCREEN
    return built


def _slug(services: Services) -> str:
    return next(m.slug for m in services.directory.list_markets() if m.name.get("ko") == MARKET)


def _open(flow: ManagerFlow, services: Services) -> public_stores_screen.ManagerPublicStoresScreen:
    flow.exchange.market_box.setCurrentIndex(flow.exchange.market_box.findData(_slug(services)))
    QTest.mouseClick(flow.exchange.import_panel.public_button, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    screen = flow.public_stores
    assert flow._host.current_screen_name() == public_stores_screen.SCREEN
    assert screen.current_market() == _slug(services)
    return screen


def _registry(tmp_path: Path) -> Path:
    rows = [
        semas_row("MA0001", "가상수산", unit="1"),
        semas_row("MA0002", "가상청과", small="채소 소매", unit="2"),
        semas_row("MA0003", "먼가게", lat="35.2001"),  # far away: not this market's
        semas_row("MA0004", "가상떡집", lat="", lon="", building=MARKET, unit="4"),
    ]
    return semas_file(tmp_path / "registry.csv", rows)


def _names(services: Services) -> set[str]:
    stores = services.directory.list_stores(market_slug=_slug(services))
    return {s.name.get("ko") for s in stores}


def test_candidates_listed_one_skipped_only_accepted_written(
    flow: ManagerFlow, own_services: Services, tmp_path: Path
) -> None:
    screen = _open(flow, own_services)
    screen.check_file(_registry(tmp_path))
    assert ops.wait_idle()
    table = screen.table
    names = {table.item(row, 1).text() for row in range(table.rowCount())}
    assert names == {"가상수산", "가상청과", "가상떡집"}
    assert "no location" in " ".join(table.item(r, 5).text() for r in range(table.rowCount()))
    assert screen.add_button.text() == "Add 3 stores"
    assert "3 shops found — 3 new, 0 to update" in screen.summary.text()
    before = _names(own_services)
    skipped = next(r for r in range(table.rowCount()) if table.item(r, 1).text() == "가상청과")
    table.set_row(skipped, False)
    assert screen.add_button.text() == "Add 2 stores"
    screen.skip_all.click()
    table.set_row(skipped, True)
    assert screen.add_button.text() == "Add 1 store"  # ngettext: one, not "1 stores"
    table.set_row(skipped, False)
    for row in range(table.rowCount()):
        table.set_row(row, row != skipped)
    assert screen.add_button.text() == "Add 2 stores"
    assert _names(own_services) == before  # nothing written before Add
    QTest.mouseClick(screen.add_button, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    assert _names(own_services) - before == {"가상수산", "가상떡집"}
    assert "2 stores added" in screen.message.text()
    assert screen.plan() is None and not screen.add_button.isEnabled()


def test_skip_all_then_accept_all(
    flow: ManagerFlow, own_services: Services, tmp_path: Path
) -> None:
    screen = _open(flow, own_services)
    screen.check_file(_registry(tmp_path))
    assert ops.wait_idle()
    QTest.mouseClick(screen.skip_all, Qt.MouseButton.LeftButton)
    assert not screen.add_button.isEnabled()
    QTest.mouseClick(screen.accept_all, Qt.MouseButton.LeftButton)
    assert screen.add_button.text() == "Add 3 stores"


def test_a_file_with_missing_columns_is_named(
    flow: ManagerFlow, own_services: Services, tmp_path: Path
) -> None:
    screen = _open(flow, own_services)
    bad = write_csv(tmp_path / "other.csv", ["상가업소번호", "상호명"], [["MA1", "가게"]], "utf-8")
    before = _names(own_services)
    screen.check_file(bad)
    assert ops.wait_idle()
    text = screen.message.text()
    assert "Nothing was written" in text and "위도" in text
    assert screen.table.rowCount() == 0 and not screen.add_button.isEnabled()
    assert _names(own_services) == before


def test_cancel_writes_nothing_and_goes_back(
    flow: ManagerFlow, own_services: Services, tmp_path: Path
) -> None:
    screen = _open(flow, own_services)
    screen.check_file(_registry(tmp_path))
    assert ops.wait_idle()
    before = _names(own_services)
    QTest.mouseClick(screen.cancel_button, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    assert flow._host.current_screen_name() == exchange_screen.SCREEN
    assert screen.plan() is None and screen.table.rowCount() == 0
    assert _names(own_services) == before


def test_signing_out_forgets_the_candidates(
    flow: ManagerFlow, own_services: Services, tmp_path: Path
) -> None:
    screen = _open(flow, own_services)
    screen.check_file(_registry(tmp_path))
    assert ops.wait_idle()
    flow.sign_out()
    assert screen.plan() is None and screen.table.rowCount() == 0
