"""The frame every manager page shares: the header bar, toolbar rows, a body, a status line."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QLayout, QVBoxLayout, QWidget

from kiosk.ui import theme
from kiosk.ui.manager.header import ManagerHeader

#: A row item: a widget, a widget with its stretch, or None for a stretch (a gap that grows).
RowItem = QWidget | tuple[QWidget, int] | None


def status_line(object_name: str, role: str = "lead") -> QLabel:
    """The page's message line: wrapped plain text (a file name or error is never markup)."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setProperty("role", role)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def row_layout(*items: RowItem, spacing: int | None = None) -> QHBoxLayout:
    """A horizontal row of *items* (see RowItem), *spacing* apart when given."""
    layout = QHBoxLayout()
    if spacing is not None:
        layout.setSpacing(spacing)
    for item in items:
        if item is None:
            layout.addStretch(1)
        elif isinstance(item, tuple):
            layout.addWidget(*item)
        else:
            layout.addWidget(item)
    return layout


class ManagerPage(QWidget):
    """A manager screen named *screen*: the header bar for *page* on top (``self.header``),
    then what the page adds with ``add`` (toolbar rows, the body, the status line)."""

    def __init__(
        self,
        screen: str,
        page: str,
        parent: QWidget | None = None,
        *,
        side: int = theme.GRID * 5,
        spacing: int = theme.GRID * 2,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(screen)
        self._frame = QVBoxLayout(self)
        self._frame.setContentsMargins(side, theme.GRID * 2, side, theme.GRID * 2)
        self._frame.setSpacing(spacing)
        self.header = ManagerHeader(page)
        self._frame.addWidget(self.header)
        self._stacking: list[tuple[QBoxLayout, int]] = []

    def stack_below(self, row: QBoxLayout, width: int) -> None:
        """Lay *row* out top to bottom while the page is narrower than *width* (portrait)."""
        self._stacking.append((row, width))
        self._stack(self.width())

    def _stack(self, width: int) -> None:
        for row, needed in self._stacking:
            narrow = width < needed
            direction = (
                QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
            )
            if row.direction() != direction:
                row.setDirection(direction)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._stack(event.size().width())
        super().resizeEvent(event)

    def add(self, item: QWidget | QLayout, stretch: int = 0) -> None:
        """Put *item* below what is there (stretch 1 for the body that takes the room)."""
        if isinstance(item, QLayout):
            self._frame.addLayout(item, stretch)
        else:
            self._frame.addWidget(item, stretch)
