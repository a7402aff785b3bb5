"""Asks before leaving a step whose unsaved change needs the PIN: save, leave unsaved, or stay."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from kiosk.i18n import _
from kiosk.ui import theme


class LeaveQuestion(QFrame):
    """An inline panel: "저장하고 넘어가기", "저장하지 않고 넘어가기", "취소".

    ``save_chosen`` and ``discard_chosen`` carry the answer; Cancel hides the panel
    and the screen stays as it is. With ``can_save`` False (a field is refused)
    only leaving unsaved and staying are offered.
    """

    save_chosen = Signal()
    discard_chosen = Signal()

    def __init__(self, parent: QFrame | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("onboarding-leave-question")
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
        self.save_button.setObjectName("onboarding-leave-save")
        self.save_button.setProperty("kind", "primary")
        self.save_button.clicked.connect(self._on_save)
        self.discard_button = QPushButton()
        self.discard_button.setObjectName("onboarding-leave-discard")
        self.discard_button.clicked.connect(self._on_discard)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("onboarding-leave-cancel")
        self.cancel_button.clicked.connect(self.hide)
        row.addWidget(self.save_button)
        row.addWidget(self.discard_button)
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        column.addWidget(self.question)
        column.addLayout(row)
        self._can_save = True
        self.hide()
        self.retranslate()

    def ask(self, *, can_save: bool) -> None:
        """Show the question; *can_save* False when what was typed cannot be saved as it is."""
        self._can_save = can_save
        self.save_button.setVisible(can_save)
        self.retranslate()
        self.show()
        (self.save_button if can_save else self.cancel_button).setFocus()

    def retranslate(self) -> None:
        self.question.setText(
            _("You changed this step and it is not saved yet. Changing the code asks for your PIN.")
            if self._can_save
            else _("You changed this step, but the field marked above cannot be saved as it is.")
        )
        self.save_button.setText(_("Save and go on"))
        self.discard_button.setText(_("Go on without saving"))
        self.cancel_button.setText(_("Cancel"))

    def _on_save(self) -> None:
        self.hide()
        self.save_chosen.emit()

    def _on_discard(self) -> None:
        self.hide()
        self.discard_chosen.emit()
