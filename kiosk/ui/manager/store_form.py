"""The store form: one store's listing and goods, checked as typed, undo, saved at its version."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QWidget

from kiosk.domain.access import Actor, CodeProof
from kiosk.domain.listing import StoreDetail
from kiosk.domain.store_edit.changes import changes_between, rebase, touches_codes
from kiosk.domain.store_edit.draft import Problem, StoreDraft, draft_from, empty_draft
from kiosk.i18n import _, current_locale
from kiosk.services.app import Services
from kiosk.ui import ops, theme
from kiosk.ui.manager import store_form_values as values
from kiosk.ui.manager.page_frame import ManagerPage
from kiosk.ui.manager.store_form_fields import StoreFormFields
from kiosk.ui.widgets.proof_prompt import ProofPrompt
from kiosk.ui.widgets.unsaved_question import UnsavedQuestion

SCREEN = "manager-store-form"
#: A pause in typing this long makes one undo step.
UNDO_PAUSE_MS = 700


class StoreFormScreen(StoreFormFields, ManagerPage):
    """Edit one store (or a new one) for the signed-in actor.

    Every change is checked at once (the problem is written under its field);
    Save says why it is disabled; Undo steps back one change; a save made
    elsewhere meanwhile is refused by the services with what changed there, and
    "Reload" puts this form's changes on top of it. ``saved(StoreDetail)``.
    Leaving with changes not saved (back, a page, sign out) asks first.
    """

    saved = Signal(object)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(SCREEN, "stores", parent, side=theme.GRID * 4, spacing=theme.GRID)
        self._services = services
        self._actor: Actor | None = None
        self._market: str = ""
        self._base: StoreDetail | None = None
        self._history: list[Any] = []
        self._filling = False
        self._saving = False
        self._gone = False
        self._problems: list[Problem] = []
        self._clean: Any = None  # the fields as loaded or last saved
        self._then: Callable[[], None] | None = None  # the way out, once saved
        self._save_op = ops.OpSlot(self)
        self._pin_op = ops.OpSlot(self)
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.setInterval(UNDO_PAUSE_MS)
        self._undo_timer.timeout.connect(self._remember)
        body = QWidget()
        columns = QHBoxLayout(body)
        columns.setContentsMargins(0, 0, theme.GRID, 0)
        columns.setSpacing(theme.GRID * 4)
        columns.addLayout(self.build_left(), 3)
        columns.addLayout(self.build_right(), 2)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(body)
        self.stack_below(columns, theme.GRID * 175)  # goods and hours under, up to 1366 px
        self.add(self.scroll_area, 1)
        self.prompt = ProofPrompt()
        self.add(self.prompt)
        self.leave_question = UnsavedQuestion("store-form-leave")
        self.add(self.leave_question)
        self.add(self.build_save_bar())
        self.header.leave_guard = self.leave
        self._connect()
        self.retranslate()

    def _connect(self) -> None:
        """Every edit is checked (and makes an undo step); the buttons act."""
        for code in self.names:
            self.names[code].textChanged.connect(self._on_edited)
            self.descriptions[code].textChanged.connect(self._on_edited)
        for box in self.methods.values():
            box.toggled.connect(self._on_edited)
        self.goods.edited.connect(self._on_edited)
        self.hours.edited.connect(self._on_edited)
        for edit in (self.stall, self.phone, self.kakao, self.payment):
            edit.textChanged.connect(self._on_edited)
        self.category.currentIndexChanged.connect(self._on_edited)
        self.active.toggled.connect(self._on_edited)
        self.pin_button.clicked.connect(self.set_pin)
        self.prompt.confirmed.connect(self._on_proof)
        self.prompt.cancelled.connect(self._stay)
        self.leave_question.save_chosen.connect(self.save)
        self.leave_question.discard_chosen.connect(self._go)
        self.leave_question.cancelled.connect(self._stay)
        self.undo_button.clicked.connect(self.undo)
        self.reload_button.clicked.connect(self.reload_keeping_changes)
        self.save_button.clicked.connect(self._on_save_clicked)

    # Loading -------------------------------------------------------------------------------
    def set_actor(self, actor: Actor | None) -> None:
        self._actor = actor
        if actor is None:
            self._stay()
        self._update_state()

    def is_dirty(self) -> bool:
        """True when a field differs from the store as loaded or last saved."""
        return self._clean is not None and self._capture() != self._clean

    def leave(self, go: Callable[[], None]) -> None:
        """Go (*go*) unless a change is not saved: then ask to save it, leave it or stay."""
        if self._actor is None or not self.is_dirty():
            go()
            return
        self._then = go
        can_save = self.save_blocker() == ""
        self.leave_question.ask(
            _("This store's changes are not saved yet.")
            if can_save
            else _("This store's changes are not saved, and the marked fields cannot be saved."),
            can_save=can_save,
        )

    def _go(self) -> None:
        go, self._then = self._then, None
        self.leave_question.hide()
        if go is not None:
            go()

    def _stay(self) -> None:
        self._then = None
        self.leave_question.hide()

    def base(self) -> StoreDetail | None:
        return self._base

    def edit_store(self, store: StoreDetail) -> None:
        """Show *store* as loaded (its version is what a save will expect)."""
        self._base, self._market, self._gone = store, store.market_slug, False
        self._start(draft_from(store))

    def new_store(self, market_slug: str) -> None:
        self._base, self._market, self._gone = None, market_slug, False
        self._start(empty_draft())

    def _start(self, draft: StoreDraft) -> None:
        self.prompt.close_prompt()
        self.pin_message.clear()
        for widget in (self.pin_title, self.pin, self.pin_button):
            widget.setVisible(self._base is not None)
        base_id = self._base.id if self._base is not None else None
        self.wait_button.show_for(self._services, self._actor, base_id)
        self.reload_button.hide()
        self.status.clear()
        self.fill(draft)
        self._history = [self._capture()]
        self._clean = self._history[0]
        self._stay()
        self._check()
        self.retranslate()
        self.scroll_area.verticalScrollBar().setValue(0)

    def fill(self, draft: StoreDraft) -> None:
        """Put *draft* into the fields (no edit signals)."""
        self._filling = True
        try:
            values.fill(self, draft)
        finally:
            self._filling = False

    # The draft -------------------------------------------------------------------------------
    def draft(self) -> tuple[StoreDraft | None, list[Problem]]:
        """The fields as a draft, and every problem (parsing and the domain's checks)."""
        return values.read_draft(self, self._base)

    def problems(self) -> list[Problem]:
        return list(self._problems)

    def has_changes(self) -> bool:
        draft, _problems = self.draft()
        if self._base is None:
            return True
        if draft is None:
            return True
        from kiosk.domain.store_edit.checks import cleaned

        return bool(changes_between(draft_from(self._base), cleaned(draft)))

    # Actions ---------------------------------------------------------------------------------
    def undo(self) -> bool:
        """Step back one change; False when there is nothing to undo."""
        self._undo_timer.stop()
        self._remember()
        if len(self._history) < 2:
            return False
        self._history.pop()
        self._restore(self._history[-1])
        self._check()
        return True

    def save(self, proof: CodeProof | None = None) -> None:
        """Save in the background; a code change asks for the manager password first."""
        self._undo_timer.stop()
        self._remember()
        draft, problems = self.draft()
        services, actor = self._services, self._actor
        if draft is None or problems or actor is None or self._saving:
            self._check()
            return
        base = self._base
        if proof is None and (
            (base is not None and touches_codes(draft_from(base), values.codes_cleaned(draft)))
            or (base is None and (draft.kakao.strip() or draft.payment.strip()))
        ):
            self.prompt.ask(kind="password")
            return
        market = self._market
        self._saving = True
        self._update_state()
        self.status.setText(_("Saving…"))

        def work() -> StoreDetail:
            return services.listings.save_store(
                actor=actor, market_slug=market, base=base, draft=draft, proof=proof
            )

        self._save_op.run(work, on_done=self._on_saved, on_error=self._on_save_failed, name="save")

    def reload_keeping_changes(self) -> None:
        """Load what was saved elsewhere and put this form's changes on top of it."""
        services, base = self._services, self._base
        if base is None:
            return
        mine, _problems = self.draft()

        def work() -> StoreDetail:
            return services.directory.get_store(store_id=base.id)

        def done(theirs: StoreDetail) -> None:
            merged = rebase(draft_from(base), mine, draft_from(theirs)) if mine else None
            self._base = theirs
            self.reload_button.hide()
            if merged is None:
                self._start(draft_from(theirs))
                return
            self.fill(merged)
            self._history = [self._capture()]
            self._check()
            self.status.setText(
                _(
                    "Reloaded. Your changes are kept on top of the other PC's; "
                    "check them and press Save again."
                )
            )

        self._save_op.run(work, on_done=done, on_error=self._on_save_failed, name="reload")

    def set_pin(self) -> None:
        """Set this store's PIN (manager only) in the background; the field is cleared."""
        from kiosk.domain.access import Secret

        services, actor, base = self._services, self._actor, self._base
        pin = Secret(self.pin.text())
        self.pin.clear()
        if actor is None or base is None or not pin.reveal():
            return

        def work() -> None:
            services.access.set_store_pin(actor=actor, store_id=base.id, pin=pin)

        def done(_result: None) -> None:
            self.pin_message.setText("✓ " + _("PIN set. Give it to the merchant in person."))
            self.wait_button.setVisible(False)  # a new PIN lifts every wait

        self._pin_op.run(work, on_done=done, on_error=self._on_save_failed, name="pin")

    def retranslate(self) -> None:
        self.header.retranslate()
        self._retitle()
        self.retranslate_fields()
        self.undo_button.setText("← " + _("Undo"))
        self.reload_button.setText(_("Reload (keeps your changes)"))
        self.save_button.setText(_("Save"))
        self.prompt.retranslate()
        self._check()

    # Internals -------------------------------------------------------------------------------
    def _retitle(self) -> None:
        base = self._base
        if base is None:
            self.header.set_title(_("New stall"))
        else:
            self.header.set_title(f"{base.stall_number}  {base.name.get(current_locale())}")

    def _capture(self) -> Any:
        return values.capture(self)

    def _restore(self, state: Any) -> None:
        self._filling = True
        try:
            values.restore(self, state)
        finally:
            self._filling = False

    def _remember(self) -> None:
        state = self._capture()
        if not self._history or self._history[-1] != state:
            self._history.append(state)
        self._update_state()

    def _on_edited(self, *_args: object) -> None:
        if self._filling:
            return
        self._undo_timer.start()
        self._check()

    def _check(self) -> None:
        """Check the fields now; write each problem under its field."""
        _draft, problems = self.draft()
        self._show_problems(problems)

    def _show_problems(self, problems: list[Problem]) -> None:
        """Write each problem under its field and mark missing languages."""
        self._problems = problems
        values.show_problems(self, problems)
        self._update_state()

    def _update_state(self) -> None:
        reason = self.save_blocker()
        self.save_button.setEnabled(reason == "")
        self.save_reason.setText(reason)
        self.undo_button.setEnabled(len(self._history) > 1 or self._undo_timer.isActive())

    def save_blocker(self) -> str:
        """Why Save is disabled, in words ("" when it is enabled)."""
        if self._actor is None:
            return _("Sign in to save.")
        if self._saving:
            return _("Saving…")
        if self._gone:
            return _("This store was removed on another PC.")
        if self._problems:
            return _("Fix the {count} marked field(s) first.").format(count=len(self._problems))
        if self._base is not None and not self.has_changes():
            return _("Nothing changed yet.")
        return ""

    def _on_save_clicked(self) -> None:
        self.save()  # (the button's "checked" argument is not a proof)

    def _on_proof(self, proof: object) -> None:
        if isinstance(proof, CodeProof):
            self.save(proof)

    def _on_saved(self, detail: StoreDetail) -> None:
        self._saving = False
        self.prompt.close_prompt()
        self._base, self._market = detail, detail.market_slug
        self.fill(draft_from(detail))
        self._history = [self._capture()]
        self._clean = self._history[0]
        self._check()
        self._retitle()
        self.status.setText("✓ " + _("Saved."))
        self.saved.emit(detail)
        self._go()  # a save asked for on the way out: now go

    def _on_save_failed(self, exc: Exception) -> None:
        from kiosk.domain.access import AccessError, PermissionDenied
        from kiosk.domain.store_edit.draft import EditRefused, Gone, StaleEdit
        from kiosk.services.values import NotFoundError

        self._saving = False
        self._then = None  # a save asked for on the way out failed: stay and say why
        if isinstance(exc, EditRefused):
            self._show_problems(exc.problems)  # e.g. a code that did not scan back
            self.status.setText("⚠ " + str(exc))
        elif isinstance(exc, StaleEdit):
            self.status.setText("⚠ " + str(exc))
            self.reload_button.show()
        elif isinstance(exc, Gone | NotFoundError):
            self._gone = True
            self.status.setText("⚠ " + str(exc))
        elif isinstance(exc, AccessError) and exc.code.startswith("access.pin"):
            self.pin_message.setText("⚠ " + str(exc))  # a refused PIN rule
        elif isinstance(exc, AccessError) and not isinstance(exc, PermissionDenied):
            self.prompt.show_error(str(exc))  # wrong password for the code change
        elif isinstance(exc, AccessError):
            self.prompt.close_prompt()
            self.status.setText("⚠ " + str(exc))
        else:
            raise exc
        self._update_state()
