"""Bulk-insert benchmark: one generated market through the app's Core bulk path, on SQLite
and on PostgreSQL, beside a bare COPY of the same rows on the same server (same run).

The market (``--stores`` stores, ``--goods`` goods each) is built once as plain data.
Each run inserts it into an empty database and is rolled back or thrown away:

- ``sqlite``: ``insert_market_core`` into a fresh SQLite file (the embedded default);
- ``postgres``: ``insert_market_core`` into a fresh schema on the PostgreSQL server;
- ``bare_copy``: the anchor, psycopg's ``COPY ... FROM STDIN`` of the same store and goods
  rows (already encoded as the tables want them) into plain tables of the same columns,
  without the app's indexes, checks or search texts: the floor of the server.

Each run measures the three one after the other (the machine's load weighs on all alike);
wall seconds and CPU seconds (this process, plus the server backend's when the server runs
on this machine) are medians. Goal (issue "Performance round two"): PostgreSQL within 2x
SQLite. The server: ``--throwaway-server`` (a private one, see pg_server.py), else
``--postgres-url`` or ``KIOSK_TEST_POSTGRES_URL``; without any only SQLite runs.

    .venv/bin/python benchmarks/bench_bulk.py --stores 30000 [--runs 3] [--json]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

#: The synthetic market and scratch databases are test support (tests/factories), not
#: shipped code; the server's CPU is read like bench_many_pcs.py does (pg_server.py).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from factories.postgres import libpq_url, scratch_database
from pg_server import _cpu_ns, throwaway_server


class Figure:
    """Wall seconds of one run and the CPU seconds spent on it (this process, plus the
    server backend's when the server runs on this machine: /proc is read)."""

    def __init__(self) -> None:
        self.wall = 0.0
        self.cpu: float | None = 0.0
        self._backend: int | None = None

    @contextlib.contextmanager
    def timing(self, backend_pid: int | None = None) -> Iterator[None]:
        self._backend = backend_pid if backend_pid and _readable(backend_pid) else None
        wall, cpu, server = time.perf_counter(), time.process_time(), self._server_ns()
        yield
        self.wall = time.perf_counter() - wall
        self.cpu = time.process_time() - cpu + (self._server_ns() - server) / 1e9
        if backend_pid and self._backend is None:
            self.cpu = None  # a remote server's CPU is unknown: the client's alone flatters

    def _server_ns(self) -> int:
        return _cpu_ns(self._backend) if self._backend else 0


def _readable(pid: int) -> bool:
    return Path(f"/proc/{pid}/sched").exists()


def _sqlite_run(market: Any) -> Figure:
    from kiosk.data.bulk import insert_market_core
    from kiosk.data.db import Database

    figure = Figure()
    with (
        tempfile.TemporaryDirectory() as folder,
        Database.open(f"sqlite:///{Path(folder) / 'bulk.sqlite3'}") as db,
        figure.timing(),
        db.engine.begin() as conn,
    ):
        insert_market_core(conn, market)
    return figure


def _postgres_run(url: str, market: Any) -> Figure:
    from kiosk.data.bulk import insert_market_core
    from kiosk.data.db import Database

    figure = Figure()
    with (
        scratch_database(url, prefix="kiosk_bench") as scoped,
        Database.open(scoped) as db,
        db.engine.connect() as conn,
    ):
        backend = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar()
        conn.rollback()
        with figure.timing(backend), conn.begin():
            insert_market_core(conn, market)
    return figure


def _bare_rows(market: Any) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    stores = [
        (n, s.stall_number, s.category, json.dumps(dict(s.name)), s.phone)
        for n, s in enumerate(market.stores, start=1)
    ]
    goods = [
        (n, json.dumps(dict(p.name)), p.price_won, p.unit, p.sold_out, order)
        for n, s in enumerate(market.stores, start=1)
        for order, p in enumerate(s.products)
    ]
    return stores, goods


def _bare_copy_run(url: str, rows: tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]) -> Figure:
    import psycopg

    stores, goods = rows
    figure = Figure()
    with psycopg.connect(libpq_url(url)) as conn:
        conn.execute(
            "CREATE TEMP TABLE s (id int, stall text, category text, name json, phone text)"
        )
        conn.execute(
            "CREATE TEMP TABLE g (store_id int, name json, price_won int, unit text,"
            " sold_out bool, sort_order int)"
        )
        with figure.timing(conn.info.backend_pid), conn.cursor() as cur:
            with cur.copy("COPY s FROM STDIN") as copy:
                for row in stores:
                    copy.write_row(row)
            with cur.copy("COPY g FROM STDIN") as copy:
                for row in goods:
                    copy.write_row(row)
            conn.commit()
    return figure


