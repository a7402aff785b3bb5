"""Signage benchmark: slide change, idle CPU, RSS over slide changes, language switch.

Offscreen Qt, the demo database in a throw-away SQLite file, the attract loop at
1920x1080 on the richest demo market. Every figure has an anchor measured in the
same run (a bare QLabel of the same size re-texted and repainted; a bare window
idling; bare labels re-texted) and the ratio. Goals (issue 18): slide change under
16 ms of work, idle CPU under 2 %, RSS growth under 5 MB over 10,000 changes,
language switch of the whole display under 50 ms.

    .venv/bin/python benchmarks/bench_signage.py [--changes 10000] [--still 10] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gui_bench import demo_window, rss_bytes

CHANGE_GOAL_MS = 16.0
IDLE_GOAL_PCT = 2.0
RSS_GOAL_MB = 5.0
SWITCH_GOAL_MS = 50.0
LOCALES = ("ko", "en", "ja", "zh_Hans", "zh_Hant")
SIZE = (1920, 1080)


def rss_mb() -> float:
    return rss_bytes() / 1e6


def timed(action: Callable[[], None], runs: int) -> list[float]:
    """Milliseconds of each of *runs* calls of *action*."""
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        out.append((time.perf_counter() - start) * 1000)
    return out


def summary(times: list[float]) -> dict[str, float]:
    return {"median": statistics.median(times), "worst": max(times)}


def idle_cpu_pct(app: Any, seconds: float) -> float:
    """Process CPU time over wall time while the event loop runs *seconds* untouched."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    cpu, wall = time.process_time(), time.perf_counter()
    loop.exec()
    return (time.process_time() - cpu) / (time.perf_counter() - wall) * 100


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=200, help="slide changes timed")
    parser.add_argument("--switches", type=int, default=100, help="language switches timed")
    parser.add_argument("--changes", type=int, default=10_000, help="changes for RSS growth")
    parser.add_argument("--warmup", type=int, default=500, help="changes before RSS is read")
    parser.add_argument("--still", type=float, default=10.0, help="seconds of a still slide")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

    from kiosk import i18n
    from kiosk.app import application
    from kiosk.qa.signage_shots import saturday_evening
    from kiosk.ui import ops, theme
    from kiosk.ui.signage.flow import signage_loop
    from kiosk.ui.signage.loop_screen import SCREEN

    app = application(offscreen=True)
    i18n.set_locale("ko")
    theme.apply_theme(app, "ko")

    def settle() -> None:
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()

    with tempfile.TemporaryDirectory(prefix="kiosk-bench-signage-") as tmp:
        services, window = demo_window(Path(tmp), "signage.sqlite3", SIZE)
        assert window.live_refresh is not None
        window.live_refresh.stop()  # the loop alone: no polling of other PCs while measured
        loop = signage_loop(window)
        at = saturday_evening()
        loop.now = lambda: at
        window.show_screen(SCREEN)
        loop.show_market("dongmun")
        ops.wait_idle()
        settle()
        loop.timer.stop()
        loop.canvas.animate = False
        kinds = len(loop.data.promotions) if loop.data else 0

        def change() -> None:
            loop.next_slide()
            loop.canvas.repaint()

        def changes(runs: int) -> list[float]:
            """Slide changes as the loop makes them: the next picture drawn while the
            slide before stood still (not timed), then the change itself (timed)."""
            out = []
            for _ in range(runs):
                loop.prepare_next()
                out += timed(change, 1)
            return out

        changes(25)  # glyph caches of every language warm
        change_times = changes(args.runs)
        unprepared_times = timed(change, args.runs)  # nothing drawn ahead: render + show
        prepare_times = timed(loop.prepare_next, args.runs)

        # The cross-fade's frames: the two pictures blended (what runs during the 240 ms).
        loop.canvas.animate = True
        loop.next_slide()
        canvas = loop.canvas
        frame_times = timed(lambda: (canvas._on_fade(0.5), canvas.repaint()), args.runs)
        canvas._fade.stop()
        canvas._on_fade_done()
        canvas.animate = False

        anchor = QLabel()
        anchor.setWordWrap(True)
        anchor.resize(*SIZE)
        anchor.setFont(theme.ui_font("ko", 64, bold=True))
        anchor.show()
        settle()
        count = iter(range(10**9))
        anchor_times = timed(
            lambda: (anchor.setText(f"가 볼 만한 점포 {next(count)}"), anchor.repaint()), args.runs
        )

        loop.timer.setInterval(int(args.still * 1000) + 60_000)  # no change while measured
        loop.timer.start()
        settle()
        still_pct = idle_cpu_pct(app, args.still)
        loop.timer.stop()
        anchor_still_pct = idle_cpu_pct(app, args.still / 2)  # the bare label, shown, idle

        def switch(n: int) -> None:
            code = LOCALES[n % len(LOCALES)]
            window.set_locale(code)  # type: ignore[arg-type]
            kind = loop.canvas.slide.kind if loop.canvas.slide else None
            if kind is not None:
                loop.show_slide(kind, code)  # type: ignore[arg-type]
            window.repaint()

        switch_n = iter(range(1, 10**9))
        timed(lambda: switch(next(switch_n)), len(LOCALES))
        switch_times = timed(lambda: switch(next(switch_n)), args.switches)
        window.set_locale("ko")
        labels = len(window.findChildren(QLabel))
        bare = QWidget()
        column = QVBoxLayout(bare)
        bare_labels = [QLabel(f"label {n}") for n in range(labels)]
        for label in bare_labels:
            column.addWidget(label)
        bare.resize(*SIZE)
        bare.show()
        settle()
        relabel_n = iter(range(10**9))

        def relabel() -> None:
            n = next(relabel_n)
            for label in bare_labels:
                label.setText(f"{LOCALES[n % 5]} {n}")
            bare.repaint()

        relabel_times = timed(relabel, args.switches)
        bare.close()

        def many(action: Callable[[], None]) -> float:
            for _ in range(args.warmup):
                action()
                settle()
            before = rss_mb()
            for _ in range(args.changes):
                action()
                settle()
            return rss_mb() - before

        loop_growth = many(change)
        anchor_growth = many(
            lambda: (anchor.setText(f"가 볼 만한 점포 {next(count)}"), anchor.repaint())
        )
        anchor.close()
        window.close()
        ops.shutdown()
        services.close()

    result = {
        "machine": f"{os.cpu_count()} cores, offscreen Qt, Python {sys.version.split()[0]}",
        "size": f"{SIZE[0]}x{SIZE[1]}",
        "promotions_in_data": kinds,
        "slide_change_ms": summary(change_times),
        "slide_change_unprepared_ms": summary(unprepared_times),
        "slide_drawn_ahead_ms": summary(prepare_times),
        "fade_frame_ms": summary(frame_times),
        "anchor_label_repaint_ms": summary(anchor_times),
        "slide_change_ratio": statistics.median(change_times) / statistics.median(anchor_times),
        "still_cpu_pct": still_pct,
        "anchor_still_cpu_pct": anchor_still_pct,
        "language_switch_ms": summary(switch_times),
        "anchor_relabel_ms": {**summary(relabel_times), "labels": labels},
        "language_switch_ratio": statistics.median(switch_times) / statistics.median(relabel_times),
        "rss_growth_mb": loop_growth,
        "anchor_rss_growth_mb": anchor_growth,
        "changes": args.changes,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    c, f, a = result["slide_change_ms"], result["fade_frame_ms"], result["anchor_label_repaint_ms"]
    s, r = result["language_switch_ms"], result["anchor_relabel_ms"]
    print(f"attract loop at {result['size']} ({result['machine']}):")
    print(
        f"  slide change ({args.runs}): median {c['median']:.1f} ms, worst {c['worst']:.1f} ms"
        f" (goal < {CHANGE_GOAL_MS:.0f}); bare {SIZE[0]}x{SIZE[1]} label repaint median"
        f" {a['median']:.1f} ms, worst {a['worst']:.1f} ms;"
        f" ratio {result['slide_change_ratio']:.1f}"
    )
    u, p = result["slide_change_unprepared_ms"], result["slide_drawn_ahead_ms"]
    print(
        f"  drawing the next slide ahead (while one stands): median {p['median']:.1f} ms, worst"
        f" {p['worst']:.1f} ms; a change with nothing drawn ahead: median {u['median']:.1f} ms,"
        f" worst {u['worst']:.1f} ms"
    )
    print(f"  cross-fade frame: median {f['median']:.1f} ms, worst {f['worst']:.1f} ms")
    print(
        f"  CPU while a slide is still ({args.still:.0f} s): {still_pct:.2f} %"
        f" (goal < {IDLE_GOAL_PCT:.0f} %); bare label idle {anchor_still_pct:.2f} %"
    )
    print(
        f"  language switch ({args.switches}): median {s['median']:.1f} ms, worst"
        f" {s['worst']:.1f} ms (goal < {SWITCH_GOAL_MS:.0f}); {labels} bare labels re-texted"
        f" median {r['median']:.1f} ms, worst {r['worst']:.1f} ms;"
        f" ratio {result['language_switch_ratio']:.1f}"
    )
    print(
        f"  RSS growth over {args.changes} slide changes: {loop_growth:+.2f} MB"
        f" (goal < {RSS_GOAL_MB:.0f} MB); bare label as often {anchor_growth:+.2f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
