"""`market-kiosk this-pc set|show|clear`: the home market, kept beside the onboarding store."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.cli import main
from kiosk.services.app import Services


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    database = "sqlite:///" + (tmp_path / "cli.sqlite3").as_posix()
    Services.open(database, seed_demo=True).close()
    monkeypatch.setenv("KIOSK_DATABASE_URL", database)
    monkeypatch.setenv("KIOSK_CHECKLIST_DIR", str(tmp_path / "pc"))
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    return database


def test_set_show_and_clear(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["this-pc", "show"]) == 0
    assert "home market: none" in capsys.readouterr().out
    assert main(["this-pc", "set", "--market", "dongmun", "--store", "A-1"]) == 0
    assert "dongmun stall A-1" in capsys.readouterr().out
    assert main(["this-pc", "show"]) == 0
    out = capsys.readouterr().out
    assert "home market: dongmun" in out and "home stall: A-1" in out
    with Services.open(url) as services:
        home = services.directory.home_market()
        assert home is not None and (home.market_slug, home.stall) == ("dongmun", "A-1")
    assert main(["this-pc", "clear"]) == 0
    with Services.open(url) as services:
        assert services.directory.home_market() is None


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        (["--market", "nowhere"], "no market 'nowhere'"),
        (["--market", "dongmun", "--store", "ZZ-9"], "'ZZ-9'"),
    ],
)
def test_unknown_market_or_stall_is_refused_and_nothing_written(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], error: str
) -> None:
    assert main(["this-pc", "set", *argv]) == 2
    assert error in capsys.readouterr().err
    assert not (tmp_path / "pc" / "this-pc.json").exists()


def test_home_market_keeps_the_remembered_store(url: str, tmp_path: Path) -> None:
    with Services.open(url) as services:
        store_id = services.directory.list_stores(market_slug="bansong")[0].id
        services.onboarding.remember_store(store_id=store_id)
    assert main(["this-pc", "set", "--market", "dongmun"]) == 0
    with Services.open(url) as services:
        assert services.onboarding.remembered_store() == store_id
        services.onboarding.remember_store(store_id=None)
        home = services.directory.home_market()
        assert home is not None and home.market_slug == "dongmun" and home.stall is None
    data = json.loads((tmp_path / "pc" / "this-pc.json").read_text(encoding="utf-8"))
    assert data["stores"] == {} and url in data["home_markets"]


def test_set_home_market_needs_the_manager(url: str) -> None:
    from kiosk.domain.access import Actor, Role

    with Services.open(url) as services:
        stranger = Actor(Role.MANAGER, "pc", None, "password")  # never signed in
        with pytest.raises(Exception, match=r"(?i)sign"):
            services.directory.set_home_market(actor=stranger, market_slug="dongmun")


def test_setting_the_home_market_is_audited_and_told_to_this_pcs_screens(url: str) -> None:
    from kiosk.domain.audit import AuditAction
    from kiosk.services.changes import Change, ChangeKind

    with Services.open(url) as services:
        console = services.access.console_actor()
        seen: list[Change] = []
        services.changes.subscribe(seen.append)
        services.directory.set_home_market(actor=console, market_slug="dongmun")
        services.directory.set_home_market(actor=console, market_slug="dongmun", stall="A-1")
        services.directory.set_home_market(actor=console, market_slug=None)
        assert seen == [Change(ChangeKind.MARKETS)] * 3
        log = services.audit.audit_log(actor=console, actions=(AuditAction.HOME_MARKET_SET,))
        assert [(e.changes[0].old, e.changes[0].new) for e in reversed(log)] == [
            ("", "dongmun"),
            ("dongmun", "dongmun stall A-1"),
            ("dongmun stall A-1", ""),
        ]
        assert {e.subject for e in log} == {console.pc}


def test_set_stall_makes_this_pcs_stall_for_the_start_screen(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--stall` (the older `--store` still works) names the stall the start screen offers."""
    assert main(["this-pc", "set", "--market", "bansong", "--stall", "A-3"]) == 0
    assert "bansong stall A-3" in capsys.readouterr().out
    with Services.open(url) as services:
        store = services.directory.this_pc_store()
        assert store is not None and (store.market_slug, store.stall_number) == ("bansong", "A-3")


def test_without_a_home_stall_the_onboarding_store_is_this_pcs_stall(url: str) -> None:
    with Services.open(url) as services:
        assert services.directory.this_pc_store() is None
        store = services.directory.list_stores(market_slug="dongmun")[1]
        services.onboarding.remember_store(store_id=store.id)
        found = services.directory.this_pc_store()
        assert found is not None and found.id == store.id
