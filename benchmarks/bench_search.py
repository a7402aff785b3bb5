"""Search benchmark: directory queries and the screen at city scale, with same-run baselines.

A throw-away SQLite file gets one generated market (``--stores`` stores, 10 goods
each, through the Core bulk path, timed). Then, in this process:

- per query (귤, 갈치, tangerine, みかん, 橘子, a miss, one letter): median and p95 of the
  directory's first page (``list_stores(limit=49)``) and of ``count_stores``, each
  with the search's kept results cleared first (so every run scans the texts; the
  market's texts and character postings stay loaded), the first page again with the
  postings cleared too ("cold"), beside raw sqlite3 on the same rows (the same LIKE
  with ``LIMIT 49``, and a full COUNT);
- the first search after a change: the market's texts reloaded, then searched;
- ``reload_after_edit_ms``: the first search after one store's name is edited (its
  stores patched into the kept texts) beside the same search after a full reload;
- time from building the screens and opening the tourist directory to its first
  painted page;
- time from a keystroke to its results painted, and the longest the GUI thread was
  blocked meanwhile, beside a bare QListView filled by sqlite3 on the GUI thread.

Goals (issue "City scale"): query median < 10 ms (must 30), first page < 100 ms,
keystroke to painted < 50 ms, no frame blocked > 50 ms.

    .venv/bin/python benchmarks/bench_search.py --stores 30000 [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: The synthetic-market factory is test support (tests/factories), not shipped code.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

QUERIES = ("귤", "갈치", "tangerine", "みかん", "橘子", "zzqx", "t")
TYPED = "tangerine"
#: Bad input typed into the directory (issue "City scale", "Bad input and faults").
BAD_QUERIES = (
    ("one letter", "a"),
    ("200 characters", "귤" * 100 + "z" * 100),
    ("only spaces", "     "),
    ("percent", "%"),
    ("underscore", "_"),
    ("both", "%_"),
)


def stats(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median": statistics.median(ordered), "p95": p95}


def timed(
    fn: Callable[[], object], runs: int, before: Callable[[], object] | None = None
) -> list[float]:
    out = []
    for _ in range(runs):
        if before is not None:
            before()  # not timed
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--stores", type=int, default=30_000)
    parser.add_argument("--goods", type=int, default=10, help="goods per store (default 10)")
    parser.add_argument("--runs", type=int, default=21, help="runs per query (default 21)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--edit-only", action="store_true", help="only reload_after_edit_ms (fast at 100,000)"
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from factories.markets import build_market  # tests/ is on sys.path (above)

    from kiosk.data.bulk import insert_market_core
    from kiosk.data.db import Database
    from kiosk.services.app import Services

    result: dict[str, Any] = {
        "machine": f"{os.cpu_count()} cores (shared), SQLite {sqlite3.sqlite_version}, "
        f"Python {sys.version.split()[0]}, offscreen Qt",
        "stores": args.stores,
    }
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-search-") as tmp:
        path = Path(tmp) / "city.sqlite3"
        url = f"sqlite:///{path}"
        market = build_market(slug="city", stores=args.stores, goods_per_store=args.goods)
        with Database.open(url) as db:
            start = time.perf_counter()
            with db.engine.begin() as conn:
                insert_market_core(conn, market)
            result["bulk_insert_s"] = time.perf_counter() - start
            result["goods"] = sum(len(s.products) for s in market.stores)
        del market

        services = Services.open(url)
        index = services._db.search_index
        raw = sqlite3.connect(path)
        market_id = raw.execute("SELECT id FROM markets WHERE slug = 'city'").fetchone()[0]
        reload = timed(
            lambda: services.directory.count_stores(market_slug="city", query="귤"),
            max(3, args.runs // 4),
            before=index.clear,
        )
        result["reload_and_search_ms"] = stats(reload)
        result["reload_after_edit_ms"] = after_edit(services, max(3, args.runs // 2))
        if args.edit_only:
            raw.close()
            services.close()
            print(json.dumps({k: result[k] for k in ("stores", "reload_after_edit_ms")}))
            return 0
        warm = lambda: index.clear(keep_texts=True, keep_postings=True)  # noqa: E731
        cold = lambda: index.clear(keep_texts=True)  # noqa: E731
        per_query: dict[str, Any] = {}
        for query in QUERIES:
            like = f"%{query}%"
            first = timed(
                lambda q=query: services.directory.list_stores(
                    market_slug="city", query=q, limit=49
                ),
                args.runs,
                before=cold,
            )
            page = timed(
                lambda q=query: services.directory.list_stores(
                    market_slug="city", query=q, limit=49
                ),
                args.runs,
                before=warm,
            )
            count = timed(
                lambda q=query: services.directory.count_stores(market_slug="city", query=q),
                args.runs,
                before=warm,
            )
            raw_page = timed(
                lambda like=like: raw.execute(
                    "SELECT id, stall_number, category, name FROM stores WHERE market_id = ? "
                    "AND active = 1 AND search_text LIKE ? ORDER BY stall_sort_key LIMIT 49",
                    (market_id, like),
                ).fetchall(),
                args.runs,
            )
            raw_count = timed(
                lambda like=like: raw.execute(
                    "SELECT count(*) FROM stores WHERE market_id = ? AND active = 1 "
                    "AND search_text LIKE ?",
                    (market_id, like),
                ).fetchone(),
                args.runs,
            )
            per_query[query] = {
                "hits": services.directory.count_stores(market_slug="city", query=query),
                "first_page_cold_ms": stats(first),
                "first_page_ms": stats(page),
                "count_ms": stats(count),
                "baseline_raw_page_ms": stats(raw_page),
                "baseline_raw_count_ms": stats(raw_count),
            }
        result["queries"] = per_query
        result["screen"] = screen_figures(services, raw, market_id)
        raw.close()
        services.close()

    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0
    print(f"{args.stores} stores, {result['goods']} goods; {result['machine']}")
    print(f"bulk insert (Core executemany): {result['bulk_insert_s']:.2f} s (goal < 5 s)")
    print(
        "query          hits   cold page med/p95   page med/p95    count med/p95"
        "     raw page  raw count"
    )
    for query, q in per_query.items():
        cold_page, page, count = q["first_page_cold_ms"], q["first_page_ms"], q["count_ms"]
        raw_page, raw_count = q["baseline_raw_page_ms"], q["baseline_raw_count_ms"]
        print(
            f"{query:<10} {q['hits']:>7}   {cold_page['median']:6.1f} /{cold_page['p95']:6.1f}"
            f"     {page['median']:6.1f} /{page['p95']:6.1f}"
            f"   {count['median']:6.1f} /{count['p95']:6.1f}"
            f"   {raw_page['median']:8.1f}   {raw_count['median']:8.1f}  ms"
        )
    print("(cold: no character postings kept yet; page and count: postings kept, results not)")
    reload = result["reload_and_search_ms"]
    print(
        f"first search after a change (texts reloaded): median {reload['median']:.0f} ms,"
        f" p95 {reload['p95']:.0f} ms"
    )
    edit = result["reload_after_edit_ms"]
    print(
        f"first search after an edit of one store: {edit['project']:.1f} ms (goal < 20 at"
        f" 100,000); the whole market reloaded, same run: {edit['full_reload']:.0f} ms"
    )
    s = result["screen"]
    print(f"directory open to first painted page: {s['first_page_painted_ms']:.0f} ms (goal < 100)")
    key, bare = s["keystroke_ms"], s["baseline_keystroke_ms"]
    print(
        f"keystroke to painted results ('{TYPED}' typed): median {key['median']:.0f} ms,"
        f" p95 {key['p95']:.0f} ms (goal < 50); longest GUI block"
        f" {s['longest_gui_block_ms']:.0f} ms"
    )
    print(
        f"baseline bare QListView + sqlite3 on the GUI thread: median"
        f" {bare['median']:.0f} ms, p95 {bare['p95']:.0f} ms"
    )
    print("bad input typed into the directory: longest GUI block, count shown, right?")
    for label, figures in s["bad_input"].items():
        print(
            f"  {label:<16} {figures['longest_gui_block_ms']:5.0f} ms"
            f"  {figures['shown_count']!s:>7}  {'yes' if figures['right'] else 'NO'}"
        )
    return 0


def after_edit(services: Any, runs: int) -> dict[str, float]:
    """Median ms of the first search after a store's name is edited (the snapshot patched
    for that store), beside the same search after the market's texts are reloaded."""
    from dataclasses import replace

    from kiosk.domain.access import Secret
    from kiosk.domain.store_edit.draft import draft_from

    console = services.access.console_actor()
    services.access.set_manager_password(actor=console, password=Secret("bench-password-24"))
    manager = services.access.sign_in_manager(password=Secret("bench-password-24"))
    store_id = services.directory.list_stores(market_slug="city", limit=1)[0].id
    search = lambda: services.directory.count_stores(market_slug="city", query="귤")  # noqa: E731
    search()
    patched: list[float] = []
    for n in range(runs):
        store = services.directory.get_store(store_id=store_id)
        draft = draft_from(store)
        name = {**draft.name, "en": f"Edited {n}"}
        services.listings.save_store(
            actor=manager, market_slug="city", base=store, draft=replace(draft, name=name)
        )
        patched += timed(search, 1)
    full = timed(search, max(3, runs // 2), before=services._db.search_index.clear)
    return {"project": statistics.median(patched), "full_reload": statistics.median(full)}


def screen_figures(services: Any, raw: sqlite3.Connection, market_id: int) -> dict[str, Any]:
    from PySide6.QtCore import QEvent, QObject, QStringListModel, QTimer
    from PySide6.QtWidgets import QApplication, QListView

    from kiosk import i18n
    from kiosk.app import application, build_shell
    from kiosk.ui import ops, theme
    from kiosk.ui.tourist.flow import tourist_flow

    app = application(offscreen=True)
    i18n.set_locale("ko")
    theme.apply_theme(app, "ko")

    class PaintSpy(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.painted_at = 0.0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.painted_at = time.perf_counter()
            return False

    class Heartbeat(QObject):
        """Longest gap between 5 ms timer ticks: how long the GUI thread was blocked."""

        def __init__(self) -> None:
            super().__init__()
            self.last = time.perf_counter()
            self.longest = 0.0
            self.timer = QTimer(self)
            self.timer.setInterval(5)
            self.timer.timeout.connect(self.tick)

        def tick(self) -> None:
            now = time.perf_counter()
            self.longest = max(self.longest, (now - self.last) * 1000 - 5)
            self.last = now

    def wait_for(done: Callable[[], bool], timeout: float = 30.0) -> None:
        deadline = time.perf_counter() + timeout
        while not done():
            if time.perf_counter() > deadline:
                raise SystemExit("timed out waiting for the screen")
            app.processEvents()
            time.sleep(0.0005)

    spy = PaintSpy()
    start = time.perf_counter()  # opening includes building the screens
    window = build_shell("ko")
    window.use_services(services)
    window.resize(1920, 1080)
    window.show()
    flow = tourist_flow(window)
    directory = flow.directory
    directory.grid.viewport().installEventFilter(spy)

    def shown_after(generation: int, since: float) -> float:
        """Wait until a result newer than *generation* is in the model and painted (an
        empty list need not repaint: --stores 0); milliseconds from *since* until then."""
        wait_for(
            lambda: (
                directory.model.generation() != generation
                and (spy.painted_at > since or directory.model.rowCount() == 0)
            )
        )
        done = spy.painted_at if spy.painted_at > since else time.perf_counter()
        return (done - since) * 1000

    flow.open_directory()
    wait_for(lambda: bool(directory.markets()))
    shown_before = directory.model.generation()
    directory.select_market("city")
    first_page = shown_after(shown_before, start)
    ops.wait_idle()

    beat = Heartbeat()
    keystrokes: list[float] = []
    for _round in range(3):
        directory.search_edit.clear()
        ops.wait_idle()
        app.processEvents()
        beat.last = time.perf_counter()
        beat.timer.start()
        for n in range(1, len(TYPED) + 1):
            generation = directory.model.generation()
            start = time.perf_counter()
            directory.search_edit.setText(TYPED[:n])
            keystrokes.append(shown_after(generation, start))
        beat.timer.stop()
        ops.wait_idle()

    typing_block = beat.longest
    bad_input: dict[str, Any] = {}
    for label, query in BAD_QUERIES:
        directory.search_edit.clear()
        ops.wait_idle()
        app.processEvents()
        beat.longest = 0.0
        beat.last = time.perf_counter()
        beat.timer.start()
        directory.search_edit.setText(query)
        settle_until = time.perf_counter() + 0.3  # past the typing debounce
        while time.perf_counter() < settle_until or ops.is_busy():
            app.processEvents()
            time.sleep(0.0005)
        ops.wait_idle()
        app.processEvents()
        beat.timer.stop()
        expected = services.directory.count_stores(market_slug="city", query=query)
        shown = directory.model.total()
        bad_input[label] = {
            "longest_gui_block_ms": beat.longest,
            "shown_count": shown,
            "right": shown == expected,
        }
    window.close()

    # Baseline: a bare QListView of names, filled by sqlite3 on the GUI thread.
    view = QListView()
    model = QStringListModel()
    view.setModel(model)
    view.resize(1920, 1000)
    view.show()
    bare_spy = PaintSpy()
    view.viewport().installEventFilter(bare_spy)
    app.processEvents()
    bare: list[float] = []
    for _round in range(3):
        for n in range(1, len(TYPED) + 1):
            start = time.perf_counter()
            rows = raw.execute(
                "SELECT name FROM stores WHERE market_id = ? AND active = 1 AND search_text LIKE ? "
                "ORDER BY stall_sort_key LIMIT 49",
                (market_id, f"%{TYPED[:n]}%"),
            ).fetchall()
            model.setStringList([json.loads(r[0]).get("ko", "") for r in rows])
            wait_for(lambda start=start: bare_spy.painted_at > start)
            bare.append((bare_spy.painted_at - start) * 1000)
    view.close()
    QApplication.processEvents()
    ops.shutdown()
    return {
        "first_page_painted_ms": first_page,
        "keystroke_ms": stats(keystrokes),
        "longest_gui_block_ms": typing_block,
        "baseline_keystroke_ms": stats(bare),
        "bad_input": bad_input,
    }


if __name__ == "__main__":
    sys.exit(main())
