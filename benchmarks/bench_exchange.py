"""Listings exchange benchmark: import and export of a 5,000-store / 50,000-good market.

A throw-away SQLite file gets an empty market; a generated market (tests/factories,
10 goods a store) is written as CSV and XLSX. Each of ``--runs`` rounds then times,
through the services and beside its anchor in the same round:

- CSV import into the empty market (read, check every row, plan, write in one
  transaction) beside a minimal importer (``csv`` module, rows grouped by stall,
  ``sqlite3`` executemany into two plain tables, no checks);
- CSV export of the now full market (made, written, read back and compared) beside
  the ``csv`` module writing the same rows, unchecked;
- the same CSV checked again (a dry run that finds nothing to change);
- XLSX import (after emptying the market) beside python-calamine reading every cell;
- XLSX export beside xlsxwriter (constant memory) writing the same rows, unchecked (and,
  for the breakdown, the app's own writer writing them unchecked: ``own_writer_write``);
- ``backup_s``, ``backup_cpu_s`` and ``backup_peak_rss_mib`` of a market of
  ``--backup-stores`` stores (bulk-inserted), ``--backup-runs`` pairs, each backup taken
  in a child process (its own peak RSS and CPU, all threads), beside the same pair's
  anchor: Python's ``sqlite3`` backup straight to a file, unchecked (``backup_ratio``:
  medians of each pair's ratios). ``--backup-only`` times only these.

``--round-trip-stores N`` adds the app's own export of an N-store market (bulk-inserted)
as CSV and XLSX, each imported back into an empty market (the limits follow the export).
With ``--json`` the figures named in the issue are ``{"project": ..., "<anchor>": ...}``
(medians of the rounds; ``runs`` holds every round); ``csv_import_cpu_s`` is the CSV
import and its anchor in CPU seconds of this process, the steadier figure on a loaded
machine.

Goals: CSV import < 3x the minimal importer, XLSX import < 1.3x the CSV import,
XLSX export < 1.5x the CSV export. The export figures also carry this process's CPU time
(``xlsx_export_cpu_s`` and the ``..._cpu`` ratios): wall time on a shared machine moves
with the other processes' load.

    .venv/bin/python benchmarks/bench_exchange.py [--stores 5000] [--goods 10] [--runs 3] [--json]
    .venv/bin/python benchmarks/bench_exchange.py --backup-only --backup-stores 100000 --json
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from process_memory import CHILD_PRELUDE

#: The synthetic-market factory is test support (tests/factories), not shipped code.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

T = TypeVar("T")
#: Figure -> (project's key in a round, anchor's name, anchor's key in a round).
FIGURES = {
    "csv_import_s": ("csv_import", "minimal_importer", "minimal_import"),
    #: The same two imports' CPU time (this process's): steadier than the wall clock on a
    #: machine other jobs load, which deschedules either one inside its run.
    "csv_import_cpu_s": ("csv_import_cpu", "minimal_importer", "minimal_import_cpu"),
    "xlsx_import_s": ("xlsx_import", "calamine_read", "calamine_read"),
    "xlsx_import_cpu_s": ("xlsx_import_cpu", "csv_import", "csv_import_cpu"),
    "csv_export_s": ("csv_export", "csv_module_write", "csv_write"),
    "xlsx_export_s": ("xlsx_export", "xlsxwriter_write", "xlsxwriter_write"),
}


def seconds(work: Callable[[], T]) -> tuple[float, T]:
    start = time.perf_counter()
    value = work()
    return time.perf_counter() - start, value


def timed(took: dict[str, float], key: str, work: Callable[[], object]) -> None:
    """*work*'s wall time as ``took[key]`` and this process's CPU time as ``key_cpu`` (the
    machine is shared: CPU time is what a loaded host disturbs least)."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    took[key] = time.perf_counter() - wall
    took[f"{key}_cpu"] = time.process_time() - cpu


def minimal_import(path: Path, db_file: Path) -> int:
    """The anchor: a CSV listings file into two plain SQLite tables, nothing checked."""
    import csv
    import io

    rows = csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline=""))
    header = next(rows)
    stall_at, width = header.index("점포 번호 (stall_number)"), 21
    stores: dict[str, list[str]] = {}
    goods: list[list[object]] = []
    for row in rows:
        stall = row[stall_at]
        if stall not in stores:
            stores[stall] = row[:width]
        goods.append([len(stores), *row[width:]])
    with sqlite3.connect(db_file) as conn:
        conn.execute(
            f"CREATE TABLE s (id INTEGER PRIMARY KEY, {', '.join(f'c{i}' for i in range(width))})"
        )
        conn.execute(
            f"CREATE TABLE g (store_id, {', '.join(f'c{i}' for i in range(len(header) - width))})"
        )
        marks = ", ".join("?" * (width + 1))
        conn.executemany(
            f"INSERT INTO s VALUES ({marks})", ([i, *v] for i, v in enumerate(stores.values(), 1))
        )
        marks = ", ".join("?" * (len(header) - width + 1))
        conn.executemany(f"INSERT INTO g VALUES ({marks})", goods)
    db_file.unlink()
    return len(goods)


