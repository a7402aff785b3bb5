"""Market holidays: dates a whole market is closed (설날, 추석, a closure), checked as typed."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from kiosk.domain.locales import BABEL_LOCALES, LocaleCode
from kiosk.domain.messages import N_, KioskError, Message, define

#: The longest holiday name kept (a short reason such as "추석 연휴" or "Roof repairs").
NAME_LIMIT = 60
#: Dates before this year or after this many years ahead are refused as typing mistakes.
FIRST_YEAR = 2000
YEARS_AHEAD = 10

DATE_FORMAT = define(
    "holiday.date_format", N_('"{value}" is not a date; type it as YYYY-MM-DD (2027-02-07)')
)
DATE_RANGE = define(
    "holiday.date_range", N_("the date {date} is not between {first} and {last}; check the year")
)
NAME_TOO_LONG = define(
    "holiday.name_too_long", N_("the name has {length} characters; keep it to {limit}")
)
NAME_CONTROL = define(
    "holiday.name_control", N_("the name has a line break or control character; type one line")
)
DUPLICATE = define(
    "holiday.duplicate", N_("{market} already has a holiday on {date} ({name}); nothing was added")
)
NOT_LISTED = define(
    "holiday.not_listed", N_("{market} has no holiday on {date}; nothing to remove")
)


class HolidayError(KioskError):
    """A refused holiday; ``field`` is ``date`` or ``name``."""

    def __init__(self, field: str, message: Message) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True, slots=True, order=True)
class MarketHoliday:
    """One day the whole market is closed; ``name`` the reason ("설날", "") as typed."""

    day: date
    name: str = ""


def parse_day(value: str | date, *, today: date) -> date:
    """The date in *value* (``2027-02-07``); HolidayError naming ``date`` when it is not a
    date or lies before 2000 or more than ten years after *today*."""
    if isinstance(value, date):
        day = value
    else:
        text = value.strip()
        try:
            day = date.fromisoformat(text)
        except ValueError:
            raise HolidayError("date", DATE_FORMAT(value=text[:20])) from None
        if len(text) != 10:  # fromisoformat also takes 20270207
            raise HolidayError("date", DATE_FORMAT(value=text[:20]))
    last = date(today.year + YEARS_AHEAD, 12, 31)
    if not date(FIRST_YEAR, 1, 1) <= day <= last:
        raise HolidayError(
            "date", DATE_RANGE(date=day.isoformat(), first=f"{FIRST_YEAR}-01-01", last=last)
        )
    return day


def check_name(name: str) -> str:
    """The name trimmed; HolidayError naming ``name`` when it is too long or not one line."""
    text = name.strip()
    if any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 or ch in "\u2028\u2029" for ch in text):
        raise HolidayError("name", NAME_CONTROL())
    if len(text) > NAME_LIMIT:
        raise HolidayError("name", NAME_TOO_LONG(length=len(text), limit=NAME_LIMIT))
    return text


def upcoming(holidays: Iterable[MarketHoliday], today: date) -> list[MarketHoliday]:
    """The holidays from *today* on, in date order."""
    return sorted(h for h in holidays if h.day >= today)


@dataclass(frozen=True, slots=True)
class HolidaySpan:
    """Consecutive holiday days with one name (설날 6-8 Feb) shown as one line."""

    first: date
    last: date
    name: str


def spans(holidays: Sequence[MarketHoliday]) -> list[HolidaySpan]:
    """*holidays* (in date order) joined into runs of consecutive days with the same name."""
    found: list[HolidaySpan] = []
    for holiday in holidays:
        last = found[-1] if found else None
        if last and last.name == holiday.name and last.last + timedelta(days=1) == holiday.day:
            found[-1] = HolidaySpan(last.first, holiday.day, holiday.name)
            continue
        found.append(HolidaySpan(holiday.day, holiday.day, holiday.name))
    return found


def span_text(span: HolidaySpan, locale: LocaleCode) -> str:
    """``2027년 2월 6일~8일 설날`` / ``Feb 6 – 8, 2027 설날``: the dates as *locale* writes
    them (Babel's interval pattern), then the name as typed."""
    from babel.dates import format_date, format_interval

    where = BABEL_LOCALES[locale]
    if span.first == span.last:
        when = format_date(span.first, "long", locale=where)
    else:
        when = format_interval(span.first, span.last, "yMMMd", locale=where)
    return f"{when} {span.name}".strip()
