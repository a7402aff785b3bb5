"""Listings exchange benchmark: import and export of a 5,000-store / 50,000-good market.

A throw-away SQLite file gets an empty market; a generated market (tests/factories,
10 goods a store) is written as CSV and XLSX. Then, timed through the services:

- CSV import into the empty market (read, check every row, plan, write in one transaction);
- CSV export of the now full market (made in memory, written, read back and compared);
- the same CSV checked again (a dry run that finds nothing to change);
- XLSX import (after emptying the market again) and XLSX export;
- a backup through SQLite's backup API (checked) and the start-up ``quick_check``;
- ``backup_s`` and ``backup_peak_rss_mib`` of a market of ``--backup-stores`` stores
  (bulk-inserted), each taken in a child process (its own peak RSS), beside the same
  run's anchor: Python's ``sqlite3`` backup straight to a file, unchecked.

With ``--json`` the figures named in the issue are ``{"project": ..., "<anchor>": ...}``.

Goals (issue "Listings exchange"): CSV import under 10 s, export under 5 s.

    .venv/bin/python benchmarks/bench_exchange.py [--stores 5000] [--goods 10] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

#: The synthetic-market factory is test support (tests/factories), not shipped code.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

T = TypeVar("T")


def timed(results: dict[str, Any], key: str, work: Callable[[], T]) -> T:
    start = time.perf_counter()
    value = work()
    results[key] = round(time.perf_counter() - start, 2)
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stores", type=int, default=5000)
    parser.add_argument("--goods", type=int, default=10, help="goods per store")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--backup-stores", type=int, default=None, help="market size of the backup figures"
    )
    args = parser.parse_args(argv)

    from factories.markets import build_market  # tests/ is on sys.path (above)

    from kiosk.domain.exchange.csv_file import write_csv
    from kiosk.domain.exchange.write import flat_rows, goods_rows, store_rows
    from kiosk.services.app import Services
    from kiosk.services.exchange.xlsx import write_workbook

    results: dict[str, Any] = {
        "machine": f"{os.cpu_count()} cores (shared), SQLite {sqlite3.sqlite_version}, "
        f"Python {sys.version.split()[0]}",
        "stores": args.stores,
        "goods": args.stores * args.goods,
    }
    market = build_market(slug="bench", stores=args.stores, goods_per_store=args.goods)
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-exchange-") as tmp:
        folder = Path(tmp)
        csv_in, xlsx_in = folder / "in.csv", folder / "in.xlsx"
        csv_in.write_bytes(write_csv(flat_rows(market.stores, "bench")))
        xlsx_in.write_bytes(
            write_workbook(store_rows(market.stores, "bench"), goods_rows(market.stores))
        )
        results["csv_mb"] = round(csv_in.stat().st_size / 1e6, 1)
        results["xlsx_mb"] = round(xlsx_in.stat().st_size / 1e6, 1)
        db_file = folder / "bench.sqlite3"
        with Services.open(f"sqlite:///{db_file}") as services:
            console = services.access.console_actor()
            services.listings.create_market(
                actor=console, slug="bench", name={"ko": "벤치"}, city={}
            )

            def load(path: Path) -> None:
                plan = services.exchange.check_import(actor=console, path=path)
                services.exchange.apply_import(actor=console, plan=plan)

            def empty() -> None:
                with sqlite3.connect(db_file) as conn:
                    conn.execute("PRAGMA foreign_keys = ON")
                    conn.execute("DELETE FROM stores")

            timed(results, "csv_import_s", lambda: load(csv_in))
            timed(
                results,
                "csv_export_s",
                lambda: services.exchange.export_listings(
                    actor=console, market_slug="bench", out=folder / "out.csv"
                ),
            )
            plan = timed(
                results,
                "csv_dry_run_unchanged_s",
                lambda: services.exchange.check_import(actor=console, path=folder / "out.csv"),
            )
            assert not plan.changes_anything  # the export reads back as the market it came from
            timed(
                results, "small_backup_s", lambda: services.backups.backup_database(actor=console)
            )
            from kiosk.data.backup import quick_check

            timed(results, "quick_check_s", lambda: quick_check(services._db))
            empty()
            timed(results, "xlsx_import_s", lambda: load(xlsx_in))
            timed(
                results,
                "xlsx_export_s",
                lambda: services.exchange.export_listings(
                    actor=console, market_slug="bench", out=folder / "out.xlsx"
                ),
            )
        results.update(backup_figures(folder, args.backup_stores or args.stores, args.goods))
    if args.json:
        print(json.dumps(results, ensure_ascii=False))
    else:
        for key, value in results.items():
            print(f"{key}: {value}")
        print("goals: CSV import < 10 s, CSV export < 5 s")
    return 0


#: A child's backup: seconds and its own peak RSS (MiB), as JSON on stdout.
_PROJECT_BACKUP = """
import json, resource, sys, time
from pathlib import Path
def peak_mib():
    # VmHWM starts again at exec (ru_maxrss would keep the parent's peak on Linux).
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

from kiosk.services.app import Services
with Services.open(sys.argv[1]) as services:
    start = time.perf_counter()
    services.backups.backup_database(actor=services.access.console_actor(), out=Path(sys.argv[2]))
    took = time.perf_counter() - start
print(json.dumps([took, peak_mib()]))
"""
_ANCHOR_BACKUP = """
import json, resource, sqlite3, sys, time
def peak_mib():
    # VmHWM starts again at exec (ru_maxrss would keep the parent's peak on Linux).
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
start = time.perf_counter()
source, target = sqlite3.connect(sys.argv[1]), sqlite3.connect(sys.argv[2])
source.backup(target)
target.close()
took = time.perf_counter() - start
print(json.dumps([took, peak_mib()]))
"""


def backup_figures(folder: Path, stores: int, goods: int) -> dict[str, Any]:
    """backup_s and backup_peak_rss_mib of a *stores*-store market, with the sqlite3 anchor."""
    import subprocess

    from factories.markets import build_market

    from kiosk.data.bulk import insert_market_core
    from kiosk.data.db import Database

    db_file = folder / "backup.sqlite3"
    with Database.open(f"sqlite:///{db_file}") as db, db.engine.begin() as conn:
        insert_market_core(conn, build_market(slug="big", stores=stores, goods_per_store=goods))
    runs: dict[str, list[float]] = {}
    for name, code, source in (
        ("project", _PROJECT_BACKUP, f"sqlite:///{db_file}"),
        ("sqlite3_backup", _ANCHOR_BACKUP, str(db_file)),
    ):
        out = folder / f"{name}.sqlite3"
        done = subprocess.run(
            [sys.executable, "-c", code, source, str(out)],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
        )
        runs[name] = json.loads(done.stdout.strip().splitlines()[-1])
        out.unlink()
    return {
        "backup_stores": stores,
        "backup_mb": round(db_file.stat().st_size / 1e6, 1),
        "backup_s": {name: round(figures[0], 2) for name, figures in runs.items()},
        "backup_peak_rss_mib": {name: round(figures[1], 1) for name, figures in runs.items()},
    }


if __name__ == "__main__":
    sys.exit(main())
