"""Import / Export / Backup in manager mode: export, dry run then import, refusals, backups."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from ui_helpers import PASSWORD

from kiosk.domain.exchange import file_format as fmt
from kiosk.services.app import Services
from kiosk.ui import ops
from kiosk.ui.manager import exchange_screen, stores
from kiosk.ui.manager.flow import ManagerFlow, manager_flow
from kiosk.ui.shell import Shell


@pytest.fixture
def flow(shell: Shell, manager: ManagerFlow) -> ManagerFlow:
    QTest.mouseClick(manager.stores.header.page_buttons["exchange"], Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    assert shell.current_screen_name() == exchange_screen.SCREEN
    return manager


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def _save(path: Path, rows: list[list[str]]) -> None:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    path.write_bytes(out.getvalue().encode("cp949", errors="replace"))


def test_export_then_dry_run_then_import(flow: ManagerFlow, tmp_path: Path) -> None:
    page = flow.exchange
    assert page.current_market() == "bansong"
    out = tmp_path / "bansong.csv"
    page.export_to(out)
    assert ops.wait_idle()
    assert page.message.text() == f"✓ Saved 24 stores and 125 goods to {out}"
    rows = _rows(out)
    price = rows[0].index(fmt.PRICE.header)
    rows[1][price] = "9900"
    _save(out, rows)
    page.check_file(out)
    assert ops.wait_idle()
    summary = page.summary.toPlainText()
    assert "Stores: 0 new, 1 changed, 23 unchanged, 0 deactivated" in summary
    assert "texts were kept as saved" in summary  # CP949 had no room for simplified Chinese
    assert page.import_button.isEnabled()
    stores_before = flow.stores.model.rowCount()
    QTest.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    assert page.message.text().startswith("✓ Imported.")
    assert not page.import_button.isEnabled() and page.plan() is None
    assert flow.stores.model.rowCount() == stores_before


def test_a_refused_file_lists_its_problems_and_imports_nothing(
    flow: ManagerFlow, own_services: Services, tmp_path: Path
) -> None:
    page = flow.exchange
    out = tmp_path / "b.csv"
    page.export_to(out)
    assert ops.wait_idle()
    rows = _rows(out)
    rows[2][rows[0].index(fmt.PRICE.header)] = "12,00원"
    _save(out, rows)
    page.check_file(out)
    assert ops.wait_idle()
    text = page.summary.toPlainText()
    assert text.startswith("⚠ 1 problem; nothing was imported. Fix it in the file:")
    assert 'b.csv, row 3: 가격 "12,00원" is not a whole number of won' in text
    assert not page.import_button.isEnabled()
    assert page.message.text() == "⚠ The file was not imported."


def test_codes_changed_by_a_file_ask_for_the_password(
    flow: ManagerFlow, own_services: Services, tmp_path: Path
) -> None:
    page = flow.exchange
    out = tmp_path / "b.csv"
    page.export_to(out)
    assert ops.wait_idle()
    rows = _rows(out)
    header = rows[0]
    for row in rows[1:]:
        if row[header.index(fmt.STALL.header)] == "A-1":
            row[header.index(fmt.KAKAO.header)] = "_FileDemo7"
    _save(out, rows)
    page.check_file(out)
    assert ops.wait_idle()
    QTest.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    assert page.proof.isVisible() and page.plan() is not None
    page.proof.field.setText(PASSWORD)
    QTest.mouseClick(page.proof.confirm_button, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    a1 = own_services.directory.list_stores(market_slug="bansong", query="A-1")[0]
    assert own_services.directory.get_store(store_id=a1.id).kakao_channel_id == "_FileDemo7"


def test_backup_and_restore_with_a_second_press(
    flow: ManagerFlow, own_services: Services, tmp_path: Path
) -> None:
    page = flow.exchange
    assert page.backup_state.text() == "No backup yet. One is made every day at start."
    QTest.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    assert page.message.text().startswith("✓ Backup written: ")
    assert page.backup_state.text().startswith("Newest backup: ")
    [backup] = own_services.backups.latest_backups()
    own_services.listings.remove_market(actor=own_services.access.console_actor(), slug="dongmun")
    page.restore_from(backup)
    assert ops.wait_idle()
    assert "Press the restore button again to confirm" in page.message.text()
    assert page.restore_button.text() == f"Restore {backup.name} now"
    assert len(own_services.directory.list_markets()) == 1  # asked, not done
    QTest.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    assert page.message.text().startswith("✓ Restored.")
    assert len(own_services.directory.list_markets()) == 2


def test_signing_out_forgets_the_plan(flow: ManagerFlow, tmp_path: Path) -> None:
    page = flow.exchange
    out = tmp_path / "b.xlsx"
    page.export_to(out)
    assert ops.wait_idle()
    page.check_file(out)
    assert ops.wait_idle()
    assert page.plan() is not None
    flow.sign_out()
    assert page.plan() is None and page.summary.toPlainText() == ""


def test_the_page_is_not_reachable_without_signing_in(shell: Shell) -> None:
    built = manager_flow(shell)
    built.show_page("exchange")
    assert shell.current_screen_name() != exchange_screen.SCREEN
    assert shell.current_screen_name() != stores.SCREEN


def test_a_csv_that_reads_two_ways_asks_which_reading_is_right(
    flow: ManagerFlow, own_services: Services, tmp_path: Path
) -> None:
    page = flow.exchange
    name = "치킨"  # each syllable's two CP949 bytes are also one UTF-8 character
    values = {"market": "bansong", "stall_number": "Z-7", "category": "other", "name_ko": name}
    header = [c.key for c in fmt.FLAT_COLUMNS]
    row = [values.get(key, "") for key in header]
    path = tmp_path / "short.csv"
    path.write_bytes(f"{','.join(header)}\r\n{','.join(row)}\r\n".encode("cp949"))
    page.check_file(path)
    assert ops.wait_idle()
    choice = page.import_panel.encoding
    assert choice.isVisible() and not page.import_button.isEnabled()
    assert page.summary.toPlainText() == "⚠ Choose how to read short.csv."
    assert "line 2" in choice.question.text()
    shown = choice.buttons["cp949"].text()
    assert shown.startswith(f"Korean Excel CSV (CP949): bansong,Z-7,other,{name},")
    assert name not in choice.buttons["utf-8"].text()
    QTest.mouseClick(choice.buttons["cp949"], Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    assert not choice.isVisible()
    assert f"New store: Z-7 {name}" in page.summary.toPlainText()
    assert page.import_button.isEnabled()
