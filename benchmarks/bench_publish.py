"""Publish benchmark: the tourist website of a 3,000-stall market (five languages).

A throw-away SQLite file gets a generated market (tests/factories, 10 goods a stall)
through the listings import, and exchange rates of today (approximate prices on the
pages). Then, timed: the site read through the services, every page built and checked,
the first publish (a new folder, every file written, read back
and flushed to the disk, the switch), a second publish with nothing changed (every file
linked), and a third with one stall changed (its pages written, the rest linked, the
version two back removed: the steady state of a market that publishes every day).
Anchor, in the same run: the same number of files of the same sizes written with plain
``open``/``write`` into a fresh folder, just before the first publish and again at the end
(a shared disk's speed changes by the minute); the ratio of the first write to their mean
says what the publish costs on top.

Goal (issue "A tourist's phone page"): a 3,000-stall market published in under 10 s.

    .venv/bin/python benchmarks/bench_publish.py [--stores 3000] [--goods 10] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
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
LOCALES = ("ko", "en", "ja", "zh_Hans", "zh_Hant")
#: Won for one unit, as of the day the benchmark runs: every foreign page prices its goods.
RATES = {"JPY": "9.05", "CNY": "195.4", "TWD": "44.6", "USD": "1380"}


def timed(results: dict[str, Any], key: str, work: Callable[[], T]) -> T:
    """Run *work*; record its wall time and (``_cpu``) this process's CPU time: on a shared
    machine the wall time also counts waiting for a core."""
    start, cpu = time.perf_counter(), time.process_time()
    value = work()
    results[key] = round(time.perf_counter() - start, 2)
    results[key.removesuffix("_s") + "_cpu_s"] = round(time.process_time() - cpu, 2)
    return value


def plain_writes(folder: Path, files: dict[str, bytes]) -> None:
    """The anchor: the same files written with open/write, nothing else."""
    made: set[Path] = set()
    for path, content in files.items():
        target = folder / path
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        with open(target, "wb") as handle:
            handle.write(content)


def _one_changed(site: Any, locales: tuple[str, ...]) -> dict[str, bytes]:
    """The site again with the first stall's description changed (built, not timed)."""
    from dataclasses import replace

    from kiosk.domain.text import LocalizedText
    from kiosk.publish.build import build_site

    first = site.stalls[0]
    store = replace(first.store, description=LocalizedText({"ko": "오늘 새로 들어온 귤"}))
    stalls = (replace(first, store=store), *site.stalls[1:])
    return build_site(replace(site, stalls=stalls), locales)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stores", type=int, default=3000)
    parser.add_argument("--goods", type=int, default=10, help="goods per store")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)

    from factories.markets import build_market  # tests/ is on sys.path (above)

    from kiosk.domain.exchange.csv_file import write_csv
    from kiosk.domain.exchange.write import flat_rows
    from kiosk.publish.build import build_site, check_site
    from kiosk.publish.site import read_site
    from kiosk.publish.writer import publish_files
    from kiosk.services.app import Services

    machine = f"{os.cpu_count()} cores (shared), Python {sys.version.split()[0]}"
    results: dict[str, Any] = {"machine": machine, "stores": args.stores}
    market = build_market(slug="bench", stores=args.stores, goods_per_store=args.goods)
    base = "https://market.example/bench/"
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-publish-") as tmp:
        folder = Path(tmp)
        (folder / "in.csv").write_bytes(write_csv(flat_rows(market.stores, "bench")))
        with Services.open(f"sqlite:///{folder / 'bench.sqlite3'}") as services:
            console = services.access.console_actor()
            services.listings.create_market(actor=console, slug="bench", name={"ko": "벤치"},
                                            city={})  # fmt: skip
            plan = services.exchange.check_import(actor=console, path=folder / "in.csv")
            services.exchange.apply_import(actor=console, plan=plan)
            for currency, rate in RATES.items():  # approximate prices on every stall page
                services.rates.set_rate(actor=console, currency=currency, rate=rate)
            site = timed(results, "read_s", lambda: read_site(services, market_slug="bench",
                                                              base_url=base))  # fmt: skip
        files = timed(results, "build_s", lambda: build_site(site, LOCALES))
        largest = timed(results, "check_s", lambda: check_site(files))
        out = folder / "site"
        timed(results, "anchor_before_s", lambda: plain_writes(folder / "plain-1", files))
        first = timed(results, "first_write_s", lambda: publish_files(out, files, base_url=base))
        for kind in ("s", "cpu_s"):  # read, build, check and first write (not the anchor)
            stages = ("read", "build", "check", "first_write")
            results[f"publish_total_{kind}"] = round(sum(results[f"{s}_{kind}"] for s in stages), 2)
        again = timed(
            results, "unchanged_write_s", lambda: publish_files(out, files, base_url=base)
        )
        changed = _one_changed(site, LOCALES)
        third = timed(
            results, "one_changed_write_s", lambda: publish_files(out, changed, base_url=base)
        )
        timed(results, "anchor_after_s", lambda: plain_writes(folder / "plain-2", files))
    anchor = (results["anchor_before_s"] + results["anchor_after_s"]) / 2
    results["files"] = len(files)
    results["written_first"], results["written_again"] = first.written, again.written
    results["written_one_changed"] = third.written
    results["mb"] = round(sum(len(c) for c in files.values()) / 1e6, 1)
    results["largest_stall_page_bytes"] = largest
    results["largest_page_bytes"] = max(len(c) for p, c in files.items() if p.endswith(".html"))
    results["write_vs_anchor"] = round(results["first_write_s"] / max(anchor, 0.01), 1)
    if args.json:
        print(json.dumps(results, ensure_ascii=False))
    else:
        for key, value in results.items():
            print(f"{key}: {value}")
        print("goal: a 3,000-stall market published (read, build, check, write) in < 10 s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
