"""Shared by the reliability tests and fixtures: CLI runs, injected faults, file systems."""

from __future__ import annotations

import contextlib
import subprocess
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class CliRun:
    code: int
    out: str
    err_lines: list[str]

    @property
    def errors(self) -> list[str]:
        """The ``market-kiosk: error:`` lines (stands also prints progress on stderr)."""
        return [line for line in self.err_lines if line.startswith("market-kiosk: error:")]


@dataclass
class Faults:
    """Counts the writer's os.write / os.fsync calls and fails the chosen one with ENOSPC."""

    fail_write_at: int | None = None
    fail_fsync_at: int | None = None
    short_write: bool = False
    writes: int = 0
    fsyncs: int = 0
    sizes: list[int] = field(default_factory=list)


@dataclass
class SmallFs:
    path: Path

    def fill(self) -> None:
        """Fill the file system up to its last byte with a filler file."""
        with (self.path / "filler").open("wb", buffering=0) as handle:
            for size in (1 << 16, 4096, 512, 1):
                with contextlib.suppress(OSError):
                    while True:
                        handle.write(b"\0" * size)

    def remount(self, options: str) -> None:
        subprocess.run(["mount", "-o", f"remount,{options}", str(self.path)], check=True)
