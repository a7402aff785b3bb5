"""Idle reset: after a quiet while, a "still there?" countdown, then back to the kiosk's home."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from kiosk.i18n import _, ngettext
from kiosk.ui import theme
from kiosk.ui.kiosk_mode.lock import Clock

#: The countdown shows for the last this many seconds of the idle time.
COUNTDOWN_SECONDS = 10

_TOUCHES = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
    QEvent.Type.InputMethod,
}


class CountdownOverlay(QFrame):
    """A dimmed sheet over the window with the question and the seconds left."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("idle-countdown")
        self.setStyleSheet("#idle-countdown { background: rgba(0, 0, 0, 150); }")
        self.card = card = QFrame(self)
        card.setObjectName("idle-card")
        card.setProperty("surface", "card")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(theme.GRID * 6, theme.GRID * 5, theme.GRID * 6, theme.GRID * 5)
        inner.setSpacing(theme.GRID * 2)
        self.question = QLabel()
        self.question.setProperty("role", "display")
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.question.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setStyleSheet(f"font-size: {theme.LEAD}px;")
        inner.addWidget(self.question)
        inner.addWidget(self.detail)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        self.hide()

    def show_seconds(self, seconds: int) -> None:
        """Show (or update) the countdown in the current language."""
        self.question.setText(_("Are you still there?"))
        self.detail.setText(
            ngettext(
                "The screen goes back to the start in %(n)d second. Touch it to keep looking.",
                "The screen goes back to the start in %(n)d seconds. Touch it to keep looking.",
                seconds,
            )
            % {"n": seconds}
        )
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
            self.card.setFixedWidth(min(parent.width() - theme.GRID * 8, theme.GRID * 120))
        self.raise_()
        self.show()


class IdleReset(QObject):
    """An application event filter that counts quiet seconds and calls *reset* after *idle_s*.

    Only a window someone has touched since the last reset counts down; every
    touch, click, key or wheel turn starts the count again and hides the countdown.
    ``tick()`` is called by the kiosk's timer (tests call it with a fake clock).
    """

    def __init__(
        self,
        window: QWidget,
        *,
        idle_s: float,
        reset: Callable[[], None],
        clock: Clock = time.monotonic,
    ) -> None:
        super().__init__(window)
        self.idle_s = idle_s
        self._reset = reset
        self._clock = clock
        self._last = clock()
        self._touched = False
        self.overlay = CountdownOverlay(window)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _TOUCHES:
            self.touched()
        return False

    def touched(self) -> None:
        """Someone is using the screen: count again from now, hide the countdown."""
        self._last = self._clock()
        self._touched = True
        if self.overlay.isVisible():
            self.overlay.hide()

    def seconds_left(self) -> float:
        return self.idle_s - (self._clock() - self._last)

    def tick(self) -> None:
        """Show the countdown in its last seconds; reset once the idle time is over."""
        if not self._touched:
            return
        left = self.seconds_left()
        if left <= 0:
            self.overlay.hide()
            self._touched = False
            self._reset()
        elif left <= COUNTDOWN_SECONDS:
            self.overlay.show_seconds(math.ceil(left))
