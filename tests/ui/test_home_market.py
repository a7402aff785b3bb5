"""This PC's home market: the tourist directory opens on it and the start screen names it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.services.app import Services
from kiosk.ui import ops
from kiosk.ui.shell import Shell
from kiosk.ui.tourist.flow import tourist_flow


@pytest.fixture
def jeju_pc(services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Services:
    monkeypatch.setenv("KIOSK_CHECKLIST_DIR", str(tmp_path / "pc"))
    manager = services.access.console_actor()
    services.directory.set_home_market(actor=manager, market_slug="dongmun")
    return services


def test_directory_opens_on_the_home_market(jeju_pc: Services, window: Shell) -> None:
    flow = tourist_flow(window)
    flow.open_directory()
    assert ops.wait_idle()
    assert flow.directory.market_slug() == "dongmun"
    flow.directory.select_market("bansong")
    assert ops.wait_idle()
    flow.directory.go_home_market()
    assert ops.wait_idle()
    assert flow.directory.market_slug() == "dongmun"


def test_without_a_home_market_the_first_market_shows(
    services: Services, window: Shell, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIOSK_CHECKLIST_DIR", str(tmp_path / "empty"))
    flow = tourist_flow(window)
    flow.open_directory()
    assert ops.wait_idle()
    assert flow.directory.market_slug() == "bansong"


def test_start_screen_names_the_home_market(jeju_pc: Services, window: Shell) -> None:
    plain = window.start_screen._welcome.text()
    window.name_home_market()
    assert ops.wait_idle()
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    named = window.start_screen._welcome.text()
    assert named != plain
    assert "동문재래시장" in named


def test_the_card_names_the_database_never_a_password(services: Services) -> None:
    from kiosk.i18n import set_locale
    from kiosk.ui.manager.this_pc_home import ThisPcHome

    card = ThisPcHome(services)
    assert card.database.text() == "이 PC에만 저장된 데이터: demo.sqlite3"
    set_locale("en")
    try:
        card.retranslate()
        assert card.database.text() == "Data kept on this PC only: demo.sqlite3"
    finally:
        set_locale("ko")
    card.deleteLater()


@pytest.mark.postgres
def test_a_server_database_shows_host_and_name(postgres_url: str) -> None:
    from sqlalchemy import make_url

    from kiosk.ui.manager.this_pc_home import ThisPcHome

    url = make_url(postgres_url).set(password="never-shown")
    with Services.open(url.render_as_string(hide_password=False)) as server:
        card = ThisPcHome(server)
        text = card.database.text()
        card.deleteLater()
    assert text == f"시장 서버의 데이터베이스: {url.host}:{url.port} / {url.database}"
    assert "never-shown" not in text
