"""A mode behind a secret: the signed-in actor, idle sign-out and the secret asked at save time."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from kiosk.domain.access import Actor, CodeProof
from kiosk.ui.widgets.idle_guard import IdleGuard

if TYPE_CHECKING:
    from kiosk.services.app import Services
    from kiosk.ui.host import ModeHost
    from kiosk.ui.widgets.proof_prompt import ProofPrompt


class SignedInFlow(QObject):
    """The session of one signed-in role (``actor``) on a shared PC.

    Sign-out happens on the mode's button (``sign_out_and_leave``), after idle
    minutes (``guard``, then home) and whenever the start screen shows again
    (``HostEvents.went_home``); the services forget the session too.
    ``signed_out()`` is the hook where a mode clears what its screens show.
    A save that needs a secret asks for it with ``ask_proof``; the prompts a
    mode shows are wired once with ``watch_prompt``. Signing out closes every
    dialog left open (a file dialog, a question) and every watched prompt, so
    the start screen never shows what the signed-out role had open.
    """

    def __init__(self, host: ModeHost, services: Services) -> None:
        super().__init__(host.events)
        self._host = host
        self.services = services
        self.actor: Actor | None = None
        self._after_proof: Callable[[CodeProof], None] | None = None
        self._prompts: list[ProofPrompt] = []
        self.guard = IdleGuard(self)
        self.guard.idle.connect(self._on_idle)
        host.events.went_home.connect(self.sign_out)

    # Session ------------------------------------------------------------------------------
    def start_session(self, actor: Actor, *, arm: bool = True) -> None:
        """*actor* is signed in; the idle guard starts unless *arm* is False (``guard.arm()``)."""
        self.actor = actor
        if arm:
            self.guard.arm()

    def sign_in_as(self, actor: Actor) -> None:
        """Use *actor* (signed in elsewhere: tours and tests) as if its secret was typed."""
        self.on_signed_in(actor)

    def on_signed_in(self, actor: object) -> None:
        """The sign-in screen accepted a secret (a mode shows its first page)."""
        raise NotImplementedError

    def sign_out(self) -> None:
        had_session = self.actor is not None
        if self.actor is not None:
            self.services.access.sign_out(self.actor)
        self.actor = None
        self._after_proof = None
        self.guard.disarm()
        for prompt in self._prompts:
            prompt.close_prompt()
        if had_session:
            close_dialogs()
        self.signed_out()

    def signed_out(self) -> None:
        """Clear what the screens show of the signed-out role (a mode overrides it)."""

    def sign_out_and_leave(self) -> None:
        """The sign-out button: sign out and show the start screen (a mode may go elsewhere)."""
        self.sign_out()
        self._host.go_home()

    # The secret at save time ---------------------------------------------------------------
    def watch_prompt(self, prompt: ProofPrompt) -> None:
        """Send what *prompt* confirms to the save that asked for it (``ask_proof``)."""
        prompt.confirmed.connect(self._on_proof)
        self._prompts.append(prompt)

    def ask_proof(
        self, prompt: ProofPrompt, then: Callable[[CodeProof], None], *, kind: str = "pin"
    ) -> None:
        """Show *prompt* asking for *kind*; the confirmed secret goes to *then*."""
        self._after_proof = then
        prompt.ask(kind=kind)

    def _on_proof(self, proof: object) -> None:
        then = self._after_proof
        if isinstance(proof, CodeProof) and then is not None:
            then(proof)

    def _on_idle(self) -> None:
        self.sign_out()
        self._host.go_home()


def close_dialogs() -> None:
    """Close every dialog still open (file dialogs, questions), the innermost first.

    The app's file dialogs are Qt's own (``QFileDialog.Option.DontUseNativeDialog``),
    so they are widgets that can be closed; a static ``getOpenFileName`` then returns "".
    """
    from PySide6.QtWidgets import QApplication, QDialog

    for _round in range(8):  # a dialog may have opened another one
        modal = QApplication.activeModalWidget()
        open_ones = [
            widget
            for widget in QApplication.topLevelWidgets()
            if isinstance(widget, QDialog) and widget.isVisible()
        ]
        if modal is not None and modal not in open_ones:
            modal.close()
        if not open_ones and modal is None:
            return
        for dialog in open_ones:
            dialog.reject()
