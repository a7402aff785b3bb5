"""The settings file: read once under the environment, problems named, written atomically."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from kiosk import secret_store, settings_file
from kiosk.cli import main
from kiosk.settings import Settings


def _write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_tests_never_use_the_real_config_folder(_own_config_folder: Path) -> None:
    assert settings_file.config_dir() == _own_config_folder
    assert os.environ["KIOSK_SECRET_STORE"] == "file"


@pytest.mark.parametrize(
    ("platform", "env", "expected"),
    [
        ("win32", {"APPDATA": "C:/Users/kim/AppData/Roaming"}, "Roaming/MarketKiosk"),
        ("darwin", {}, "Library/Application Support/MarketKiosk"),
        ("linux", {"XDG_CONFIG_HOME": "/srv/conf"}, "/srv/conf/market-kiosk"),
        ("linux", {"XDG_CONFIG_HOME": "relative"}, ".config/market-kiosk"),
    ],
)
def test_the_config_folder_of_each_system(
    monkeypatch: pytest.MonkeyPatch, platform: str, env: dict[str, str], expected: str
) -> None:
    monkeypatch.setattr(settings_file.sys, "platform", platform)
    assert settings_file.config_dir(env).as_posix().endswith(expected)


def test_the_file_is_read_and_the_environment_overrides_it(_own_config_folder: Path) -> None:
    _write(_own_config_folder, 'role = "stall"\nidle_seconds = 120\nlog_dir = "/var/log/k"\n')
    env = {"KIOSK_CONFIG_DIR": str(_own_config_folder), "KIOSK_IDLE_SECONDS": "90"}
    found = Settings.load(env)
    assert (found.role, found.idle_seconds, found.log_dir) == ("stall", 90, Path("/var/log/k"))
    assert found.file_problems == ()


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ('role = "stall"\nidle_seconds = \n', "settings.toml, line 2, column 16: Invalid value"),
        ('role = "stall"\ncolour = "red"\n', "settings.toml, line 2: unknown setting 'colour'"),
        ("role = [1]\n", "line 1: role must be text or a whole number"),
        ('role = "chef"\n', "settings.toml: role must be one of kiosk, stall, office"),
        ("idle_seconds = 3\n", "idle_seconds must be a whole number of seconds from 15"),
    ],
)
def test_a_bad_file_is_named_and_skipped(_own_config_folder: Path, text: str, says: str) -> None:
    _write(_own_config_folder, text)
    found = Settings.load({"KIOSK_CONFIG_DIR": str(_own_config_folder)})
    assert any(says in problem for problem in found.file_problems), found.file_problems
    assert found.idle_seconds == 75  # the rest of the app starts on the defaults


def test_not_utf8_names_the_line(_own_config_folder: Path) -> None:
    (_own_config_folder).mkdir()
    (_own_config_folder / "settings.toml").write_bytes(b'role = "kiosk"\nlog_dir = "\xff"\n')
    found = Settings.load({"KIOSK_CONFIG_DIR": str(_own_config_folder)})
    assert found.file_problems[0].endswith("settings.toml, line 2: not UTF-8 text")


def test_a_command_still_runs_with_a_malformed_file(
    _own_config_folder: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _write(_own_config_folder, "role = \n")
    assert main(["config", "path"]) == 0
    assert main(["this-pc", "clear"]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "market-kiosk: warning: settings file skipped:" in err
    assert "line 1, column 8" in err


def test_config_set_splits_the_password_out(
    _own_config_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = "postgresql://kiosk:pa%3Ass@db.market.lan:5433/dongmun"
    assert main(["config", "set", "database_url", url]) == 0
    out = capsys.readouterr().out
    text = (_own_config_folder / "settings.toml").read_text(encoding="utf-8")
    assert "pa" not in text.replace("password", "") and "pa%3Ass" not in out
    assert 'database_url = "postgresql://kiosk@db.market.lan:5433/dongmun"' in text
    assert secret_store.get("kiosk@db.market.lan:5433/dongmun") == "pa:ss"
    if os.name == "posix":
        mode = stat.S_IMODE((_own_config_folder / "secrets.json").stat().st_mode)
        assert mode == 0o600
    loaded = Settings.load()
    assert loaded.database_url == "postgresql://kiosk:pa%3Ass@db.market.lan:5433/dongmun"
    assert "pa%3Ass" not in repr(loaded)
    assert main(["config", "show"]) == 0
    shown = capsys.readouterr().out
    assert "database_url = postgresql://kiosk@db.market.lan:5433/dongmun" in shown
    assert "password: kept" in shown and "pa%3Ass" not in shown and "pa:ss" not in shown


def test_config_set_refuses_bad_values_and_keeps_the_file(
    _own_config_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["config", "set", "role", "kiosk"]) == 0
    before = (_own_config_folder / "settings.toml").read_bytes()
    assert main(["config", "set", "role", "waiter"]) == 2
    assert main(["config", "set", "idle_seconds", "soon"]) == 2
    assert main(["config", "set", "colour", "red"]) == 2
    err = capsys.readouterr().err
    assert "role must be one of kiosk, stall, office, not 'waiter'" in err
    assert "idle_seconds must be a whole number" in err and "unknown setting 'colour'" in err
    assert (_own_config_folder / "settings.toml").read_bytes() == before
    assert main(["config", "set", "idle_seconds", "120"]) == 0
    assert Settings.load().idle_seconds == 120 and Settings.load().role == "kiosk"
    assert main(["config", "unset", "role"]) == 0
    assert Settings.load().role is None and Settings.load().idle_seconds == 120


def test_config_set_leaves_a_malformed_file_alone(
    _own_config_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(_own_config_folder, "role = 'kiosk'\n# a note\nidle_seconds = \n")
    before = path.read_bytes()
    assert main(["config", "set", "role", "stall"]) == 2
    assert "the settings file is not changed:" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_a_failed_write_leaves_the_old_file(
    _own_config_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(_own_config_folder, 'role = "kiosk"\n')

    def fail(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(settings_file.os, "replace", fail)
    assert main(["config", "set", "role", "office"]) == 2
    assert path.read_text(encoding="utf-8") == 'role = "kiosk"\n'
    assert [p.name for p in _own_config_folder.iterdir()] == ["settings.toml"]


def test_password_helpers_round_trip() -> None:
    bare, password = settings_file.split_password("postgresql://u:p%40w@h:1/db?sslmode=require")
    assert (bare, password) == ("postgresql://u@h:1/db?sslmode=require", "p@w")
    assert settings_file.join_password(bare, "p@w") == "postgresql://u:p%40w@h:1/db?sslmode=require"
    assert settings_file.split_password("sqlite:///x.db") == ("sqlite:///x.db", None)
    assert settings_file.secret_key("sqlite:///x.db") is None


def test_a_file_that_ends_too_early_names_its_last_line(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('role = "kiosk"\nidle_seconds = [\n', encoding="utf-8")
    (problem,) = settings_file.read(path).problems
    assert problem.startswith(f"{path}, line 2: ") and "the file ends here" in problem
