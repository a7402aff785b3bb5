"""The top bar names this PC's database on staff screens and says calmly when the server is away."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import make_url
from ui_helpers import PASSWORD, click, shown_shell, signed_in_manager

from kiosk import i18n
from kiosk.data.db import Database
from kiosk.services.app import Services
from kiosk.services.values import Change, ChangeKind, DatabaseFaultError
from kiosk.ui import ops
from kiosk.ui.manager import rates_screen
from kiosk.ui.manager.flow import manager_flow
from kiosk.ui.shell import Shell
from kiosk.ui.tourist.flow import DIRECTORY, tourist_flow
from kiosk.ui.widgets.connection_line import ConnectionLine, is_staff_screen
from tests.factories.tcp_cut import forwarder_to


def _line(shell: Shell) -> ConnectionLine:
    line = shell.findChild(ConnectionLine)
    assert line is not None
    return line


def test_staff_screens_only() -> None:
    assert is_staff_screen("manager-stores") and is_staff_screen("merchant-goods")
    assert is_staff_screen("onboarding-step") and is_staff_screen("stand-print")
    assert not is_staff_screen("tourist-directory") and not is_staff_screen("store-detail")
    assert not is_staff_screen("signage-loop")


def test_the_away_server_shows_refuses_the_save_and_clears(
    qtbot: QtBot, shell: Shell, own_services: Services
) -> None:
    flow = signed_in_manager(shell, own_services, PASSWORD)
    line = _line(shell)
    assert line.isVisible() and line.database.isVisible() and not line.away.isVisible()
    assert line.database.text() == "This PC (SQLite)"
    click(flow.stores.header.page_buttons["markets"])
    click(flow.markets.rates_button)
    assert shell.current_screen_name() == rates_screen.SCREEN

    own_services.live.link.set(False)  # what a failed poll does
    qtbot.waitUntil(line.away.isVisible)
    assert not line.database.isVisible()
    assert line.away.text() == "Not connected to the server · reconnecting…"
    flow.rates.currency.setCurrentText("JPY")
    flow.rates.rate.setText("9.05")
    click(flow.rates.save_button)
    assert flow.rates.message.text().startswith("⚠ Not connected to the server.")
    assert own_services.rates.rate_card().rates == ()  # nothing saved

    i18n.set_locale("ko")
    assert line.away.text() == "서버에 연결되지 않았습니다 · 다시 연결하는 중…"
    shell.resize(1080, 1920)  # portrait: the short words, the language bar keeps its room
    qtbot.waitUntil(lambda: line.away.text() == "서버에 연결되지 않았습니다")
    assert line.away.geometry().right() <= line.width()
    shell.resize(1366, 768)
    qtbot.waitUntil(lambda: line.away.text().endswith("다시 연결하는 중…"))
    i18n.set_locale("en")
    own_services.live.link.set(True)  # the next poll got through
    qtbot.waitUntil(line.database.isVisible)
    assert not line.away.isVisible()
    click(flow.rates.save_button)
    assert flow.rates.message.text() == "✓ Saved."


def test_tourist_screens_never_show_it(qtbot: QtBot, shell: Shell, own_services: Services) -> None:
    tourist_flow(shell).open_directory()
    assert ops.wait_idle()
    assert shell.current_screen_name() == DIRECTORY
    own_services.live.link.set(False)
    qtbot.wait(50)
    assert not _line(shell).isVisible()
    own_services.live.link.set(True)


def test_a_tourist_keeps_the_last_good_list_while_the_server_is_away(
    shell: Shell, own_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    flow = tourist_flow(shell)
    flow.open_directory()
    assert ops.wait_idle()
    shown = flow.directory.model.rowCount()
    assert shown > 0

    def away(**_kwargs: object) -> None:
        raise DatabaseFaultError("lost", "db.example / market")

    monkeypatch.setattr(own_services.directory, "get_store", away)
    monkeypatch.setattr(own_services.directory, "list_stores", away)
    flow.open_store(1)
    flow.directory.reload()
    assert ops.wait_idle()
    assert shell.current_screen_name() == DIRECTORY
    assert flow.directory.model.rowCount() == shown
    assert flow.directory.grid.isVisible()  # no error text instead of the list


@pytest.mark.postgres
def test_the_shell_notices_a_real_server_go_and_come_back(qtbot: QtBot, postgres_url: str) -> None:
    """Through a forwarder the test cuts: the live refresh's own polls drive the line."""
    Database.open(postgres_url).close()
    with (
        forwarder_to(postgres_url) as forwarder,
        Services.open(forwarder.url(postgres_url)) as services,
    ):
        shells = shown_shell(qtbot, services, "en")
        shell = next(shells)
        assert shell.live_refresh is not None
        shell.live_refresh.stop()  # the test polls by hand, one poll at a time
        manager_flow(shell).open()
        assert ops.wait_idle()
        line = _line(shell)
        database = make_url(postgres_url).database
        assert line.database.text() == f"Database: 127.0.0.1:{forwarder.port} / {database}"
        changes: list[object] = []
        shell.events.changed.connect(changes.append)

        forwarder.cut()
        shell.live_refresh.poll()
        qtbot.waitUntil(line.away.isVisible, timeout=15_000)
        assert ops.wait_idle()
        forwarder.restore()
        shell.live_refresh.poll()
        qtbot.waitUntil(line.database.isVisible, timeout=15_000)
        assert not line.away.isVisible()
        qtbot.waitUntil(lambda: Change(ChangeKind.MARKETS) in changes)  # every screen reloads
        shell.close()
        next(shells, None)
