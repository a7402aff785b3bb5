"""The demo markets' promotions: all-day, a time-of-day window, one already over, five languages."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kiosk.data.db import Database
from kiosk.data.demo_promotions import demo_drafts
from kiosk.data.seed import DEMO_SLUGS
from kiosk.domain.locales import LOCALES
from kiosk.domain.promotions import SEOUL, is_showing
from kiosk.services.app import Services

TODAY = date(2026, 12, 6)
STALLS = {"A-1": 1}


@pytest.mark.parametrize("slug", DEMO_SLUGS)
def test_each_market_has_all_day_windowed_and_over(slug: str) -> None:
    drafts = demo_drafts(slug, STALLS, TODAY)
    assert any(d.window is None and d.ends_on >= TODAY for d in drafts)
    assert any(d.window is not None for d in drafts)
    assert any(d.ends_on < TODAY for d in drafts)
    for draft in drafts:
        assert all(draft.title.has(code) and draft.text.has(code) for code in LOCALES)


@pytest.mark.parametrize("slug", DEMO_SLUGS)
def test_dates_follow_the_day_the_demo_is_loaded(slug: str) -> None:
    later = date(2031, 3, 1)
    first, again = demo_drafts(slug, STALLS, TODAY), demo_drafts(slug, STALLS, later)
    assert [d.ends_on - TODAY for d in first] == [d.ends_on - later for d in again]


def test_the_seeded_demo_shows_what_is_on_now(db: Database) -> None:
    services = Services(db)
    services.listings.load_demo()
    now = datetime.now(SEOUL)
    for slug in DEMO_SLUGS:
        every = services.promotions.list_promotions(slug)
        showing = services.promotions.list_promotions(slug, now)
        assert len(every) == len(demo_drafts(slug, STALLS))
        assert [p for p in every if is_showing(p, now)] == showing
        assert any(p.ends_on < now.date() for p in every if p not in showing)
    services.listings.load_demo(replace=True)  # the market's promotions go with it, once
    assert len(services.promotions.list_promotions("dongmun")) == len(
        demo_drafts("dongmun", STALLS)
    )
