"""Start-up benchmark: ``market-kiosk --exit-after-first-frame`` against a bare PySide6 window.

Each run is a fresh process (offscreen Qt, a throw-away SQLite database seeded by one
warm-up run), the two commands alternate so drift hits both alike, and the result is
the ratio of the medians. Goal (issue "City scale"): ratio <= 1.25.

    python3 dev.py bench            # or: .venv/bin/python benchmarks/bench_startup.py -n 15
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL = 1.25

#: The smallest honest baseline: same toolkit, one label, exit on the first real paint.
BASELINE = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False


app = QApplication(sys.argv)
window = QWidget()
label = QLabel("Market Kiosk", window)
QVBoxLayout(window).addWidget(label)
spy = FirstPaint()
window.installEventFilter(spy)
window.resize(1366, 768)
window.show()
sys.exit(app.exec())
"""


def kiosk_command() -> list[str]:
    """The installed console script next to this Python, else ``python -m kiosk``."""
    folder = Path(sys.executable).parent
    for name in ("market-kiosk", "market-kiosk.exe"):
        if (folder / name).exists():
            return [str(folder / name), "--exit-after-first-frame"]
    return [sys.executable, "-m", "kiosk", "--exit-after-first-frame"]


def time_once(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(
            f"{' '.join(cmd[:3])} exited {result.returncode}:\n{result.stderr[-2000:]}"
        )
    return elapsed


def describe(name: str, times: list[float]) -> str:
    return (
        f"{name:<10} median {statistics.median(times) * 1000:7.0f} ms   "
        f"min {min(times) * 1000:7.0f} ms   max {max(times) * 1000:7.0f} ms   n={len(times)}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("-n", "--runs", type=int, default=15, help="runs of each (default 15)")
    parser.add_argument(
        "--fail-above",
        type=float,
        default=None,
        metavar="RATIO",
        help=f"exit 1 when median ratio exceeds RATIO (the goal is {GOAL})",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        env["KIOSK_DATABASE_URL"] = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        baseline_cmd = [sys.executable, "-c", BASELINE]
        commands = {"kiosk": kiosk_command(), "baseline": baseline_cmd}
        # Warm-up (not counted): seeds the demo database and warms the OS file cache.
        for cmd in commands.values():
            time_once(cmd, env)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, cmd in commands.items():
                times[name].append(time_once(cmd, env))

    ratio = statistics.median(times["kiosk"]) / statistics.median(times["baseline"])
    if args.json:
        figures = {
            name: {
                "median_ms": statistics.median(v) * 1000,
                "min_ms": min(v) * 1000,
                "max_ms": max(v) * 1000,
            }
            for name, v in times.items()
        }
        print(json.dumps({"runs": args.runs, "ratio": ratio, "goal": GOAL, **figures}, indent=2))
        return 1 if args.fail_above is not None and ratio > args.fail_above else 0
    print(f"cold start to first painted frame, offscreen, {args.runs} alternating runs each")
    for name, values in times.items():
        print(describe(name, values))
    verdict = "meets" if ratio <= GOAL else "misses"
    print(f"ratio      {ratio:.2f} (kiosk / bare PySide6 window; {verdict} the goal <= {GOAL})")
    if args.fail_above is not None and ratio > args.fail_above:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
