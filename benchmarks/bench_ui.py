"""UI benchmark: language switch per screen and RSS growth over screen changes, with baselines.

Offscreen Qt, the demo database in a throw-away SQLite file. Baselines run in the
same process: the same number of labels re-texted in a bare window (language
switch) and a bare page of labels rebuilt as often (RSS). A switch is timed to its
painted frame (the window repainted, not only its events handled), the baseline's too.
Screen changes open every store of both demo markets in turn the way a tourist's tap
does (store, codes built and verified in the background, page shown), not a few
stores verified beforehand; the warm-up before the measured changes opens each store
once in each language, so growth measures what keeps growing, not caches filling.
Goals (issue "City scale"): switch under 20 ms, RSS growth under 2 MiB over 10,000
changes.

    .venv/bin/python benchmarks/bench_ui.py [--changes 10000] [--json]
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from gui_bench import demo_window, rss_bytes

SWITCH_GOAL_MS = 20.0
RSS_GOAL_MIB = 2.0
LOCALES = ("ko", "ja", "en", "zh_Hans", "zh_Hant")


def rss_mib() -> float:
    return rss_bytes() / 2**20


def anon_rss_mib() -> float:
    """The private part of RSS (Linux ``RssAnon``): the heap, without pages of mapped files
    such as the font files read in as new glyphs are drawn (0 where not reported)."""
    with contextlib.suppress(OSError), open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("RssAnon:"):
                return int(line.split()[1]) / 1024
    return 0.0


def trimmed_rss_mib() -> float:
    """RSS after glibc's ``malloc_trim(0)`` handed freed pages back (elsewhere: plain RSS).

    Growth that trimming removes was freed but kept by the allocator; growth that
    stays is memory still in use (a leak, or a cache still filling)."""
    with contextlib.suppress(OSError, AttributeError):  # not glibc
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    return rss_mib()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--switches", type=int, default=100, help="language switches per screen")
    parser.add_argument("--changes", type=int, default=10_000, help="screen changes measured")
    parser.add_argument("--warmup", type=int, default=1_000, help="screen changes not measured")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

    from kiosk import i18n
    from kiosk.app import application
    from kiosk.ui import ops, theme
    from kiosk.ui.tourist.flow import DETAIL, DIRECTORY, tourist_flow

    app = application(offscreen=True)
    i18n.set_locale("ko")
    theme.apply_theme(app, "ko")

    def settle() -> None:
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()

    with tempfile.TemporaryDirectory(prefix="kiosk-bench-ui-") as tmp:
        services, window = demo_window(Path(tmp), "ui.sqlite3", (1366, 768))
        flow = tourist_flow(window)
        flow.open_directory()
        ops.wait_idle()
        store_ids = [
            store.id
            for market in services.directory.list_markets()
            for store in services.directory.list_stores(market_slug=market.slug)
        ]

        def open_store(store_id: int) -> None:
            flow.open_store(store_id)  # as a tap in the directory does
            ops.wait_idle()
            settle()

        def switch_times(screen: str) -> list[float]:
            if screen == DETAIL:
                open_store(store_ids[0])
            window.show_screen(screen)
            settle()
            times = []
            for n in range(args.switches):
                locale = LOCALES[(n + 1) % len(LOCALES)]
                start = time.perf_counter()
                window.set_locale(locale)  # type: ignore[arg-type]
                app.processEvents()
                window.repaint()  # to the painted frame
                times.append((time.perf_counter() - start) * 1000)
            window.set_locale("ko")
            settle()
            return times

        switches = {name: switch_times(name) for name in ("start-screen", DIRECTORY, DETAIL)}
        labels = len(window.findChildren(QLabel))

        # Baseline: as many labels as the whole window has, re-texted in a bare window.
        bare = QWidget()
        column = QVBoxLayout(bare)
        bare_labels = [QLabel(f"label {n}") for n in range(labels)]
        for label in bare_labels:
            column.addWidget(label)
        bare.show()
        settle()
        bare_times = []
        for n in range(args.switches):
            start = time.perf_counter()
            for label in bare_labels:
                label.setText(f"{LOCALES[n % 5]} {n}")
            app.processEvents()
            bare.repaint()
            bare_times.append((time.perf_counter() - start) * 1000)
        bare.close()

        def change(n: int) -> None:
            if n % 2:
                open_store(store_ids[(n // 2) % len(store_ids)])
            else:
                window.show_screen(DIRECTORY if n % 4 else "start-screen")
            if n % 50 == 0:
                window.set_locale(LOCALES[(n // 50) % len(LOCALES)])  # type: ignore[arg-type]
            settle()

        # Warm-up, not measured: every store opened once in every language (the caches a
        # kiosk fills in its first hours: glyphs of each store's names in five scripts,
        # codes), then the first changes of the loop.
        for locale in LOCALES:
            window.set_locale(locale)  # type: ignore[arg-type]
            for store_id in store_ids:
                open_store(store_id)
        window.set_locale("ko")
        for n in range(args.warmup):
            change(n)
        widgets_before = len(QApplication.allWidgets())
        before = trimmed_rss_mib()  # both figures start from a trimmed heap
        anon_before = anon_rss_mib()
        for n in range(args.changes):
            change(n)
        grown = rss_mib() - before
        grown_trimmed = trimmed_rss_mib() - before
        grown_anon = anon_rss_mib() - anon_before
        widgets_after = len(QApplication.allWidgets())

        # Baseline: a bare page of as many labels as a store page, rebuilt as often.
        page = QWidget()
        page_layout = QVBoxLayout(page)
        page.show()
        per_page = len(flow.detail.findChildren(QLabel))

        def rebuild(n: int) -> None:
            holder = QWidget()
            inner = QVBoxLayout(holder)
            for k in range(per_page):
                inner.addWidget(QLabel(f"{n} {k}"))
            old = page_layout.itemAt(0)
            if old is not None and (widget := old.widget()) is not None:
                page_layout.removeWidget(widget)  # frees the layout item, as takeAt would not
                widget.deleteLater()
            page_layout.addWidget(holder)
            settle()

        for n in range(args.warmup):
            rebuild(n)
        bare_before = trimmed_rss_mib()
        bare_anon_before = anon_rss_mib()
        for n in range(args.changes):
            rebuild(n)
        bare_grown = rss_mib() - bare_before
        bare_grown_trimmed = trimmed_rss_mib() - bare_before
        bare_grown_anon = anon_rss_mib() - bare_anon_before
        window.close()
        ops.shutdown()
        services.close()

    result = {
        "machine": f"{os.cpu_count()} cores, offscreen Qt, Python {sys.version.split()[0]}",
        "language_switch_ms": {
            name: {
                "median": statistics.median(t),
                "worst": max(t),
                # The first switch to each language on a screen draws its glyphs for the first time.
                "worst_after_first_round": max(t[len(LOCALES) :], default=0.0),
            }
            for name, t in switches.items()
        },
        "baseline_relabel_ms": {
            "median": statistics.median(bare_times),
            "worst": max(bare_times),
            "labels": labels,
        },
        "rss_growth_mib": {"project": grown, "bare page rebuild": bare_grown},
        "rss_growth_trimmed_mib": {
            "project": grown_trimmed,
            "bare page rebuild": bare_grown_trimmed,
        },
        "rss_anon_growth_trimmed_mib": {
            "project": grown_anon,
            "bare page rebuild": bare_grown_anon,
        },
        "widgets": {"before": widgets_before, "after": widgets_after},
        "malloc_arena_max": os.environ.get("MALLOC_ARENA_MAX", ""),
        "changes": args.changes,
        "stores_cycled": len(store_ids),
        "warmup": args.warmup,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"language switch, {args.switches} each ({result['machine']}):")
    for name, t in result["language_switch_ms"].items():
        print(
            f"  {name:<17} median {t['median']:5.1f} ms  worst {t['worst']:5.1f} ms"
            f"  worst after the first round {t['worst_after_first_round']:5.1f} ms"
            f"  (goal < {SWITCH_GOAL_MS:.0f} ms)"
        )
    b = result["baseline_relabel_ms"]
    print(
        f"  baseline: {labels} labels re-texted in a bare window: median {b['median']:.1f} ms"
        f"  worst {b['worst']:.1f} ms"
    )
    print(
        f"RSS growth over {args.changes} screen changes after {args.warmup} warm-up:"
        f" {grown:+.2f} MiB (goal < {RSS_GOAL_MIB} MiB); bare page rebuild {bare_grown:+.2f} MiB"
    )
    print(
        f"  after malloc_trim(0): {grown_trimmed:+.2f} MiB (private pages {grown_anon:+.2f});"
        f" bare page rebuild {bare_grown_trimmed:+.2f} MiB (private {bare_grown_anon:+.2f});"
        f" widgets {widgets_before} -> {widgets_after}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
