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
from datetime import timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from kiosk.data.columns import utcnow
from kiosk.data.db import Database
from kiosk.data.models import ChangeEvent
from kiosk.services.changes import Change, ChangeHub, ChangeKind

#: How often the shell polls by default; well under the 60 s the market asks for.
POLL_INTERVAL_S = 5.0
#: Events older than this are pruned by writers (every PC has long seen them).
KEEP_EVENTS = timedelta(days=2)
_PRUNE_EVERY = 200


def _newest_id(session: Session) -> int:
    return session.scalar(select(func.max(ChangeEvent.id))) or 0


def latest_change_id(db: Database) -> int:
    """The newest change event's id (0 when there is none)."""
    with db.session() as session:
        return _newest_id(session)


def note_change(session: Session, *, origin: str, change: Change, above: int | None = None) -> None:
    """Record *change* in *session*'s transaction, for the other PCs.

    *above*: an id other PCs may already have seen (a restore brings back an older
    ``change_events`` table); the event gets a higher id so every PC sees it, and
    the ids that follow continue from there (SQLite: the next rowid).
    """
    event = ChangeEvent(
        at=utcnow(),
        origin=origin,
        kind=change.kind.value,
        market_slug=change.market_slug,
        store_ids=sorted(change.store_ids),
    )
    sqlite = session.get_bind().dialect.name == "sqlite"
    if above is not None and sqlite and _newest_id(session) <= above:
        event.id = above + 1
    session.add(event)
    session.flush()
    if event.id % _PRUNE_EVERY == 0:
        session.execute(delete(ChangeEvent).where(ChangeEvent.at < utcnow() - KEEP_EVENTS))


def note_change_now(db: Database, *, origin: str, change: Change, above: int | None = None) -> None:
    """Record *change* in a transaction of its own (after a write that could not do it)."""
    with db.session() as session:
        note_change(session, origin=origin, change=change, above=above)


class ChangeWatcher:
    """Publishes on *hub* the changes other processes committed since it started.

    ``poll()`` is safe to call from any thread (one poll at a time); it returns
    the changes it published.
    """

    def __init__(self, db: Database, *, origin: str, hub: ChangeHub) -> None:
        self._db = db
        self._origin = origin
        self._hub = hub
        self._lock = threading.Lock()
        self._last = latest_change_id(db)

    @property
    def last_seen(self) -> int:
        return self._last

    def poll(self) -> list[Change]:
        with self._lock:
            with self._db.session() as session:
                rows = session.execute(
                    select(
                        ChangeEvent.id,
                        ChangeEvent.origin,
                        ChangeEvent.kind,
                        ChangeEvent.market_slug,
                        ChangeEvent.store_ids,
                    )
                    .where(ChangeEvent.id > self._last)
                    .order_by(ChangeEvent.id)
                    .limit(1000)
                ).all()
            changes: list[Change] = []
            for event_id, origin, kind, slug, store_ids in rows:
                self._last = max(self._last, event_id)
                if origin == self._origin:
                    continue
                try:
                    change = Change(ChangeKind(kind), slug, frozenset(store_ids or ()))
                except ValueError:  # a kind from a newer app: refresh everything
                    change = Change(ChangeKind.MARKETS)
                if change not in changes:
                    changes.append(change)
        for change in changes:
            self._hub.publish(change)
        return changes
