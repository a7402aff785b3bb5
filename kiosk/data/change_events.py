"""The ``change_events`` table other PCs poll: add, prune and read events after an id."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from kiosk.data.columns import utcnow
from kiosk.data.models import ChangeEvent


class EventRow(NamedTuple):
    id: int
    origin: str
    kind: str
    market_slug: str | None
    store_ids: list[int] | None


def newest_id(session: Session) -> int:
    """The newest event's id (0 when there is none)."""
    return session.scalar(select(func.max(ChangeEvent.id))) or 0


def add_event(
    session: Session,
    *,
    origin: str,
    kind: str,
    market_slug: str | None,
    store_ids: Iterable[int],
    above: int | None = None,
) -> int:
    """Add an event (stamped now) to *session*'s transaction and return its id.

    *above*: an id other PCs may already have seen; on SQLite the event gets a
    higher id when the table's newest is not above it (the next rowid follows).
    """
    event = ChangeEvent(
        at=utcnow(),
        origin=origin,
        kind=kind,
        market_slug=market_slug,
        store_ids=sorted(store_ids),
    )
    sqlite = session.get_bind().dialect.name == "sqlite"
    if above is not None and sqlite and newest_id(session) <= above:
        event.id = above + 1
    session.add(event)
    session.flush()
    return event.id


def prune_events(session: Session, *, before: datetime) -> None:
    """Delete the events older than *before*."""
    session.execute(delete(ChangeEvent).where(ChangeEvent.at < before))


def events_after(session: Session, last: int, *, limit: int) -> list[EventRow]:
    """Up to *limit* events with an id above *last*, oldest first."""
    rows = session.execute(
        select(
            ChangeEvent.id,
            ChangeEvent.origin,
            ChangeEvent.kind,
            ChangeEvent.market_slug,
            ChangeEvent.store_ids,
        )
        .where(ChangeEvent.id > last)
        .order_by(ChangeEvent.id)
        .limit(limit)
    ).all()
    return [EventRow(*row) for row in rows]
