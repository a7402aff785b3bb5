"""Promotions: a market's promotions and announcements by when they show; add, change, remove."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from kiosk.domain.access import Actor
from kiosk.domain.audit import AuditAction
from kiosk.domain.promotions import Promotion, PromotionDraft
from kiosk.domain.signage.market_facts import SignageData
from kiosk.services.changes import Change, ChangeKind
from kiosk.services.parts.core import Part, Written, publishes


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
        from kiosk.services.audit import record
        from kiosk.services.live import note_change
        from kiosk.services.uow import transaction

        live = self._core.require(actor, manager=True)
        _check(draft)
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
                changes=[c for c in _fields(saved) if c[2]],
            )
            note_change(session, origin=self._core.origin, change=change)
        return Written(saved, change)

    @publishes
    def update_promotion(
        self, *, actor: Actor, promotion_id: int, draft: PromotionDraft, expected: Promotion
    ) -> Written[Promotion]:
        """Replace promotion *promotion_id* by *draft* (manager only), if it still is *expected*
        (as the editor loaded it). EditRefused names each problem; StalePromotion when it was
        changed elsewhere meanwhile; NotFoundError when it is gone. Nothing is written then."""
        from kiosk.data import markets, promotions
        from kiosk.services.audit import record
        from kiosk.services.live import note_change
        from kiosk.services.promotion_checks import StalePromotion
        from kiosk.services.uow import transaction

        live = self._core.require(actor, manager=True)
        _check(draft)
        change = Change(ChangeKind.PROMOTIONS, draft.market_slug)
        with transaction(self._db) as session:
            if draft.store_id is not None:
                market = markets.market_by_slug(session, draft.market_slug)
                promotions.check_store_in_market(session, market.id, draft.store_id)
            before, saved = promotions.update_promotion(session, promotion_id, draft)
            if before != expected:
                raise StalePromotion(before.title.get("ko"))  # rolls the change back
            old, new = _fields(before), _fields(saved)
            changed = [(f, a, b) for (f, _, a), (_, _, b) in zip(old, new, strict=True) if a != b]
            record(
                session,
                actor=live,
                action=AuditAction.PROMOTION_CHANGED,
                market_slug=saved.market_slug,
                store_id=saved.store_id,
                subject=saved.title.get("ko"),
                changes=changed,
            )
            note_change(session, origin=self._core.origin, change=change)
        return Written(saved, change)

    @staticmethod
    def read_image(path: Path) -> bytes:
        """The picture file *path* for a draft: EditRefused on ``image`` says why not
        (missing, not a regular file, over the size limit, not a whole PNG or JPEG)."""
        from kiosk.services.promotion_checks import read_picture

        return read_picture(path)

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
                changes=[(name, new, "") for name, _, new in _fields(gone) if new],
            )
            note_change(session, origin=self._core.origin, change=change)
        return Written(gone, change)


def _check(draft: PromotionDraft) -> None:
    """EditRefused naming every problem of *draft* (the picture decoded too)."""
    from kiosk.domain.promotions import problems
    from kiosk.domain.store_edit.draft import EditRefused, Problem
    from kiosk.services.promotion_checks import picture_message

    found = problems(draft)
    if not found and draft.image is not None:
        reason = picture_message(draft.image)
        if reason is not None:
            found.append(Problem("image", reason))
    if found:
        raise EditRefused(found)


def _fields(promo: Promotion) -> list[tuple[str, str, str]]:
    """The audit log's view of a promotion: its texts and schedule as (field, "", value)."""
    from kiosk.domain.locales import LOCALES
    from kiosk.domain.promotions import weekdays_text

    window = promo.window
    shown = "" if window is None else f"{window.start:%H:%M}-{window.end:%H:%M}"
    texts = [(f"{name}.{code}", "", values.values.get(code, "")) for name, values in
             (("title", promo.title), ("text", promo.text)) for code in LOCALES]  # fmt: skip
    return [
        *texts,
        ("kind", "", promo.kind.value),
        ("store", "", "" if promo.store_id is None else str(promo.store_id)),
        ("dates", "", f"{promo.starts_on.isoformat()}..{promo.ends_on.isoformat()}"),
        ("weekdays", "", weekdays_text(promo.weekdays)),
        ("time", "", shown),
        ("image", "", "" if promo.image is None else f"{len(promo.image)} bytes"),
    ]
