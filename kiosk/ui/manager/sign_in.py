"""Manager sign-in; on first use, with a one-time set-up code, setting the password instead."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.access import Actor, Secret
from kiosk.i18n import _
from kiosk.services.app import Services
from kiosk.ui import ops, theme
from kiosk.ui.widgets.back_button import BackButton

SCREEN = "manager-sign-in"
_log = logging.getLogger(__name__)


class ManagerSignInScreen(QWidget):
    """One field (two on first use) and one button; every check runs in a background op.

    ``signed_in(Actor)`` when the password was right (or was just set).
    """

    signed_in = Signal(object)
    back_requested = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(SCREEN)
        self._services = services
        self._first_use = False
        self._slot = ops.OpSlot(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(theme.GRID * 5, theme.GRID * 3, theme.GRID * 5, theme.GRID * 3)
        top = QHBoxLayout()
        self.back_button = BackButton(self.back_requested)
        top.addWidget(self.back_button)
        top.addStretch(1)
        outer.addLayout(top)
        outer.addStretch(1)
        column = QWidget()
        column.setMaximumWidth(theme.GRID * 90)
        box = QVBoxLayout(column)
        box.setSpacing(theme.GRID * 2)
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.explain = QLabel()
        self.explain.setProperty("role", "lead")
        self.explain.setWordWrap(True)
        self.code = self._build_code_field()
        self.password = QLineEdit()
        self.password.setObjectName("manager-password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self._on_submit)
        self.code.returnPressed.connect(self.password.setFocus)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("manager-password-repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.returnPressed.connect(self._on_submit)
        self.submit_button = QPushButton()
        self.submit_button.setProperty("kind", "primary")
        self.submit_button.clicked.connect(self._on_submit)
        self.message = QLabel()
        self.message.setObjectName("sign-in-message")
        self.message.setProperty("role", "lead")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        for widget in (self.title, self.explain, self.code, self.password, self.repeat):
            box.addWidget(widget)
        box.addWidget(self.submit_button, 0, Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.message)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(column, 3)
        middle.addStretch(1)
        outer.addLayout(middle)
        outer.addStretch(2)
        self.retranslate()
        self._ask_first_use()

    def _build_code_field(self) -> QLineEdit:
        """The set-up code (first use only): the password fields stay off until it is typed."""
        code = QLineEdit()
        code.setObjectName("manager-setup-code")
        code.setVisible(False)
        code.textChanged.connect(self._enable_first_use_fields)
        return code

    def _enable_first_use_fields(self) -> None:
        """Without a set-up code the first-use form offers nothing but the way to get one."""
        has_code = not self._first_use or bool(self.code.text().strip())
        for widget in (self.password, self.repeat, self.submit_button):
            widget.setEnabled(has_code)

    def _ask_first_use(self) -> None:
        """Ask (in the background) whether a password exists yet, and show the right form."""
        services = self._services
        self._slot.run(
            services.access.manager_password_is_set, on_done=self._on_known, name="password-set"
        )

    def reset(self) -> None:
        self.code.clear()
        self.password.clear()
        self.repeat.clear()
        self.message.clear()
        self._ask_first_use()

    def is_first_use(self) -> bool:
        return self._first_use

    def retranslate(self) -> None:
        self.back_button.setText("‹  " + _("Start"))
        if self._first_use:
            self.title.setText(_("Set the manager password"))
            self.explain.setText(
                _(
                    "No manager password is set on this database yet. To set one you need a "
                    "set-up code: ask the market office to run 'market-kiosk manager "
                    "setup-code', or run it on this PC. Type the code, then a password of at "
                    "least 10 characters (or 8 with letters and digits), twice. Keep it safe: "
                    "it lets you change every store."
                )
            )
            self.code.setPlaceholderText(_("Set-up code (for example ABCD-EFGH-JKMN)"))
            self.password.setPlaceholderText(_("New password"))
            self.repeat.setPlaceholderText(_("The same password again"))
            self.submit_button.setText(_("Set password and sign in"))
        else:
            self.title.setText(_("Market manager"))
            self.explain.setText(_("Enter the manager password to change stores and markets."))
            self.password.setPlaceholderText(_("Manager password"))
            self.submit_button.setText(_("Sign in"))
        # The first-use text is long: body size keeps the form whole at 1366x768.
        theme.set_role(self.explain, "body" if self._first_use else "lead")
        self.repeat.setVisible(self._first_use)
        self.code.setVisible(self._first_use)
        self._enable_first_use_fields()

    def _on_known(self, is_set: bool) -> None:
        self._first_use = not is_set
        self.retranslate()
        (self.code if self._first_use else self.password).setFocus()

    def _on_submit(self) -> None:
        from kiosk.domain.access import PASSWORDS_DIFFER

        services = self._services
        password = Secret(self.password.text())
        repeat = self.repeat.text()
        self.password.clear()
        self.repeat.clear()
        if not password.reveal():
            return
        if self._first_use:
            if password.reveal() != repeat:
                self._show_error(str(PASSWORDS_DIFFER()))
                return
            code = Secret(self.code.text())

            def work() -> Actor:
                return services.access.set_first_manager_password(
                    password=password, setup_code=code
                )

        else:

            def work() -> Actor:
                return services.access.sign_in_manager(password=password)

        self.message.setText(_("Checking…"))
        self.submit_button.setEnabled(False)
        self._slot.run(work, on_done=self._on_signed_in, on_error=self._on_failed, name="sign-in")

    def _on_signed_in(self, actor: Actor) -> None:
        self.submit_button.setEnabled(True)
        self.message.clear()
        self.signed_in.emit(actor)

    def _on_failed(self, exc: Exception) -> None:
        """Every failure is a message and the form works again (never a stuck "Checking…")."""
        from kiosk.domain.access import SIGN_IN_UNAVAILABLE, AccessError
        from kiosk.domain.messages import KioskError

        self.submit_button.setEnabled(True)
        if isinstance(exc, AccessError) and exc.code == "access.password_already_set":
            self.reset()
        if isinstance(exc, KioskError):
            self._show_error(str(exc))
            return
        _log.error("manager sign-in failed", exc_info=exc)
        self._show_error(str(SIGN_IN_UNAVAILABLE(reason=type(exc).__name__)))

    def _show_error(self, text: str) -> None:
        self.message.setText("⚠ " + text)
        self.password.setFocus()
