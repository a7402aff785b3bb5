"""`market-kiosk synonyms list|set|add|reset`: a market's synonym list, bad input refused."""

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
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    return database


def _listed(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    assert main(["synonyms", "list", "--market", "dongmun", "--format", "json"]) == 0
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


def test_list_set_add_and_reset(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _listed(capsys)
    assert first["default"] is True
    assert ["귤", "감귤", "밀감", "mandarin", "tangerine", "蜜柑", "みかん", "橘子"] in first[
        "groups"
    ]
    assert main(["synonyms", "set", "--market", "dongmun", "귤 = 감귤 = mandarin ="]) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == ["dongmun: 1 groups (its own list)", "귤 = 감귤 = mandarin"]
    listing = tmp_path / "words.txt"
    listing.write_text("# Jeju\n한라봉 = 부지화\n\n떡, rice cake  # comma too\n", encoding="utf-8")
    assert main(["synonyms", "add", "--market", "dongmun", "--file", str(listing)]) == 0
    capsys.readouterr()
    assert _listed(capsys)["groups"] == [
        ["귤", "감귤", "mandarin"],
        ["한라봉", "부지화"],
        ["떡", "rice cake"],
    ]
    with Services.open(url) as services:
        found = services.directory.list_stores(market_slug="dongmun", query="부지화")
        assert found and found == services.directory.list_stores(
            market_slug="dongmun", query="한라봉"
        )
    assert main(["synonyms", "reset", "--market", "dongmun"]) == 0
    assert "(the default list)" in capsys.readouterr().out
    assert _listed(capsys)["default"] is True


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["set", "--market", "dongmun"], 'give groups such as "귤 = 감귤 = mandarin"'),
        (["set", "--market", "dongmun", "귤"], "Group 1 has only the word “귤”"),
        (["set", "--market", "dongmun", "귤 = 감귤", " = "], "Group 2 has no words."),
        (["set", "--market", "dongmun", "귤 = " + "x" * 41], "41 characters; at most 40"),
        (
            ["set", "--market", "dongmun", "귤 = 감귤", "떡 = 귤"],
            "“귤” is in group 1 and in group 2",
        ),
        (["set", "--market", "dongmun", "みかん = ミカン"], "“ミカン” twice"),
        (["set", "--market", "nowhere", "귤 = 감귤"], "nowhere"),
        (["set", "--market", "dongmun", "--file", "/no/such/file.txt"], "cannot read it"),
    ],
)
def test_bad_input_is_one_clear_line_and_nothing_changes(
    url: str, capsys: pytest.CaptureFixture[str], args: list[str], says: str
) -> None:
    assert main(["synonyms", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("market-kiosk: error: ") and says in err, err
    assert len(err.strip().splitlines()) == 1
    assert _listed(capsys)["default"] is True
