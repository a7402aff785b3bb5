"""Public data benchmark: one SEMAS-shaped province file of 300,000 invented shops, scanned.

A throw-away CSV (UTF-8 with BOM, the 39 published columns, invented names and
addresses spread over a province-sized box, a market of some hundred shops in
the middle) is written streaming. Then, each in a fresh process so the peak
memory is its own:

- the anchor: a plain ``csv.reader`` pass over the same file (decode and split only);
- the scan ``stores import-public`` makes: encoding check, header check, every row's
  coordinates against the market's 150 m radius and its address against the
  market's name, candidates with their category and stall.

Goals (issue "Set up a market from public data"): under 15 s and under 200 MB.

    .venv/bin/python benchmarks/bench_public_import.py [--rows 300000] [--json]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CENTRE = (35.1001, 129.0502)

_ANCHOR = """
import csv, sys, time
start = time.perf_counter()
n = 0
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    for row in csv.reader(f):
        n += 1
print(time.perf_counter() - start, n)
"""

_SCAN = """
import sys, time
start = time.perf_counter()
from kiosk.data.registry_stores import shipped_categories
from kiosk.domain.public_data.categories import category_table
from kiosk.domain.public_data.semas import Area, scan_registry
table = category_table(shipped_categories(), "shipped")
area = Area((35.1001, 129.0502), 150.0, ("가상벤치시장",))
with open(sys.argv[1], "rb") as raw:
    read = scan_registry(raw, "bench.csv", area, table)
print(time.perf_counter() - start, read.rows, len(read.candidates))
"""

_KINDS = [
    ("소매", "식료품 소매", "수산물 소매"),
    ("소매", "식료품 소매", "채소 소매"),
    ("소매", "식료품 소매", "과일 소매"),
    ("음식", "한식", "백반/한정식"),
    ("음식", "기타 간이", "김밥/만두/분식"),
    ("수리·개인", "이용·미용", "미용실"),
]


def write_file(path: Path, rows: int) -> None:
    """*rows* invented shops, one in 1,000 inside the invented market's radius."""
    from kiosk.domain.public_data.semas import COLUMNS

    rng = random.Random(22)
    at = {name: i for i, name in enumerate(COLUMNS)}
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        out = csv.writer(file, lineterminator="\r\n")
        out.writerow(COLUMNS)
        for n in range(rows):
            row = [""] * len(COLUMNS)
            large, middle, small = _KINDS[n % len(_KINDS)]
            inside = n % 1000 == 0
            lat = CENTRE[0] + (rng.uniform(-0.001, 0.001) if inside else rng.uniform(-0.6, 0.6))
            lon = CENTRE[1] + (rng.uniform(-0.001, 0.001) if inside else rng.uniform(-0.6, 0.6))
            row[at["상가업소번호"]] = f"MA{n:010d}"
            row[at["상호명"]] = f"가상상회{n}"
            row[at["상권업종대분류명"]] = large
            row[at["상권업종중분류명"]] = middle
            row[at["상권업종소분류명"]] = small
            row[at["시도명"]] = "가상특별시"
            row[at["도로명주소"]] = f"가상특별시 가상구 벤치로 {n % 500}"
            row[at["층정보"]] = str(1 + n % 3)
            row[at["호정보"]] = str(n % 200)
            row[at["경도"]] = f"{lon:.7f}"
            row[at["위도"]] = f"{lat:.7f}"
            out.writerow(row)


def run(script: str, path: Path) -> tuple[list[str], float]:
    """Run *script* in a fresh Python; its printed words and its peak RSS in MB."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return done.stdout.split(), max(peak, before) / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=300_000)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "semas.csv"
        start = time.perf_counter()
        write_file(path, args.rows)
        made = time.perf_counter() - start
        anchor, anchor_mb = run(_ANCHOR, path)
        scan, scan_mb = run(_SCAN, path)
        results = {
            "rows": args.rows,
            "file_mb": round(path.stat().st_size / 1e6, 1),
            "generate_s": round(made, 2),
            "anchor_csv_reader_s": round(float(anchor[0]), 2),
            "anchor_peak_mb": round(anchor_mb, 1),
            "scan_s": round(float(scan[0]), 2),
            "scan_peak_mb": round(scan_mb, 1),
            "candidates": int(scan[2]),
            "ratio_scan_to_anchor": round(float(scan[0]) / float(anchor[0]), 2),
            "goal": "scan < 15 s and < 200 MB",
        }
    results["met"] = results["scan_s"] < 15 and results["scan_peak_mb"] < 200
    if args.json:
        print(json.dumps(results, ensure_ascii=False))
    else:
        for key, value in results.items():
            print(f"{key:>22}: {value}")
    return 0 if results["met"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
