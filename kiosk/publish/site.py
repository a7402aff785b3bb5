"""What a market's site is made of, read once through the services door."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from kiosk.domain.currency import RateCard, seoul_today
from kiosk.domain.hours import DayHours, MonthlyClosure, OpeningHours
from kiosk.domain.listing import MarketInfo, StoreDetail
from kiosk.domain.market_holidays import MarketHoliday
from kiosk.domain.onboarding.profile_links import ProfileLink
from kiosk.domain.site import stall_paths

if TYPE_CHECKING:
    from kiosk.services.app import Services


@dataclass(frozen=True, slots=True)
class Stall:
    """One stall's page: the store, its short path (``d/a-3/``) and its public links."""

    store: StoreDetail
    path: str
    links: tuple[ProfileLink, ...] = ()


@dataclass(frozen=True, slots=True)
class Site:
    """A market's site: its address (``https://.../``), the market and its active stalls;
    the manager's exchange rates and the publish day in Seoul (approximate prices), the
    market's coming holidays."""

    base_url: str
    market: MarketInfo
    stalls: tuple[Stall, ...]
    rates: RateCard = field(default_factory=RateCard)
    as_of: date = field(default_factory=seoul_today)
    #: The market's coming holidays (the market page lists them, open-now reads them).
    holidays: tuple[MarketHoliday, ...] = ()

    def market_hours(self) -> OpeningHours:
        """The market's days from its stalls' hours (the data has no market-wide hours).

        A weekday is a market day when any stall opens then (from the earliest opening
        to the latest closing); a monthly closing day every stall with hours shares is
        a market holiday (반송큰시장 and 동문재래시장 close on set Sundays this way).
        """
        given = [s.store.opening_hours for s in self.stalls if s.store.opening_hours.is_given]
        days: list[DayHours | None] = []
        for day in range(7):
            spans = [h.days[day] for h in given if h.days[day] is not None]
            opened = [span for span in spans if span is not None and span.opens < span.closes]
            if opened:
                days.append(DayHours(min(s.opens for s in opened), max(s.closes for s in opened)))
            else:
                days.append(spans[0] if spans else None)
        shared: set[MonthlyClosure] = set(given[0].monthly) if given else set()
        for hours in given[1:]:
            shared &= set(hours.monthly)
        return OpeningHours(tuple(days), tuple(shared))


def read_site(services: Services, *, market_slug: str, base_url: str) -> Site:
    """The market, its active stores with their profile links, the exchange rates, its
    coming holidays (five reads, any size)."""
    market = services.directory.get_market(slug=market_slug)
    stores = services.directory.list_store_details(market_slug=market_slug, active_only=True)
    paths = stall_paths((s.id, s.stall_number) for s in stores)
    links = services.onboarding.profile_links_of(store_ids=[s.id for s in stores])
    stalls = tuple(Stall(s, paths[s.id], tuple(links.get(s.id, ()))) for s in stores)
    since = seoul_today() - timedelta(days=1)  # a stall open past midnight needs yesterday's
    holidays = services.holidays.list_holidays(market_slug=market_slug, since=since)
    return Site(base_url, market, stalls, services.rates.rate_card(), holidays=tuple(holidays))
