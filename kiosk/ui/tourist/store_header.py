"""The store page's header: back button, the store's names and its market, in one or two rows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui import theme
from kiosk.ui.tourist.store_name import NameLabel

#: The Korean signboard name stays on one line up to this width before it wraps.
KOREAN_WHOLE_UP_TO = 420


class StoreHeader(QWidget):
    """Back button, the name in the reader's language, the Korean signboard name, the market.

    Rules: everything stands in one row while it fits on one line each (landscape);
    otherwise, and always in portrait, the names get a row of their own under the back
    button and the market. The names wrap between words (``NameLabel``: a Japanese or
    Chinese proper noun stays whole, like a Korean word), the market line between its
    parts; nothing is squeezed to a letter a line and the back button keeps its size.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(theme.GRID)
        self._top = QHBoxLayout()
        self._top.setSpacing(theme.GRID * 3)
        # The names on a row of their own; one above the other when they do not fit side by side.
        self._names = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._names.setSpacing(theme.GRID * 3)
        outer.addLayout(self._top)
        outer.addLayout(self._names)
        self.back_button = QPushButton()
        self.back_button.setProperty("kind", "back")
        self.back_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.name_label = NameLabel("display")
        self.name_label.setObjectName("store-name")
        self.korean_label = NameLabel("muted", whole_up_to=KOREAN_WHOLE_UP_TO)
        self.korean_label.setObjectName("store-korean-name")
        # Market and category: wraps onto a second line rather than being cut ("Jeju tanger…")
        self.subline_label = QLabel()
        self.subline_label.setProperty("role", "muted")
        self.subline_label.setWordWrap(True)
        self.subline_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._top.addWidget(self.back_button)
        self._portrait = False
        self._own_row: bool | None = None
        self._place(own_row=False)

    def set_back_text(self, text: str) -> None:
        self.back_button.setText(text)
        self.back_button.setMinimumWidth(self.back_button.sizeHint().width())
        self._fit()

    def set_names(self, name: str, korean: str, parts: tuple[str, ...]) -> None:
        """The store's *name*, its Korean name ("" when the same) and the market line's *parts*."""
        self.name_label.set_name(name)
        self.korean_label.set_name(korean)
        self.subline_label.setText("  ·  ".join(parts))
        # wraps between its parts when the names need the room, never down to a letter a line
        metrics = self.subline_label.fontMetrics()
        widest = max((metrics.horizontalAdvance(part) for part in parts), default=0)
        self.subline_label.setMinimumWidth(widest + 4)
        self._fit()

    def set_shape(self, *, name_role: str, portrait: bool) -> None:
        theme.set_role(self.name_label, name_role)
        self._portrait = portrait
        self._fit()

    def names_on_own_row(self) -> bool:
        return bool(self._own_row)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """One row when back, names and market each fit on one line; else the names below."""
        spacing = self._top.spacing()
        subline = self.subline_label
        one_line = subline.fontMetrics().horizontalAdvance(subline.text()) + 4
        needed = (
            self.back_button.sizeHint().width()
            + self.name_label.sizeHint().width()
            + (self.korean_label.sizeHint().width() + spacing if self.korean_label.text() else 0)
            + one_line
            + 2 * spacing
        )
        self._place(own_row=self._portrait or needed > self.width())
        side_by_side = (
            self.name_label.sizeHint().width() + spacing + self.korean_label.sizeHint().width()
            <= self.width()
        )
        self._names.setDirection(
            QBoxLayout.Direction.LeftToRight if side_by_side else QBoxLayout.Direction.TopToBottom
        )

    def _place(self, *, own_row: bool) -> None:
        if own_row == self._own_row:
            return
        self._own_row = own_row
        for label in (self.name_label, self.korean_label, self.subline_label):
            self._top.removeWidget(label)
            self._names.removeWidget(label)
        middle = Qt.AlignmentFlag.AlignVCenter
        names = self._names if own_row else self._top
        names.addWidget(self.name_label, 0, middle)
        names.addWidget(self.korean_label, 1 if own_row else 0, middle)
        self._top.addWidget(self.subline_label, 1, middle)
