"""Shows slide pictures with a short cross-fade; between changes it only repaints on demand."""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QSize, QVariantAnimation
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QWidget

from kiosk.domain import design
from kiosk.domain.signage.slides import Slide
from kiosk.ui.signage.slide_painter import render_slide

#: The cross-fade's length (the design allows slide changes up to 300 ms).
FADE_MS = 240


class SlideCanvas(QWidget):
    """Draws the current slide's picture, rendered once per slide and size.

    Rule: nothing runs while a slide stands still (the fade's animation stops at
    its end and the old picture is dropped), so CPU is idle and memory flat.
    ``animate=False`` swaps pictures at once (tests, the benchmark's work time).
    """

    def __init__(self, parent: QWidget | None = None, *, animate: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("signage-canvas")
        self.setAutoFillBackground(False)
        self.animate = animate
        self.slide: Slide | None = None
        self._current: QPixmap | None = None
        self._previous: QPixmap | None = None
        #: The next slide's picture, drawn while the current one stands still.
        self._prepared: tuple[Slide, QSize, QPixmap] | None = None
        self._level = 1.0
        self._fade = QVariantAnimation(self)
        self._fade.setDuration(FADE_MS)
        self._fade.setStartValue(0.0)
        self._fade.setEndValue(1.0)
        self._fade.setEasingCurve(QEasingCurve.Type.InOutQuad)
        self._fade.valueChanged.connect(self._on_fade)
        self._fade.finished.connect(self._on_fade_done)

    def prepare(self, slide: Slide) -> None:
        """Draw *slide*'s picture now, so showing it later is only a swap."""
        picture = render_slide(slide, self.size(), self.devicePixelRatioF())
        self._prepared = (slide, self.size(), picture)

    def show_slide(self, slide: Slide) -> None:
        """Fade to *slide* (or swap at once): its prepared picture, else one drawn now."""
        ready, self._prepared = self._prepared, None
        if ready is not None and ready[0] == slide and ready[1] == self.size():
            picture = ready[2]
        else:
            picture = render_slide(slide, self.size(), self.devicePixelRatioF())
        self._fade.stop()
        self._previous = self._current if self.animate and self.isVisible() else None
        self._current = picture
        self.slide = slide
        if self._previous is not None:
            self._level = 0.0
            self._fade.start()
        else:
            self._level = 1.0
        self.update()

    def is_fading(self) -> bool:
        return self._fade.state() == QVariantAnimation.State.Running

    def picture(self) -> QPixmap | None:
        return self._current

    def _on_fade(self, value: object) -> None:
        self._level = float(value)  # type: ignore[arg-type]
        self.update()

    def _on_fade_done(self) -> None:
        self._previous = None
        self._level = 1.0
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.slide is not None and event.size() != event.oldSize():
            self._fade.stop()
            self._previous = None
            self._prepared = None
            self._level = 1.0
            self._current = render_slide(self.slide, self.size(), self.devicePixelRatioF())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self._current is None:
            painter.fillRect(self.rect(), QColor(design.PAPER))
            return
        if self._previous is not None and self._level < 1.0:
            painter.drawPixmap(0, 0, self._previous)
            painter.setOpacity(self._level)
        painter.drawPixmap(0, 0, self._current)
