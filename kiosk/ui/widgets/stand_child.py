"""A stand job in a child process, so drawing and writing a whole market never holds the screen.

Qt's PDF engine embeds the fonts when a document ends (``QPainter.end``): ~40-70 ms
in which a worker thread keeps Python's lock, so the screen would stall. A child
process has its own lock. It is ``python -m kiosk.ui.widgets.stand_child``: it reads
the job (the verified stands as plain values, pickled) on stdin, writes the checked
file or rebuilds the chosen printer and prints, and reports progress, the result or
a plain sentence as JSON lines on stdout; "stop" on stdin stops it after the
current stand. (subprocess, not multiprocessing: starting a multiprocessing child
and its resource tracker holds the screen ~100 ms.)
"""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import queue
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from kiosk.domain.listing import StoreDetail
    from kiosk.domain.text import LocalizedText
    from kiosk.services.values import StandSet
    from kiosk.ui.widgets.stand_paper import PrinterSettings


@dataclass(frozen=True, slots=True)
class ChildJob:
    """Save the stands of ``stores`` to ``out`` or print them with ``printer``, in
    ``locale``'s words. The child verifies every code again before it draws."""

    kind: Literal["save", "print"]
    stores: tuple[StoreDetail, ...]
    market_name: LocalizedText
    size: str
    copies: int
    locale: str
    out: Path | None = None
    printer: PrinterSettings | None = None


#: Keeps the child's Qt application alive while it draws and prints.
_apps: list[object] = []


def child_main() -> int:
    """The child's whole life: the job from stdin, then JSON lines on stdout."""
    if hasattr(os, "nice"):
        os.nice(10)  # the screen's process comes first on a busy two-core PC
    size = int.from_bytes(sys.stdin.buffer.read(8), "big")
    job: ChildJob = pickle.loads(sys.stdin.buffer.read(size))
    stop = threading.Event()

    def listen() -> None:
        for line in sys.stdin.buffer:
            if line.strip() == b"stop":
                stop.set()

    threading.Thread(target=listen, daemon=True).start()
    out = sys.stdout

    def say(*message: object) -> None:
        out.write(json.dumps(message) + "\n")
        out.flush()

    from PySide6.QtGui import QGuiApplication

    from kiosk.domain.locales import parse_locale
    from kiosk.i18n import set_locale
    from kiosk.ui.widgets.stand_words import Stopped

    set_locale(parse_locale(job.locale))
    headless = not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")
    if sys.platform.startswith("linux") and headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # fonts and printers, no window
    _apps.append(QGuiApplication.instance() or QGuiApplication(["market-kiosk-stands"]))

    def progress(done: int, total: int) -> None:
        say("progress", done, total)
        if stop.is_set() and done < total:
            raise Stopped(done, total)

    try:
        say("done", _run(job, progress))
    except Exception as exc:  # said in plain words to the screen that waits
        from kiosk.ui.widgets.stand_words import plain_error

        try:
            text = plain_error(exc)
        except Exception:
            text = _failed()
        say("error", text, f"{type(exc).__name__}: {exc}")
    return 0


def _failed() -> str:
    from kiosk.i18n import _

    return _("The stand could not be made. Nothing was printed or saved.")


def for_stands(kind: Literal["save", "print"], stands: StandSet, **rest: Any) -> ChildJob:
    """A job for the stores of *stands* (their codes travel as the stores' own data)."""
    stores = tuple(page.store for page in stands.pages)
    return ChildJob(kind, stores, stands.market_name, **rest)


def _run(job: ChildJob, progress: Any) -> object:
    from kiosk.services.app import Codes

    stands = Codes.stand_set(job.stores, market_name=job.market_name)
    if job.kind == "save":
        assert job.out is not None
        result = Codes.write_stands(
            stands,
            job.out,
            size=job.size,  # type: ignore[arg-type]
            copies=job.copies,
            progress=progress,
        )
        return result.path.name
    from kiosk.ui.widgets.stand_paper import build_printer, print_on

    assert job.printer is not None
    return print_on(build_printer(job.printer), stands, progress)


class ChildRun:
    """One child process running a ChildJob; ``poll()`` returns its messages so far.

    Starting it, handing it the job and reading its lines all happen in threads,
    so the screen never waits on the child.
    """

    def __init__(self, job: ChildJob) -> None:
        self._messages: queue.Queue[tuple[Any, ...]] = queue.Queue()
        self._process: subprocess.Popen[bytes] | None = None
        self._ended = threading.Event()
        self._lock = threading.Lock()
        self._stop_asked = False
        threading.Thread(target=self._run, args=(job,), name="stand-child", daemon=True).start()

    def _run(self, job: ChildJob) -> None:
        try:
            data = pickle.dumps(job)
            env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
            process = subprocess.Popen(
                [sys.executable, "-m", "kiosk.ui.widgets.stand_child"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env=env,
            )
            with self._lock:
                self._process = process
            assert process.stdin is not None and process.stdout is not None
            process.stdin.write(len(data).to_bytes(8, "big") + data)
            process.stdin.flush()
            if self._stop_asked:
                self.stop()
            for line in process.stdout:
                self._messages.put(tuple(json.loads(line)))
            process.wait()
        except Exception as exc:  # the screen says it; nothing was printed or saved
            self._messages.put(("error", _failed(), repr(exc)))
        finally:
            self._ended.set()

    def stop(self) -> None:
        """Ask the child to stop after the stand it is drawing."""
        self._stop_asked = True
        with self._lock:
            process = self._process
        if process is not None and process.stdin is not None:
            with contextlib.suppress(OSError):  # it may have ended already
                process.stdin.write(b"stop\n")
                process.stdin.flush()

    def poll(self) -> list[tuple[Any, ...]]:
        """Messages waiting now; a child that ended without a word is an ("error", ...)."""
        ended = self._ended.is_set()
        found: list[tuple[Any, ...]] = []
        while True:
            try:
                found.append(self._messages.get_nowait())
            except queue.Empty:
                break
        if ended and not any(message[0] in ("done", "error") for message in found):
            code = self._process.returncode if self._process is not None else None
            found.append(("error", _failed(), code))
        return found

    def close(self) -> None:
        """Close the child's input (it has said its last word)."""
        with self._lock:
            process = self._process
        if process is not None and process.stdin is not None:
            with contextlib.suppress(OSError):
                process.stdin.close()


if __name__ == "__main__":
    sys.exit(child_main())
