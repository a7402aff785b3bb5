"""Start-up benchmark: ``market-kiosk --exit-after-first-frame`` against a bare PySide6 window.

Each run is a fresh process (offscreen Qt, a throw-away SQLite database seeded by one
warm-up run), the two commands alternate so drift hits both alike, and the result is
the ratio of the medians. Two times per run: from spawning the process to its first
painted frame (each process prints the wall-clock time of its first Paint event), and
to the process's exit; and the CPU each process used to its exit, which other jobs on a
busy machine disturb less than wall time. The package's bytecode is compiled first, as an
installed app has it. Goal (issue "City scale"): first-frame ratio <= 1.25.

    python3 dev.py bench            # or: .venv/bin/python benchmarks/bench_startup.py -n 15
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL = 1.25

#: The issue's anchor, a bare QMainWindow: same toolkit, one label as its central widget,
#: exit on the first real paint.
BASELINE = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not getattr(self, "seen", False):
            self.seen = True
            print(f"first frame at {__import__('time').time():.6f}", file=sys.stderr)
            QTimer.singleShot(0, QApplication.quit)
        return False


app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("Market Kiosk"))
spy = FirstPaint()
window.installEventFilter(spy)
window.resize(1366, 768)
window.showMaximized()  # as the app shows its window: both paint the same size
sys.exit(app.exec())
"""


def kiosk_command() -> list[str]:
    """The installed console script next to this Python, else ``python -m kiosk``."""
    folder = Path(sys.executable).parent
    for name in ("market-kiosk", "market-kiosk.exe"):
        if (folder / name).exists():
            return [str(folder / name), "--exit-after-first-frame"]
    return [sys.executable, "-m", "kiosk", "--exit-after-first-frame"]


def _children_cpu() -> float:
    """CPU seconds (user + system) of the finished child processes so far (0 where the
    platform has no ``resource`` module)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_once(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Seconds from spawning *cmd* to its first painted frame and to its exit, and the CPU
    seconds it used in all (less disturbed than wall time by other jobs on the machine)."""
    cpu_before = _children_cpu()
    spawned = time.time()
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, check=False)
    exited = time.time()
    cpu = _children_cpu() - cpu_before
    if result.returncode != 0:
        raise SystemExit(
            f"{' '.join(cmd[:3])} exited {result.returncode}:\n{result.stderr[-2000:]}"
        )
    stamps = [line for line in result.stderr.splitlines() if line.startswith("first frame at ")]
    if not stamps:
        raise SystemExit(f"{' '.join(cmd[:3])} did not report its first frame")
    painted = float(stamps[-1].removeprefix("first frame at "))
    return painted - spawned, exited - spawned, cpu


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
        help=f"exit 1 when the first-frame median ratio exceeds RATIO (the goal is {GOAL})",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    import kiosk

    compileall.compile_dir(Path(kiosk.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        env["KIOSK_DATABASE_URL"] = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        env["KIOSK_REPORT_FIRST_FRAME"] = "1"
        baseline_cmd = [sys.executable, "-c", BASELINE]
        commands = {"kiosk": kiosk_command(), "baseline": baseline_cmd}
        # Warm-up (not counted): seeds the demo database and warms the OS file cache.
        for cmd in commands.values():
            time_once(cmd, env)
        frames: dict[str, list[float]] = {name: [] for name in commands}
        exits: dict[str, list[float]] = {name: [] for name in commands}
        cpus: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, cmd in commands.items():
                frame, exit_, cpu = time_once(cmd, env)
                frames[name].append(frame)
                exits[name].append(exit_)
                cpus[name].append(cpu)

    def ratio_of(times: dict[str, list[float]]) -> float:
        return statistics.median(times["kiosk"]) / statistics.median(times["baseline"])

    ratio, exit_ratio = ratio_of(frames), ratio_of(exits)
    cpu_ratio = ratio_of(cpus) if statistics.median(cpus["baseline"]) > 0 else None
    if args.json:
        figures = {
            name: {
                "first_frame_median_ms": statistics.median(frames[name]) * 1000,
                "first_frame_min_ms": min(frames[name]) * 1000,
                "exit_median_ms": statistics.median(exits[name]) * 1000,
                "cpu_median_ms": statistics.median(cpus[name]) * 1000,
            }
            for name in commands
        }
        print(
            json.dumps(
                {
                    "runs": args.runs,
                    "ratio": ratio,
                    "exit_ratio": exit_ratio,
                    "cpu_ratio": cpu_ratio,
                    "goal": GOAL,
                    # The figure: each side's median ms to the first frame and the ratio.
                    "first_frame_ratio": {
                        "project": figures["kiosk"]["first_frame_median_ms"],
                        "bare_qmainwindow": figures["baseline"]["first_frame_median_ms"],
                        "ratio": ratio,
                    },
                }
                | figures,
                indent=2,
            )
        )
        return 1 if args.fail_above is not None and ratio > args.fail_above else 0
    print(f"cold start, offscreen, {args.runs} alternating runs each")
    print("to the first painted frame:")
    for name, values in frames.items():
        print(describe(name, values))
    print("to the process's exit:")
    for name, values in exits.items():
        print(describe(name, values))
    if cpu_ratio is not None:
        print("CPU used to the process's exit (user + system):")
        for name, values in cpus.items():
            print(describe(name, values))
    verdict = "meets" if ratio <= GOAL else "misses"
    print(
        f"ratio      {ratio:.2f} to the first frame ({verdict} the goal <= {GOAL}),"
        f" {exit_ratio:.2f} to exit (kiosk / bare PySide6 window)"
        + (f", {cpu_ratio:.2f} in CPU to exit" if cpu_ratio is not None else "")
    )
    if args.fail_above is not None and ratio > args.fail_above:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
