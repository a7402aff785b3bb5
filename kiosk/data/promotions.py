"""The ``promotions`` table: a market's promotions and announcements (list, add, change, remove)."""

from __future__ import annotations

from datetime import time

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.data.convert import localized
from kiosk.data.errors import NotFoundError
from kiosk.data.models import Market, Promotion, Store
from kiosk.domain.promotions import Promotion as PromotionValue
from kiosk.domain.promotions import PromotionDraft, PromotionKind, TimeWindow


def _minutes(at: time) -> int:
    return at.hour * 60 + at.minute


def _clock(minutes: int) -> time:
    return time(minutes // 60, minutes % 60)


def promotion_value(row: Promotion, market_slug: str) -> PromotionValue:
    """*row* as the domain's value."""
    window = None
    if row.shows_from is not None and row.shows_until is not None:
        window = TimeWindow(_clock(row.shows_from), _clock(row.shows_until))
    return PromotionValue(
        id=row.id,
        market_slug=market_slug,
        title=localized(row.title),
        text=localized(row.text),
        starts_on=row.starts_on,
        ends_on=row.ends_on,
        kind=PromotionKind(row.kind),
        store_id=row.store_id,
        weekdays=frozenset(int(d) for d in row.weekdays if d.isdigit()),
        window=window,
        image=row.image,
    )


def store_in_market(session: Session, market_id: int, stall_number: str) -> int:
    """The id of the stall *stall_number* of the market; NotFoundError names the stall."""
    found = session.scalar(
        select(Store.id).where(Store.market_id == market_id, Store.stall_number == stall_number)
    )
    if found is None:
        raise NotFoundError("stall", stall_number)
    return found


def check_store_in_market(session: Session, market_id: int, store_id: int) -> None:
    """NotFoundError unless store *store_id* belongs to the market."""
    row = session.get(Store, store_id)
    if row is None or row.market_id != market_id:
        raise NotFoundError("store", store_id)


def _fill(row: Promotion, draft: PromotionDraft) -> None:
    """Copy a checked *draft* onto *row* (every field but the market)."""
    window = draft.window
    row.store_id = draft.store_id
    row.kind = draft.kind.value
    row.title = {k: v for k, v in draft.title.values.items() if v}
    row.text = {k: v for k, v in draft.text.values.items() if v}
    row.starts_on = draft.starts_on
    row.ends_on = draft.ends_on
    row.weekdays = "".join(str(d) for d in sorted(draft.weekdays))
    row.shows_from = None if window is None else _minutes(window.start)
    row.shows_until = None if window is None else _minutes(window.end)
    row.image = draft.image


def add_promotion(session: Session, market: Market, draft: PromotionDraft) -> PromotionValue:
    """A new row from a checked *draft*, flushed (it has its id)."""
    row = Promotion(market_id=market.id, active=True)
    _fill(row, draft)
    session.add(row)
    session.flush()
    return promotion_value(row, market.slug)


def update_promotion(
    session: Session, promotion_id: int, draft: PromotionDraft
) -> tuple[PromotionValue, PromotionValue]:
    """Put a checked *draft* in place of promotion *promotion_id* (same market); return it
    (before, after). NotFoundError when it is gone or belongs to another market."""
    row = session.get(Promotion, promotion_id)
    market = None if row is None else session.get_one(Market, row.market_id)
    if row is None or market is None or market.slug != draft.market_slug:
        raise NotFoundError("promotion", promotion_id)
    before = promotion_value(row, market.slug)
    _fill(row, draft)
    session.flush()
    return before, promotion_value(row, market.slug)


def market_promotions(session: Session, market: Market) -> list[PromotionValue]:
    """The market's promotions (its stores' too), by start date then id."""
    rows = session.scalars(
        select(Promotion)
        .where(Promotion.market_id == market.id, Promotion.active.is_(True))
        .order_by(Promotion.starts_on, Promotion.id)
    ).all()
    return [promotion_value(row, market.slug) for row in rows]


def remove_promotion(session: Session, promotion_id: int) -> PromotionValue:
    """Delete the promotion; return it as it was."""
    row = session.get(Promotion, promotion_id)
    if row is None:
        raise NotFoundError("promotion", promotion_id)
    market = session.get_one(Market, row.market_id)
    value = promotion_value(row, market.slug)
    session.delete(row)
    return value
