"""Helpers for the database-fault, secret and terminal tests: runs, one-line checks, URLs."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

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


def sqlite_url(path: Path) -> str:
    return "sqlite:///" + path.as_posix()
