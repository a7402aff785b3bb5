"""Set-up step 1: where this PC keeps its data, this PC alone (empty or with the two
example markets) or the market's server."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import _
from kiosk.ui import theme
from kiosk.ui.setup.address import DEFAULT_PORT, ENCRYPTED, ServerFields

ALONE, SERVER = "alone", "server"
#: Narrower than this (portrait), "Encrypted connection" goes below the password.
STACK_BELOW = theme.GRID * 140


class WhereStep(QWidget):
    """Two large choices; for the first, what the PC starts with (no markets, the default
    for a real market, or the two example markets to try the app); for the second, the
    server's five fields, "Encrypted connection" (ticked: the README's server guide sets
    TLS up) and "Test connection".

    ``test_requested()`` when the test button is pressed; ``start_over_requested()``
    when a settings file that could not be read is to be set aside.
    """

    test_requested = Signal()
    start_over_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.GRID * 2)
        self.problem = QLabel()
        self.problem.setObjectName("setup-file-problem")
        self.problem.setProperty("role", "body")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.start_over = QPushButton()
        self.start_over.setObjectName("setup-start-over")
        self.start_over.clicked.connect(self.start_over_requested)
        self.problem_box = QWidget()
        problem_row = QHBoxLayout(self.problem_box)
        problem_row.setContentsMargins(0, 0, 0, 0)
        problem_row.addWidget(self.problem, 1)
        problem_row.addWidget(self.start_over, 0, Qt.AlignmentFlag.AlignTop)
        self.problem_box.setVisible(False)
        column.addWidget(self.problem_box)
        self.question = QLabel()
        self.question.setProperty("role", "heading")
        self.question.setWordWrap(True)
        column.addWidget(self.question)
        choices = QHBoxLayout()
        choices.setSpacing(theme.GRID * 2)
        self._group = QButtonGroup(self)
        self.alone = self._choice("setup-alone")
        self.server = self._choice("setup-server")
        for button in (self.alone, self.server):
            choices.addWidget(button, 1)
        column.addLayout(choices)
        self.start_box = self._build_start_box()
        column.addWidget(self.start_box)
        self.explain = QLabel()
        self.explain.setProperty("role", "body")
        self.explain.setWordWrap(True)
        column.addWidget(self.explain)
        self.server_box = self._build_server_box()
        column.addWidget(self.server_box)
        column.addStretch(1)
        self.alone.setChecked(True)
        self.empty.setChecked(True)
        self._group.buttonToggled.connect(lambda *_a: self._show_choice())
        self._start_group.buttonToggled.connect(lambda *_a: self._explain())
        self.retranslate()

    def _build_start_box(self) -> QWidget:
        """What "this PC alone" starts with: nothing, or the two example markets."""
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(theme.GRID * 2)
        self.start_question = QLabel()
        self.start_question.setProperty("role", "field")
        row.addWidget(self.start_question)
        self._start_group = QButtonGroup(self)
        self.empty = QPushButton()
        self.demo = QPushButton()
        for button, name in ((self.empty, "setup-start-empty"), (self.demo, "setup-start-demo")):
            button.setObjectName(name)
            button.setProperty("kind", "choice")
            button.setCheckable(True)
            self._start_group.addButton(button)
            row.addWidget(button, 1)
        return box

    def _choice(self, name: str) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.setProperty("kind", "choice-large")
        button.setCheckable(True)
        self._group.addButton(button)
        return button

    def _build_server_box(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(theme.GRID * 2)
        grid.setVerticalSpacing(theme.GRID)
        self.labels: dict[str, QLabel] = {}
        self.fields: dict[str, QLineEdit] = {}
        places = {"host": (0, 0), "port": (0, 2), "database": (1, 0), "user": (1, 2)}
        places["password"] = (2, 0)
        for name, (row, col) in places.items():
            label = QLabel()
            label.setProperty("role", "field")
            field = QLineEdit()
            field.setObjectName(f"setup-{name}")
            label.setBuddy(field)
            if name == "password":  # shares its cell (below); its label stays at the top
                grid.addWidget(label, row, col, Qt.AlignmentFlag.AlignTop)
            else:
                grid.addWidget(label, row, col)
                grid.addWidget(field, row, col + 1)
            self.labels[name], self.fields[name] = label, field
        self.fields["port"].setText(str(DEFAULT_PORT))
        self.fields["password"].setEchoMode(QLineEdit.EchoMode.Password)
        self.fields["password"].returnPressed.connect(self.test_requested)
        self.encrypted = QCheckBox()
        self.encrypted.setObjectName("setup-encrypted")
        self.encrypted.setProperty("kind", "large")
        self.encrypted.setChecked(True)
        # Beside the password in landscape (no row of its own: the result keeps the room
        # for two lines at 1366x768), below it when narrow (portrait).
        self._secret_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._secret_row.setSpacing(theme.GRID * 2)
        self._secret_row.addWidget(self.fields["password"], 1)
        self._secret_row.addWidget(self.encrypted)
        grid.addLayout(self._secret_row, 2, 1)
        self.test_button = QPushButton()
        self.test_button.setObjectName("setup-test")
        self.test_button.setProperty("kind", "primary")
        self.test_button.clicked.connect(self.test_requested)
        grid.addWidget(self.test_button, 2, 2, 1, 2, Qt.AlignmentFlag.AlignTop)
        self.result = QLabel()
        self.result.setObjectName("setup-test-result")
        self.result.setProperty("role", "lead")
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        grid.addWidget(self.result, 3, 0, 1, 4)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        return box

    def choice(self) -> str:
        return SERVER if self.server.isChecked() else ALONE

    def with_examples(self) -> bool:
        """Whether "this PC alone" starts with the two example markets (else with none)."""
        return self.alone.isChecked() and self.demo.isChecked()

    def server_fields(self) -> ServerFields:
        f = self.fields
        return ServerFields(
            host=f["host"].text(),
            port=f["port"].text(),
            database=f["database"].text(),
            user=f["user"].text(),
            password=f["password"].text(),
            encrypted=self.encrypted.isChecked(),
        )

    def show_file_problem(self, text: str) -> None:
        """A settings file that could not be read: what and where, and the way to start over."""
        self.problem.setText("⚠ " + text)
        self.problem_box.setVisible(bool(text))

    def show_result(self, text: str) -> None:
        self.result.setText(text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        wide = event.size().width() >= STACK_BELOW
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._secret_row.direction() != direction:
            self._secret_row.setDirection(direction)
        self.labels["password"].setMinimumHeight(self.fields["password"].sizeHint().height())
        super().resizeEvent(event)

    def _show_choice(self) -> None:
        self.server_box.setVisible(self.server.isChecked())
        self.start_box.setVisible(self.alone.isChecked())
        self._explain()

    def _explain(self) -> None:
        if self.server.isChecked():
            self.explain.setText(
                _("Type what the market office gave you, then press 'Test connection'.")
            )
        elif self.demo.isChecked():
            self.explain.setText(
                _(
                    "The data stays on this PC. It starts with two example markets with "
                    "invented stores, to try the app; you can change or remove them later. "
                    "Data already on this PC is kept."
                )
            )
        else:
            self.explain.setText(
                _(
                    "The data stays on this PC. It starts with no market: add your market "
                    "and its stores in Market manager, or import your Excel list. Data "
                    "already on this PC is kept."
                )
            )

    def retranslate(self) -> None:
        self.question.setText(_("Where does this PC keep the market's data?"))
        self.alone.setText(_("This PC alone"))
        self.server.setText(_("Join our market's server"))
        self.start_question.setText(_("Start with:"))
        self.empty.setText(_("No markets (our own market)"))
        self.demo.setText(_("Two example markets (to try)"))
        self.start_over.setText(_("Start the set-up again"))
        words = {
            "host": _("Server address"),
            "port": _("Port"),
            "database": _("Database"),
            "user": _("User name"),
            "password": _("Password"),
        }
        for name, text in words.items():
            self.labels[name].setText(text)
        self.encrypted.setText(_(ENCRYPTED))
        self.test_button.setText(_("Test connection"))
        self._show_choice()
