"""Many PCs on one PostgreSQL server: 50 PCs polling for change events, 5 writing at once.

Each simulated PC is a ``Services`` door of its own (its own engine and connection,
as on a real PC) whose change watcher polls every ``--interval`` seconds on a thread,
started at a random phase, the way the shell's live refresh does
(``services.live.change_watcher().poll()``). Every ``--write-every`` seconds the
first ``--writers`` PCs each mark a different store's good sold out (or back) at the
same moment (``services.listings.update_good``, the merchant screen's tap). The
refresh delay of a write is the time from its commit until a PC's poll published it;
a write's delay is the slowest of the other PCs.

Beside it, in the same run and for the same time: the server idle, and the anchor,
the same number of bare connections polling ``SELECT 1`` at the same rate. The
server's CPU is read from /proc (the postmaster and its children), so the server
must run on this machine. Goals (issue 23, "Many stalls"): every PC sees a change
within 10 s; the server under 10% CPU.

    .venv/bin/python benchmarks/bench_many_pcs.py [--url postgresql://postgres@host/postgres]
        [--pcs 50] [--writers 5] [--seconds 60] [--json]

Without ``--url`` (or ``$KIOSK_BENCH_POSTGRES_URL``) a throw-away server is started with
initdb; the URL's user must be able to create a database (it is dropped afterwards).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import statistics
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pg_server import ServerCpu, postmaster_of, throwaway_server


@contextmanager
def bench_database(admin_url: str) -> Iterator[tuple[str, int]]:
    """A new database on *admin_url*'s server (dropped afterwards) and the postmaster's pid."""
    from sqlalchemy import create_engine, make_url
    from sqlalchemy.pool import NullPool

    base = make_url(admin_url).set(drivername="postgresql+psycopg")
    name = f"kiosk_bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        backend = int(conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one())
    try:
        yield base.set(database=name).render_as_string(hide_password=False), postmaster_of(backend)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def every(interval: float, stop: threading.Event, tick: Callable[[], None]) -> threading.Thread:
    """Run *tick* every *interval* s on a thread, first at a random phase, until *stop*."""

    def loop() -> None:
        next_at = time.monotonic() + random.uniform(0, interval)
        while not stop.wait(max(0.0, next_at - time.monotonic())):
            next_at += interval
            try:
                tick()
            except Exception as exc:  # counted by the caller's tick; keep polling
                print(f"poll failed: {exc}", file=sys.stderr)

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    return thread


def measure(cpu: ServerCpu, seconds: float, stop: threading.Event | None = None) -> float:
    """Server CPU over *seconds* of wall time, in % of one core."""
    cpu.start()
    start = time.monotonic()
    (stop or threading.Event()).wait(seconds)
    return 100 * cpu.seconds() / (time.monotonic() - start)


def anchor_cpu(url: str, pcs: int, interval: float, seconds: float, cpu: ServerCpu) -> float:
    """The same number of bare psycopg connections polling ``SELECT 1`` at the same rate."""
    import psycopg
    from sqlalchemy import make_url

    plain = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    connections = [psycopg.connect(plain, autocommit=True) for _ in range(pcs)]
    stop = threading.Event()
    locks = [threading.Lock() for _ in connections]

    def poller(i: int) -> Callable[[], None]:
        def tick() -> None:
            with locks[i]:
                connections[i].execute("SELECT 1").fetchall()

        return tick

    threads = [every(interval, stop, poller(i)) for i in range(pcs)]
    time.sleep(interval)  # every connection has polled once before the reading
    percent = measure(cpu, seconds)
    stop.set()
    for thread in threads:
        thread.join()
    for conn in connections:
        conn.close()
    return percent


class Seen:
    """When each PC's poll published each write (keyed by the store it touched)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.commits: dict[int, float] = {}  # store id -> commit time of its write
        self.seen_at: dict[int, dict[int, float]] = {}  # store id -> pc -> time published

    def expect(self, store_id: int) -> None:
        """A write of *store_id* begins (a PC may publish it before its writer returns)."""
        with self.lock:
            self.seen_at[store_id] = {}

    def committed(self, store_id: int, at: float) -> None:
        with self.lock:
            self.commits[store_id] = at

    def listener(self, pc: int) -> Callable[[Any], None]:
        def heard(change: Any) -> None:
            now = time.monotonic()
            with self.lock:
                for store_id in change.store_ids:
                    pcs = self.seen_at.get(store_id)
                    if pcs is not None and pc not in pcs:
                        pcs[pc] = now

        return heard


def open_pcs(url: str, pcs: int, seen: Seen) -> list[Any]:
    from kiosk.services.app import Services

    doors = []
    for pc in range(pcs):
        services = Services.open(url)
        services.changes.subscribe(seen.listener(pc))
        doors.append(services)
    return doors


