"""`market-kiosk manager set-password`, `merchant set-pin` and `audit`: secrets from stdin only."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.cli import main
from kiosk.domain.access import Secret
from kiosk.services.app import Services

PASSWORD = "market-office-2026"


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    database = "sqlite:///" + (tmp_path / "cli.sqlite3").as_posix()
    Services.open(database, seed_demo=True).close()
    monkeypatch.setenv("KIOSK_DATABASE_URL", database)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    return database


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def test_set_password_twice_then_sign_in(
    url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, f"{PASSWORD}\n{PASSWORD}\n")
    assert main(["manager", "set-password"]) == 0
    out = capsys.readouterr()
    assert "password is set" in out.out and PASSWORD not in out.out + out.err
    with Services.open(url) as services:
        assert services.access.sign_in_manager(password=Secret(PASSWORD)).is_manager


def test_set_password_once_with_stdin_for_scripts(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, PASSWORD + "\n")
    assert main(["manager", "set-password", "--stdin"]) == 0
    with Services.open(url) as services:
        assert services.access.manager_password_is_set()


@pytest.mark.parametrize(
    ("argv", "stdin", "error"),
    [
        (["manager", "set-password"], f"{PASSWORD}\n{PASSWORD}x\n", "not the same"),
        (["manager", "set-password"], f"{PASSWORD}\n", "no manager password on standard input"),
        (["manager", "set-password", "--stdin"], "short\n", "at least 10 characters"),
        (["manager", "set-password", "--stdin"], "\n", "is empty"),
        (["merchant", "set-pin", "--market", "dongmun", "--stall", "A-1"], "123456\n123456\n",
         "too easy"),
        (["merchant", "set-pin", "--market", "dongmun", "--stall", "A-1"], "58204\n58204\n",
         "at least 6 digits"),
        (["merchant", "set-pin", "--market", "nowhere", "--stall", "A-1", "--stdin"], "582046\n",
         "nowhere"),
        (["merchant", "set-pin", "--market", "dongmun", "--stall", "ZZ-9", "--stdin"], "582046\n",
         "has no stall 'ZZ-9'"),
        (["audit", "--since", "yesterday"], "", "is not a date"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_and_changes_nothing(
    url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    *,
    argv: list[str],
    stdin: str,
    error: str,
) -> None:
    _stdin(monkeypatch, stdin)
    assert main(argv) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("market-kiosk: error: ") and error in err[0], err
    for line in stdin.splitlines():
        if line:
            assert line not in err[0]  # the secret is never echoed back
    with Services.open(url) as services:
        assert not services.access.manager_password_is_set()
        assert services.audit.audit_log(actor=services.access.console_actor()) == []


def test_set_pin_then_the_merchant_signs_in(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with Services.open(url) as services:
        store = services.directory.list_stores(market_slug="dongmun")[0]
    _stdin(monkeypatch, "582046\n582046\n")
    argv = ["merchant", "set-pin", "--market", "dongmun", "--stall", store.stall_number]
    assert main(argv) == 0
    with Services.open(url) as services:
        actor = services.access.sign_in_merchant(store_id=store.id, pin=Secret("582046"))
        assert actor.store_id == store.id


def test_audit_formats(
    url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, PASSWORD + "\n")
    assert main(["manager", "set-password", "--stdin"]) == 0
    with Services.open(url) as services:
        manager = services.access.sign_in_manager(password=Secret(PASSWORD))
        services.listings.create_market(
            actor=manager, slug="jungang", name={"ko": "중앙시장"}, city={}
        )
    capsys.readouterr()

    assert main(["audit", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["action"] for r in rows] == ["market.created", "sign_in.ok", "secret.password_set"]
    assert rows[0]["market"] == "jungang" and rows[0]["actor"] == "manager"
    assert rows[0]["changes"] == [{"field": "name.ko", "old": "", "new": "중앙시장"}]
    assert rows[2]["actor"] == "console" and PASSWORD not in json.dumps(rows)

    assert main(["audit", "--format", "csv", "--market", "jungang"]) == 0
    table = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert table[0][:6] == ["id", "at", "actor_role", "actor", "pc", "action"]
    assert len(table) == 2 and table[1][5] == "market.created"
    assert table[1][-1] == "name.ko: ∅ -> 중앙시장"

    assert main(["audit"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:4] == ["when", "who", "pc", "action"]
    assert "market.created" in lines[1] and "중앙시장" in lines[1]

    assert main(["audit", "--since", "2999-01-01"]) == 0
    assert capsys.readouterr().out.strip().endswith("(no entries)")
