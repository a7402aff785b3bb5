"""A one-line label that elides with "…" when narrow, so text is never cut mid-glyph."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    """QLabel that draws ``text()`` on one line, elided at the right edge.

    It keeps QLabel's type so stylesheet roles (``QLabel[role="title"]``) apply.
    Its minimum width is small: layouts may shrink it, and it elides instead of clipping.
    """

    def __init__(self, text: str = "", role: str = "body", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setProperty("role", role)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def minimumSizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance("…") * 3, fm.height())

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        margins = self.contentsMargins()
        return QSize(
            fm.horizontalAdvance(self.text()) + margins.left() + margins.right() + 2,
            fm.height() + margins.top() + margins.bottom(),
        )

    def is_elided(self) -> bool:
        """True when the full text does not fit the current width."""
        return self.fontMetrics().horizontalAdvance(self.text()) > self.contentsRect().width()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, rect.width()
        )
        self.style().drawItemText(
            painter,
            rect,
            int(self.alignment() | Qt.AlignmentFlag.AlignVCenter),
            self.palette(),
            self.isEnabled(),
            shown,
            QPalette.ColorRole.WindowText,
        )
        painter.end()
