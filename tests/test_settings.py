"""kiosk.settings: every KIOSK_* variable read once, checked, and named when it is wrong."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import settings
from kiosk.settings import Settings, SettingsError

ROOT = Path(__file__).resolve().parents[1]


def test_nothing_set_means_every_default() -> None:
    assert Settings.from_env({}) == Settings()
    assert Settings().sqlite_busy_timeout_ms == 5000
    assert Settings().database_url is None and not Settings().report_first_frame
    assert Settings().idle_seconds == 75


def test_every_variable_is_read(tmp_path: Path) -> None:
    found = Settings.from_env(
        {
            "KIOSK_DATABASE_URL": " postgresql://kiosk@db/market ",
            "KIOSK_CHECKLIST_DIR": str(tmp_path / "lists"),
            "KIOSK_LOG_DIR": "~/logs",
            "KIOSK_BACKUP_DIR": str(tmp_path / "usb"),
            "KIOSK_SQLITE_BUSY_TIMEOUT_MS": "300",
            "KIOSK_REPORT_FIRST_FRAME": "1",
            "KIOSK_IDLE_SECONDS": " 120 ",
        }
    )
    assert found == Settings(
        database_url="postgresql://kiosk@db/market",
        checklist_dir=tmp_path / "lists",
        log_dir=Path("~/logs").expanduser(),
        backup_dir=tmp_path / "usb",
        sqlite_busy_timeout_ms=300,
        report_first_frame=True,
        idle_seconds=120,
    )


def test_blank_values_are_unset() -> None:
    blank = {name: "  " for name in ("KIOSK_DATABASE_URL", "KIOSK_LOG_DIR", "KIOSK_BACKUP_DIR")}
    assert Settings.from_env(blank) == Settings()


@pytest.mark.parametrize(
    ("name", "value", "says"),
    [
        ("KIOSK_SQLITE_BUSY_TIMEOUT_MS", "soon", "KIOSK_SQLITE_BUSY_TIMEOUT_MS must be a whole"),
        ("KIOSK_SQLITE_BUSY_TIMEOUT_MS", "-5", "not '-5'"),
        ("KIOSK_SQLITE_BUSY_TIMEOUT_MS", "1.5", "milliseconds from 0 to"),
        ("KIOSK_REPORT_FIRST_FRAME", "maybe", "KIOSK_REPORT_FIRST_FRAME must be 1 or 0"),
        ("KIOSK_LOG_DIR", "/tmp/a\x00b", "KIOSK_LOG_DIR must be a folder path"),
        ("KIOSK_IDLE_SECONDS", "soon", "KIOSK_IDLE_SECONDS must be a whole number of seconds"),
        ("KIOSK_IDLE_SECONDS", "5", "from 15 to 86400, not '5'"),
    ],
)
def test_a_bad_value_is_named(name: str, value: str, says: str) -> None:
    with pytest.raises(SettingsError, match=says):
        Settings.from_env({name: value})


def test_the_settings_are_frozen_and_hide_the_database_url() -> None:
    found = Settings(database_url="postgresql://kiosk:s3cret@db/market")
    with pytest.raises(AttributeError):
        found.log_dir = Path("/tmp")  # type: ignore[misc]
    assert "s3cret" not in repr(found)


def test_read_once_until_reset(monkeypatch: pytest.MonkeyPatch) -> None:
    """Outside the tests' conftest (which reads per call) the environment is read once."""
    monkeypatch.undo()  # the real, caching current()
    settings.reset()
    monkeypatch.setenv("KIOSK_SQLITE_BUSY_TIMEOUT_MS", "111")
    try:
        first = settings.current()
        monkeypatch.setenv("KIOSK_SQLITE_BUSY_TIMEOUT_MS", "222")
        assert settings.current() is first and first.sqlite_busy_timeout_ms == 111
        settings.reset()
        assert settings.current().sqlite_busy_timeout_ms == 222
    finally:
        monkeypatch.undo()
        settings.reset()


def test_the_cli_names_a_bad_variable_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from kiosk.cli import main

    monkeypatch.setenv("KIOSK_SQLITE_BUSY_TIMEOUT_MS", "forever")
    assert main(["stores", "list", "--market", "m"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("market-kiosk: error: KIOSK_SQLITE_BUSY_TIMEOUT_MS must be")
    assert err.count("\n") == 1


_SETTINGS_MODULES = ("settings", "settings_file", "secret_store")


@pytest.mark.parametrize("name", _SETTINGS_MODULES)
def test_settings_import_nothing_heavy(name: str) -> None:
    """Standard library only (it loads before the first frame) and nothing else from kiosk."""
    tree = ast.parse((ROOT / "kiosk" / f"{name}.py").read_text(encoding="utf-8"))
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    } | {
        f"{node.module}.{alias.name}" if node.module == "kiosk" else str(node.module)
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    ours = {f"kiosk.{other}" for other in _SETTINGS_MODULES}
    outside = {m for m in imported if m not in ours and m.split(".")[0] != "keyring"}
    assert {m.split(".")[0] for m in outside} <= set(sys.stdlib_module_names), imported
    code = (
        "import sys, kiosk.settings; print(sorted(m for m in sys.modules if m.startswith('kiosk')))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert run.stdout.strip() == "['kiosk', 'kiosk.settings']"


def test_no_other_module_names_a_kiosk_variable() -> None:
    """A string that is exactly a variable's name appears in kiosk/settings.py only."""
    offenders = [
        f"{path.relative_to(ROOT)}: {node.value}"
        for path in (ROOT / "kiosk").rglob("*.py")
        if path.stem not in _SETTINGS_MODULES
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and re.fullmatch(r"KIOSK_[A-Z_]+", str(node.value))
    ]
    assert offenders == []
