"""`market-kiosk kiosk`: its options reach the GUI; a bad --idle or --language is one line."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.cli import main


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    calls: list[dict[str, Any]] = []

    def fake_run_gui(**kwargs: Any) -> int:
        calls.append(kwargs)
        return 0

    monkeypatch.setattr("kiosk.app.run_gui", fake_run_gui)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    return calls


def test_defaults(started: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KIOSK_IDLE_SECONDS", raising=False)
    assert main(["kiosk"]) == 0
    options = started[0]["kiosk"]
    assert (options.market, options.store, options.orientation) == (None, None, "auto")
    assert options.idle_s == 75 and options.language == "ko"
    assert started[0]["locale"] == "ko"


def test_every_option(started: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_IDLE_SECONDS", "300")
    argv = ["kiosk", "--market", "dongmun", "--store", "A-1", "--orientation", "portrait"]
    assert main([*argv, "--idle", "40", "--language", "ja"]) == 0
    options = started[0]["kiosk"]
    assert (options.market, options.store, options.orientation) == ("dongmun", "A-1", "portrait")
    assert options.idle_s == 40 and options.language == "ja"


def test_the_setting_gives_the_idle_time(
    started: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIOSK_IDLE_SECONDS", "300")
    assert main(["kiosk"]) == 0
    assert started[0]["kiosk"].idle_s == 300


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["--idle", "3"], "--idle must be a whole number of seconds from 15"),
        (["--idle", "soon"], "not 'soon'"),
        (["--language", "fr"], "kiosk:"),
    ],
)
def test_bad_options_are_one_line(
    started: list[dict[str, Any]], capsys: pytest.CaptureFixture[str], argv: list[str], says: str
) -> None:
    assert main(["kiosk", *argv]) == 2
    err = capsys.readouterr().err
    assert says in err and len(err.strip().splitlines()) == 1
    assert started == []


def test_a_bad_orientation_is_a_usage_error(
    started: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["kiosk", "--orientation", "sideways"])
    assert exit_.value.code == 2
    assert "invalid choice: 'sideways'" in capsys.readouterr().err
    assert started == []


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], {"exit_after_first_frame": False, "locale": None}),
        (["--lang", "ja"], {"exit_after_first_frame": False, "locale": "ja"}),
        (
            ["--lang=zh_Hant", "--exit-after-first-frame", "--lang", "en"],
            {"exit_after_first_frame": True, "locale": "en"},
        ),
    ],
)
def test_the_gui_starts_without_building_the_parser(
    started: list[dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    expected: dict[str, Any],
) -> None:
    def no_parser() -> None:
        raise AssertionError("the GUI's own options need no parser")

    monkeypatch.setattr("kiosk.cli.build_parser", no_parser)
    assert main(argv) == 0
    assert started == [expected]


def test_a_bad_start_language_is_one_line(
    started: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "xx"]) == 2
    assert not started
    assert "market-kiosk: error: --lang: unknown language 'xx'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--lang"], "argument --lang: expected one argument"),
        (["--lang", "--exit-after-first-frame"], "argument --lang: expected one argument"),
        (["--exit-after-first-frame=1"], "ignored explicit argument '1'"),
    ],
)
def test_a_malformed_gui_option_is_explained_by_the_parser(
    started: list[dict[str, Any]],
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    assert not started
    assert message in capsys.readouterr().err


def test_an_abbreviated_gui_option_still_works(started: list[dict[str, Any]]) -> None:
    assert main(["--exit"]) == 0  # argparse's own abbreviation
    assert started == [{"exit_after_first_frame": True, "locale": None}]
