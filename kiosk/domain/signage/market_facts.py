"""What the loop knows about a market: its usual week, halls and payments, from its stores."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from kiosk.domain.hours import WEEKDAYS, DayHours, MonthlyClosure, OpeningHours
from kiosk.domain.listing import MarketInfo, StoreDetail
from kiosk.domain.market_holidays import MarketHoliday
from kiosk.domain.payments import PaymentMethod
from kiosk.domain.promotions import Promotion
from kiosk.domain.signage.wallets import FOREIGN_WALLETS

_HALL = re.compile(r"^\s*([A-Za-z가-힣]+)\s*[-‐–]?\s*\d")


@dataclass(frozen=True, slots=True)
class StoreFacts:
    """The few facts of one active store the welcome and wallet slides count."""

    id: int
    stall_number: str
    hours: OpeningHours
    payment_methods: tuple[PaymentMethod, ...]
    goods: int = 0


@dataclass(frozen=True, slots=True)
class MarketSummary:
    """A market at a glance: its usual week (``hours``: what most stores keep), its halls
    (``(name, store count)`` from stall numbers such as ``A-12``; empty when the stall
    numbers name none), its store count and how many stores take a foreign wallet."""

    hours: OpeningHours = field(default_factory=OpeningHours)
    halls: tuple[tuple[str, int], ...] = ()
    store_count: int = 0
    methods: Mapping[PaymentMethod, int] = field(default_factory=dict)
    wallet_stores: int = 0


@dataclass(frozen=True, slots=True)
class SignageData:
    """Everything the loop shows of one market, read in one go (the last good copy is kept
    while the database is away). ``featured`` are candidate stores with goods, best first."""

    market: MarketInfo
    summary: MarketSummary
    promotions: tuple[Promotion, ...] = ()
    featured: tuple[StoreDetail, ...] = ()
    #: The market's holidays (dates it is closed), the welcome slide lists the next ones.
    holidays: tuple[MarketHoliday, ...] = ()


def usual_week(hours: Iterable[OpeningHours]) -> OpeningHours:
    """The week most stores keep: per weekday the commonest hours when more than half of the
    stores with hours open that day (else closed), and the monthly closing days more than
    half of them share. Not given when no store has hours."""
    given = [h for h in hours if any(d is not None for d in h.days)]
    if not given:
        return OpeningHours()
    half = len(given) / 2
    days: list[DayHours | None] = []
    for day in WEEKDAYS:
        open_that_day = Counter(h.days[day] for h in given if h.days[day] is not None)
        total = sum(open_that_day.values())
        days.append(open_that_day.most_common(1)[0][0] if total > half else None)
    closures = Counter(m for h in given for m in set(h.monthly))
    monthly = tuple(m for m, count in closures.items() if count > half)
    if not any(d is not None for d in days):
        return OpeningHours()
    return OpeningHours(tuple(days), _open_days_only(monthly, days))


def _open_days_only(
    monthly: tuple[MonthlyClosure, ...], days: list[DayHours | None]
) -> tuple[MonthlyClosure, ...]:
    """A monthly closing day on a weekday closed every week says nothing more."""
    return tuple(m for m in monthly if days[m.weekday] is not None)


def halls(stalls: Iterable[str]) -> tuple[tuple[str, int], ...]:
    """``(hall, store count)`` from stall numbers like ``A-1`` or ``가12``, in name order;
    empty unless every stall names a hall and there are at least two halls."""
    counts: Counter[str] = Counter()
    for stall in stalls:
        match = _HALL.match(stall)
        if match is None:
            return ()
        counts[match[1].upper()] += 1
    return tuple(sorted(counts.items())) if len(counts) >= 2 else ()


def summarise(stores: Iterable[StoreFacts]) -> MarketSummary:
    """The market's summary from its active stores' facts."""
    listed = list(stores)
    methods: Counter[PaymentMethod] = Counter()
    wallet_stores = 0
    for store in listed:
        methods.update(set(store.payment_methods))
        if any(method in FOREIGN_WALLETS for method in store.payment_methods):
            wallet_stores += 1
    return MarketSummary(
        hours=usual_week(store.hours for store in listed),
        halls=halls(store.stall_number for store in listed),
        store_count=len(listed),
        methods=dict(methods),
        wallet_stores=wallet_stores,
    )
