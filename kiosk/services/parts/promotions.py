"""Promotions: a market's promotions and announcements, listed by when they show, added, removed."""

from __future__ import annotations

from datetime import datetime

from kiosk.domain.access import Actor
from kiosk.domain.audit import AuditAction
from kiosk.domain.promotions import Promotion, PromotionDraft
from kiosk.domain.signage.market_facts import SignageData
from kiosk.services.changes import Change, ChangeKind
from kiosk.services.parts.core import Part, Written, publishes

#: The largest picture side a promotion image may have, in pixels (a 4K screen's long side).
MAX_IMAGE_SIDE = 4096


def image_problem(data: bytes) -> str | None:
    """Why *data* is not a whole PNG or JPEG picture of a sensible size (None: it is)."""
    import io

    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as picture:
            if picture.format not in {"PNG", "JPEG"}:
                return f"format {picture.format}"
            if max(picture.size) > MAX_IMAGE_SIDE:
                return f"{picture.size[0]}x{picture.size[1]} pixels"
            picture.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        return str(exc) or type(exc).__name__
    except Image.DecompressionBombError as exc:  # pragma: no cover - caught by the size above
        return str(exc)
    return None


class Promotions(Part):
    """Shown by the kiosk's attract loop; managers add and remove them (audited)."""

    def list_promotions(self, market_slug: str, at: datetime | None = None) -> list[Promotion]:
        """The market's promotions (None: all of them; else those showing at *at*, Seoul time
        for a naive datetime). NotFoundError for an unknown market."""
        from kiosk.data import markets, promotions
        from kiosk.domain.promotions import is_showing
        from kiosk.services.uow import transaction

        with transaction(self._db) as session:
            market = markets.market_by_slug(session, market_slug)
            found = promotions.market_promotions(session, market)
        return found if at is None else [p for p in found if is_showing(p, at)]

    def signage(self, *, market_slug: str) -> SignageData:
        """What the attract loop shows of the market (read-only; promotions of every date,
        the loop picks those showing at each moment). NotFoundError for an unknown market."""
        from kiosk.services.signage import signage_data

        return signage_data(db=self._db, market_slug=market_slug)

    def stall_store_id(self, market_slug: str, stall_number: str) -> int:
        """The id of the market's stall *stall_number*; NotFoundError names what is missing."""
        from kiosk.data import markets, promotions
        from kiosk.services.uow import transaction

        with transaction(self._db) as session:
            market = markets.market_by_slug(session, market_slug)
            return promotions.store_in_market(session, market.id, stall_number.strip())

    @publishes
    def add_promotion(self, *, actor: Actor, draft: PromotionDraft) -> Written[Promotion]:
        """Save *draft* (manager only). EditRefused names each problem; nothing is written."""
        from kiosk.data import markets, promotions
        from kiosk.domain.promotions import NOT_AN_IMAGE, problems
        from kiosk.domain.store_edit.draft import EditRefused, Problem
        from kiosk.services.audit import record
        from kiosk.services.live import note_change
        from kiosk.services.uow import transaction

        live = self._core.require(actor, manager=True)
        found = problems(draft)
        if not found and draft.image is not None and image_problem(draft.image) is not None:
            found.append(Problem("image", NOT_AN_IMAGE()))
        if found:
            raise EditRefused(found)
        change = Change(ChangeKind.PROMOTIONS, draft.market_slug)
        with transaction(self._db) as session:
            market = markets.market_by_slug(session, draft.market_slug)
            if draft.store_id is not None:
                promotions.check_store_in_market(session, market.id, draft.store_id)
            saved = promotions.add_promotion(session, market, draft)
            record(
                session,
                actor=live,
                action=AuditAction.PROMOTION_ADDED,
                market_slug=market.slug,
                store_id=draft.store_id,
                subject=saved.title.get("ko"),
                changes=_fields(saved),
            )
            note_change(session, origin=self._core.origin, change=change)
        return Written(saved, change)

    @publishes
    def remove_promotion(self, *, actor: Actor, promotion_id: int) -> Written[Promotion]:
        """Delete a promotion (manager only); return it as it was. NotFoundError if absent."""
        from kiosk.data import promotions
        from kiosk.services.audit import record
        from kiosk.services.live import note_change
        from kiosk.services.uow import transaction

        live = self._core.require(actor, manager=True)
        with transaction(self._db) as session:
            gone = promotions.remove_promotion(session, promotion_id)
            change = Change(ChangeKind.PROMOTIONS, gone.market_slug)
            record(
                session,
                actor=live,
                action=AuditAction.PROMOTION_REMOVED,
                market_slug=gone.market_slug,
                store_id=gone.store_id,
                subject=gone.title.get("ko"),
                changes=[(name, new, "") for name, _, new in _fields(gone)],
            )
            note_change(session, origin=self._core.origin, change=change)
        return Written(gone, change)


def _fields(promo: Promotion) -> list[tuple[str, str, str]]:
    """The audit log's view of a promotion: its schedule as (field, "", value)."""
    from kiosk.domain.promotions import weekdays_text

    window = promo.window
    shown = "" if window is None else f"{window.start:%H:%M}-{window.end:%H:%M}"
    return [
        ("kind", "", promo.kind.value),
        ("dates", "", f"{promo.starts_on.isoformat()}..{promo.ends_on.isoformat()}"),
        ("weekdays", "", weekdays_text(promo.weekdays)),
        ("time", "", shown),
        ("image", "", "" if promo.image is None else f"{len(promo.image)} bytes"),
    ]
