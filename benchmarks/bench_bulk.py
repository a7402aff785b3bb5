"""Bulk-insert benchmark: one generated market through the app's Core bulk path, on SQLite
and on PostgreSQL, beside a bare COPY of the same rows on the same server (same run).

The market (``--stores`` stores, ``--goods`` goods each) is built once as plain data.
Each run inserts it into an empty database and is rolled back or thrown away:

- ``sqlite``: ``insert_market_core`` into a fresh SQLite file (the embedded default);
- ``postgres``: ``insert_market_core`` into a fresh schema on the PostgreSQL server;
- ``bare_copy``: the anchor, psycopg's ``COPY ... FROM STDIN`` of the same store and goods
  rows (already encoded as the tables want them) into plain tables of the same columns,
  without the app's indexes, checks or search texts: the floor of the server.

Goal (issue "Performance round two"): PostgreSQL within 2x SQLite. The server URL comes
from ``--postgres-url`` or ``KIOSK_TEST_POSTGRES_URL``; without one only SQLite runs.

    .venv/bin/python benchmarks/bench_bulk.py --stores 30000 [--runs 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: The synthetic-market factory is test support (tests/factories), not shipped code.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))


def _median(run: Callable[[], float], runs: int) -> float:
    return statistics.median(run() for _ in range(runs))


def _sqlite_run(market: Any) -> float:
    from kiosk.data.bulk import insert_market_core
    from kiosk.data.db import Database

    with (
        tempfile.TemporaryDirectory() as folder,
        Database.open(f"sqlite:///{Path(folder) / 'bulk.sqlite3'}") as db,
    ):
        start = time.perf_counter()
        with db.engine.begin() as conn:
            insert_market_core(conn, market)
        return time.perf_counter() - start


def _fresh_database(url: str) -> tuple[str, str]:
    """A new empty database on the server (like the tests) and its URL."""
    import psycopg
    from sqlalchemy import make_url

    name = f"kiosk_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(_plain(url), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return name, make_url(_plain(url)).set(database=name).render_as_string(hide_password=False)


def _drop_database(url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(_plain(url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _plain(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def _sa_url(url: str) -> str:
    return url.replace("postgresql://", "postgresql+psycopg://", 1)


def _postgres_run(url: str, market: Any) -> float:
    from kiosk.data.bulk import insert_market_core
    from kiosk.data.db import Database

    name, scoped = _fresh_database(url)
    try:
        with Database.open(_sa_url(scoped)) as db:
            start = time.perf_counter()
            with db.engine.begin() as conn:
                insert_market_core(conn, market)
            return time.perf_counter() - start
    finally:
        _drop_database(url, name)


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


def _bare_copy_run(url: str, rows: tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]) -> float:
    import psycopg

    stores, goods = rows
    with psycopg.connect(_plain(url)) as conn:
        conn.execute(
            "CREATE TEMP TABLE s (id int, stall text, category text, name json, phone text)"
        )
        conn.execute(
            "CREATE TEMP TABLE g (store_id int, name json, price_won int, unit text,"
            " sold_out bool, sort_order int)"
        )
        start = time.perf_counter()
        with conn.cursor() as cur:
            with cur.copy("COPY s FROM STDIN") as copy:
                for row in stores:
                    copy.write_row(row)
            with cur.copy("COPY g FROM STDIN") as copy:
                for row in goods:
                    copy.write_row(row)
        conn.commit()
        return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--stores", type=int, default=30_000)
    parser.add_argument("--goods", type=int, default=10, help="goods per store (default 10)")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--postgres-url", default=os.environ.get("KIOSK_TEST_POSTGRES_URL"))
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()

    from factories.markets import build_market

    market = build_market(slug="bulk", stores=args.stores, goods_per_store=args.goods)
    result: dict[str, Any] = {"stores": args.stores, "goods": args.stores * args.goods}
    figures = {"sqlite": _median(lambda: _sqlite_run(market), args.runs)}
    if args.postgres_url:
        url = args.postgres_url
        figures["postgres"] = _median(lambda: _postgres_run(url, market), args.runs)
        rows = _bare_rows(market)
        figures["bare_copy"] = _median(lambda: _bare_copy_run(url, rows), args.runs)
    result["bulk_insert_s"] = {name: round(value, 2) for name, value in figures.items()}
    if "postgres" in figures:
        result["postgres_to_sqlite"] = round(figures["postgres"] / figures["sqlite"], 2)
        result["postgres_to_bare_copy"] = round(figures["postgres"] / figures["bare_copy"], 1)
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"{args.stores} stores, {result['goods']} goods, median of {args.runs} runs")
    for name, value in result["bulk_insert_s"].items():
        print(f"  {name:10} {value:7.2f} s")
    if "postgres" in figures:
        print(f"  PostgreSQL / SQLite: {result['postgres_to_sqlite']:.2f}x (goal < 2x)")
        print(f"  PostgreSQL / bare COPY: {result['postgres_to_bare_copy']:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
