"""Asks before a screen is left with a change not saved: save and go on, go on unsaved, or stay."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from kiosk.i18n import _
from kiosk.ui import theme


class UnsavedQuestion(QFrame):
    """An inline panel: "저장하고 넘어가기", "저장하지 않고 넘어가기", "취소".

    ``save_chosen`` and ``discard_chosen`` carry the answer; Cancel hides the panel
    and the screen stays as it is (``cancelled``). With ``can_save`` False (what was
    typed is refused) only leaving unsaved and staying are offered.
    """

    save_chosen = Signal()
    discard_chosen = Signal()
    cancelled = Signal()

    def __init__(self, name: str, parent: QFrame | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("surface", "card")
        column = QVBoxLayout(self)
        pad = theme.GRID * 2
        column.setContentsMargins(pad, pad, pad, pad)
        column.setSpacing(theme.GRID)
        self.question = QLabel()
        self.question.setProperty("role", "lead")
        self.question.setWordWrap(True)
        self.question.setTextFormat(Qt.TextFormat.PlainText)
        row = QHBoxLayout()
        row.setSpacing(theme.GRID * 2)
        self.save_button = QPushButton()
        self.save_button.setObjectName(f"{name}-save")
        self.save_button.setProperty("kind", "primary")
        self.save_button.clicked.connect(lambda: self._answer(self.save_chosen))
        self.discard_button = QPushButton()
        self.discard_button.setObjectName(f"{name}-discard")
        self.discard_button.clicked.connect(lambda: self._answer(self.discard_chosen))
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName(f"{name}-cancel")
        self.cancel_button.clicked.connect(lambda: self._answer(self.cancelled))
        row.addWidget(self.save_button)
        row.addWidget(self.discard_button)
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        column.addWidget(self.question)
        column.addLayout(row)
        self.hide()
        self.retranslate()

    def ask(self, text: str, *, can_save: bool) -> None:
        """Show *text*; *can_save* False when what was typed cannot be saved as it is."""
        self.question.setText(text)
        self.save_button.setVisible(can_save)
        self.show()
        (self.save_button if can_save else self.cancel_button).setFocus()

    def retranslate(self) -> None:
        self.save_button.setText(_("Save and go on"))
        self.discard_button.setText(_("Go on without saving"))
        self.cancel_button.setText(_("Cancel"))

    def _answer(self, signal: object) -> None:
        self.hide()
        signal.emit()  # type: ignore[attr-defined]
