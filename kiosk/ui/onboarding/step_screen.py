"""One onboarding step per screen: why, how, what to bring, the official page, what it records.

The status choice, Save and "Next step" stay at the bottom, always in view
(the details scroll above them); every change is saved at once, at the
version that was shown, and can be undone. Leaving with a change not saved
saves it (or, when it needs the PIN, asks first): ``is_dirty``.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.onboarding.checklist import Step
from kiosk.domain.onboarding.progress import StoreOnboarding
from kiosk.domain.onboarding.status import STATUS_LABELS, StepStatus
from kiosk.domain.qr.symbols import QrSpec
from kiosk.i18n import _, current_locale
from kiosk.services.values import StepDraft
from kiosk.ui import theme
from kiosk.ui.onboarding.record_fields import Entered, RecordFields, RecordRefused
from kiosk.ui.onboarding.style import onboarding_stylesheet, set_message
from kiosk.ui.widgets.back_button import BackButton
from kiosk.ui.widgets.proof_prompt import ProofPrompt
from kiosk.ui.widgets.qr_card import QrCard
from kiosk.ui.widgets.unsaved_question import UnsavedQuestion

SCREEN = "onboarding-step"
#: Side of the official page's code.
PAGE_CODE_SIDE = 176
#: Narrower than this (a portrait screen) the status buttons and Save / Next take two rows.
STATUS_BAR_ONE_ROW = 1200


@dataclass(frozen=True, slots=True)
class StepEntry:
    """A save asked for: which step, the draft and (for the two code steps) the checked code."""

    key: str
    draft: StepDraft
    entered: Entered


class OnboardingStepScreen(QWidget):
    """Shows ``step`` of ``state``; ``save_requested(StepEntry)`` when Save is pressed.

    The flow saves and calls ``show_saved`` / ``show_problem``; ``prompt`` asks for
    the PIN a code step needs (the flow wires it: ``SignedInFlow.ask_proof``).
    ``back_requested`` and ``next_requested`` go to the flow, which saves a change
    not saved yet first (or asks with ``leave_question``).
    """

    save_requested = Signal(object)
    back_requested = Signal()
    next_requested = Signal(str)
    undo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(SCREEN)
        self.setStyleSheet(onboarding_stylesheet())
        self._state: StoreOnboarding | None = None
        self._step: Step | None = None
        self._status = StepStatus.TODO
        self._undo_text = ""
        self._shown: tuple[object, ...] = ()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(theme.GRID * 5, theme.GRID * 2, theme.GRID * 5, theme.GRID * 2)
        outer.setSpacing(theme.GRID * 2)
        outer.addLayout(self._build_top())
        outer.addWidget(self._build_body(), 1)
        self.prompt = ProofPrompt()
        outer.addWidget(self.prompt)
        self.leave_question = UnsavedQuestion("onboarding-leave")
        outer.addWidget(self.leave_question)
        outer.addLayout(self._build_message_row())
        outer.addLayout(self._build_status_bar())
        self.retranslate()

    def _build_top(self) -> QHBoxLayout:
        """Back to all steps, the step's number and title."""
        top = QHBoxLayout()
        top.setSpacing(theme.GRID * 3)
        self.back_button = BackButton(self.back_requested)
        self.back_button.setObjectName("onboarding-all-steps")
        self.number_label = QLabel()
        self.number_label.setObjectName("onboarding-step-number")
        self.number_label.setProperty("role", "field")
        self.title_label = QLabel()
        self.title_label.setObjectName("onboarding-step-title")
        self.title_label.setProperty("role", "heading")
        self.title_label.setWordWrap(True)
        top.addWidget(self.back_button)
        top.addWidget(self.number_label)
        top.addWidget(self.title_label, 1)
        return top

    def _build_body(self) -> QScrollArea:
        """Why, what the step records, how and what to bring beside the page's code."""
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, theme.GRID * 2, 0)
        column.setSpacing(theme.GRID * 2)
        self.why_label = QLabel()
        self.why_label.setObjectName("onboarding-why")
        self.why_label.setProperty("role", "lead")
        self.why_label.setWordWrap(True)
        self.meta_label = QLabel()
        self.meta_label.setProperty("role", "muted")
        self.meta_label.setWordWrap(True)
        self.how_label = QLabel()
        self.how_label.setObjectName("onboarding-how")
        self.how_label.setProperty("role", "lead")
        self.how_label.setWordWrap(True)
        self.bring_label = QLabel()
        self.bring_label.setObjectName("onboarding-bring")
        self.bring_label.setProperty("role", "lead")
        self.bring_label.setWordWrap(True)
        for label in (self.why_label, self.meta_label, self.how_label, self.bring_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
        # What the step records comes right under "why", so it is in view at 1366x768;
        # then how to do it and what to bring, beside the official page's code.
        self.fields = RecordFields(self)
        column.addWidget(self.why_label)
        column.addWidget(self.fields.record_part)
        facts = QHBoxLayout()
        facts.setSpacing(theme.GRID * 4)
        texts = QVBoxLayout()
        texts.setSpacing(theme.GRID * 2)
        for label in (self.meta_label, self.how_label, self.bring_label):
            texts.addWidget(label)
        facts.addLayout(texts, 1)
        page = QVBoxLayout()
        page.setSpacing(theme.GRID)
        self.page_title = QLabel()
        self.page_title.setProperty("role", "field")
        self.page_card = QrCard(image_side=PAGE_CODE_SIDE, framed=False)
        self.page_card.setObjectName("onboarding-page-code")
        # The guide page's code sits under the step's own fields and may be scrolled to at
        # 1366x768 (self-test: kiosk.qa.checks.SECONDARY_CODE); the step's code stays in view.
        self.page_card.setProperty("secondary-code", True)
        page.addWidget(self.page_title)
        page.addWidget(self.page_card)
        page.addStretch(1)
        facts.addLayout(page)
        column.addLayout(facts)
        column.addWidget(self.fields.entries_part)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        self.body_scroll = scroll
        return scroll

    def _build_message_row(self) -> QHBoxLayout:
        """The message line and Undo (after a save)."""
        message_row = QHBoxLayout()
        self.message = QLabel()
        self.message.setObjectName("onboarding-step-message")
        self.message.setProperty("role", "lead")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.undo_button = QPushButton()
        self.undo_button.setObjectName("onboarding-step-undo")
        self.undo_button.clicked.connect(self.undo_requested)
        self.undo_button.hide()
        message_row.addWidget(self.message, 1)
        message_row.addWidget(self.undo_button)
        return message_row

    def _build_status_bar(self) -> QHBoxLayout:
        """A button per status, then Save and Next."""
        bar = QHBoxLayout()
        bar.setSpacing(theme.GRID * 2)
        self._status_bar = bar  # two rows on a narrow (portrait) screen: see resizeEvent
        statuses, actions = QHBoxLayout(), QHBoxLayout()
        for row in (statuses, actions):
            row.setSpacing(theme.GRID * 2)
            bar.addLayout(row)
        bar.setStretch(1, 1)
        self.status_group = QButtonGroup(self)
        self.status_buttons: dict[StepStatus, QPushButton] = {}
        for status in StepStatus:
            button = QPushButton()
            button.setObjectName(f"onboarding-status-{status.value}")
            button.setProperty("kind", "choice")
            button.setCheckable(True)
            button.clicked.connect(lambda _c=False, s=status: self.choose_status(s))
            self.status_group.addButton(button)
            self.status_buttons[status] = button
            statuses.addWidget(button)
        actions.addStretch(1)
        self.save_button = QPushButton()
        self.save_button.setObjectName("onboarding-save")
        self.save_button.setProperty("kind", "primary")
        self.save_button.clicked.connect(self.request_save)
        self.next_button = QPushButton()
        self.next_button.setObjectName("onboarding-next-step")
        self.next_button.clicked.connect(self._on_next)
        actions.addWidget(self.save_button)
        actions.addWidget(self.next_button)
        return bar

    def resizeEvent(self, event: QResizeEvent) -> None:
        narrow = event.size().width() < STATUS_BAR_ONE_ROW
        self._status_bar.setDirection(
            QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        )
        super().resizeEvent(event)

    # Data ------------------------------------------------------------------------------------
    def step(self) -> Step | None:
        return self._step

    def state(self) -> StoreOnboarding | None:
        return self._state

    def show_step(self, state: StoreOnboarding, key: str) -> None:
        """Show step *key* of *state* with the saved values in the fields."""
        step = state.checklist.get(key)
        if step is None:
            return
        self._state, self._step = state, step
        self._status = state.states[key]
        self.fields.show_step(step, state)
        self.prompt.close_prompt()
        self.leave_question.hide()
        set_message(self.message, "")
        self._fill()
        self.body_scroll.verticalScrollBar().setValue(0)
        self._shown = self._snapshot()

    def is_dirty(self) -> bool:
        """True when the status or a field differs from what was shown (a change not saved)."""
        return self._step is not None and self._snapshot() != self._shown

    def _snapshot(self) -> tuple[object, ...]:
        fields = self.fields
        return (
            self._status,
            fields.record_edit.text(),
            fields.payload_edit.toPlainText(),
            fields.owner_edit.text(),
            fields.note_edit.text(),
            fields.helper_edit.text(),
        )

    def rebase(self, state: StoreOnboarding) -> None:
        """Take a fresher *state* to save against, keeping what is typed in the fields."""
        self._state = state
        self._fill()

    def choose_status(self, status: StepStatus) -> None:
        self._status = status
        self._label_status_buttons()

    def chosen_status(self) -> StepStatus:
        return self._status

    def entry(self) -> StepEntry | None:
        """What Save would save, or None (the record field is refused; its reason is shown)."""
        step = self._step
        if step is None:
            return None
        try:
            entered = self.fields.entered()
        except RecordRefused:
            set_message(self.message, _("Please check the field marked above."), "error")
            return None
        draft = StepDraft(
            status=self._status,
            note=entered.note,
            helper=entered.helper,
            account_owner=entered.account_owner,
            link=entered.link,
        )
        return StepEntry(step.key, draft, entered)

    def request_save(self) -> None:
        entry = self.entry()
        if entry is not None:
            set_message(self.message, _("Saving…"))
            self.save_requested.emit(entry)

    def show_saved(self, state: StoreOnboarding, text: str) -> None:
        key = self._step.key if self._step is not None else ""
        self.show_step(state, key)
        set_message(self.message, text, "ok")

    def show_problem(self, text: str) -> None:
        set_message(self.message, text, "error")

    def show_done(self, text: str) -> None:
        set_message(self.message, text, "ok")

    def ask_leave(self, *, can_save: bool) -> None:
        """Ask before leaving a change that needs the PIN, or one that cannot be saved."""
        self.leave_question.ask(
            _("You changed this step and it is not saved yet. Changing the code asks for your PIN.")
            if can_save
            else _("You changed this step, but the field marked above cannot be saved as it is."),
            can_save=can_save,
        )

    def set_undo(self, text: str) -> None:
        self._undo_text = text
        self.undo_button.setVisible(bool(text))
        self.undo_button.setText(_("Undo") + (f": {text}" if text else ""))

    def retranslate(self) -> None:
        self.back_button.setText("‹  " + _("All steps"))
        self.save_button.setText(_("Save"))
        self.next_button.setText(_("Next step") + "  ›")
        self.page_title.setText(_("Official page: scan with your phone"))
        self.fields.retranslate()
        self.prompt.retranslate()
        self.leave_question.retranslate()
        self.set_undo(self._undo_text)
        self.page_card.retranslate()
        self._fill()

    # Building ----------------------------------------------------------------------------------
    def _fill(self) -> None:
        state, step, loc = self._state, self._step, current_locale()
        if state is None or step is None:
            return
        # The step's number as in the list of all steps; the count of steps done is the
        # overview's ("8 of 10 steps done"), never a second total here.
        self.number_label.setText(_("Step {n}").format(n=state.checklist.number(step.key)))
        self.title_label.setText(step.title.get(loc))
        self.why_label.setText(step.why.get(loc))
        meta = [_("About {minutes} minutes").format(minutes=step.minutes)]
        if step.programme is not None:
            meta.append(_("Support: {programme}").format(programme=step.programme.name.get(loc)))
        self.meta_label.setText("   ·   ".join(meta))
        how = [f"{n}. {sub.get(loc)}" for n, sub in enumerate(step.substeps, start=1)]
        self.how_label.setText("\n".join([_("How:"), *how]) if how else "")
        self.how_label.setVisible(bool(how))
        bring = [f"•  {doc.get(loc)}" for doc in step.documents]
        self.bring_label.setText("\n".join([_("Bring:"), *bring]) if bring else "")
        self.bring_label.setVisible(bool(bring))
        if step.url:
            self.page_card.show_spec(QrSpec(step.url, "M"), step.url)
        else:
            self.page_card.show_message(_("This step is done in this app."))
        self._label_status_buttons()
        upcoming = _after(state, step.key)
        self.next_button.setVisible(upcoming is not None)

    def _label_status_buttons(self) -> None:
        """The chosen status carries "▶" besides its colour (never colour alone)."""
        for status, button in self.status_buttons.items():
            chosen = status is self._status
            button.setChecked(chosen)
            button.setText(("▶ " if chosen else "") + _(STATUS_LABELS[status]))

    def _on_next(self) -> None:
        state, step = self._state, self._step
        if state is None or step is None:
            return
        upcoming = _after(state, step.key)
        if upcoming is not None:
            self.next_requested.emit(upcoming.key)


def _after(state: StoreOnboarding, key: str) -> Step | None:
    """The step to go to after *key*: the recommended next one, else the following one."""
    recommended = state.next_step()
    if recommended is not None and recommended.key != key:
        return recommended
    steps = state.checklist.steps
    index = state.checklist.index(key)
    return steps[index + 1] if index + 1 < len(steps) else None
