"""A number pad for PINs on a touch screen: 64 px keys, the digits hidden as they are typed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.domain.access import PIN_MAX_DIGITS
from kiosk.i18n import _
from kiosk.ui import theme

#: The keys in pad order, row by row; "del" shows as ←.
KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "del", "0", "OK")


class PinPad(QWidget):
    """A hidden PIN field with 0-9, ← (delete) and OK keys; ``submitted(pin)`` on OK or Enter.

    The typed PIN lives only in the field and is cleared after each submit.
    """

    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.GRID)
        self.field = QLineEdit()
        self.field.setObjectName("pin-field")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMaxLength(PIN_MAX_DIGITS)
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.field.returnPressed.connect(self.submit)
        column.addWidget(self.field)
        grid = QGridLayout()
        grid.setSpacing(theme.GRID)
        self.keys: dict[str, QPushButton] = {}
        for index, key in enumerate(KEYS):
            button = QPushButton("←" if key == "del" else key)
            button.setProperty("kind", "primary" if key == "OK" else "choice")
            button.setMinimumSize(theme.TOUCH_MERCHANT + theme.GRID * 4, theme.TOUCH_MERCHANT)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _checked=False, k=key: self._on_key(k))
            grid.addWidget(button, index // 3, index % 3)
            self.keys[key] = button
        column.addLayout(grid)
        self.retranslate()

    def retranslate(self) -> None:
        self.keys["OK"].setText(_("OK"))
        self.keys["del"].setAccessibleName(_("Delete the last digit"))
        self.field.setPlaceholderText(_("PIN"))

    def clear(self) -> None:
        self.field.clear()

    def submit(self) -> None:
        pin = self.field.text()
        self.field.clear()
        if pin:
            self.submitted.emit(pin)

    def _on_key(self, key: str) -> None:
        if key == "del":
            self.field.backspace()
        elif key == "OK":
            self.submit()
        elif len(self.field.text()) < PIN_MAX_DIGITS:
            self.field.insert(key)
