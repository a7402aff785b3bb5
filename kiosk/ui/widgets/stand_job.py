"""A long print or save off the GUI thread, with a progress bar that fills and a Stop button."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from kiosk.i18n import _
from kiosk.ui import ops
from kiosk.ui.widgets.stand_words import ChildFailed, Stopped

if TYPE_CHECKING:
    from kiosk.ui.widgets.stand_child import ChildJob, ChildRun

#: How often the bar reads the worker's count (the GUI thread never waits on the worker).
POLL_MS = 50

Progress = Callable[[int, int], None]


class _Count:
    """Written by the worker, read by the GUI timer (two ints: no lock needed to read)."""

    def __init__(self) -> None:
        self.done = 0
        self.total = 0
        self.stop = threading.Event()

    def __call__(self, done: int, total: int) -> None:
        self.done, self.total = done, total
        if self.stop.is_set() and done < total:
            raise Stopped(done, total)


class StandJob(QObject):
    """Runs one job at a time: ``start(work, on_done, on_error)``; ``work(progress)`` runs in a
    worker and calls ``progress(done, total)`` after each stand (it raises Stopped after Stop).

    ``bar`` (the progress bar and Stop) shows while a job runs.
    """

    running_changed = Signal(bool)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.bar = QWidget(parent)
        row = QHBoxLayout(self.bar)
        row.setContentsMargins(0, 0, 0, 0)
        self.progress = QProgressBar()
        self.progress.setObjectName("stand-progress")
        self.progress.setTextVisible(True)
        self.stop_button = QPushButton()
        self.stop_button.setObjectName("stand-stop")
        self.stop_button.clicked.connect(self.stop)
        row.addWidget(self.progress, 1)
        row.addWidget(self.stop_button)
        self.bar.hide()
        self._count: _Count | None = None
        self._op: ops.Op[Any] | None = None
        self._child: ChildRun | None = None
        self._child_done: tuple[Callable[[Any], None], Callable[[Exception], None]] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._on_tick)
        self.retranslate()

    def retranslate(self) -> None:
        self.stop_button.setText(_("Stop"))

    def is_running(self) -> bool:
        return self._child is not None or (self._op is not None and not self._op.done)

    def start_child(
        self,
        job: ChildJob,
        *,
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        """Run *job* in a child process (kiosk.ui.widgets.stand_child); the bar shows its count."""
        from kiosk.ui.widgets.stand_child import ChildRun

        self._count = _Count()
        self._child_done = (on_done, on_error)
        self._child = ChildRun(job)
        self._show()

    def _show(self) -> None:
        self.progress.setRange(0, 0)  # busy until the first stand is done
        self.bar.show()
        self.stop_button.setEnabled(True)
        self._timer.start()
        self.running_changed.emit(True)

    def start(
        self,
        work: Callable[[Progress], Any],
        *,
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        count = _Count()
        self._count = count

        def done(value: object) -> None:
            self._finish()
            on_done(value)

        def failed(exc: Exception) -> None:
            self._finish()
            on_error(exc)

        self._op = ops.run_op(
            self.parent(), lambda: work(count), on_done=done, on_error=failed, name="stands"
        )
        self._show()

    def stop(self) -> None:
        """Stop after the stand being drawn (what was sent to the printer stays sent)."""
        if self._count is not None:
            self._count.stop.set()
            self.stop_button.setEnabled(False)
        if self._child is not None:
            self._child.stop()

    def _read_child(self) -> None:
        child, count = self._child, self._count
        assert child is not None and count is not None
        for message in child.poll():
            if message[0] == "progress":
                count.done, count.total = message[1], message[2]
                continue
            self._child = None
            child.close()
            on_done, on_error = self._child_done or (lambda _v: None, lambda _e: None)
            self._finish()
            if message[0] == "done":
                on_done(message[1])
            else:
                on_error(ChildFailed(message[1], message[2]))
            return

    def _finish(self) -> None:
        self._timer.stop()
        self.bar.hide()
        self._op = None
        self.running_changed.emit(False)

    def _on_tick(self) -> None:
        if self._child is not None:
            self._read_child()
        count = self._count
        if count is None or count.total <= 0:
            return
        if self.progress.maximum() != count.total:
            self.progress.setRange(0, count.total)
        self.progress.setValue(count.done)
        self.progress.setFormat(_("{done} of {total}").format(done=count.done, total=count.total))
