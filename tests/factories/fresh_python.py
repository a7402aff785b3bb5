"""Run code in a fresh Python (offscreen, this checkout first on the path): what it prints."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def python_output(code: str, env: Mapping[str, str] | None = None, timeout: float = 120) -> str:
    """What a fresh Python running *code* prints (stripped); it must exit with 0.

    *env*: variables added to this process's (``QT_QPA_PLATFORM=offscreen`` and this
    checkout on ``PYTHONPATH`` always).
    """
    extra = {"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, **extra},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()
