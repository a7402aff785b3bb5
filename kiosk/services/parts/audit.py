"""Audit: the log of who changed what, for the manager to read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.domain.access import Actor
from kiosk.domain.audit import AuditAction, AuditEntry
from kiosk.services.parts.core import Part

if TYPE_CHECKING:
    from datetime import datetime


class Audit(Part):
    """Entries are written by the writes themselves, in their transaction."""

    def audit_log(
        self,
        *,
        actor: Actor,
        market_slug: str | None = None,
        since: datetime | None = None,
        actions: tuple[AuditAction, ...] = (),
        store_id: int | None = None,
        limit: int = 1000,
    ) -> list[AuditEntry]:
        """The newest entries first (the manager's to read)."""
        from kiosk.services.audit import entries

        self._core.require(actor, manager=True)
        return entries(
            db=self._db,
            market_slug=market_slug,
            since=since,
            actions=actions,
            store_id=store_id,
            limit=limit,
        )
