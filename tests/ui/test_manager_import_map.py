"""The column mapping step: a roster (XLSX or CP949 CSV) in its own layout, mapped, imported."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.domain.audit import AuditAction
from kiosk.services.app import Services
from kiosk.ui import ops
from kiosk.ui.manager import exchange_screen, import_map_screen
from kiosk.ui.manager.flow import ManagerFlow
from kiosk.ui.shell import Shell

#: A merchants' association roster (invented merchants), in its own layout.
HEADER = ["순번", "점포번호", "상호명", "대표자", "전화번호(휴대폰)", "주요상품", "비고"]
ROWS = [
    ["1", "R-1", "가상수산", "홍가상", "010-1234-0001", "고등어", "1층"],
    ["2", "R-2", "가상청과", "김가상", "010-1234-0002", "사과", ""],
    ["3", "R-3", "가상떡집", "이가상", "051-000-0003", "", "휴무 월"],
]


@pytest.fixture
def flow(manager: ManagerFlow) -> ManagerFlow:
    manager.show_page("exchange")
    assert ops.wait_idle()
    return manager


def _xlsx(path: Path, rows: list[list[str]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "명부"
    for row in [HEADER, *rows]:
        sheet.append(row)
    book.save(path)
    return path


def _cp949(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows([header, *rows])
    path.write_bytes(out.getvalue().encode("cp949"))
    return path


def _open_step(flow: ManagerFlow, shell: Shell, path: Path) -> import_map_screen.ImportMapScreen:
    flow.exchange.check_file(path)
    assert ops.wait_idle()
    assert shell.current_screen_name() == import_map_screen.SCREEN
    return flow.import_map


def _check(flow: ManagerFlow, shell: Shell) -> exchange_screen.ManagerExchangeScreen:
    QTest.mouseClick(flow.import_map.check_button, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    assert shell.current_screen_name() == exchange_screen.SCREEN
    return flow.exchange


def test_an_xlsx_roster_is_guessed_changed_imported_and_remembered(
    flow: ManagerFlow, shell: Shell, own_services: Services, tmp_path: Path
) -> None:
    path = _xlsx(tmp_path / "명부.xlsx", ROWS)
    step = _open_step(flow, shell, path)
    assert step.mapping() == {
        "stall_number": "점포번호",
        "name_ko": "상호명",
        "phone": "전화번호(휴대폰)",
        "good_name_ko": "주요상품",
    }
    assert step.heading.text() == "Match the columns of 명부.xlsx"
    table = step.preview
    assert table.rowCount() == 3 and table.verticalHeaderItem(0).text() == "2"
    labels = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert labels == ["Stall number", "Name · 한국어", "Phone", "Good name · 한국어"]
    step.set_column("good_name_ko", "")  # the manager: no goods from this file
    step.set_column("description_ko", "비고")
    assert table.item(2, 2).text() == "휴무 월" and table.columnCount() == 4
    page = _check(flow, shell)
    assert "Stores: 3 new" in page.summary.toPlainText()
    assert page.import_panel.columns_button.isVisible()
    QTest.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    assert page.message.text().startswith("✓ Imported.")
    stores = {s.stall_number: s for s in own_services.directory.list_stores(market_slug="bansong")}
    assert stores["R-3"].name.get("ko") == "가상떡집"
    detail = own_services.directory.get_store(store_id=stores["R-3"].id)
    assert detail.description.get("ko") == "휴무 월" and not detail.products
    entry = own_services.audit.audit_log(
        actor=flow.actor, actions=(AuditAction.LISTINGS_IMPORTED,), limit=1
    )[0]
    assert "명부.xlsx: 3 new" in entry.subject
    # The next roster of this market starts from the mapping it used.
    again = _open_step(flow, shell, _xlsx(tmp_path / "명부2.xlsx", ROWS[:1]))
    assert again.mapping()["description_ko"] == "비고" and "good_name_ko" not in again.mapping()
    assert "as at the last import for" in again.hint.text()


def test_a_cp949_roster_names_the_missing_field_and_the_bad_row(
    flow: ManagerFlow, shell: Shell, tmp_path: Path
) -> None:
    header = ["번호", "호수", "가게", "연락처"]
    rows = [["1", "C-1", "가상반찬", "051-000-1111"], ["2", "C-2", "가상분식", "12"]]
    step = _open_step(flow, shell, _cp949(tmp_path / "roster.csv", header, rows))
    assert step.mapping() == {"stall_number": "호수", "name_ko": "가게", "phone": "연락처"}
    step.set_column("stall_number", "")
    assert step.message.text() == "⚠ Choose a column for: Stall number. The import needs it."
    assert not step.check_button.isEnabled()
    step.set_column("stall_number", "연락처")
    assert "one column fills one field" in step.message.text()
    assert not step.check_button.isEnabled()
    step.set_column("stall_number", "호수")
    assert step.check_button.isEnabled()
    page = _check(flow, shell)
    summary = page.summary.toPlainText()
    assert "1 problems" not in summary and "nothing was imported" in summary
    assert 'roster.csv, row 3: 연락처 (전화번호) "12" is not a Korean phone number' in summary
    assert not page.import_button.isEnabled()
    # Back to the step with the choice kept, then Cancel writes nothing.
    QTest.mouseClick(page.import_panel.columns_button, Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    assert shell.current_screen_name() == import_map_screen.SCREEN
    assert flow.import_map.mapping()["phone"] == "연락처"
    QTest.mouseClick(flow.import_map.cancel_button, Qt.MouseButton.LeftButton)
    assert shell.current_screen_name() == exchange_screen.SCREEN
    assert page.import_panel.columns_button.isVisible()
    flow.sign_out()  # forgets the roster and its mapping
    assert not page.import_panel.columns_button.isVisible()
    assert flow.import_map.mapping() == {}


def test_the_template_needs_no_mapping_step(
    flow: ManagerFlow, shell: Shell, tmp_path: Path
) -> None:
    out = tmp_path / "bansong.csv"
    flow.exchange.export_to(out)
    assert ops.wait_idle()
    flow.exchange.check_file(out)
    assert ops.wait_idle()
    assert shell.current_screen_name() == exchange_screen.SCREEN
    assert "Stores: 0 new" in flow.exchange.summary.toPlainText()
    assert not flow.exchange.import_panel.columns_button.isVisible()


def test_a_roster_that_reads_two_ways_asks_then_maps_in_the_chosen_reading(
    flow: ManagerFlow, shell: Shell, tmp_path: Path
) -> None:
    name = "치킨"  # each syllable's two CP949 bytes are also one UTF-8 character
    path = tmp_path / "roster.csv"
    path.write_bytes(f"No,Stall,Shop name,Tel\r\n1,Z-7,{name},\r\n".encode("cp949"))
    page = flow.exchange
    page.check_file(path)
    assert ops.wait_idle()
    choice = page.import_panel.encoding
    assert choice.isVisible() and shell.current_screen_name() == exchange_screen.SCREEN
    QTest.mouseClick(choice.buttons["cp949"], Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    assert shell.current_screen_name() == import_map_screen.SCREEN
    step = flow.import_map
    assert step.mapping() == {"stall_number": "Stall", "name_ko": "Shop name", "phone": "Tel"}
    assert step.preview.item(0, 1).text() == name
    page = _check(flow, shell)
    assert f"New store: Z-7 {name}" in page.summary.toPlainText()
    assert page.import_button.isEnabled()
