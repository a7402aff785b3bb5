"""`market-kiosk markets holidays list|add|remove` from the command line; bad input refused."""

from __future__ import annotations

import json
import os
from datetime import date
from io import StringIO
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.cli import main
from kiosk.cli.holidays import write_holidays
from kiosk.domain.market_holidays import MarketHoliday
from kiosk.services.app import Services


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    database = "sqlite:///" + (tmp_path / "cli.sqlite3").as_posix()
    Services.open(database, seed_demo=True).close()
    monkeypatch.setenv("KIOSK_DATABASE_URL", database)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    return database


def _listed(capsys: pytest.CaptureFixture[str], slug: str) -> list[tuple[str, str]]:
    assert main(["markets", "holidays", "list", "--market", slug, "--all", "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["market"] == slug
    return [(h["date"], h["name"]) for h in found["holidays"]]


def test_add_list_remove(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    demo = _listed(capsys, "dongmun")
    assert demo[:3] == [("2027-02-06", "설날 연휴"), ("2027-02-07", "설날 연휴"),
                        ("2027-02-08", "설날 연휴")]  # fmt: skip
    args = ["markets", "holidays", "add", "--market", "dongmun", "--date", "2027-03-02"]
    assert main([*args, "--name", "지붕 공사"]) == 0
    assert capsys.readouterr().out == "dongmun: holiday on 2027-03-02 지붕 공사\n"
    assert ("2027-03-02", "지붕 공사") in _listed(capsys, "dongmun")
    assert ("2027-03-02", "지붕 공사") not in _listed(capsys, "bansong")
    assert main(["markets", "holidays", "list", "--market", "dongmun"]) == 0
    table = capsys.readouterr().out
    assert "2027-03-02  Tue  지붕 공사\n" in table and "2027-09-16  Thu  추석 연휴\n" in table
    remove = ["markets", "holidays", "remove", "--market", "dongmun", "--date", "2027-03-02"]
    assert main(remove) == 0
    assert capsys.readouterr().out == "dongmun: removed the holiday on 2027-03-02 지붕 공사\n"
    assert _listed(capsys, "dongmun") == demo
    with Services.open(url) as services:
        assert len(services.audit.audit_log(actor=services.access.console_actor())) == 2


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["add", "--date", "2027-02-30"], 'add: --date: "2027-02-30" is not a date'),
        (["add", "--date", "07.02.2027"], "type it as YYYY-MM-DD (2027-02-07)"),
        (["add", "--date", "2027-02-07"], "--date: 동문재래시장 already has a holiday on 2027-02"),
        (["add", "--date", "2027-03-02", "--name", "x" * 61], "--name: the name has 61 characters"),
        (["remove", "--date", "2027-03-03"], "remove: --date: 동문재래시장 has no holiday on 2027"),
    ],
)
def test_bad_input_is_one_clear_line_and_nothing_is_saved(
    url: str, capsys: pytest.CaptureFixture[str], args: list[str], words: str
) -> None:
    before = _listed(capsys, "dongmun")
    assert main(["markets", "holidays", args[0], "--market", "dongmun", *args[1:]]) == 2
    err = capsys.readouterr().err
    assert err.startswith("market-kiosk: error: markets holidays ") and err.count("\n") == 1
    assert words in err
    assert _listed(capsys, "dongmun") == before


def test_an_unknown_market_names_the_known_ones(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["markets", "holidays", "list", "--market", "nope"]) == 2
    assert "Known: bansong, dongmun" in capsys.readouterr().err


def test_an_empty_list_says_so() -> None:
    out = StringIO()
    write_holidays("new", [], "table", out)
    assert out.getvalue() == "(new: no coming holidays)\n"
    write_holidays("new", [MarketHoliday(date(2027, 2, 7))], "table", out)
    assert out.getvalue().endswith("2027-02-07  Sun\n")