def write_round(writers: list[Any], stores: list[Any], seen: Seen) -> list[tuple[int, int]]:
    """Each writer marks its store's first good sold out (or back), all at once.

    Returns (store id, writing PC) per write.
    """
    barrier = threading.Barrier(len(writers))
    touched: list[tuple[int, int]] = []

    def write(pc: int, services: Any, store: Any) -> None:
        manager = services.access.console_actor()
        base = services.directory.get_store(store_id=store.id)
        good = base.products[0]
        seen.expect(store.id)
        barrier.wait()
        services.listings.update_good(
            actor=manager, base=base, product_id=good.id, sold_out=not good.sold_out
        )
        seen.committed(store.id, time.monotonic())
        touched.append((store.id, pc))

    threads = [
        threading.Thread(target=write, args=(pc, services, store))
        for pc, (services, store) in enumerate(zip(writers, stores, strict=True))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return touched


def app_run(url: str, args: argparse.Namespace, cpu: ServerCpu) -> dict[str, Any]:
    """The PCs polling and writing for ``args.seconds``: server CPU and refresh delays."""
    seen = Seen()
    doors = open_pcs(url, args.pcs, seen)
    watchers = [door.live.change_watcher() for door in doors]
    stop = threading.Event()
    threads = [every(args.interval, stop, watcher.poll) for watcher in watchers]
    directory = doors[0].directory
    stores = [
        store
        for market in directory.list_markets()
        for store in directory.list_stores(market_slug=market.slug, limit=500)
    ]
    writers = doors[: args.writers]
    rounds = max(1, int(args.seconds // args.write_every))
    written: list[tuple[int, int]] = []
    try:
        time.sleep(args.interval)  # every PC has polled once
        cpu.start()
        start = time.monotonic()
        for r in range(rounds):
            time.sleep(max(0.0, start + r * args.write_every - time.monotonic()))
            # A store comes round again only after len(stores) / writers rounds.
            chosen = [stores[(r * args.writers + k) % len(stores)] for k in range(args.writers)]
            written += write_round(writers, chosen, seen)
        time.sleep(max(0.0, start + args.seconds - time.monotonic()))
        percent = 100 * cpu.seconds() / (time.monotonic() - start)
        time.sleep(args.interval + 1)  # the last round's writes reach every PC
    finally:
        stop.set()
        for thread in threads:
            thread.join()
        for door in doors:
            door.close()
    return {"server_cpu_percent": percent, **delays(seen, written, args.pcs)}


def delays(seen: Seen, written: list[tuple[int, int]], pcs: int) -> dict[str, Any]:
    """Per write, the slowest of the other PCs; the median over every (write, PC) pair."""
    slowest: list[float] = []
    every_pair: list[float] = []
    missed = 0
    for store_id, writer in written:
        at = seen.commits[store_id]
        by_pc = seen.seen_at[store_id]
        values = [max(0.0, by_pc[pc] - at) for pc in range(pcs) if pc != writer and pc in by_pc]
        missed += len(values) < pcs - 1
        every_pair += values
        slowest.append(max(values) if values else float("inf"))
    return {
        "writes": len(written),
        "writes_not_seen_by_every_pc": missed,
        "refresh_delay_s": {
            "max": max(slowest),
            "median_of_slowest_pc": statistics.median(slowest),
            "median_all_pcs": statistics.median(every_pair),
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("KIOSK_BENCH_POSTGRES_URL"))
    parser.add_argument("--pcs", type=int, default=50)
    parser.add_argument("--writers", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=60.0, help="per phase (default 60)")
    parser.add_argument("--interval", type=float, default=None, help="poll interval (the app's)")
    parser.add_argument("--write-every", type=float, default=10.0)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    # Stopped from outside: unwind, so the throw-away server is stopped and removed too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))

    from kiosk.services.app import Services
    from kiosk.services.values import POLL_INTERVAL_S

    args.interval = args.interval or POLL_INTERVAL_S
    server = nullcontext((args.url, 0)) if args.url else throwaway_server()
    with server as (admin_url, _pid), bench_database(admin_url) as (url, postmaster):
        Services.open(url, seed_demo=True).close()  # migrate and fill the demo markets
        cpu = ServerCpu(postmaster)
        result: dict[str, Any] = {
            "machine": f"{os.cpu_count()} cores (shared), Python {sys.version.split()[0]}",
            "server": "throw-away (initdb)" if not args.url else "given by --url",
            "pcs": args.pcs,
            "writers": args.writers,
            "poll_interval_s": args.interval,
            "seconds_per_phase": args.seconds,
            "idle_server_cpu_percent": measure(cpu, min(args.seconds, 15.0)),
            "anchor_select1_cpu_percent": anchor_cpu(
                url, args.pcs, args.interval, args.seconds, cpu
            ),
        }
        result.update(app_run(url, args, cpu))
    anchor = result["anchor_select1_cpu_percent"]  # 0 when under one clock tick in all
    result["ratio_to_anchor"] = result["server_cpu_percent"] / anchor if anchor else None
    result["server_cpu_percent_of_machine"] = result["server_cpu_percent"] / (os.cpu_count() or 1)
    result["goal_met"] = (
        result["refresh_delay_s"]["max"] <= 10.0
        and result["writes_not_seen_by_every_pc"] == 0
        and result["server_cpu_percent"] < 10.0
    )
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
