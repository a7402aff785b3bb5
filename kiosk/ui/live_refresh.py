"""Live refresh between PCs: poll the services' change watcher off the GUI thread, every few s.

What another PC saved arrives as a ``Change`` on ``services.changes`` (the
watcher publishes it), which the shell re-emits as ``HostEvents.changed``: the
screens refresh as they do for a save made on this PC.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from kiosk.services.app import Services
    from kiosk.services.values import Change, ChangeWatcher


class LiveRefresh(QObject):
    """Polls *services* every *interval_ms* (default ``kiosk.services.live.POLL_INTERVAL_S``)."""

    def __init__(self, parent: QObject, services: Services, *, interval_ms: int | None = None):
        from kiosk.services.values import POLL_INTERVAL_S

        super().__init__(parent)
        self._services = services
        self._watcher: ChangeWatcher | None = None
        self._busy = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms or int(POLL_INTERVAL_S * 1000))
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        QTimer.singleShot(0, self.poll)  # take the starting point now, not one interval late

    def stop(self) -> None:
        self.timer.stop()

    def poll(self) -> None:
        """Start one poll in the background (skipped while the previous one runs)."""
        from kiosk.ui import ops

        if self._busy:
            return
        self._busy = True
        services = self._services

        def work() -> list[Change]:
            if self._watcher is None:
                self._watcher = services.live.change_watcher()
                return []
            return self._watcher.poll()

        ops.run_op(self, work, on_done=self._on_done, on_error=self._on_error, name="live")

    def _on_done(self, _changes: list[Change]) -> None:
        self._busy = False

    def _on_error(self, _exc: Exception) -> None:
        self._busy = False  # the database is away for a moment: try again next time
