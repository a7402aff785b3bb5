"""Background operations: run a read, write, QR check or report off the GUI thread.

``run_op(owner, work, on_done=..., on_error=...)`` calls ``work()`` in a worker
thread and delivers its result (or exception) back on the GUI thread, through a
queued Qt signal. Rules:

- ``work`` must not touch widgets; it returns plain values (domain data, QImages).
- A result is dropped when the owner widget is gone or the op was cancelled or
  superseded: ``OpSlot.run`` keeps only the newest op of a slot (e.g. a search
  where a newer keystroke wins).
- After ``BUSY_AFTER_MS`` without a result the busy indicator turns on (a busy
  cursor and the shell's "Working…" line); it turns off when the op ends.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

T = TypeVar("T")

#: An op that takes longer than this shows the busy indicator.
BUSY_AFTER_MS = 150
#: Worker threads: two cores here; one long import must not block a search.
WORKERS = 2

_executor: ThreadPoolExecutor | None = None
_executor_lock = threading.Lock()
_ids = itertools.count(1)
_pending: dict[int, Op[Any]] = {}
_busy_listeners: list[Callable[[bool], None]] = []
_busy_count = 0


def _pool() -> ThreadPoolExecutor:
    global _executor
    with _executor_lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="kiosk-op")
        return _executor


class _Bridge(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call to the GUI thread."""

    finished = Signal(int, bool, object)


_bridge: _Bridge | None = None


def _get_bridge() -> _Bridge:
    global _bridge
    if _bridge is None:
        _bridge = _Bridge()
        _bridge.finished.connect(_on_finished, Qt.ConnectionType.QueuedConnection)
    return _bridge


class Op(Generic[T]):
    """Handle of one background op: ``cancel()`` drops its result; ``done`` after delivery."""

    def __init__(
        self,
        owner: QObject | None,
        on_done: Callable[[T], None],
        on_error: Callable[[Exception], None] | None,
        name: str,
    ) -> None:
        self.id = next(_ids)
        self.name = name
        self._owner_alive = owner is not None
        self._on_done = on_done
        self._on_error = on_error
        self.cancelled = False
        self.done = False
        self._busy = False
        self._timer: QTimer | None = None
        if owner is not None:
            owner.destroyed.connect(self._on_owner_destroyed)

    def cancel(self) -> None:
        self.cancelled = True

    def _on_owner_destroyed(self, *_args: object) -> None:
        self._owner_alive = False
        self.cancelled = True

    def _start_busy_timer(self) -> None:
        self._timer = QTimer()
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_busy_timeout)
        self._timer.start(BUSY_AFTER_MS)

    def _on_busy_timeout(self) -> None:
        if not self.done:
            self._busy = True
            _set_busy(+1)

    def _finish(self, ok: bool, value: object) -> None:
        self.done = True
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self._busy:
            self._busy = False
            _set_busy(-1)
        if self.cancelled:
            return
        if ok:
            self._on_done(value)  # type: ignore[arg-type]
        elif self._on_error is not None:
            assert isinstance(value, Exception)
            self._on_error(value)
        else:
            raise value  # type: ignore[misc]


def _set_busy(delta: int) -> None:
    global _busy_count
    before = _busy_count
    _busy_count = max(0, _busy_count + delta)
    if (before == 0) != (_busy_count == 0):
        busy = _busy_count > 0
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        else:
            QApplication.restoreOverrideCursor()
        for listener in list(_busy_listeners):
            listener(busy)


def add_busy_listener(listener: Callable[[bool], None]) -> None:
    """*listener(True)* when some op has run past BUSY_AFTER_MS, *(False)* when none does."""
    _busy_listeners.append(listener)


def remove_busy_listener(listener: Callable[[bool], None]) -> None:
    if listener in _busy_listeners:
        _busy_listeners.remove(listener)


def is_busy() -> bool:
    return _busy_count > 0


