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
