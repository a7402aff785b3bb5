"""Shown when a mode is chosen before the database is open: "Loading stores…", or why not."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.i18n import _
from kiosk.ui import theme
from kiosk.ui.widgets.back_button import BackButton

SCREEN = "wait-for-data"


class WaitScreen(QWidget):
    """A back button and one status line; the shell opens the mode when the data is ready."""

    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(SCREEN)
        self._error = ""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(theme.GRID * 5, theme.GRID * 2, theme.GRID * 5, theme.GRID * 2)
        top = QHBoxLayout()
        self.back_button = BackButton(self.back_requested)
        top.addWidget(self.back_button)
        top.addStretch(1)
        outer.addLayout(top)
        self.status_label = QLabel()
        self.status_label.setObjectName("wait-status")
        self.status_label.setProperty("role", "lead")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.status_label, 1)
        self.retranslate()

    def is_loading(self) -> bool:
        return not self._error

    def set_failed(self, message: str) -> None:
        """Say why the data cannot be shown (the database could not be opened)."""
        self._error = message
        self.retranslate()

    def retranslate(self) -> None:
        self.back_button.setText("‹  " + _("Start"))
        if self._error:
            text = _("The store list cannot be shown right now.") + "\n\n" + self._error
        else:
            text = _("Loading stores…")
        self.status_label.setText(text)
