"""`manager setup-code`, `manager|merchant clear-wait`, trivial PINs and blank passwords, `demo`."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.cli import main
from kiosk.domain import access
from kiosk.domain.access import Secret, SignInRefused, Throttled
from kiosk.services.app import Services

PASSWORD = "market-office-2026"
PIN = "582046"


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    database = "sqlite:///" + (tmp_path / "cli.sqlite3").as_posix()
    Services.open(database, seed_demo=True).close()
    monkeypatch.setenv("KIOSK_DATABASE_URL", database)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    return database


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def _code(out: str) -> str:
    found = re.search(r"Set-up code: ([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})", out)
    assert found, out
    return found.group(1)


def test_setup_code_lets_manager_mode_set_the_first_password(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["manager", "setup-code"]) == 0
    first = _code(capsys.readouterr().out)
    assert main(["manager", "setup-code"]) == 0  # a new one replaces it
    second = _code(capsys.readouterr().out)
    with Services.open(url) as services:
        with pytest.raises(access.AccessError):
            services.access.set_first_manager_password(
                password=Secret(PASSWORD), setup_code=Secret(first)
            )
        actor = services.access.set_first_manager_password(
            password=Secret(PASSWORD), setup_code=Secret(second)
        )
        assert actor.is_manager
    assert main(["manager", "setup-code"]) == 2  # a password exists: refused
    err = capsys.readouterr().err
    assert "already set" in err and "set-password" in err


def test_merchant_clear_wait_lifts_a_stores_wait(
    url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, PIN + "\n")
    assert main(["merchant", "set-pin", "--market", "dongmun", "--stall", "A-1", "--stdin"]) == 0
    with Services.open(url) as services:
        store_id = next(
            s.id
            for s in services.directory.list_stores(market_slug="dongmun")
            if s.stall_number == "A-1"
        )
        for _ in range(access.PC_FREE_FAILURES):
            with pytest.raises(SignInRefused):
                services.access.sign_in_merchant(store_id=store_id, pin=Secret("771130"))
        with pytest.raises(Throttled):
            services.access.sign_in_merchant(store_id=store_id, pin=Secret(PIN))
    capsys.readouterr()
    assert main(["merchant", "clear-wait", "--market", "dongmun", "--stall", "A-1"]) == 0
    assert "1 PC(s)" in capsys.readouterr().out
    with Services.open(url) as services:
        assert services.access.sign_in_merchant(store_id=store_id, pin=Secret(PIN)).store_id
    assert main(["merchant", "clear-wait", "--market", "dongmun", "--stall", "ZZ-9"]) == 2


def test_manager_clear_wait(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    with Services.open(url) as services:
        console = services.access.console_actor()
        services.access.set_manager_password(actor=console, password=Secret(PASSWORD))
        for _ in range(access.PC_FREE_FAILURES):
            with pytest.raises(SignInRefused):
                services.access.sign_in_manager(password=Secret("not-the-password"))
        with pytest.raises(Throttled):
            services.access.sign_in_manager(password=Secret(PASSWORD))
    assert main(["manager", "clear-wait"]) == 0
    with Services.open(url) as services:
        assert services.access.sign_in_manager(password=Secret(PASSWORD)).is_manager


@pytest.mark.parametrize(
    ("argv", "stdin", "error"),
    [
        (["merchant", "set-pin", "--market", "dongmun", "--stall", "A-1", "--stdin"],
         "121212\n", "too easy"),
        (["merchant", "set-pin", "--market", "dongmun", "--stall", "A-1", "--stdin"],
         "000001\n", "4 different digits"),
        (["merchant", "set-pin", "--market", "dongmun", "--stall", "A-1", "--stdin"],
         "654321\n", "too easy"),
        (["manager", "set-password", "--stdin"], " " * 10 + "\n", "only spaces"),
    ],
)  # fmt: skip
def test_trivial_secrets_are_refused(
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
    assert len(err) == 1 and error in err[0], err
    with Services.open(url) as services:
        assert not services.access.manager_password_is_set()
        assert services.access.stores_with_pin(store_ids=list(range(1, 200))) == set()


def test_demo_says_how_to_set_the_manager_password(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo"]) == 0
    err = capsys.readouterr().err
    assert "manager set-password" in err and "manager setup-code" in err
