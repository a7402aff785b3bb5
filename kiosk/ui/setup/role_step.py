"""Set-up step 2: what this PC is (tourist kiosk, a stall's PC, the office) and its market."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.i18n import _
from kiosk.ui import theme
from kiosk.ui.widgets.store_picker import StorePicker

#: The roles as the settings file names them (``kiosk.settings.ROLES``).
ROLES = ("kiosk", "stall", "office")


class RoleStep(QWidget):
    """Three large choices, then the home market (and, for a stall's PC, the stall).

    It holds no data access: the set-up screen fills ``picker`` and listens to
    ``market_changed(slug)`` to list that market's stalls.
    """

    market_changed = Signal(str)
    role_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._no_markets = False
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.GRID * 2)
        self.question = QLabel()
        self.question.setProperty("role", "heading")
        self.question.setWordWrap(True)
        column.addWidget(self.question)
        self._group = QButtonGroup(self)
        self.buttons: dict[str, QPushButton] = {}
        choices = QVBoxLayout()  # one group, closer together: the whole step fits 1366x768
        choices.setSpacing(theme.GRID)
        column.addLayout(choices)
        for role in ROLES:
            button = QPushButton()
            button.setObjectName(f"setup-role-{role}")
            button.setProperty("kind", "choice-large")
            button.setCheckable(True)
            self._group.addButton(button)
            self.buttons[role] = button
            choices.addWidget(button)
        self.buttons["kiosk"].setChecked(True)
        self._group.buttonToggled.connect(self._on_role_toggled)
        self.market_question = QLabel()
        self.market_question.setProperty("role", "lead")
        self.market_question.setWordWrap(True)
        column.addWidget(self.market_question)
        self.picker = StorePicker()
        self.picker.setObjectName("setup-home")
        self.picker.market_changed.connect(self.market_changed)
        column.addWidget(self.picker)
        self.message = QLabel()
        self.message.setObjectName("setup-role-message")
        self.message.setProperty("role", "lead")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setVisible(False)
        column.addWidget(self.message)
        column.addStretch(1)
        self.retranslate()

    def role(self) -> str:
        for role, button in self.buttons.items():
            if button.isChecked():
                return role
        return ROLES[0]

    def market(self) -> str | None:
        return self.picker.current_market()

    def stall(self) -> str | None:
        """The chosen stall's number (a stall's PC only), None when none is chosen."""
        if self.role() != "stall":
            return None
        store_id = self.picker.current_store_id()
        for store in self.picker.stores():
            if store.id == store_id:
                return store.stall_number
        return None

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _on_role_toggled(self, _button: object, checked: bool) -> None:
        if checked:
            self._show_role()
            self.role_changed.emit()

    def set_no_markets(self, none: bool) -> None:
        """Whether the database has no market yet: then the step says so (in every language)."""
        self._no_markets = none
        self._show_role()

    def _show_role(self) -> None:
        stall = self.role() == "stall"
        self.picker.store_title.setVisible(stall)
        self.picker.store_box.setVisible(stall)
        self.show_message(
            _("No markets yet: the market office adds them in Market manager.")
            if self._no_markets
            else ""
        )
        self.market_question.setText(
            _("Which market and stall is this PC at? Type or choose the stall number or name.")
            if stall
            else _("Which market does this PC show first?")
        )

    def retranslate(self) -> None:
        self.question.setText(_("What is this PC?"))
        self.buttons["kiosk"].setText(_("A screen for visitors (tourist kiosk)"))
        self.buttons["stall"].setText(_("A stall's own PC"))
        self.buttons["office"].setText(_("The market office's PC"))
        self.picker.retranslate()
        line = self.picker.store_box.lineEdit()
        if line is not None:  # Qt draws a combo box's hint at 3.3:1: the question says it
            line.setPlaceholderText("")
        self._show_role()
