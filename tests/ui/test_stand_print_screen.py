"""The stand print screen: the manager's stores and whole market, and every fault in plain words."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from pytestqt.qtbot import QtBot
from ui_helpers import click

from kiosk.services.app import Services
from kiosk.ui import ops
from kiosk.ui.manager import stores
from kiosk.ui.manager.flow import ManagerFlow
from kiosk.ui.shell import Shell
from kiosk.ui.widgets import stand_paper, stand_print_screen
from kiosk.ui.widgets.stand_print_screen import StandPrintScreen


def screen_of(shell: Shell, services: Services) -> StandPrintScreen:
    return stand_print_screen.stand_screen(shell, services)


def wait_job(screen: StandPrintScreen, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not screen.job.is_running(), timeout=60_000)
    assert ops.wait_idle()


def select_rows(manager: ManagerFlow, rows: list[int]) -> None:
    table = manager.stores.table
    model = table.selectionModel()
    model.clear()
    for row in rows:
        index = manager.stores.proxy.index(row, 0)
        flag = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        model.select(index, flag)


def test_the_chosen_stores_and_the_whole_market(
    manager: ManagerFlow, shell: Shell, own_services: Services, qtbot: QtBot, tmp_path: Path
) -> None:
    with_codes = [
        row
        for row in range(manager.stores.proxy.rowCount())
        if manager.stores.proxy.data(
            manager.stores.proxy.index(row, 0), stores.STORE_ROLE
        ).kakao_channel_id
    ]
    select_rows(manager, with_codes[:2])
    click(manager.stores.chosen_stands)
    screen = screen_of(shell, own_services)
    assert shell.current_screen_name() == stand_print_screen.SCREEN
    stands = screen.stands()
    assert stands is not None and len(stands.pages) == 2
    assert screen.what.text() == "2 stores"
    click(screen.back_button)
    assert shell.current_screen_name() == stores.SCREEN

    click(manager.stores.market_stands)
    stands = screen.stands()
    market = manager.stores.current_market()
    assert market is not None and stands is not None
    with_codes = [
        s
        for s in own_services.directory.list_store_details(market_slug=market)
        if s.kakao_channel_id or s.payment_qr_payload
    ]
    assert len(stands.pages) == len(with_codes)
    screen.set_size("a4")
    screen.set_copies(2)
    out = tmp_path / "market.pdf"
    screen.save_stands(out)
    assert screen.job.bar.isVisibleTo(screen)
    wait_job(screen, qtbot)
    assert screen.status_text().startswith("✓ Saved: market.pdf")
    assert out.read_bytes().startswith(b"%PDF-")


def test_the_manager_makes_a_store_this_pcs_stall(
    manager: ManagerFlow, shell: Shell, own_services: Services
) -> None:
    select_rows(manager, [2])
    (chosen,) = manager.stores.chosen_stores()
    click(manager.stores.this_pc)
    store = own_services.directory.this_pc_store()
    assert store is not None and store.id == chosen.id
    shell.go_home()
    assert ops.wait_idle()
    assert shell.stall_row is not None and shell.stall_row.isVisible()
    assert chosen.stall_number in shell.stall_row.store_button.text()


@pytest.fixture
def one_stand(
    shell: Shell, own_services: Services, monkeypatch: pytest.MonkeyPatch
) -> StandPrintScreen:
    """One stand, printed and saved in a worker thread (so the faults injected here apply)."""
    store = own_services.directory.list_stores(market_slug="bansong")[2]
    screen = screen_of(shell, own_services)
    monkeypatch.setattr(screen, "in_child", False)
    screen.open_stands(market_slug="bansong", store_ids={store.id}, back=lambda: None)
    assert ops.wait_idle() and screen.stands() is not None
    return screen


def test_a_cancelled_print_dialog_prints_nothing(
    one_stand: StandPrintScreen, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed: list[object] = []
    monkeypatch.setattr(stand_paper, "has_printer", lambda: True)
    monkeypatch.setattr(stand_print_screen, "ask_print_dialog", lambda printer, parent: False)
    monkeypatch.setattr(stand_paper, "print_on", lambda *a, **k: printed.append(a))
    click(one_stand.print_button)
    assert one_stand.status_text() == "Printing was cancelled. Nothing was printed."
    assert printed == []


def test_no_printer_says_so_and_offers_the_file(
    one_stand: StandPrintScreen, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[object] = []
    monkeypatch.setattr(stand_paper, "has_printer", lambda: False)
    monkeypatch.setattr(stand_print_screen, "ask_print_dialog", lambda p, w: asked.append(p))
    click(one_stand.print_button)
    assert asked == []
    assert one_stand.status_text().startswith("⚠ No printer was found.")
    assert "save the stand as a file" in one_stand.status_text()


def test_a_failing_printer_is_a_plain_sentence(
    one_stand: StandPrintScreen, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    def fails(*_args: object, **_kw: object) -> int:
        from kiosk.render.stand_print import PRINTER_FAILED

        raise stand_paper.StandPrintError(PRINTER_FAILED())

    monkeypatch.setattr(stand_paper, "has_printer", lambda: True)
    monkeypatch.setattr(stand_print_screen, "ask_print_dialog", lambda p, w: True)
    monkeypatch.setattr(stand_paper, "print_on", fails)
    click(one_stand.print_button)
    wait_job(one_stand, qtbot)
    assert one_stand.status_text().startswith("⚠ The printer did not print.")
    assert one_stand.print_button.isEnabled()  # try again


def test_printing_sends_the_stand_and_counts_sheets(
    one_stand: StandPrintScreen, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, tmp_path: Path
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    def pdf_dialog(printer: QPrinter, _parent: object) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))
        return True

    monkeypatch.setattr(stand_paper, "has_printer", lambda: True)
    monkeypatch.setattr(stand_print_screen, "ask_print_dialog", pdf_dialog)
    one_stand.set_copies(2)
    click(one_stand.print_button)
    wait_job(one_stand, qtbot)
    assert one_stand.status_text().startswith("✓ Sent to the printer:")
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF-")


def test_a_full_disk_leaves_no_half_written_file(
    one_stand: StandPrintScreen, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, tmp_path: Path
) -> None:
    from kiosk.render import atomic

    def full(fd: int, data: bytes | memoryview) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    folder = tmp_path / "usb"
    folder.mkdir()
    monkeypatch.setattr(atomic, "_os_write", full)
    one_stand.save_stands(folder / "stand.pdf")
    wait_job(one_stand, qtbot)
    assert one_stand.status_text().startswith("⚠ The file was not saved: there is no room left")
    assert list(folder.iterdir()) == []


def test_stop_ends_a_long_job_after_the_current_stand(
    one_stand: StandPrintScreen, qtbot: QtBot
) -> None:
    from kiosk.ui.widgets.stand_job import Progress

    def work(progress: Progress) -> int:
        for done in range(1, 301):
            progress(done, 300)
            if done == 5:
                one_stand.job.stop()  # as if pressed on the GUI thread meanwhile
        return 300

    one_stand.job.start(work, on_done=lambda _v: None, on_error=one_stand._on_failed)
    wait_job(one_stand, qtbot)
    assert one_stand.status_text() == "⚠ Stopped after 6 of 300 stands."


def test_a_store_without_codes_says_what_to_do(shell: Shell, own_services: Services) -> None:
    bare = next(
        s
        for s in own_services.directory.list_store_details(market_slug="bansong")
        if not s.kakao_channel_id and not s.payment_qr_payload
    )
    screen = screen_of(shell, own_services)
    screen.open_stands(market_slug="bansong", store_ids={bare.id}, back=lambda: None)
    assert ops.wait_idle()
    assert screen.stands() is None and not screen.print_button.isEnabled()
    assert screen.status_text().startswith("⚠ There is no code to print yet.")


def test_in_a_child_process_a_bad_place_is_a_plain_sentence_and_printing_works(
    shell: Shell,
    own_services: Services,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    store = own_services.directory.list_stores(market_slug="bansong")[2]
    screen = screen_of(shell, own_services)
    assert screen.in_child
    screen.open_stands(market_slug="bansong", store_ids={store.id}, back=lambda: None)
    assert ops.wait_idle()
    screen.save_stands(tmp_path / "unplugged-usb" / "stand.pdf")
    wait_job(screen, qtbot)
    assert screen.status_text() == (
        "⚠ The file cannot be saved in that place. Choose another folder."
    ), screen.status.toolTip()
    assert not (tmp_path / "unplugged-usb").exists()

    def pdf_dialog(printer: QPrinter, _parent: object) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))
        return True

    monkeypatch.setattr(stand_paper, "has_printer", lambda: True)
    monkeypatch.setattr(stand_print_screen, "ask_print_dialog", pdf_dialog)
    click(screen.print_button)
    wait_job(screen, qtbot)
    assert screen.status_text().startswith("✓ Sent to the printer: 1 sheets")
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF-")
