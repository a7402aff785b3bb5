"""`market-kiosk rates list|set|remove|max-age`: rates from the command line, bad input refused."""

from __future__ import annotations

import json
import os
from datetime import date, timedelta
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.cli import main
from kiosk.cli.rates import write_rates
from kiosk.domain.currency import ExchangeRate, RateCard, seoul_today
from kiosk.services.app import Services


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    database = "sqlite:///" + (tmp_path / "cli.sqlite3").as_posix()
    Services.open(database).close()
    monkeypatch.setenv("KIOSK_DATABASE_URL", database)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    return database


def _listed(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    assert main(["rates", "list", "--format", "json"]) == 0
    found: dict[str, object] = json.loads(capsys.readouterr().out)
    return found


def test_set_list_remove_and_max_age(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rates", "set", "JPY", "9.05", "--date", "2026-12-01"]) == 0
    assert capsys.readouterr().out == "1 JPY = 9.05 won (as of 2026-12-01)\n"
    assert main(["rates", "set", "usd", "1,385"]) == 0
    assert f"as of {seoul_today()}" in capsys.readouterr().out
    listed = _listed(capsys)
    assert listed["max_age_days"] == 14
    assert [(r["currency"], r["won_per_unit"]) for r in listed["rates"]] == [  # type: ignore[attr-defined]
        ("JPY", "9.05"), ("USD", "1385")]  # fmt: skip
    assert main(["rates", "max-age", "30"]) == 0
    assert capsys.readouterr().out == "Rates are shown for 30 days after their date\n"
    assert main(["rates", "remove", "JPY"]) == 0
    assert capsys.readouterr().out == "Removed the rate of JPY (9.05 won)\n"
    assert main(["rates", "list"]) == 0
    table = capsys.readouterr().out
    assert "USD" in table and "JPY" not in table and "30 days" in table
    with Services.open(url) as services:
        assert len(services.audit.audit_log(actor=services.access.console_actor())) == 4


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["set", "YEN", "9"], 'rates set: CUR: "YEN" is not a currency code'),
        (["set", "KRW", "1"], "rates set: CUR: KRW is the won itself"),
        (["set", "JPY", "0"], "rates set: RATE: the rate of JPY must be more than 0 won"),
        (["set", "JPY", "-3"], "must be more than 0 won"),
        (["set", "JPY", "nine"], 'rates set: RATE: "nine" is not a rate'),
        (["set", "JPY", "905"], "905 won for one JPY cannot be right"),
        (["set", "USD", "13850"], "it is usually between 700 and 2500 won"),
        (["set", "JPY", "9", "--date", "2026-13-01"], "--date '2026-13-01' is not a date"),
        (
            ["set", "JPY", "9", "--date", "2999-01-01"],
            "rates set: --date: the rate's date 2999-01-01 is after today",
        ),
        (["max-age", "0"], 'rates max-age: DAYS: "0" is not a number of days from 1 to 365'),
        (["max-age", "a week"], "is not a number of days"),
        (["remove", "EUR"], "There is no exchange rate for EUR in the database."),
    ],
)
def test_bad_input_is_one_clear_line_and_nothing_is_saved(
    url: str, capsys: pytest.CaptureFixture[str], args: list[str], words: str
) -> None:
    assert main(["rates", "set", "JPY", "9.05"]) == 0
    capsys.readouterr()
    assert main(["rates", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("market-kiosk: error: ") and err.count("\n") == 1
    assert words in err
    listed = _listed(capsys)
    assert [(r["currency"], r["won_per_unit"]) for r in listed["rates"]] == [("JPY", "9.05")]  # type: ignore[attr-defined]
    assert listed["max_age_days"] == 14


def test_the_table_says_which_rates_are_too_old_to_show() -> None:
    today = date(2026, 12, 6)
    card = RateCard((ExchangeRate("JPY", Decimal("9.05"), today - timedelta(days=20)),))
    out = StringIO()
    write_rates(card, "table", out, today=today)
    assert "JPY" in out.getvalue() and "20 d" in out.getvalue() and "no (too old)" in out.getvalue()