def calamine_read(path: Path) -> int:
    """The anchor: every cell of every sheet read by python-calamine, nothing checked."""
    from python_calamine import CalamineWorkbook

    with CalamineWorkbook.from_path(path) as book:
        return sum(len(book.get_sheet_by_name(n).to_python()) for n in book.sheet_names)


def csv_write(path: Path, rows: Sequence[Sequence[object]]) -> None:
    """The anchor: the ``csv`` module writing the export's rows, unchecked."""
    import csv

    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(rows)


def xlsxwriter_write(path: Path, sheets: dict[str, Sequence[Sequence[object]]]) -> None:
    """The anchor: xlsxwriter (constant memory) writing the export's rows, unchecked."""
    import xlsxwriter  # type: ignore[import-untyped]

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_urls": False})
    for title, rows in sheets.items():
        sheet = book.add_worksheet(title)
        write_string, write_number = sheet.write_string, sheet.write_number
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if isinstance(value, str):
                    if value:
                        write_string(r, c, value)
                else:
                    write_number(r, c, value)
    book.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stores", type=int, default=5000)
    parser.add_argument("--goods", type=int, default=10, help="goods per store")
    parser.add_argument("--runs", type=int, default=3, help="rounds (medians are quoted)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--backup-stores", type=int, default=None, help="market size of the backup figures"
    )
    parser.add_argument(
        "--backup-runs", type=int, default=3, help="backup pairs (project, anchor) to time"
    )
    parser.add_argument("--backup-only", action="store_true", help="time only the backup figures")
    parser.add_argument(
        "--round-trip-stores", type=int, default=0, help="also export and import back N stores"
    )
    args = parser.parse_args(argv)
    if args.backup_only:
        with tempfile.TemporaryDirectory(prefix="kiosk-bench-backup-") as tmp:
            size = args.backup_stores or args.stores
            figures = backup_figures(Path(tmp), size, args.goods, args.backup_runs)
        print(json.dumps(figures) if args.json else figures)
        return 0

    from factories.markets import build_market  # tests/ is on sys.path (above)

    from kiosk.domain.exchange.csv_file import write_csv
    from kiosk.domain.exchange.write import flat_rows, goods_rows, store_rows
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
        write_workbook(xlsx_in, store_rows(market.stores, "bench"), goods_rows(market.stores))
        results["csv_mb"] = round(csv_in.stat().st_size / 1e6, 1)
        results["xlsx_mb"] = round(xlsx_in.stat().st_size / 1e6, 1)
        rows = {
            "flat": list(flat_rows(market.stores, "bench")),
            "stores": list(store_rows(market.stores, "bench")),
            "goods": list(goods_rows(market.stores)),
        }
        # The benchmark's own market and rows are kept for its whole run: frozen, so the
        # garbage collector does not walk them inside whichever figure it happens to fall.
        gc.collect()
        gc.freeze()
        runs = [one_round(folder, csv_in, xlsx_in, rows) for _ in range(max(1, args.runs))]
        results["runs"] = runs
        for figure, (project, anchor, key) in FIGURES.items():
            results[figure] = {
                "project": _median(runs, project),
                anchor: _median(runs, key),
            }
        results["csv_dry_run_unchanged_s"] = _median(runs, "csv_dry_run_unchanged")
        results["xlsx_export_cpu_s"] = {  # CPU seconds of the export and its anchors
            "project": _median(runs, "xlsx_export_cpu"),
            "csv_export": _median(runs, "csv_export_cpu"),
            "xlsxwriter_write": _median(runs, "xlsxwriter_write_cpu"),
            "own_writer_write": _median(runs, "own_writer_write_cpu"),
        }
        results["ratios"] = _ratios(runs)
        if args.round_trip_stores:
            results["round_trip"] = round_trip(folder, args.round_trip_stores, args.goods)
        size = args.backup_stores or args.stores
        results.update(backup_figures(folder, size, args.goods, args.backup_runs))
    if args.json:
        print(json.dumps(results, ensure_ascii=False))
    else:
        for key, value in results.items():
            print(f"{key}: {value}")
        print("goals: CSV import < 3x minimal, XLSX import < 1.3x CSV, XLSX export < 1.5x CSV")
    return 0


