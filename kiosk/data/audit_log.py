"""The ``audit_log`` table: add an entry in the caller's transaction, read entries newest first."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.data.columns import utcnow
from kiosk.data.models import AuditLog
from kiosk.domain.audit import AuditAction, AuditEntry
from kiosk.domain.store_edit.draft import FieldChange


def add_entry(
    session: Session,
    *,
    actor_role: str,
    actor: str,
    pc: str,
    action: AuditAction,
    market_slug: str | None,
    store_id: int | None,
    subject: str,
    changes: list[list[str]],
) -> None:
    """Add one entry (stamped now) to *session*; it is committed with the change it describes."""
    session.add(
        AuditLog(
            at=utcnow(),
            actor_role=actor_role,
            actor=actor,
            pc=pc,
            action=action.value,
            market_slug=market_slug,
            store_id=store_id,
            subject=subject,
            changes=changes,
        )
    )


def newest_entries(
    session: Session,
    *,
    market_slug: str | None,
    since: datetime | None,
    actions: Sequence[AuditAction],
    store_id: int | None,
    limit: int,
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
