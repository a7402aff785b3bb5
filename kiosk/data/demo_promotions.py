"""The demo markets' invented promotions (data/demo/promotions.toml), checked and inserted.

Dates in the file are days relative to the day the demo is loaded (Seoul), so
the one that is over stays over; each entry passes the promotion rules of
:mod:`kiosk.domain.promotions` (a bad demo file fails loudly).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path

from sqlalchemy.orm import Session

from kiosk.data.models import Market
from kiosk.domain.promotions import (
    SEOUL,
    PromotionDraft,
    PromotionKind,
    TimeWindow,
    parse_weekdays,
    problems,
)
from kiosk.domain.text import LocalizedText

DEMO_PROMOTIONS = Path(__file__).resolve().parent / "demo" / "promotions.toml"
_FIELDS = frozenset({"kind", "stall", "start", "end", "weekdays", "from", "until", "title", "text"})


@lru_cache(maxsize=1)
def _entries() -> Mapping[str, list[dict[str, object]]]:
    with DEMO_PROMOTIONS.open("rb") as handle:
        return tomllib.load(handle)


def demo_drafts(
    slug: str, stalls: Mapping[str, int], today: date | None = None
) -> list[PromotionDraft]:
    """The market's demo promotions as checked drafts; ValueError names a bad entry."""
    day = today if today is not None else datetime.now(SEOUL).date()
    drafts: list[PromotionDraft] = []
    for index, data in enumerate(_entries().get(slug, []), start=1):
        where = f"{DEMO_PROMOTIONS.name}: {slug} entry {index}"
        if not set(data) <= _FIELDS:
            raise ValueError(f"{where}: unknown keys {sorted(set(data) - _FIELDS)}")
        stall = data.get("stall")
        if stall is not None and stall not in stalls:
            raise ValueError(f"{where}: no stall {stall!r}")
        window = None
        if "from" in data:
            window = TimeWindow(time.fromisoformat(str(data["from"])),
                                time.fromisoformat(str(data["until"])))  # fmt: skip
        draft = PromotionDraft(
            market_slug=slug,
            title=LocalizedText(dict(data["title"])),  # type: ignore[call-overload]
            text=LocalizedText(dict(data.get("text", {}))),  # type: ignore[call-overload]
            starts_on=day + timedelta(days=int(data["start"])),  # type: ignore[call-overload]
            ends_on=day + timedelta(days=int(data["end"])),  # type: ignore[call-overload]
            kind=PromotionKind(str(data.get("kind", "promotion"))),
            store_id=None if stall is None else stalls[str(stall)],
            weekdays=parse_weekdays(",".join(data.get("weekdays", []))),  # type: ignore[arg-type]
            window=window,
        )
        found = problems(draft)
        if found:
            raise ValueError(f"{where}: {found[0].field}: {found[0].message}")
        drafts.append(draft)
    return drafts


def insert_demo_promotions(session: Session, market: Market, stalls: Mapping[str, int]) -> int:
    """Insert the market's demo promotions in the seeding transaction; return how many."""
    from kiosk.data.promotions import add_promotion

    drafts = demo_drafts(market.slug, stalls)
    for draft in drafts:
        add_promotion(session, market, draft)
    return len(drafts)