def _median(runs: list[dict[str, float]], key: str) -> float:
    return round(statistics.median(run[key] for run in runs), 2)


def _ratios(runs: list[dict[str, float]]) -> dict[str, float]:
    """The goals' ratios, each the median of the rounds' own ratios (a shared machine's
    load moves a round's figures together, so a round compares like with like)."""
    pairs = {
        "csv_import_vs_minimal_importer": ("csv_import", "minimal_import"),
        "csv_import_cpu_vs_minimal_importer": ("csv_import_cpu", "minimal_import_cpu"),
        "xlsx_import_vs_csv_import": ("xlsx_import", "csv_import"),
        "xlsx_import_vs_csv_import_cpu": ("xlsx_import_cpu", "csv_import_cpu"),
        "xlsx_export_vs_csv_export": ("xlsx_export", "csv_export"),
        "xlsx_export_vs_xlsxwriter_write": ("xlsx_export", "xlsxwriter_write"),
        "own_writer_write_vs_xlsxwriter_write": ("own_writer_write", "xlsxwriter_write"),
        "xlsx_export_vs_csv_export_cpu": ("xlsx_export_cpu", "csv_export_cpu"),
        "xlsx_export_vs_xlsxwriter_write_cpu": ("xlsx_export_cpu", "xlsxwriter_write_cpu"),
        "own_writer_write_vs_xlsxwriter_write_cpu": (
            "own_writer_write_cpu",
            "xlsxwriter_write_cpu",
        ),
        "xlsx_import_vs_calamine_read": ("xlsx_import", "calamine_read"),
    }
    return {
        name: round(statistics.median(run[top] / run[bottom] for run in runs), 2)
        for name, (top, bottom) in pairs.items()
    }


def one_round(
    folder: Path, csv_in: Path, xlsx_in: Path, rows: dict[str, list[list[Any]]]
) -> dict[str, float]:
    """One round of every figure, each project figure beside its anchor."""
    from kiosk.domain.exchange import file_format as fmt
    from kiosk.services.app import Services
    from kiosk.services.exchange.xlsx import write_workbook

    took: dict[str, float] = {}
    db_file = folder / "bench.sqlite3"
    with Services.open(f"sqlite:///{db_file}") as services:
        console = services.access.console_actor()
        services.listings.create_market(actor=console, slug="bench", name={"ko": "벤치"}, city={})

        def load(path: Path) -> None:
            plan = services.exchange.check_import(actor=console, path=path)
            services.exchange.apply_import(actor=console, plan=plan)

        def export(out: Path) -> None:
            services.exchange.export_listings(actor=console, market_slug="bench", out=out)

        def empty() -> None:
            with sqlite3.connect(db_file) as conn:
                conn.execute("PRAGMA foreign_keys = ON")
                conn.execute("DELETE FROM stores")

        timed(took, "csv_import", lambda: load(csv_in))
        timed(took, "minimal_import", lambda: minimal_import(csv_in, folder / "min.sqlite3"))
        timed(took, "csv_export", lambda: export(folder / "out.csv"))
        timed(took, "csv_write", lambda: csv_write(folder / "anchor.csv", rows["flat"]))
        took["csv_dry_run_unchanged"], plan = seconds(
            lambda: services.exchange.check_import(actor=console, path=folder / "out.csv")
        )
        assert not plan.changes_anything  # the export reads back as the market it came from
        empty()
        timed(took, "xlsx_import", lambda: load(xlsx_in))
        timed(took, "calamine_read", lambda: calamine_read(xlsx_in))
        timed(took, "xlsx_export", lambda: export(folder / "out.xlsx"))
        sheets = {fmt.STORES_SHEET: rows["stores"], fmt.GOODS_SHEET: rows["goods"]}
        timed(took, "xlsxwriter_write", lambda: xlsxwriter_write(folder / "anchor.xlsx", sheets))
        timed(
            took,
            "own_writer_write",
            lambda: write_workbook(folder / "own.xlsx", rows["stores"], rows["goods"]),
        )
    db_file.unlink()
    return {key: round(value, 3) for key, value in took.items()}


