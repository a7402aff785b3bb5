"""What every part of the door shares: the database, sessions, this PC, and the one publisher."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Concatenate, Generic, ParamSpec, TypeVar

from kiosk.services.changes import Change, ChangeHub
from kiosk.services.connection import NotConnectedError, ServerLink

if TYPE_CHECKING:
    from kiosk.data.db import Database
    from kiosk.domain.access import Actor
    from kiosk.services.access.accounts import SessionBook

T = TypeVar("T")
P = ParamSpec("P")
PartT = TypeVar("PartT", bound="Part")


@dataclass(frozen=True, slots=True)
class Written(Generic[T]):
    """What a committed write returns: the caller's value and the change it made (None: none)."""

    value: T
    change: Change | None = None


class Core:
    """The door's state, shared by its parts: one database, one change hub, one session book."""

    def __init__(self, db: Database) -> None:
        import os
        import socket

        from kiosk.services.access.accounts import SessionBook

        self.db = db
        self.changes = ChangeHub()
        #: Whether the server answers (the live refresh's polls and failed writes set it).
        self.link = ServerLink()
        # The search patches the stores a change names instead of reloading their market.
        self.changes.subscribe(lambda c: db.search_index.note_change(c.market_slug, c.store_ids))
        #: This process's id in the change events (its own are not polled back); what
        #: ``secrets.token_hex(8)`` gives, without loading OpenSSL for it (kiosk.deferred_imports).
        self.origin = os.urandom(8).hex()
        #: The PC's name in the audit log.
        self.pc = (socket.gethostname() or "pc")[:100]
        self.sessions: SessionBook = SessionBook()

    def require(self, actor: Actor, *, store_id: int | None = None, manager: bool = False) -> Actor:
        """The live session of *actor*, allowed for *store_id* or as manager (else refused)."""
        from kiosk.services.access.accounts import require

        return require(self.sessions, actor, store_id=store_id, manager=manager)

    def note_bulk_change(self, change: Change, *, above: int | None = None) -> None:
        """Tell other PCs about a write that was not made through an editing use case."""
        from kiosk.services.live import note_change_now

        note_change_now(self.db, origin=self.origin, change=change, above=above)


class Part:
    """A group of use cases over the shared :class:`Core`."""

    def __init__(self, core: Core) -> None:
        self._core = core

    @property
    def _db(self) -> Database:
        return self._core.db


def publishes(
    write: Callable[Concatenate[PartT, P], Written[T]],
) -> Callable[Concatenate[PartT, P], T]:
    """The one publisher: run *write* (it committed), publish its change, return its value.

    While the server is away (``Core.link`` down) the write is refused before it
    begins; a write that finds it away is rolled back and refused the same way:
    ``NotConnectedError``, nothing saved.
    """

    @functools.wraps(write)
    def published(part: PartT, /, *args: P.args, **kwargs: P.kwargs) -> T:
        link = part._core.link
        link.require()
        try:
            written = write(part, *args, **kwargs)
        except Exception as exc:
            if link.noticed(exc):
                raise NotConnectedError(exc) from exc
            raise
        if written.change is not None:
            part._core.changes.publish(written.change)
        return written.value

    return published
