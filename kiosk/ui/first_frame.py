"""Detect the first real paint of a window (a zero-delay timer after show() fires too early)."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget


class FirstPaintWatcher(QObject):
    """Emits ``painted`` once, right after *window* has handled its first Paint event.

    On the headless platform ``QTimer.singleShot(0, app.quit)`` after ``show()``
    quits before anything is drawn (docs/architecture.md, known traps), so we watch for the
    Paint event itself and report on the next turn of the event loop, when the
    frame has been drawn and flushed.
    """

    painted = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._seen = False
        #: Wall-clock time (``time.time()``) of the first Paint event, once seen.
        self.painted_at: float | None = None
        window.installEventFilter(self)

    def has_painted(self) -> bool:
        return self._seen

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._seen and watched is self._window and event.type() == QEvent.Type.Paint:
            self._seen = True
            self.painted_at = time.time()
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self.painted.emit)
        return False
