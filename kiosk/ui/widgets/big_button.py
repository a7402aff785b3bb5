"""A large two-line button (title and explanation) for choosing a mode on a touch screen."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui import theme


class BigButton(QPushButton):
    """Primary-coloured button with a 48 px title and a 24 px line under it.

    Both lines wrap instead of clipping. The labels have no text interaction,
    so a press on them falls through to the button: the whole surface is one
    touch target. (No ``Qt`` namespace here: it costs ~20 ms to import, and this
    button is on the first frame.)
    """

    def __init__(self, title: str, subtitle: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("kind", "big")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.GRID * 4, theme.GRID * 3, theme.GRID * 4, theme.GRID * 3)
        layout.setSpacing(theme.GRID)
        self._title = QLabel()
        self._title.setProperty("role", "title")
        self._subtitle = QLabel()
        self._subtitle.setProperty("role", "lead")
        for label in (self._title, self._subtitle):
            label.setWordWrap(True)
            layout.addWidget(label)
        self.set_texts(title, subtitle)

    def sizeHint(self) -> QSize:
        layout = self.layout()
        return layout.sizeHint() if layout is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        return layout.minimumSize() if layout is not None else super().minimumSizeHint()

    def set_texts(self, title: str, subtitle: str = "") -> None:
        """Change both lines (used when the language changes)."""
        self._title.setText(title)
        self._subtitle.setText(subtitle)
        self._subtitle.setVisible(bool(subtitle))
        self.setAccessibleName(title)
        self.setAccessibleDescription(subtitle)

    def title(self) -> str:
        return self._title.text()

    def subtitle(self) -> str:
        return self._subtitle.text()
