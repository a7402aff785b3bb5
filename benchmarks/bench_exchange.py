"""Listings exchange benchmark: import and export of a 5,000-store / 50,000-good market.

A throw-away SQLite file gets an empty market; a generated market (tests/factories,
10 goods a store) is written as CSV and XLSX. Then, timed through the services:

- CSV import into the empty market (read, check every row, plan, write in one transaction);
- CSV export of the now full market (made in memory, written, read back and compared);
- the same CSV checked again (a dry run that finds nothing to change);
- XLSX import (after emptying the market again) and XLSX export;
- a backup through SQLite's backup API (checked) and the start-up ``quick_check``.

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
            timed(results, "backup_s", lambda: services.backups.backup_database(actor=console))
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
    if args.json:
        print(json.dumps(results, ensure_ascii=False))
    else:
        for key, value in results.items():
            print(f"{key}: {value}")
        print("goals: CSV import < 10 s, CSV export < 5 s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
