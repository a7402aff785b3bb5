"""Memory benchmark: the app's resident memory with a city-sized market open, beside a bare
Qt window holding the same market's texts (each in its own child process, same run).

One generated market (``--stores`` stores, 10 goods each) goes into a throw-away SQLite
file through the Core bulk path. Then two child processes start from nothing:

- ``project``: the kiosk window on that database, the tourist directory open on the
  market, the word 귤 searched (so the market's search texts are loaded, as after the
  first search of the day) and its first page painted;
- ``bare_qt_texts``: the anchor, a QApplication with one QListView of the stores' Korean
  names, the market's search texts read by ``sqlite3`` into a Python list and searched
  for 귤 once: what any app showing and searching that market has to hold.

Each child prints its resident set (VmRSS), peak (VmHWM) and anonymous pages (the
resident set less mapped files: libraries, fonts) once the window is painted; with
``--runs`` the pair runs again and medians are printed. Goal (issue "Performance round
two"): the project's resident set within 1.3x the anchor's (the ratio is the median of
each run's ratio; the anonymous ratio is a second figure, not the goal's).

    .venv/bin/python benchmarks/bench_memory.py --stores 100000 [--runs 3] [--json]
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
from typing import Any

from process_memory import CHILD_PRELUDE

ROOT = Path(__file__).resolve().parent.parent
#: The synthetic-market factory is test support (tests/factories), not shipped code.
sys.path.insert(0, str(ROOT / "tests"))

GOAL = 1.3
#: The figures each child reports (MiB): resident set (the goal's), its peak, anonymous part.
FIGURES = (("rss_mib", "rss"), ("peak_rss_mib", "peak"), ("anon_mib", "anon"))

_PROJECT = (
    CHILD_PRELUDE
    + """
import json, sys
from kiosk.app import application, build_shell
from kiosk.services.app import Services
from kiosk.ui import ops, theme
from kiosk.ui.tourist.flow import tourist_flow
from PySide6.QtWidgets import QApplication

app = application(offscreen=True)
theme.apply_theme(app, "ko")
services = Services.open(sys.argv[1])
window = build_shell("ko")
window.use_services(services)
window.resize(1366, 768)
window.show()
flow = tourist_flow(window)
flow.open_directory()
ops.wait_idle(120)
flow.directory.search_edit.setText("귤")
ops.wait_idle(120)
for _ in range(20):
    app.processEvents()
window.repaint()
print(json.dumps(status_mib()))
"""
)

_ANCHOR = (
    CHILD_PRELUDE
    + """
import json, sqlite3, sys
from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QApplication, QListView

app = QApplication(sys.argv[:1])
db = sqlite3.connect(sys.argv[1])
names = [json.loads(name).get("ko", "") for (name,) in db.execute(
    "SELECT name FROM stores WHERE active = 1 ORDER BY stall_sort_key")]
texts = [text for (text,) in db.execute("SELECT search_text FROM stores WHERE active = 1")]
hits = [n for n, text in enumerate(texts) if "귤" in text]
view = QListView()
view.setModel(QStringListModel(names))
view.resize(1366, 768)
view.show()
for _ in range(20):
    app.processEvents()
view.repaint()
print(json.dumps(status_mib()))
"""
)


def _child(code: str, target: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", code, target],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        },
    )
    if done.returncode != 0:
        raise SystemExit(f"child failed ({done.returncode}):\n{done.stderr[-2000:]}")
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--stores", type=int, default=100_000)
    parser.add_argument("--goods", type=int, default=10, help="goods per store (default 10)")
    parser.add_argument("--runs", type=int, default=3, help="pairs of children (default 3)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    if sys.platform != "linux":
        parser.error("reads /proc/self/status: Linux only")

    from factories.markets import build_market

    from kiosk.data.bulk import insert_market_core
    from kiosk.data.db import Database

    runs: dict[str, list[dict[str, float]]] = {"project": [], "bare_qt_texts": []}
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-memory-") as tmp:
        path = Path(tmp) / "city.sqlite3"
        start = time.perf_counter()
        with Database.open(f"sqlite:///{path}") as db, db.engine.begin() as conn:
            insert_market_core(
                conn, build_market(slug="city", stores=args.stores, goods_per_store=args.goods)
            )
        built_s = time.perf_counter() - start
        for _ in range(args.runs):  # the project and its anchor in turn, each run
            runs["project"].append(_child(_PROJECT, f"sqlite:///{path}"))
            runs["bare_qt_texts"].append(_child(_ANCHOR, str(path)))
    result: dict[str, Any] = {
        "stores": args.stores,
        "runs": args.runs,
        "build_s": round(built_s, 1),
    }
    for figure, key in FIGURES:
        result[figure] = {
            name: round(statistics.median(run[key] for run in children), 1)
            for name, children in runs.items()
        }
    ratios = [p["rss"] / a["rss"] for p, a in zip(*runs.values(), strict=True)]
    result["ratio"] = round(statistics.median(ratios), 2)
    result["ratio_runs"] = [round(ratio, 2) for ratio in ratios]
    result["anon_ratio"] = round(
        result["anon_mib"]["project"] / result["anon_mib"]["bare_qt_texts"], 2
    )
    result["goal"] = GOAL
    if args.json:
        print(json.dumps(result))
        return 0
    print(
        f"{args.stores} stores, directory open and 귤 searched (market built in {built_s:.0f} s);"
        f" medians of {args.runs} runs"
    )
    for name in runs:
        rss, peak = result["rss_mib"][name], result["peak_rss_mib"][name]
        anon = result["anon_mib"][name]
        print(f"  {name:14} RSS {rss:7.1f} MiB   peak {peak:7.1f} MiB   anonymous {anon:7.1f} MiB")
    verdict = "meets" if result["ratio"] <= GOAL else "misses"
    print(
        f"  ratio {result['ratio']:.2f} (runs {result['ratio_runs']}; {verdict} the goal"
        f" <= {GOAL}); anonymous memory alone {result['anon_ratio']:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
