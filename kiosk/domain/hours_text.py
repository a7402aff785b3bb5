"""Opening hours as one line of Korean a manager edits in Excel, read back to the same value.

The line is what the store page shows in Korean (``OpeningHours.format("ko")``)
with a plain hyphen for the dash, which CP949 (Korean Excel's CSV) can hold:
``매일 06:00-21:00 · 매월 첫째·셋째 일요일 휴무``, ``월-금 09:00-18:00, 토 10:00-15:00 ·
매주 일요일 휴무``. A free note comes last after ``메모:`` (``... · 메모: 명절 당일 휴무``),
so nothing a manager types is mistaken for hours or lost. ``parse_hours_cell``
reads back exactly what ``hours_cell`` writes (tests/domain/test_hours_text.py
proves it for generated weeks) and also takes ``-``/``~`` for the dash and the
old ``06:00-21:00 (매주 일요일 휴무)`` form.
"""

from __future__ import annotations

import re
from typing import Final

from kiosk.domain.hours import (
    WEEKDAYS,
    DayHours,
    MonthlyClosure,
    OpeningHours,
    day_names,
    parse_legacy_hours,
    parse_time,
)

NOTE_PREFIX: Final = "메모: "
_WEEK_WORDS: Final = {1: "첫째", 2: "둘째", 3: "셋째", 4: "넷째", 5: "다섯째", -1: "마지막"}
_WEEK_NUMBERS: Final = {word: number for number, word in _WEEK_WORDS.items()}
_DASH: Final = r"\s*[-~–—]\s*"
_TIME: Final = r"\d{1,2}\s*[:：]\s*\d{2}"
_RANGE = re.compile(rf"^({_TIME}){_DASH}({_TIME})$")
_DAY = r"[월화수목금토일](?:요일)?"
_GROUP = re.compile(rf"^({_DAY})(?:\s*([-~–—·])\s*({_DAY}))?\s+(.+)$")
_WEEKLY = re.compile(rf"^매주\s*({_DAY}(?:\s*[·,]\s*{_DAY})*)\s*휴무$")
_WEEK_LIST = r"(?:첫째|둘째|셋째|넷째|다섯째|마지막)"
_MONTHLY = re.compile(rf"^매월\s*({_WEEK_LIST}(?:\s*[·,]\s*{_WEEK_LIST})*)\s*({_DAY})\s*휴무$")
_NOTE = re.compile(r"(?:^|\s·\s|\n)\s*메모\s*[:：] ?", re.DOTALL)
_PARTS = re.compile(r"\s+·\s+|\s*\n\s*")


class HoursTextError(ValueError):
    """The text is not opening hours in the file's form (the import names the cell)."""


def _week_order(week: int) -> int:
    return 99 if week == -1 else week


def hours_cell(hours: OpeningHours) -> str:
    """The one-line Korean form of *hours* (empty when not given)."""
    parts: list[str] = []
    if any(day is not None for day in hours.days):
        parts.append(OpeningHours(hours.days, hours.monthly).format("ko").replace("–", "-"))
    else:
        for weekday in sorted({m.weekday for m in hours.monthly}):
            weeks = sorted((m.week for m in hours.monthly if m.weekday == weekday), key=_week_order)
            words = "·".join(_WEEK_WORDS[w] for w in weeks)
            day = day_names("ko", "wide")[weekday]
            parts.append(f"매월 {words} {day} 휴무")
    if hours.note:
        parts.append(NOTE_PREFIX + hours.note)
    return " · ".join(parts)


def _day(text: str) -> int:
    return day_names("ko").index(text[0])


def _range(text: str) -> DayHours:
    match = _RANGE.match(text.strip())
    if match is None:
        raise HoursTextError(text)
    try:
        return DayHours(parse_time(match[1]), parse_time(match[2]))
    except ValueError:
        raise HoursTextError(text) from None


def _days_part(text: str) -> tuple[list[DayHours | None], str]:
    """The week a days part names and its kind: ``daily``, ``single`` (one range) or ``groups``."""
    text = text.strip()
    if text.startswith("매일"):
        return [_range(text.removeprefix("매일"))] * 7, "daily"
    if _RANGE.match(text):
        return [_range(text)] * 7, "single"
    days: list[DayHours | None] = [None] * 7
    for group in re.split(r"\s*,\s*", text):
        match = _GROUP.match(group)
        if match is None:
            raise HoursTextError(group)
        first = _day(match[1])
        last = _day(match[3]) if match[3] else first
        if match[2] == "·":
            span = [first, last]
        elif last >= first:
            span = list(range(first, last + 1))
        else:
            raise HoursTextError(group)
        hours = _range(match[4])
        for day in span:
            if days[day] is not None:
                raise HoursTextError(group)
            days[day] = hours
    return days, "groups"


def parse_hours_cell(text: str) -> OpeningHours:
    """The hours :func:`hours_cell` wrote (or a manager typed in that form).

    Raises HoursTextError for anything else: free text must follow ``메모:``.
    A weekly closing day overrides ``매일``; a day given hours in a list of
    days and also named as closed is refused.
    """
    note = ""
    found = _NOTE.search(text)
    if found is not None:
        note = text[found.end() :]
        text = text[: found.start()]
    text = text.strip()
    if not text:
        return OpeningHours(note=note)
    if not note and re.match(rf"^{_TIME}{_DASH}{_TIME}\s*\(.*\)$", text):
        parsed = parse_legacy_hours(text)  # the old "06:00-21:00 (매주 일요일 휴무)" form
        if parsed.note:
            raise HoursTextError(text)
        return parsed
    parts = _PARTS.split(text)
    days: list[DayHours | None] = [None] * 7
    kind = "none"
    if not parts[0].startswith(("매주", "매월")):
        days, kind = _days_part(parts.pop(0))
    closed: set[int] = set()
    monthly: list[MonthlyClosure] = []
    for part in parts:
        weekly = _WEEKLY.match(part.strip())
        if weekly is not None:
            closed |= {
                _day(d) for d in re.findall(r"[월화수목금토일]", weekly[1].replace("요일", ""))
            }
            continue
        month = _MONTHLY.match(part.strip())
        if month is None:
            raise HoursTextError(part)
        weekday = _day(month[2])
        for word in re.findall(_WEEK_LIST, month[1]):
            monthly.append(MonthlyClosure(_WEEK_NUMBERS[word], weekday))
    if closed and (kind in ("none", "groups") and any(days[d] is not None for d in closed)):
        raise HoursTextError(text)
    week = tuple(None if d in closed else days[d] for d in WEEKDAYS)
    if closed and not any(day is not None for day in week):
        raise HoursTextError(text)
    return OpeningHours(week, tuple(monthly), note)