def _measure(market: Any, url: str | None, runs: int) -> dict[str, list[Figure]]:
    """Each run times SQLite, PostgreSQL and the bare COPY one after the other, so that
    the machine's load of the moment weighs on all three alike."""
    found: dict[str, list[Figure]] = {"sqlite": []}
    rows = _bare_rows(market) if url else None
    for _ in range(runs):
        found["sqlite"].append(_sqlite_run(market))
        if url and rows:
            found.setdefault("postgres", []).append(_postgres_run(url, market))
            found.setdefault("bare_copy", []).append(_bare_copy_run(url, rows))
    return found


def _result(args: argparse.Namespace, url: str | None) -> dict[str, Any]:
    from factories.markets import build_market

    market = build_market(slug="bulk", stores=args.stores, goods_per_store=args.goods)
    found = _measure(market, url, args.runs)
    wall = {name: statistics.median(f.wall for f in figs) for name, figs in found.items()}
    cpu = {
        name: statistics.median(f.cpu for f in figs if f.cpu is not None)
        for name, figs in found.items()
        if all(f.cpu is not None for f in figs)
    }
    result: dict[str, Any] = {"stores": args.stores, "goods": args.stores * args.goods}
    result["bulk_insert_s"] = {name: round(value, 2) for name, value in wall.items()}
    result["bulk_insert_cpu_s"] = {name: round(value, 2) for name, value in cpu.items()}
    if "postgres" in wall:
        result["postgres_to_sqlite"] = round(wall["postgres"] / wall["sqlite"], 2)
        result["postgres_to_bare_copy"] = round(wall["postgres"] / wall["bare_copy"], 1)
    if "postgres" in cpu:
        result["postgres_to_sqlite_cpu"] = round(cpu["postgres"] / cpu["sqlite"], 2)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--stores", type=int, default=30_000)
    parser.add_argument("--goods", type=int, default=10, help="goods per store (default 10)")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--postgres-url", default=os.environ.get("KIOSK_TEST_POSTGRES_URL"))
    parser.add_argument(
        "--throwaway-server",
        action="store_true",
        help="start a private PostgreSQL server (initdb, pg_ctl) instead of --postgres-url",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()

    if args.throwaway_server:
        with throwaway_server() as (url, _postmaster):
            result = _result(args, url)
    else:
        result = _result(args, args.postgres_url)
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"{args.stores} stores, {result['goods']} goods, median of {args.runs} runs")
    print("               wall      CPU (client + server backend)")
    for name, value in result["bulk_insert_s"].items():
        used = result["bulk_insert_cpu_s"].get(name)
        print(
            f"  {name:10} {value:7.2f} s "
            + (f"{used:7.2f} s" if used is not None else "    (remote)")
        )
    if "postgres_to_sqlite" in result:
        cpu_ratio = result.get("postgres_to_sqlite_cpu")
        print(
            f"  PostgreSQL / SQLite: {result['postgres_to_sqlite']:.2f}x wall"
            + (f", {cpu_ratio:.2f}x CPU" if cpu_ratio is not None else "")
            + " (goal < 2x)"
        )
        print(f"  PostgreSQL / bare COPY: {result['postgres_to_bare_copy']:.1f}x wall")
    return 0


if __name__ == "__main__":
    sys.exit(main())
