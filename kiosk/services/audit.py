"""The audit log: write an entry inside the change's own transaction; read and filter it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.data.columns import utcnow
from kiosk.data.db import Database
from kiosk.data.models import AuditLog
from kiosk.domain.access import Actor
from kiosk.domain.audit import AuditAction, AuditEntry
from kiosk.domain.store_edit.draft import FieldChange

#: Longest old/new value kept per field (a description may be long; the log stays readable).
MAX_VALUE = 500


def _clip(text: str) -> str:
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"


def record(
    session: Session,
    *,
    actor: Actor,
    action: AuditAction,
    market_slug: str | None = None,
    store_id: int | None = None,
    subject: str = "",
    changes: Iterable[FieldChange | tuple[str, str, str]] = (),
) -> None:
    """Add one entry to *session* (committed with the change it describes, or not at all)."""
    rows = [
        [c.field, _clip(c.old), _clip(c.new)]
        if isinstance(c, FieldChange)
        else [c[0], _clip(c[1]), _clip(c[2])]
        for c in changes
    ]
    session.add(
        AuditLog(
            at=utcnow(),
            actor_role=actor.role.value,
            actor=actor.label()[:64],
            pc=actor.pc[:100],
            action=action.value,
            market_slug=market_slug,
            store_id=store_id,
            subject=subject[:300],
            changes=rows,
        )
    )


def entries(
    *,
    db: Database,
    market_slug: str | None = None,
    since: datetime | None = None,
    actions: Sequence[AuditAction] = (),
    store_id: int | None = None,
    limit: int = 1000,
) -> list[AuditEntry]:
    """Newest first. *since* is inclusive; *actions* empty means every action."""
    stmt = select(AuditLog).order_by(AuditLog.id.desc()).limit(limit)
    if market_slug is not None:
        stmt = stmt.where(AuditLog.market_slug == market_slug)
    if since is not None:
        stmt = stmt.where(AuditLog.at >= since)
    if actions:
        stmt = stmt.where(AuditLog.action.in_([a.value for a in actions]))
    if store_id is not None:
        stmt = stmt.where(AuditLog.store_id == store_id)
    with db.session() as session:
        return [
            AuditEntry(
                id=row.id,
                at=row.at,
                actor_role=row.actor_role,
                actor=row.actor,
                pc=row.pc,
                action=AuditAction(row.action),
                market_slug=row.market_slug,
                store_id=row.store_id,
                subject=row.subject,
                changes=tuple(FieldChange(*change) for change in row.changes),
            )
            for row in session.scalars(stmt)
        ]
