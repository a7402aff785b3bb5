"""The kiosk lock: refuses close keys, close events and context menus; a held corner unlocks."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QWidget

#: Seconds since some fixed point; tests pass a fake one (never sleep).
Clock = Callable[[], float]
#: The hidden gesture: a press held this long in the window's top-left corner.
GESTURE_SECONDS = 3.0
#: The corner's side, in pixels.
CORNER_PX = 96

_CLOSE_KEYS = {
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
}
_KEY_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride, QEvent.Type.KeyRelease}


def is_close_key(event: QKeyEvent) -> bool:
    """True for Escape, Alt+F4, Ctrl+W and Ctrl+Q (keypad and shift aside)."""
    modifiers = event.modifiers() & (
        Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier
    )
    return (Qt.Key(event.key()), Qt.KeyboardModifier(modifiers.value)) in _CLOSE_KEYS


class KioskLock(QObject):
    """An application event filter that keeps *window* open while ``locked``.

    ``unlock_requested`` fires once a press has been held ``GESTURE_SECONDS`` in
    the window's top-left corner (checked on ``tick()``, which the kiosk's timer
    calls; tests call it after moving their fake clock).
    """

    unlock_requested = Signal()

    def __init__(self, window: QWidget, *, clock: Clock = time.monotonic) -> None:
        super().__init__(window)
        self._window = window
        self._clock = clock
        self._pressed_at: float | None = None
        self.locked = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.locked:
            return False
        kind = event.type()
        if kind == QEvent.Type.Close and watched is self._window:
            event.ignore()
            return True
        if kind in _KEY_EVENTS and isinstance(event, QKeyEvent) and is_close_key(event):
            event.accept()
            return True
        if kind == QEvent.Type.ContextMenu:
            return True  # no copy/paste menus, no way to other programs
        self._watch_gesture(kind, event)
        return False

    def tick(self) -> None:
        """Fire ``unlock_requested`` when the corner has been held long enough."""
        if self._pressed_at is not None and self._clock() - self._pressed_at >= GESTURE_SECONDS:
            self._pressed_at = None
            self.unlock_requested.emit()

    def _watch_gesture(self, kind: QEvent.Type, event: QEvent) -> None:
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            point = _global_point(event)
            inside = point is not None and self._in_corner(point)
            self._pressed_at = self._clock() if inside else None
        elif kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd):
            self.tick()
            self._pressed_at = None

    def _in_corner(self, point: QPoint) -> bool:
        local = self._window.mapFromGlobal(point)
        return 0 <= local.x() < CORNER_PX and 0 <= local.y() < CORNER_PX


def _global_point(event: QEvent) -> QPoint | None:
    if isinstance(event, QMouseEvent):
        return event.globalPosition().toPoint()
    if isinstance(event, QTouchEvent) and event.points():
        return event.points()[0].globalPosition().toPoint()
    return None
