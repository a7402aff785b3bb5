"""Set-up step 3 (the office's PC): the manager password, set with a set-up code or checked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from kiosk.i18n import _
from kiosk.ui import theme


class ManagerStep(QWidget):
    """With no manager password yet: the set-up code and a new password twice (the same rule
    as Manager mode's first use); with one: the password, to prove this is the office."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._first_use = False
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.GRID * 2)
        self.question = QLabel()
        self.question.setProperty("role", "heading")
        self.question.setWordWrap(True)
        self.explain = QLabel()
        self.explain.setProperty("role", "body")
        self.explain.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setObjectName("setup-code")
        self.password = QLineEdit()
        self.password.setObjectName("setup-manager-password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("setup-manager-repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("setup-manager-message")
        self.message.setProperty("role", "lead")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        for widget in (self.question, self.explain, self.code, self.password, self.repeat):
            column.addWidget(widget)
        column.addWidget(self.message)
        column.addStretch(1)
        self.retranslate()

    def set_first_use(self, first_use: bool) -> None:
        self._first_use = first_use
        self.retranslate()

    def is_first_use(self) -> bool:
        return self._first_use

    def clear(self) -> None:
        for field in (self.code, self.password, self.repeat):
            field.clear()
        self.message.clear()

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def retranslate(self) -> None:
        self.question.setText(_("The manager password"))
        if self._first_use:
            self.explain.setText(
                _(
                    "No manager password is set yet. Type the set-up code from the market "
                    "office ('market-kiosk manager setup-code'), then a new password of at "
                    "least 10 characters (or 8 with letters and digits), twice. Or press "
                    "'Finish' and set it later in Market manager."
                )
            )
        else:
            self.explain.setText(
                _("Type the manager password to make this PC the market office's PC.")
            )
        self.code.setPlaceholderText(_("Set-up code (for example ABCD-EFGH-JKMN)"))
        self.password.setPlaceholderText(
            _("New password") if self._first_use else _("Manager password")
        )
        self.repeat.setPlaceholderText(_("The same password again"))
        self.code.setVisible(self._first_use)
        self.repeat.setVisible(self._first_use)
