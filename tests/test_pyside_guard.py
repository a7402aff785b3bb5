"""Guard against PySide6 6.12.0's none_dealloc abort on Python 3.11 (architecture: known traps)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import tomllib
from importlib.metadata import version
from pathlib import Path

from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
CALLS = 20_000

#: Runs in a child process: an interpreter abort must fail this test, not kill pytest.
SCRIPT = textwrap.dedent(
    f"""
    import sys
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication([])
    label = QLabel()
    before = sys.getrefcount(None)
    for i in range({CALLS}):
        label.setText(str(i))  # a void Qt method: 6.12.0 drops a reference to None here
    after = sys.getrefcount(None)
    print("calls", {CALLS}, "text", label.text(), "none_refs", before, after)
    """
)


def _explain(code: int) -> str:
    if code < 0:
        return f"killed by {signal.Signals(-code).name}"
    return f"exit code {code}"


def test_twenty_thousand_void_calls_do_not_abort() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, (
        f"QLabel.setText x{CALLS} {_explain(result.returncode)}; stderr:\n{result.stderr[-2000:]}"
    )
    words = result.stdout.split()
    assert words[:4] == ["calls", str(CALLS), "text", str(CALLS - 1)], result.stdout
    before, after = int(words[-2]), int(words[-1])
    if sys.version_info < (3, 12):
        # None is not immortal before 3.12: its count must not drift by one per call.
        assert abs(after - before) < CALLS // 10, f"None refcount drifted {before} -> {after}"


def _pyside_requirements() -> list[Requirement]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    reqs = [Requirement(text) for text in data["project"]["dependencies"]]
    return [r for r in reqs if r.name.lower() == "pyside6-essentials"]


def _allowed(python_version: str, pyside: str) -> bool:
    env = {"python_version": python_version, "python_full_version": f"{python_version}.0"}
    matching = [r for r in _pyside_requirements() if r.marker is None or r.marker.evaluate(env)]
    assert matching, f"no PySide6-Essentials requirement applies to Python {python_version}"
    return all(r.specifier.contains(pyside, prereleases=True) for r in matching)


def test_pyproject_pins_pyside_below_6_12_on_python_3_11() -> None:
    assert _allowed("3.11", "6.11.3")
    assert not _allowed("3.11", "6.12.0")
    assert not _allowed("3.11", "6.12.1")
    # Python 3.12+ makes None immortal, so newer PySide6 stays allowed there.
    assert _allowed("3.12", "6.12.0")


def test_installed_pyside_obeys_the_pin() -> None:
    import PySide6

    installed = version("PySide6-Essentials")
    assert PySide6.__version__ == installed
    running = f"{sys.version_info.major}.{sys.version_info.minor}"
    assert _allowed(running, installed), f"PySide6-Essentials {installed} on Python {running}"
    if sys.version_info < (3, 12):
        assert Version(installed) < Version("6.12")
