"""The manager's way out of kiosk mode: password, then "leave kiosk mode" or "another mode"."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from kiosk.domain.access import Actor, Secret
from kiosk.i18n import _
from kiosk.services.app import Services
from kiosk.ui import theme
from kiosk.ui.ops import OpSlot

_log = logging.getLogger(__name__)

LEAVE = "leave"
OTHER_MODE = "other-mode"


class UnlockDialog(QDialog):
    """Asks for the manager password (``services.access.sign_in_manager``, throttled there).

    ``unlocked(choice)`` fires with ``LEAVE`` or ``OTHER_MODE`` once the password
    is right; a wrong one shows the service's message and the dialog stays.
    """

    unlocked = Signal(str)

    def __init__(self, services: Services, parent: QDialog | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk-unlock")
        self.setModal(True)
        self._services = services
        self._slot = OpSlot(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.GRID * 5, theme.GRID * 4, theme.GRID * 5, theme.GRID * 4)
        layout.setSpacing(theme.GRID * 2)
        self.title = QLabel(_("Manager password"))
        self.title.setProperty("role", "heading")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setObjectName("kiosk-unlock-password")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setProperty("role", "muted")
        self.leave_button = QPushButton(_("Leave kiosk mode"))
        self.other_button = QPushButton(_("Open another mode"))
        self.cancel_button = QPushButton(_("Cancel"))
        self.leave_button.setProperty("kind", "primary")
        self.leave_button.clicked.connect(lambda: self._submit(LEAVE))
        self.other_button.clicked.connect(lambda: self._submit(OTHER_MODE))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.cancel_button, self.other_button, self.leave_button):
            buttons.addWidget(button)
        for widget in (self.title, self.password, self.message):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        self.password.setFocus()

    def _submit(self, choice: str) -> None:
        password = Secret(self.password.text())
        self.password.clear()
        if not password.reveal():
            return
        services = self._services

        def work() -> Actor:
            return services.access.sign_in_manager(password=password)

        def done(actor: Actor) -> None:
            services.access.sign_out(actor)  # the gesture opens no lasting session
            self.message.clear()
            self.unlocked.emit(choice)
            self.accept()

        self.message.setText(_("Checking…"))
        self._set_busy(True)
        self._slot.run(work, on_done=done, on_error=self._on_failed, name="kiosk-unlock")

    def _on_failed(self, exc: Exception) -> None:
        from kiosk.domain.access import SIGN_IN_UNAVAILABLE
        from kiosk.domain.messages import KioskError

        self._set_busy(False)
        if isinstance(exc, KioskError):
            self.message.setText("⚠ " + str(exc))
        else:
            _log.error("kiosk unlock failed", exc_info=exc)
            self.message.setText("⚠ " + str(SIGN_IN_UNAVAILABLE(reason=type(exc).__name__)))
        self.password.setFocus()

    def _set_busy(self, busy: bool) -> None:
        for button in (self.leave_button, self.other_button):
            button.setEnabled(not busy)
