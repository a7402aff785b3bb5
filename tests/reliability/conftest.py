"""Fixtures for the reliability tests: English lines, a private error log, short SQLite waits."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from db_fault_helpers import BUSY_MS, CliRunner, run_main

from kiosk import i18n


@pytest.fixture(autouse=True)
def english_and_private_log(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """English messages, the error log in this test's folder, SQLite waits of 0.3 s."""
    log_dir = tmp_path / "logs"
    monkeypatch.setenv("KIOSK_LOG_DIR", str(log_dir))
    monkeypatch.setenv("KIOSK_SQLITE_BUSY_TIMEOUT_MS", BUSY_MS)
    monkeypatch.setenv("LANGUAGE", "en")
    monkeypatch.delenv("KIOSK_DATABASE_URL", raising=False)
    previous = i18n.current_locale()
    i18n.set_locale("en")
    yield log_dir
    i18n.set_locale(previous)


@pytest.fixture
def log_dir(english_and_private_log: Path) -> Path:
    return english_and_private_log


@pytest.fixture
def cli(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> CliRunner:
    """``cli(url, args)`` runs ``market-kiosk ARGS`` in this process, in *tmp_path*."""
    monkeypatch.chdir(tmp_path)
    return lambda url, args: run_main(url, args, capsys, monkeypatch)


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file with the two demo markets, in WAL mode as the app leaves it (no -wal)."""
    from kiosk.services.app import Services

    path = tmp_path_factory.mktemp("reliability") / "demo.sqlite3"
    Services.open("sqlite:///" + path.as_posix(), seed_demo=True).close()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    con.close()  # the last connection checkpoints and removes -wal and -shm
    assert not path.with_name(path.name + "-wal").exists()
    return path


@pytest.fixture
def demo_copy(demo_file: Path, tmp_path: Path) -> Path:
    """A private copy of the demo database for one test."""
    path = tmp_path / "db" / "kiosk.sqlite3"
    path.parent.mkdir()
    shutil.copyfile(demo_file, path)
    return path
