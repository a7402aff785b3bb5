"""Open now or closed, and when a store opens next, from its structured hours on Seoul's clock."""

from __future__ import annotations

import calendar
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Final
from zoneinfo import ZoneInfo

from kiosk.domain.hours import DayHours, OpeningHours

#: Every market keeps Korean time (no daylight saving time).
SEOUL: Final = ZoneInfo("Asia/Seoul")
#: How far ahead the next opening is looked for (two weeks covers any weekly and monthly rule).
_LOOK_AHEAD_DAYS: Final = 14


class OpenKind(StrEnum):
    """What the store is doing at the moment asked about."""

    UNKNOWN = "unknown"  # no structured hours: say nothing rather than guess
    OPEN = "open"
    CLOSED = "closed"  # before opening or after closing on an open day, or a weekly closed day
    HOLIDAY = "holiday"  # a market holiday: a monthly closing day or a holiday date


@dataclass(frozen=True, slots=True)
class OpenState:
    """The store's state at one moment.

    ``closes_at`` (minutes after midnight, 1440 = midnight) is set while open;
    ``opens_at`` and ``opens_in_days`` (0 today, 1 tomorrow, ...) while closed
    and an opening lies within two weeks.
    """

    kind: OpenKind
    closes_at: int | None = None
    opens_at: int | None = None
    opens_in_days: int | None = None
    opens_weekday: int | None = None

    @property
    def is_open(self) -> bool:
        return self.kind is OpenKind.OPEN


def in_seoul(at: datetime) -> datetime:
    """*at* on Seoul's clock; a naive datetime is taken to be Seoul time already."""
    return at.replace(tzinfo=SEOUL) if at.tzinfo is None else at.astimezone(SEOUL)


def is_monthly_closure(hours: OpeningHours, day: date) -> bool:
    """Whether *day* is one of the "n-th weekday of the month" closing days of *hours*."""
    week = (day.day - 1) // 7 + 1
    last = day.day + 7 > calendar.monthrange(day.year, day.month)[1]
    return any(
        rule.weekday == day.weekday() and (rule.week == week or (rule.week == -1 and last))
        for rule in hours.monthly
    )


def is_holiday(hours: OpeningHours, day: date, holidays: Collection[date] = ()) -> bool:
    """A market holiday: a monthly closing day of the hours or one of the *holidays* dates."""
    return day in holidays or is_monthly_closure(hours, day)


def _hours_on(hours: OpeningHours, day: date, holidays: Collection[date]) -> DayHours | None:
    """The hours of *day*, or None when it is closed (weekly closed day or market holiday)."""
    if is_holiday(hours, day, holidays):
        return None
    return hours.days[day.weekday()]


def _overnight(day_hours: DayHours) -> bool:
    return day_hours.closes < day_hours.opens


def open_state(hours: OpeningHours, at: datetime, *, holidays: Collection[date] = ()) -> OpenState:
    """The state of a store with *hours* at *at* (Seoul time), market holidays included.

    An opening that runs past midnight (18:00-02:00) belongs to the day it starts
    on: at 01:00 on Tuesday the store is open on Monday's hours, unless Monday was
    closed. A closing at 24:00 means open until midnight. *holidays* are dates the
    whole market is closed (beside the monthly closing days of the hours).
    """
    if not any(day is not None for day in hours.days):
        return OpenState(OpenKind.UNKNOWN)
    local = in_seoul(at)
    today, minute = local.date(), local.hour * 60 + local.minute
    yesterday = _hours_on(hours, today - timedelta(days=1), holidays)
    if yesterday is not None and _overnight(yesterday) and minute < yesterday.closes:
        return OpenState(OpenKind.OPEN, closes_at=yesterday.closes)
    current = _hours_on(hours, today, holidays)
    opened = current is not None and current.opens <= minute
    if current is not None and opened and (_overnight(current) or minute < current.closes):
        return OpenState(OpenKind.OPEN, closes_at=current.closes)
    kind = OpenKind.HOLIDAY if is_holiday(hours, today, holidays) else OpenKind.CLOSED
    start = 0 if current is not None and minute < current.opens else 1
    for offset in range(start, _LOOK_AHEAD_DAYS + 1):
        day = today + timedelta(days=offset)
        found = _hours_on(hours, day, holidays)
        if found is not None:
            return OpenState(
                kind, opens_at=found.opens, opens_in_days=offset, opens_weekday=day.weekday()
            )
    return OpenState(kind)