def _on_finished(op_id: int, ok: bool, value: object) -> None:
    op = _pending.pop(op_id, None)
    if op is not None:
        op._finish(ok, value)


def run_op(
    owner: QObject | None,
    work: Callable[[], T],
    *,
    on_done: Callable[[T], None],
    on_error: Callable[[Exception], None] | None = None,
    name: str = "",
    quiet: bool = False,
) -> Op[T]:
    """Run *work* in a worker thread; call *on_done(result)* or *on_error(exc)* on the GUI thread.

    Call from the GUI thread. Without *on_error* an exception is re-raised on the
    GUI thread (a bug, not a user error). *owner* ties the op's life to a widget.
    A *quiet* op (work done ahead, which nobody waits for) never shows the busy
    indicator.
    """
    bridge = _get_bridge()
    op: Op[T] = Op(owner, on_done, on_error, name or getattr(work, "__name__", "op"))
    _pending[op.id] = op
    if not quiet:
        op._start_busy_timer()

    def job() -> None:
        if op.cancelled:  # superseded while queued: do not run stale work at all
            bridge.finished.emit(op.id, True, None)
            return
        try:
            result: object = work()
        except Exception as exc:  # delivered to on_error on the GUI thread
            bridge.finished.emit(op.id, False, exc)
        else:
            bridge.finished.emit(op.id, True, result)

    _pool().submit(job)
    return op


class OpSlot:
    """At most one live op: running a new one cancels (supersedes) the previous one."""

    def __init__(self, owner: QObject) -> None:
        self._owner = owner
        self._op: Op[Any] | None = None

    def run(
        self,
        work: Callable[[], T],
        *,
        on_done: Callable[[T], None],
        on_error: Callable[[Exception], None] | None = None,
        name: str = "",
        quiet: bool = False,
    ) -> Op[T]:
        self.cancel()
        op = run_op(self._owner, work, on_done=on_done, on_error=on_error, name=name, quiet=quiet)
        self._op = op
        return op

    def cancel(self) -> None:
        if self._op is not None and not self._op.done:
            self._op.cancel()
        self._op = None

    def is_running(self) -> bool:
        return self._op is not None and not self._op.done


_armed: set[Debouncer] = set()


class Debouncer(QObject):
    """Calls *action* once, *delay_ms* after the last ``trigger()`` (coalesces keystrokes).

    While armed it counts as pending work, so ``wait_idle`` waits for it too.
    """

    def __init__(self, owner: QObject, action: Callable[[], None], delay_ms: int) -> None:
        super().__init__(owner)
        self._action = action
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._fire)
        self.destroyed.connect(lambda *_: _armed.discard(self))

    def trigger(self) -> None:
        _armed.add(self)
        self._timer.start()

    def cancel(self) -> None:
        self._timer.stop()
        _armed.discard(self)

    def flush(self) -> None:
        """Run a pending action now (e.g. Enter pressed)."""
        if self._timer.isActive():
            self._timer.stop()
            self._fire()

    def _fire(self) -> None:
        _armed.discard(self)
        self._action()


def pending_count() -> int:
    """Ops started and not yet delivered (cancelled ones included until they finish)."""
    return len(_pending)


def wait_idle(timeout_s: float = 30.0) -> bool:
    """Process events until every op has been delivered; False on timeout (tests, tours)."""
    import time

    deadline = time.monotonic() + timeout_s
    app = QApplication.instance()
    while _pending or _armed:
        if time.monotonic() > deadline:
            return False
        if app is not None:
            app.processEvents()
        time.sleep(0.002)
    if app is not None:
        app.processEvents()
    return True


def shutdown(timeout_s: float = 10.0) -> None:
    """Wait for running workers at exit (their results are no longer delivered)."""
    global _executor
    with _executor_lock:
        executor, _executor = _executor, None
    if executor is not None:
        executor.shutdown(wait=True, cancel_futures=True)
    _pending.clear()
