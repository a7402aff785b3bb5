"""The "‹ Start" / "‹ Back" button at the top left of a screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget


class BackButton(QPushButton):
    """Styled by the stylesheet's ``kind="back"`` rule, as wide as its text; a click calls
    (or emits) *on_click*."""

    def __init__(
        self, on_click: Callable[[], object] | SignalInstance, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setProperty("kind", "back")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.clicked.connect(on_click)