def round_trip(folder: Path, stores: int, goods: int) -> dict[str, Any]:
    """The app's own export of a *stores*-store market, CSV and XLSX, imported back."""
    from factories.markets import build_market

    from kiosk.data.bulk import insert_market_core
    from kiosk.data.db import Database
    from kiosk.services.app import Services

    source, target = folder / "trip-source.sqlite3", folder / "trip-target.sqlite3"
    with Database.open(f"sqlite:///{source}") as db, db.engine.begin() as conn:
        insert_market_core(conn, build_market(slug="big", stores=stores, goods_per_store=goods))
    out: dict[str, Any] = {"stores": stores, "goods": stores * goods}
    with Services.open(f"sqlite:///{source}") as services:
        console = services.access.console_actor()
        for kind in ("csv", "xlsx"):
            path = folder / f"trip.{kind}"
            start = time.perf_counter()
            services.exchange.export_listings(actor=console, market_slug="big", out=path)
            out[f"{kind}_export_s"] = round(time.perf_counter() - start, 1)
            out[f"{kind}_mb"] = round(path.stat().st_size / 1e6, 1)
    for kind in ("csv", "xlsx"):
        path = folder / f"trip.{kind}"
        with Services.open(f"sqlite:///{target}") as services:
            console = services.access.console_actor()
            services.listings.create_market(actor=console, slug="big", name={"ko": "큰"}, city={})
            start = time.perf_counter()
            plan = services.exchange.check_import(actor=console, path=path)
            written = services.exchange.apply_import(actor=console, plan=plan).store_ids
            out[f"{kind}_import_s"] = round(time.perf_counter() - start, 1)
            out[f"{kind}_imported_stores"] = len(written)
        target.unlink()
        path.unlink()
    source.unlink()
    return out


#: A child's backup: seconds, its own peak RSS (MiB) and its CPU seconds (all threads), as
#: JSON on stdout.
_PROJECT_BACKUP = (
    CHILD_PRELUDE
    + """
import json, sys, time
from pathlib import Path
from kiosk.services.app import Services
with Services.open(sys.argv[1]) as services:
    start, cpu = time.perf_counter(), time.process_time()
    services.backups.backup_database(actor=services.access.console_actor(), out=Path(sys.argv[2]))
    took, cpu = time.perf_counter() - start, time.process_time() - cpu
print(json.dumps([took, status_mib()["peak"], cpu]))
"""
)
_ANCHOR_BACKUP = (
    CHILD_PRELUDE
    + """
import json, sqlite3, sys, time
start, cpu = time.perf_counter(), time.process_time()
source, target = sqlite3.connect(sys.argv[1]), sqlite3.connect(sys.argv[2])
source.backup(target)
target.close()
took, cpu = time.perf_counter() - start, time.process_time() - cpu
print(json.dumps([took, status_mib()["peak"], cpu]))
"""
)


def backup_figures(folder: Path, stores: int, goods: int, runs: int = 3) -> dict[str, Any]:
    """backup_s, backup_cpu_s and backup_peak_rss_mib of a *stores*-store market, with the
    sqlite3 anchor: *runs* pairs, each backup in a fresh child (which goes first alternates);
    medians of the times and of each pair's ratios, the highest peak RSS."""
    import subprocess

    from factories.markets import build_market

    from kiosk.data.bulk import insert_market_core
    from kiosk.data.db import Database

    db_file = folder / "backup.sqlite3"
    with Database.open(f"sqlite:///{db_file}") as db, db.engine.begin() as conn:
        insert_market_core(conn, build_market(slug="big", stores=stores, goods_per_store=goods))
    children = {
        "project": (_PROJECT_BACKUP, f"sqlite:///{db_file}"),
        "sqlite3_backup": (_ANCHOR_BACKUP, str(db_file)),
    }
    pairs: list[dict[str, list[float]]] = []
    for run in range(max(1, runs)):
        pair: dict[str, list[float]] = {}
        for name in sorted(children, reverse=run % 2 == 1):
            code, source = children[name]
            out = folder / f"{name}.sqlite3"
            done = subprocess.run(
                [sys.executable, "-c", code, source, str(out)],
                capture_output=True,
                text=True,
                check=True,
                env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
            )
            pair[name] = json.loads(done.stdout.strip().splitlines()[-1])
            out.unlink()
        pairs.append(pair)

    def median(name: str, index: int) -> float:
        return round(statistics.median(pair[name][index] for pair in pairs), 2)

    def ratio(index: int) -> float:
        each = (pair["project"][index] / pair["sqlite3_backup"][index] for pair in pairs)
        return round(statistics.median(each), 2)

    return {
        "backup_stores": stores,
        "backup_mb": round(db_file.stat().st_size / 1e6, 1),
        "backup_s": {name: median(name, 0) for name in children},
        "backup_cpu_s": {name: median(name, 2) for name in children},
        "backup_peak_rss_mib": {
            name: round(max(pair[name][1] for pair in pairs), 1) for name in children
        },
        "backup_ratio": {"wall": ratio(0), "cpu": ratio(2)},
        "backup_runs": [
            {name: [round(value, 2) for value in figures] for name, figures in pair.items()}
            for pair in pairs
        ],
    }


if __name__ == "__main__":
    sys.exit(main())
