"""Onboarding navigation: store and PIN -> overview <-> one step; saves, undo, idle sign-out.

Every read and save runs in a background op; the screens only show results.
The last change can be undone (the step's previous values, and the previous
code for the KakaoTalk and Zero Pay steps, which asks for the PIN again).
Leaving a step never drops a choice: a change that needs no PIN is saved on
the way out; one that does asks "save and go on / go on without saving / cancel".
"""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kiosk.domain.access import AccessError, Actor, CodeProof
from kiosk.domain.onboarding.progress import StoreOnboarding
from kiosk.domain.onboarding.status import OnboardingConflict, OnboardingError
from kiosk.i18n import _, current_locale
from kiosk.services.values import StepDraft
from kiosk.ui.host import ready_services
from kiosk.ui.onboarding import overview, sign_in, step_screen
from kiosk.ui.onboarding.record_fields import Code
from kiosk.ui.onboarding.undo import Undo, code_input, code_of, records_of
from kiosk.ui.ops import OpSlot
from kiosk.ui.signed_in import SignedInFlow
from kiosk.ui.widgets.proof_prompt import ProofPrompt

if TYPE_CHECKING:
    from kiosk.services.app import Services
    from kiosk.ui.host import ModeHost


class OnboardingFlow(SignedInFlow):
    """The signed-in merchant (``actor``), their store's progress (``state``) and the screens.

    ``saved(StoreOnboarding)`` fires after every successful save or undo (tests wait on it).
    """

    saved = Signal(object)

    def __init__(self, host: ModeHost, services: Services) -> None:
        super().__init__(host, services)
        self.state: StoreOnboarding | None = None
        self._undo: Undo | None = None
        self._leaving = ""  # where the step screen goes once its change is settled
        self.sign_in = sign_in.OnboardingSignInScreen(services)
        self.overview = overview.OnboardingOverviewScreen()
        self.step = step_screen.OnboardingStepScreen()
        host.add_screen(sign_in.SCREEN, self.sign_in)
        host.add_screen(overview.SCREEN, self.overview)
        host.add_screen(step_screen.SCREEN, self.step)
        self._slot = OpSlot(self.overview)
        self._save_slot = OpSlot(self.step)
        self.sign_in.back_requested.connect(host.go_home)
        self.sign_in.signed_in.connect(self.on_signed_in)
        self.overview.step_requested.connect(self.open_step)
        self.overview.sign_out_requested.connect(self.sign_out_and_leave)
        self.overview.undo_requested.connect(self.undo)
        self.watch_prompt(self.overview.undo_prompt)
        self.overview.report_requested.connect(self._on_report_clicked)
        self.step.back_requested.connect(lambda: self.leave_step(""))
        self.step.next_requested.connect(self.leave_step)
        self.step.leave_question.save_chosen.connect(self._save_and_leave)
        self.step.leave_question.discard_chosen.connect(lambda: self._go(self._leaving))
        self.step.save_requested.connect(self.save)
        self.step.undo_requested.connect(self.undo)
        self.watch_prompt(self.step.prompt)
        host.events.changed.connect(self._on_changed)

    # Navigation ------------------------------------------------------------------------------
    def open(self) -> None:
        if self.actor is not None and self.state is not None:
            self.show_overview()
            return
        self.sign_in.reset()
        self._host.show_screen(sign_in.SCREEN)

    def signed_out(self) -> None:
        self.state, self._undo = None, None
        self.step.leave_question.hide()
        self.overview.set_undo("")
        self.step.set_undo("")

    def show_overview(self) -> None:
        if self.state is not None:
            self.overview.show_state(self.state)
        self._host.show_screen(overview.SCREEN)

    def open_step(self, key: str) -> None:
        if self.state is None:
            return
        self.step.show_step(self.state, key)
        self._host.show_screen(step_screen.SCREEN)

    def leave_step(self, target: str) -> None:
        """Leave the open step for step *target* ("" = the overview), never dropping a change.

        Nothing changed: go. A change needing no PIN: save it, then go. A code change
        (it needs the PIN) or a field that cannot be saved as it is: ask first.
        """
        screen = self.step
        screen.leave_question.hide()
        self._leaving = target
        if not screen.is_dirty():
            self._go(target)
            return
        entry = screen.entry()
        if entry is None or entry.entered.code_changed:
            screen.ask_leave(can_save=entry is not None)
            return
        self.save(entry, then=target)

    def _save_and_leave(self) -> None:
        entry = self.step.entry()
        if entry is not None:
            self.save(entry, then=self._leaving)

    def _go(self, target: str) -> None:
        if target:
            self.open_step(target)
        else:
            self.show_overview()

    def reload(self, *, rebase: bool = False) -> None:
        """Read the store's progress again (another PC saved it).

        The open step keeps the version it was shown at (so a save still finds the
        other PC's change and says so) unless *rebase*: after that message, the
        next Save is made at the newer version, knowingly.
        """
        services, actor, state = self.services, self.actor, self.state
        if actor is None or state is None:
            return
        store_id = state.store.id

        def work() -> StoreOnboarding:
            return services.onboarding.store_onboarding(actor=actor, store_id=store_id)

        def done(fresh: StoreOnboarding) -> None:
            self.state = fresh
            self.overview.show_state(fresh)
            if rebase and self.step.state() is not None:
                self.step.rebase(fresh)

        self._slot.run(work, on_done=done, on_error=self._on_error, name="progress")

    # Saving ---------------------------------------------------------------------------------------
    def save(
        self, entry: object, proof: CodeProof | None = None, *, then: str | None = None
    ) -> None:
        """Save *entry* (a ``StepEntry``) in the background; code changes ask for the PIN first.

        With *then* (a step key, "" = the overview) the flow goes there once it is saved.
        """
        services, actor, state = self.services, self.actor, self.step.state()
        if actor is None or state is None:
            return
        assert isinstance(entry, step_screen.StepEntry)
        if entry.entered.code_changed and proof is None:
            self.ask_proof(self.step.prompt, lambda given: self.save(entry, given, then=then))
            self.step.show_problem(_("Changing the code asks for your PIN again."))
            return
        before = state.step(entry.key)
        known = state.checklist.get(entry.key)
        code_step = known is not None and known.records.on_store
        code_before = code_of(state, known.records.value) if known is not None else None
        code: Code | None = entry.entered.code

        def work() -> StoreOnboarding:
            if code_step:
                return services.onboarding.save_code_step(
                    actor=actor, base=state, step=entry.key, code=code, draft=entry.draft,
                    proof=proof,
                )  # fmt: skip
            return services.onboarding.save_onboarding_step(
                actor=actor, base=state, step=entry.key, draft=entry.draft
            )

        def done(after: StoreOnboarding) -> None:
            self.step.prompt.close_prompt()
            self._undo = Undo(entry.key, before, code_before, code_step)
            text = _("Saved ✓ Every change is kept at once.")
            self._after_save(after, text)
            if then is not None:
                self._go(then)
                self._show_done(text)

        self._save_slot.run(work, on_done=done, on_error=self._on_save_error, name="save-step")

    def undo(self, proof: CodeProof | None = None) -> None:
        """Put the last changed step back as it was (asks for the PIN when a code goes back)."""
        services, actor, state, last = self.services, self.actor, self.state, self._undo
        if actor is None or state is None or last is None:
            return
        if (
            last.code_step
            and proof is None
            and code_of(state, records_of(state, last.key)) != (last.code_before)
        ):
            self.ask_proof(self._proof_prompt(), self.undo)
            return
        before = last.before
        draft = StepDraft(
            status=before.status,
            note=before.note,
            helper=before.helper,
            account_owner=before.account_owner,
            link=before.link,
            completed_on=before.completed_on,
        )

        def work() -> StoreOnboarding:
            if last.code_step:
                return services.onboarding.save_code_step(
                    actor=actor, base=state, step=last.key, draft=draft, proof=proof,
                    code=code_input(records_of(state, last.key), last.code_before),
                )  # fmt: skip
            return services.onboarding.save_onboarding_step(
                actor=actor, base=state, step=last.key, draft=draft
            )

        def done(after: StoreOnboarding) -> None:
            self._undo = None
            self._proof_prompt().close_prompt()
            self._after_save(after, _("Undone: the step is back as it was."))

        self._save_slot.run(work, on_done=done, on_error=self._on_save_error, name="undo")

    def write_report(self, path: Path) -> None:
        """Write this store's progress report to *path* (PDF) in the background."""
        services, actor, state = self.services, self.actor, self.state
        if actor is None or state is None:
            return
        store_id, locale = state.store.id, current_locale()

        def work() -> Path:
            result = services.onboarding.onboarding_report(
                actor=actor, store_id=store_id, out=path, locale=locale
            )
            return result.path

        def done(written: Path) -> None:
            self.overview.show_message(_("Report saved: {path}").format(path=written), "ok")

        self._slot.run(work, on_done=done, on_error=self._on_error, name="report")

    # Handlers ----------------------------------------------------------------------------------
    def _after_save(self, after: StoreOnboarding, text: str) -> None:
        self.state = after
        label = ""
        if self._undo is not None:
            step = after.checklist.get(self._undo.key)
            label = step.title.get(current_locale()) if step is not None else ""
        self.overview.set_undo(label)
        self.step.set_undo(label)
        self.overview.show_state(after)
        if self._host.current_screen_name() == step_screen.SCREEN:
            self.step.show_saved(after, text)
        else:
            self.overview.show_message(text, "ok")
        self.saved.emit(after)

    def _on_save_error(self, exc: Exception) -> None:
        from kiosk.domain.messages import KioskError

        prompt = self._proof_prompt()
        if isinstance(exc, AccessError) and prompt.isVisible():
            prompt.show_error(str(exc))
            return
        from kiosk.services.values import StaleVersionError

        if isinstance(exc, OnboardingConflict | StaleVersionError):
            self.reload(rebase=True)  # the next Save is made at the newer version, knowingly
        if isinstance(exc, OnboardingConflict | OnboardingError | KioskError):
            self._show_problem(str(exc))
            return
        raise exc

    def _show_problem(self, text: str) -> None:
        if self._host.current_screen_name() == step_screen.SCREEN:
            self.step.show_problem(text)
        else:
            self.overview.show_message(text, "error")

    def _show_done(self, text: str) -> None:
        if self._host.current_screen_name() == step_screen.SCREEN:
            self.step.show_done(text)
        else:
            self.overview.show_message(text, "ok")

    def _proof_prompt(self) -> ProofPrompt:
        if self._host.current_screen_name() == step_screen.SCREEN:
            return self.step.prompt
        return self.overview.undo_prompt

    def on_signed_in(self, actor: object) -> None:
        services = self.services
        if not isinstance(actor, Actor) or actor.store_id is None:
            return
        self.actor = actor
        self._undo = None
        self.overview.set_undo("")
        self.step.set_undo("")
        store_id = actor.store_id

        def work() -> StoreOnboarding:
            return services.onboarding.store_onboarding(actor=actor, store_id=store_id)

        def done(state: StoreOnboarding) -> None:
            self.state = state
            self.guard.arm()
            problem = services.onboarding.onboarding_checklist().problem
            self.overview.show_state(state)
            self.overview.show_message(
                _("The market's checklist file was refused ({problem}); the last good one is used.")
                .format(problem=problem) if problem is not None else "",
                "error" if problem is not None else "",
            )  # fmt: skip
            self._host.show_screen(overview.SCREEN)

        self._slot.run(work, on_done=done, on_error=self._on_error, name="progress")

    def _on_error(self, exc: Exception) -> None:
        from kiosk.domain.messages import KioskError

        if not isinstance(exc, KioskError):
            raise exc
        self._show_problem(str(exc))

    def _on_report_clicked(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        state = self.state
        if state is None:
            return
        name = f"onboarding-{state.store.market_slug}-{state.store.stall_number}.pdf"
        path, _filter = QFileDialog.getSaveFileName(
            self.overview,
            _("Save the report"),
            str(Path.home() / name),
            "PDF (*.pdf)",
            options=QFileDialog.Option.DontUseNativeDialog,
        )
        if path:
            self.write_report(Path(path))

    def _on_changed(self, change: object) -> None:
        from kiosk.services.values import Change

        state = self.state
        if self.actor is None or state is None or not isinstance(change, Change):
            return
        if change.touches_store(state.store.id) and change.touches_market(state.store.market_slug):
            self.reload()


_flows: weakref.WeakKeyDictionary[QObject, OnboardingFlow] = weakref.WeakKeyDictionary()


def onboarding_flow(host: ModeHost) -> OnboardingFlow:
    """The host's onboarding flow, built (with its screens) on first use, once data is open."""
    flow = _flows.get(host.events)
    if flow is None:
        flow = OnboardingFlow(host, ready_services(host))
        _flows[host.events] = flow
    return flow
