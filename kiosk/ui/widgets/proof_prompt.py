"""Asks for the store's PIN (or the manager password) before a QR-code change is saved."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from kiosk.domain.access import CodeProof, Secret
from kiosk.i18n import _
from kiosk.ui import theme


class ProofPrompt(QFrame):
    """An inline panel: a hidden field, "Use the manager password instead", Confirm, Cancel.

    ``confirmed(CodeProof)`` carries the secret wrapped so it never prints;
    the field is cleared at once. ``show_error`` keeps the panel open.
    """

    confirmed = Signal(object)
    cancelled = Signal()

    def __init__(self, parent: QFrame | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("proof-prompt")
        self.setProperty("surface", "card")
        self._kind: str = "pin"
        column = QVBoxLayout(self)
        pad = theme.GRID * 2
        column.setContentsMargins(pad, pad, pad, pad)
        column.setSpacing(theme.GRID)
        self.question = QLabel()
        self.question.setProperty("role", "lead")
        self.question.setWordWrap(True)
        row = QHBoxLayout()
        row.setSpacing(theme.GRID * 2)
        self.field = QLineEdit()
        self.field.setObjectName("proof-field")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.returnPressed.connect(self._on_confirm)
        self.switch_button = QPushButton()
        self.switch_button.setProperty("kind", "choice")
        self.switch_button.clicked.connect(self._on_switch)
        self.confirm_button = QPushButton()
        self.confirm_button.setProperty("kind", "primary")
        self.confirm_button.clicked.connect(self._on_confirm)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self._on_cancel)
        row.addWidget(self.field, 1)
        row.addWidget(self.switch_button)
        row.addWidget(self.confirm_button)
        row.addWidget(self.cancel_button)
        self.error = QLabel()
        self.error.setObjectName("proof-error")
        self.error.setProperty("role", "lead")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.hide()
        column.addWidget(self.question)
        column.addLayout(row)
        column.addWidget(self.error)
        self.hide()
        self.retranslate()

    def kind(self) -> str:
        return self._kind

    def ask(self, *, kind: str = "pin") -> None:
        """Show the panel, empty, asking for *kind* (``pin`` or ``password``)."""
        self._kind = kind
        self.field.clear()
        self.error.hide()
        self.retranslate()
        self.show()
        self.field.setFocus()

    def show_error(self, text: str) -> None:
        self.error.setText("⚠ " + text)
        self.error.show()
        self.field.clear()
        self.field.setFocus()

    def close_prompt(self) -> None:
        self.field.clear()
        self.error.hide()
        self.hide()

    def retranslate(self) -> None:
        if self._kind == "pin":
            self.question.setText(_("To save the codes, enter this store's PIN."))
            self.field.setPlaceholderText(_("Store PIN"))
            self.switch_button.setText(_("Manager password instead"))
        else:
            self.question.setText(_("To save the codes, enter the manager password."))
            self.field.setPlaceholderText(_("Manager password"))
            self.switch_button.setText(_("Store PIN instead"))
        self.confirm_button.setText(_("Confirm and save"))
        self.cancel_button.setText(_("Cancel"))

    def _on_switch(self) -> None:
        self.ask(kind="password" if self._kind == "pin" else "pin")

    def _on_confirm(self) -> None:
        text = self.field.text()
        self.field.clear()
        if not text:
            return
        proof = (
            CodeProof("password", Secret(text))
            if self._kind == "password"
            else CodeProof("pin", Secret(text))
        )
        self.confirmed.emit(proof)

    def _on_cancel(self) -> None:
        self.close_prompt()
        self.cancelled.emit()
