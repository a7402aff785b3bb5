"""Fixtures for the reliability tests: English lines, a private error log, short SQLite waits."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk import i18n

ROOT = Path(__file__).resolve().parents[2]
#: Milliseconds SQLite waits for a lock in these tests (the app's default is 5 s).
BUSY_MS = "300"


@dataclass(frozen=True)
class Run:
    """What one ``market-kiosk`` run printed and returned."""

    code: int
    out: str
    err: str

    @property
    def error_lines(self) -> list[str]:
        return self.err.splitlines()


def assert_one_clean_line(run: Run, *expected: str) -> str:
    """Exit 2 and exactly one ``market-kiosk: error:`` line: no traceback, no SQL."""
    lines = [line for line in run.error_lines if not line.startswith("stands: ")]
    assert run.code == 2, run
    assert len(lines) == 1, run
    line = lines[0]
    assert line.startswith("market-kiosk: error: "), run
    for bad in ("Traceback", "SELECT ", "INSERT ", "DELETE ", "sqlalche.me", "[SQL"):
        assert bad not in run.err, run
    for text in expected:
        assert text in line, (text, line)
    return line


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


def cli_env(url: str, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        KIOSK_DATABASE_URL=url,
        PYTHONPATH=os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep),
        QT_QPA_PLATFORM="offscreen",
        **extra,
    )
    return env


def start_cli(url: str, *args: str, cwd: Path, **extra: str) -> subprocess.Popen[str]:
    """``market-kiosk ARGS`` as a separate process on *url*."""
    return subprocess.Popen(
        [sys.executable, "-m", "kiosk", *args],
        cwd=cwd,
        env=cli_env(url, **extra),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen[str], timeout: float = 60) -> Run:
    out, err = process.communicate(timeout=timeout)
    return Run(process.returncode, out, err)


def run_main(
    url: str, args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Run:
    """``market-kiosk ARGS`` in this process (fast), on *url*."""
    from kiosk.cli import main

    monkeypatch.setenv("KIOSK_DATABASE_URL", url)
    capsys.readouterr()
    code = main(args)
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


CliRunner = Callable[[str, list[str]], Run]


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


def sqlite_url(path: Path) -> str:
    return "sqlite:///" + path.as_posix()
