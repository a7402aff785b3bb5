"""Live refresh: what other PCs saved, polled and published on the door's change hub."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.services.changes import Change
from kiosk.services.parts.core import Part

if TYPE_CHECKING:
    from kiosk.services.live import ChangeWatcher


class Live(Part):
    """The watcher of other PCs' changes and the note of a bulk write for them."""

    def change_watcher(self) -> ChangeWatcher:
        """A poller that publishes, on ``changes``, what other PCs saved since it was made."""
        from kiosk.services.live import ChangeWatcher

        return ChangeWatcher(self._db, origin=self._core.origin, hub=self._core.changes)

    def note_bulk_change(self, change: Change, *, above: int | None = None) -> None:
        """Tell other PCs about a write that was not made through an editing use case.

        *above*: an event id other PCs may have seen already (see ``note_change``).
        """
        self._core.note_bulk_change(change, above=above)
