"""Fixtures for the output-reliability tests: a seeded demo database, small real file systems,
write faults injected at the one writer's system calls, and the CLI run in-process."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import errno
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from reliability_helpers import CliRun, Faults, SmallFs

from kiosk.i18n import current_locale, set_locale
from kiosk.render import atomic


@pytest.fixture(autouse=True)
def english_messages(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Messages are checked in English, the source language (the CLI follows LANGUAGE)."""
    monkeypatch.setenv("LANGUAGE", "en")
    before = current_locale()
    set_locale("en")
    yield
    set_locale(before)


@pytest.fixture(scope="session")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A real SQLite file seeded once with the two demo markets."""
    from kiosk.services.app import Services

    path = tmp_path_factory.mktemp("reliability-demo") / "demo.sqlite3"
    url = "sqlite:///" + path.as_posix()
    Services.open(url, seed_demo=True).close()
    return url


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[[Sequence[str]], CliRun]:
    """Run ``market-kiosk ARGS`` in this process; return its status, stdout, stderr lines."""
    from kiosk.cli import main

    def run(argv: Sequence[str]) -> CliRun:
        capsys.readouterr()
        code = main([str(a) for a in argv])
        captured = capsys.readouterr()
        return CliRun(code, captured.out, captured.err.splitlines())

    return run


@pytest.fixture
def faults(monkeypatch: pytest.MonkeyPatch) -> Faults:
    """Fault injection at the one writer's system calls (kiosk.render.atomic)."""
    state = Faults()
    real_write, real_fsync = atomic._os_write, atomic._os_fsync

    def write(fd: int, data: bytes | memoryview) -> int:
        state.writes += 1
        state.sizes.append(len(data))
        if state.writes == state.fail_write_at:
            if state.short_write and len(data) > 1:
                # A disk filling up mid-call: part of the chunk is written, then nothing.
                return real_write(fd, data[: len(data) // 2])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        if state.short_write and state.fail_write_at and state.writes > state.fail_write_at:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    def fsync(fd: int) -> None:
        state.fsyncs += 1
        if state.fsyncs == state.fail_fsync_at:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(atomic, "_os_write", write)
    monkeypatch.setattr(atomic, "_os_fsync", fsync)
    return state


def _can_mount() -> str | None:
    """None if this process may mount a tmpfs, else the reason it may not."""
    if not sys.platform.startswith("linux"):
        return "mounting a small tmpfs is tried on Linux only"
    if os.geteuid() != 0:
        return "mounting a small tmpfs needs root"
    return None


@pytest.fixture
def small_fs(tmp_path: Path) -> Iterator[Callable[[int], SmallFs]]:
    """Mount a real tmpfs of a given size in KiB (skips with the reason when not allowed)."""
    reason = _can_mount()
    if reason:
        pytest.skip(reason)
    mounted: list[Path] = []

    def mount(size_kib: int) -> SmallFs:
        target = tmp_path / f"fs{len(mounted)}"
        target.mkdir()
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size_kib}k,mode=0755", "tmpfs", str(target)],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            pytest.skip(f"mount -t tmpfs is not permitted here: {done.stderr.strip()}")
        mounted.append(target)
        return SmallFs(target)

    yield mount
    for target in reversed(mounted):
        subprocess.run(["umount", "-l", str(target)], check=False)
