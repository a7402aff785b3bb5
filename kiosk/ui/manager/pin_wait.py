"""The store form's "lift the PIN wait" button: shown only while a PC waits after wrong PINs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton, QWidget

from kiosk.domain.access import Actor
from kiosk.i18n import _
from kiosk.services.app import Services
from kiosk.ui import ops


class LiftWaitButton(QPushButton):
    """Asks in the background whether PCs wait for this store's PIN; a click lifts the waits.

    *report* receives the line to show beside the PIN field (done, or why not).
    """

    def __init__(self, report: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lift-pin-wait")
        self.setVisible(False)
        self._report = report
        self._slot = ops.OpSlot(self)
        self._target: tuple[Services, Actor, int] | None = None
        self.clicked.connect(self._on_click)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(_("Lift the wait after wrong PINs"))

    def show_for(self, services: Services, actor: Actor | None, store_id: int | None) -> None:
        """Look up *store_id*'s waits (the button appears when a PC waits); None hides it."""
        self.setVisible(False)
        if actor is None or store_id is None:
            self._target = None
            return
        self._target = (services, actor, store_id)

        def work() -> int:
            return services.access.pcs_waiting(actor=actor, store_id=store_id)

        self._slot.run(work, on_done=self._on_counted, on_error=self._on_failed, name="pin-wait")

    def _on_counted(self, waiting: int) -> None:
        self.setVisible(waiting > 0)

    def _on_click(self) -> None:
        target = self._target
        if target is None:
            return
        services, actor, store_id = target
        self.setEnabled(False)

        def work() -> int:
            return services.access.clear_wait(actor=actor, store_id=store_id)

        self._slot.run(work, on_done=self._on_cleared, on_error=self._on_failed, name="pin-wait")

    def _on_cleared(self, _waiting: int) -> None:
        self.setEnabled(True)
        self.setVisible(False)
        self._report("✓ " + _("The wait is lifted: the merchant can sign in again on every PC."))

    def _on_failed(self, exc: Exception) -> None:
        from kiosk.domain.messages import KioskError

        self.setEnabled(True)
        if not isinstance(exc, KioskError):
            raise exc
        self._report("⚠ " + str(exc))
