"""The audit log: write an entry inside the change's own transaction; read and filter it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from kiosk.data import audit_log
from kiosk.data.db import Database
from kiosk.domain.access import Actor
from kiosk.domain.audit import AuditAction, AuditEntry
from kiosk.domain.store_edit.draft import FieldChange
from kiosk.services.uow import Tx, transaction

#: Longest old/new value kept per field (a description may be long; the log stays readable).
MAX_VALUE = 500


def _clip(text: str) -> str:
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"


def record(
    session: Tx,
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
    audit_log.add_entry(
        session,
        actor_role=actor.role.value,
        actor=actor.label()[:64],
        pc=actor.pc[:100],
        action=action,
        market_slug=market_slug,
        store_id=store_id,
        subject=subject[:300],
        changes=rows,
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
    with transaction(db) as session:
        return audit_log.newest_entries(
            session,
            market_slug=market_slug,
            since=since,
            actions=actions,
            store_id=store_id,
            limit=limit,
        )
