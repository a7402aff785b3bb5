"""Sign-out after idle minutes: a timer restarted by any key, mouse or touch input in the app."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

#: A signed-in role signs out after this long without input (a shared market PC).
IDLE_SIGN_OUT_MS = 3 * 60 * 1000

_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
    }
)


class IdleGuard(QObject):
    """Emits ``idle`` once after *timeout_ms* without input while armed.

    ``arm()`` when a role signs in, ``disarm()`` when it signs out. The guard
    watches the whole application through an event filter, so input on any
    screen or dialog counts.
    """

    idle = Signal()

    def __init__(self, parent: QObject | None = None, *, timeout_ms: int = IDLE_SIGN_OUT_MS):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self._on_timeout)
        self._installed = False

    def set_timeout(self, timeout_ms: int) -> None:
        self._timer.setInterval(timeout_ms)

    def is_armed(self) -> bool:
        return self._timer.isActive()

    def arm(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True
        self._timer.start()

    def disarm(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT and self._timer.isActive():
            self._timer.start()
        return False

    def _on_timeout(self) -> None:
        self.disarm()
        self.idle.emit()
