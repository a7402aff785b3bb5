"""Live refresh between PCs: writes leave a change event; a watcher polls for other PCs' events.

Each write adds a ``change_events`` row in its own transaction (so an event
exists exactly when the write committed). ``ChangeWatcher.poll()`` reads the
rows above the last id it saw, skips its own process's (already published
locally) and publishes the rest as ``Change`` values. Polling works the same on
SQLite (every poll is a fresh read transaction, so other processes' commits
show) and PostgreSQL, and costs one indexed query per interval.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import timedelta
from typing import TypeVar

from kiosk.data import change_events
from kiosk.data.columns import utcnow
from kiosk.data.db import Database
from kiosk.services.changes import Change, ChangeHub, ChangeKind
from kiosk.services.connection import ServerLink
from kiosk.services.uow import Tx, transaction

T = TypeVar("T")

#: How often the shell polls by default; well under the 60 s the market asks for.
POLL_INTERVAL_S = 5.0
#: Events older than this are pruned by writers (every PC has long seen them).
KEEP_EVENTS = timedelta(days=2)
_PRUNE_EVERY = 200
#: How long a missing event id is waited for. PostgreSQL hands out ids when a write
#: inserts its event, but writers commit in any order: id 104 may commit after 105 was
#: read. A gap is read again each poll until its event shows or this passes (a write
#: rolled back leaves a gap for good; a long import commits well within it).
GAP_WAIT_S = 120.0
#: Ids jumping further than this (a restore's ``above``) are not waited for one by one.
_MAX_GAP = 10_000


def latest_change_id(db: Database) -> int:
    """The newest change event's id (0 when there is none)."""
    with transaction(db) as session:
        return change_events.newest_id(session)


def note_change(session: Tx, *, origin: str, change: Change, above: int | None = None) -> None:
    """Record *change* in *session*'s transaction, for the other PCs.

    *above*: an id other PCs may already have seen (a restore brings back an older
    ``change_events`` table); the event gets a higher id so every PC sees it, and
    the ids that follow continue from there (SQLite: the next rowid).
    """
    event_id = change_events.add_event(
        session,
        origin=origin,
        kind=change.kind.value,
        market_slug=change.market_slug,
        store_ids=change.store_ids,
        above=above,
    )
    if event_id % _PRUNE_EVERY == 0:
        change_events.prune_events(session, before=utcnow() - KEEP_EVENTS)


def note_change_now(db: Database, *, origin: str, change: Change, above: int | None = None) -> None:
    """Record *change* in a transaction of its own (after a write that could not do it)."""
    with transaction(db) as session:
        note_change(session, origin=origin, change=change, above=above)


class ChangeWatcher:
    """Publishes on *hub* the changes other processes committed since it started.

    ``poll()`` is safe to call from any thread (one poll at a time); it returns
    the changes it published. The polls are also the probe of *link*: a poll
    that finds the server away sets it down (and raises); the first poll that
    gets through again sets it up and publishes "everything may have changed",
    so every screen reloads what it could not while the server was away.
    """

    def __init__(
        self, db: Database, *, origin: str, hub: ChangeHub, link: ServerLink | None = None
    ) -> None:
        self._db = db
        self._origin = origin
        self._hub = hub
        self._link = link if link is not None else ServerLink()
        self._lock = threading.Lock()
        #: Every id up to here was read (or waited for long enough).
        self._last = self._probe(lambda: latest_change_id(db))
        self._ahead: set[int] = set()  # ids above _last already read
        self._gaps: dict[int, float] = {}  # missing ids between them: since when

    def _probe(self, read: Callable[[], T]) -> T:
        try:
            found = read()
        except Exception as exc:
            self._link.noticed(exc)
            raise
        if self._link.set(True):  # back: what failed while away is loaded again
            self._hub.publish(Change(ChangeKind.MARKETS))
        return found

    @property
    def last_seen(self) -> int:
        return self._last

    def poll(self) -> list[Change]:
        with self._lock:
            rows = self._probe(self._read)
            changes: list[Change] = []
            for event_id, origin, kind, slug, store_ids in rows:
                if event_id in self._ahead:
                    continue  # read at an earlier poll (a gap below it kept _last back)
                self._ahead.add(event_id)
                if origin == self._origin:
                    continue
                try:
                    change = Change(ChangeKind(kind), slug, frozenset(store_ids or ()))
                except ValueError:  # a kind from a newer app: refresh everything
                    change = Change(ChangeKind.MARKETS)
                if change not in changes:
                    changes.append(change)
            self._settle(time.monotonic())
        for change in changes:
            self._hub.publish(change)
        return changes

    def _settle(self, now: float) -> None:
        """Move ``_last`` up over the ids read and the gaps waited for long enough."""
        top = max(self._ahead, default=self._last)
        if top - self._last > _MAX_GAP:
            self._last, self._ahead, self._gaps = top, set(), {}
            return
        for missing in range(self._last + 1, top):
            if missing not in self._ahead:
                self._gaps.setdefault(missing, now)
        while True:
            following = self._last + 1
            if following in self._ahead:
                self._ahead.discard(following)
            elif now - self._gaps.get(following, now) < GAP_WAIT_S or following > top:
                break
            self._gaps.pop(following, None)
            self._last = following

    def _read(self) -> list[change_events.EventRow]:
        with transaction(self._db) as session:
            return change_events.events_after(session, self._last, limit=1000)
