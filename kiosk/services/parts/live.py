"""Live refresh: what other PCs saved, polled and published on the door's change hub."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.services.changes import Change
from kiosk.services.parts.core import Part

if TYPE_CHECKING:
    from kiosk.services.connection import ServerLink
    from kiosk.services.live import ChangeWatcher


class Live(Part):
    """The watcher of other PCs' changes, the note of a bulk write for them, the server link."""

    @property
    def link(self) -> ServerLink:
        """Whether the server answers (``up``; ``subscribe`` to hear when that changes)."""
        return self._core.link

    def change_watcher(self) -> ChangeWatcher:
        """A poller that publishes, on ``changes``, what other PCs saved since it was made.

        Its polls also tell ``link`` whether the server answers (raising while it does not).
        """
        from kiosk.services.live import ChangeWatcher

        core = self._core
        return ChangeWatcher(self._db, origin=core.origin, hub=core.changes, link=core.link)

    def note_bulk_change(self, change: Change, *, above: int | None = None) -> None:
        """Tell other PCs about a write that was not made through an editing use case.

        *above*: an event id other PCs may have seen already (see ``note_change``).
        """
        self._core.note_bulk_change(change, above=above)
