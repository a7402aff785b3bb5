"""Onboarding overview: "4 of 11 steps done" with a bar, the next step first, then every step."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.onboarding.progress import StoreOnboarding
from kiosk.domain.onboarding.status import StepStatus
from kiosk.i18n import _, current_locale
from kiosk.ui import theme
from kiosk.ui.onboarding.style import (
    count_text,
    onboarding_stylesheet,
    set_message,
    status_text,
)
from kiosk.ui.widgets.layout_items import clear_layout
from kiosk.ui.widgets.proof_prompt import ProofPrompt

SCREEN = "onboarding-overview"


class OnboardingOverviewScreen(QWidget):
    """One store's checklist at a glance; every button is a 64 px target.

    ``step_requested(key)`` opens a step; ``undo_requested`` undoes the last
    change (the flow knows it); ``report_requested`` prints the progress report.
    """

    step_requested = Signal(str)
    undo_requested = Signal()
    report_requested = Signal()
    sign_out_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(SCREEN)
        self.setStyleSheet(onboarding_stylesheet())
        self._state: StoreOnboarding | None = None
        self._undo_text = ""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(theme.GRID * 5, theme.GRID * 2, theme.GRID * 5, theme.GRID * 2)
        outer.setSpacing(theme.GRID * 2)
        outer.addLayout(self._build_top())
        outer.addLayout(self._build_progress())
        outer.addWidget(self._build_next_card())
        self.undo_prompt = ProofPrompt()  # undoing a code change asks for the PIN again
        outer.addWidget(self.undo_prompt)
        outer.addLayout(self._build_status_row())
        self.list_title = QLabel()
        self.list_title.setProperty("role", "field")
        outer.addWidget(self.list_title)
        outer.addWidget(self._build_step_list(), 1)
        self.step_buttons: dict[str, QPushButton] = {}
        self.retranslate()

    def _build_top(self) -> QHBoxLayout:
        """The store's name, the report and sign out."""
        top = QHBoxLayout()
        top.setSpacing(theme.GRID * 3)
        self.store_label = QLabel()
        self.store_label.setObjectName("onboarding-store-name")
        self.store_label.setProperty("role", "heading")
        self.store_label.setWordWrap(True)
        self.report_button = QPushButton()
        self.report_button.setObjectName("onboarding-report")
        self.report_button.clicked.connect(self.report_requested)
        self.sign_out_button = QPushButton()
        self.sign_out_button.setObjectName("onboarding-sign-out")
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        top.addWidget(self.store_label, 1)
        top.addWidget(self.report_button)
        top.addWidget(self.sign_out_button)
        return top

    def _build_progress(self) -> QHBoxLayout:
        """How many steps are done, in words and as a bar."""
        progress_row = QHBoxLayout()
        progress_row.setSpacing(theme.GRID * 3)
        self.count_label = QLabel()
        self.count_label.setObjectName("onboarding-count")
        self.count_label.setProperty("role", "heading")
        self.count_label.setWordWrap(True)  # the count with its note is long in Japanese
        self.bar = QProgressBar()
        self.bar.setObjectName("onboarding-bar")
        self.bar.setTextVisible(False)
        progress_row.addWidget(self.count_label)
        progress_row.addWidget(self.bar, 1)
        return progress_row

    def _build_next_card(self) -> QFrame:
        """The next step to do: its title, why, and the button that starts it."""
        self.next_card = QFrame()
        self.next_card.setObjectName("onboarding-next")
        self.next_card.setProperty("surface", "card")
        card = QHBoxLayout(self.next_card)
        pad = theme.GRID * 3
        card.setContentsMargins(pad, pad, pad, pad)
        card.setSpacing(theme.GRID * 3)
        texts = QVBoxLayout()
        texts.setSpacing(theme.GRID)
        self.next_caption = QLabel()
        self.next_caption.setProperty("role", "field")
        self.next_title = QLabel()
        self.next_title.setObjectName("onboarding-next-title")
        self.next_title.setProperty("role", "heading")
        self.next_title.setWordWrap(True)
        self.next_why = QLabel()
        self.next_why.setProperty("role", "lead")
        self.next_why.setWordWrap(True)
        texts.addWidget(self.next_caption)
        texts.addWidget(self.next_title)
        texts.addWidget(self.next_why)
        self.start_button = QPushButton()
        self.start_button.setObjectName("onboarding-start-next")
        self.start_button.setProperty("kind", "primary")
        self.start_button.clicked.connect(self._on_start_next)
        card.addLayout(texts, 1)
        card.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignVCenter)
        return self.next_card

    def _build_status_row(self) -> QHBoxLayout:
        """The message line and Undo (after a save)."""
        status_row = QHBoxLayout()
        self.message = QLabel()
        self.message.setObjectName("onboarding-overview-message")
        self.message.setProperty("role", "lead")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.undo_button = QPushButton()
        self.undo_button.setObjectName("onboarding-undo")
        self.undo_button.clicked.connect(self.undo_requested)
        self.undo_button.hide()
        status_row.addWidget(self.message, 1)
        status_row.addWidget(self.undo_button)
        return status_row

    def _build_step_list(self) -> QScrollArea:
        """The steps, a button each (filled by ``show_state``), in a scroll area."""
        holder = QWidget()
        self._list = QVBoxLayout(holder)
        self._list.setContentsMargins(0, 0, theme.GRID, 0)
        self._list.setSpacing(theme.GRID)
        self._list.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(holder)
        return scroll

    # Data ------------------------------------------------------------------------------------
    def state(self) -> StoreOnboarding | None:
        return self._state

    def show_state(self, state: StoreOnboarding) -> None:
        self._state = state
        self._rebuild()

    def show_message(self, text: str, kind: str = "") -> None:
        set_message(self.message, text, kind)

    def set_undo(self, text: str) -> None:
        """Offer "Undo: <what>" (empty text hides the button)."""
        self._undo_text = text
        self.undo_button.setVisible(bool(text))
        self.undo_button.setText(_("Undo") + (f": {text}" if text else ""))

    def retranslate(self) -> None:
        self.report_button.setText(_("Print my report"))
        self.sign_out_button.setText(_("Sign out"))
        self.next_caption.setText(_("Next step"))
        self.list_title.setText(_("All steps"))
        self.undo_prompt.retranslate()
        self.set_undo(self._undo_text)
        self._rebuild()

    # Building ----------------------------------------------------------------------------------
    def _rebuild(self) -> None:
        clear_layout(self._list, keep=1)  # the closing stretch stays
        self.step_buttons.clear()
        state = self._state
        if state is None:
            self.store_label.setText("")
            self.count_label.setText("")
            self.next_card.hide()
            return
        loc = current_locale()
        store = state.store
        self.store_label.setText(f"{store.stall_number}  {store.name.get(loc)}")
        counted = state.tally()
        self.count_label.setText(count_text(counted))
        self.bar.setRange(0, max(1, counted.applicable))
        self.bar.setValue(counted.done)
        self.bar.setAccessibleName(self.count_label.text())
        upcoming = state.next_step()
        if upcoming is None:
            self.next_caption.setText(_("All done"))
            self.next_title.setText(_("Every step is done. Well done!"))
            self.next_why.setText(_("Print your report and show it at the market office."))
            self.start_button.hide()
        else:
            self.next_caption.setText(_("Next step"))
            self.next_title.setText(upcoming.title.get(loc))
            self.next_why.setText(upcoming.why.get(loc))
            self.start_button.setText(_("Start this step") + "  ›")
            self.start_button.show()
        self.next_card.show()
        states = state.states
        for step in state.checklist.steps:
            status, number = states[step.key], state.checklist.number(step.key)
            button = QPushButton(f"{number}. {step.title.get(loc)}    {status_text(status)}")
            button.setObjectName(f"onboarding-step-{step.key}")
            button.setProperty("kind", "choice" if status is StepStatus.DONE else "")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setStyleSheet("text-align: left;")
            button.clicked.connect(lambda _c=False, key=step.key: self.step_requested.emit(key))
            self._list.insertWidget(self._list.count() - 1, button)
            self.step_buttons[step.key] = button

    def _on_start_next(self) -> None:
        state = self._state
        upcoming = state.next_step() if state is not None else None
        if upcoming is not None:
            self.step_requested.emit(upcoming.key)
