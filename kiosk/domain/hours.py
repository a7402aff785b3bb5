"""Opening hours as data: open and close per weekday, closed days, monthly closing days."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Final, Literal

from kiosk.domain.locales import BABEL_LOCALES, LocaleCode

if TYPE_CHECKING:
    from datetime import date

    from kiosk.domain.market_days import MarketDays

#: Weekdays are numbered as in ``datetime.weekday()``: 0 is Monday, 6 is Sunday.
WEEKDAYS: Final = range(7)
MINUTES_PER_DAY: Final = 24 * 60
#: Week numbers of a monthly rule: 1st..5th, and -1 for the last one of the month.
WEEKS: Final = (1, 2, 3, 4, 5, -1)

_ORDINALS: Final[Mapping[LocaleCode, Mapping[int, str]]] = {
    "ko": {1: "첫째", 2: "둘째", 3: "셋째", 4: "넷째", 5: "다섯째", -1: "마지막"},
    "en": {1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 5: "5th", -1: "last"},
    "ja": {1: "第1", 2: "第2", 3: "第3", 4: "第4", 5: "第5", -1: "最終"},
    "zh_Hans": {1: "第一个", 2: "第二个", 3: "第三个", 4: "第四个", 5: "第五个", -1: "最后一个"},
    "zh_Hant": {1: "第一個", 2: "第二個", 3: "第三個", 4: "第四個", 5: "第五個", -1: "最後一個"},
}
_WORDS: Final[Mapping[LocaleCode, Mapping[str, str]]] = {
    "ko": {
        "daily": "매일",
        "closed": "휴무",
        "weekly": "매주 {days} 휴무",
        "monthly": "매월 {weeks} {day} 휴무",
        "join": "·",
        "sep": ", ",
    },
    "en": {
        "daily": "Daily",
        "closed": "closed",
        "weekly": "closed on {days}",
        "monthly": "closed on the {weeks} {day} of the month",
        "join": " & ",
        "sep": ", ",
    },
    "ja": {
        "daily": "毎日",
        "closed": "定休",
        "weekly": "毎週{days}曜定休",
        "monthly": "毎月{weeks}{day}曜定休",
        "join": "・",
        "sep": "、",
    },
    "zh_Hans": {
        "daily": "每天",
        "closed": "休息",
        "weekly": "每{days}休息",
        "monthly": "每月{weeks}{day}休息",
        "join": "、",
        "sep": "，",
    },
    "zh_Hant": {
        "daily": "每天",
        "closed": "休息",
        "weekly": "每{days}休息",
        "monthly": "每月{weeks}{day}休息",
        "join": "、",
        "sep": "，",
    },
}


@cache
def day_names(
    locale: LocaleCode, width: Literal["abbreviated", "wide"] = "abbreviated"
) -> tuple[str, ...]:
    """The weekday names of *locale*, Monday first, from Babel (CLDR).

    Abbreviated: 월 Mon 月 周一 週一; wide: 월요일 Monday 月曜日 星期一 星期一.
    """
    from babel.dates import get_day_names

    names = get_day_names(width, locale=BABEL_LOCALES[locale])
    return tuple(str(names[day]) for day in WEEKDAYS)


def _day_name(day: int, locale: LocaleCode) -> str:
    return day_names(locale)[day]


def format_minutes(minutes: int) -> str:
    """``HH:MM`` for minutes since midnight; 1440 is ``24:00`` (closing at midnight)."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_time(text: str) -> int:
    """Minutes since midnight of ``H:MM`` or ``HH:MM`` (``24:00`` allowed); ValueError else."""
    match = re.fullmatch(r"\s*(\d{1,2})\s*[:：]\s*(\d{2})\s*", text)
    if match is None:
        raise ValueError(f"not a time of day: {text!r} (use HH:MM)")
    hours, minutes = int(match[1]), int(match[2])
    total = hours * 60 + minutes
    if minutes >= 60 or total > MINUTES_PER_DAY:
        raise ValueError(f"not a time of day: {text!r} (00:00 to 24:00)")
    return total


@dataclass(frozen=True, slots=True)
class DayHours:
    """Open from ``opens`` to ``closes`` (minutes since midnight).

    Rule: ``0 <= opens < 1440``, ``0 < closes <= 1440`` and they differ; a close
    earlier than the opening means after midnight (a night stall 18:00-02:00).
    """

    opens: int
    closes: int

    def __post_init__(self) -> None:
        if not 0 <= self.opens < MINUTES_PER_DAY or not 0 < self.closes <= MINUTES_PER_DAY:
            raise ValueError(f"hours out of range: {self.opens}-{self.closes}")
        if self.opens == self.closes:
            raise ValueError("opening and closing times are the same")

    def text(self) -> str:
        return f"{format_minutes(self.opens)}–{format_minutes(self.closes)}"


@dataclass(frozen=True, slots=True, order=True)
class MonthlyClosure:
    """Closed on the ``week``-th ``weekday`` of every month (``week`` -1: the last one)."""

    week: int
    weekday: int

    def __post_init__(self) -> None:
        if self.week not in WEEKS or self.weekday not in WEEKDAYS:
            raise ValueError(f"bad monthly closing day: week {self.week}, weekday {self.weekday}")


@dataclass(frozen=True, slots=True)
class OpeningHours:
    """A store's week: ``days[d]`` is the hours of weekday *d* or None when closed that day.

    ``monthly`` adds closing days such as "1st and 3rd Sunday of the month".
    ``note`` keeps a text from before hours were data that could not be read
    (shown as is, never lost). All seven days None and no note: not given.
    """

    days: tuple[DayHours | None, ...] = (None,) * 7
    monthly: tuple[MonthlyClosure, ...] = ()
    note: str = ""

    def __post_init__(self) -> None:
        if len(self.days) != 7:
            raise ValueError("opening hours need seven days (Monday first)")
        object.__setattr__(self, "monthly", tuple(sorted(set(self.monthly))))

    @classmethod
    def every_day(cls, opens: int, closes: int, *, closed: Sequence[int] = ()) -> OpeningHours:
        hours = DayHours(opens, closes)
        return cls(tuple(None if day in closed else hours for day in WEEKDAYS))

    @property
    def is_given(self) -> bool:
        return any(day is not None for day in self.days) or bool(self.note)

    def with_day(self, day: int, hours: DayHours | None) -> OpeningHours:
        days = list(self.days)
        days[day] = hours
        return OpeningHours(tuple(days), self.monthly, self.note)

    # JSON shape (stored in stores.opening_hours) ----------------------------------------
    def to_json(self) -> dict[str, Any]:
        return {
            "days": [None if d is None else [d.opens, d.closes] for d in self.days],
            "monthly": [[m.week, m.weekday] for m in self.monthly],
            "note": self.note,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> OpeningHours:
        """The value of :meth:`to_json`; ValueError for anything else."""
        if not data:
            return cls()
        try:
            days = tuple(
                None if d is None else DayHours(int(d[0]), int(d[1])) for d in data["days"]
            )
            monthly = tuple(MonthlyClosure(int(w), int(d)) for w, d in data.get("monthly", ()))
            return cls(days, monthly, str(data.get("note", "")))
        except (KeyError, TypeError, IndexError) as exc:
            raise ValueError(f"not opening hours: {data!r}") from exc

    # Text for people ------------------------------------------------------------------------
    def format(self, locale: LocaleCode) -> str:
        """The week in *locale*: ``매일 06:00–21:00 · 매월 첫째·셋째 일요일 휴무``, ...

        Days with the same hours are grouped (``Mon–Fri 09:00–18:00``); a day
        closed every week is named once. Empty when not given.
        """
        if not any(day is not None for day in self.days):
            return self.note
        words = _WORDS[locale]
        open_hours = {d for d in self.days if d is not None}
        closed = [day for day in WEEKDAYS if self.days[day] is None]
        parts: list[str] = []
        if len(open_hours) == 1:
            only = next(iter(open_hours))
            parts.append(f"{words['daily']} {only.text()}" if not closed else only.text())
        else:
            parts.append(words["sep"].join(self._groups(locale)))
        if closed:
            names = words["join"].join(_weekly_day(day, locale) for day in closed)
            parts.append(words["weekly"].format(days=names))
        for day in sorted({m.weekday for m in self.monthly}):
            weeks = [m.week for m in self.monthly if m.weekday == day]
            ordinals = words["join"].join(_ORDINALS[locale][w] for w in sorted(weeks, key=_wk))
            parts.append(words["monthly"].format(weeks=ordinals, day=_weekly_day(day, locale)))
        text = " · ".join(parts)
        return f"{text} · {self.note}" if self.note else text

    def _groups(self, locale: LocaleCode) -> list[str]:
        groups: list[tuple[int, int, DayHours]] = []
        for day in WEEKDAYS:
            hours = self.days[day]
            if hours is None:
                continue
            if groups and groups[-1][2] == hours and groups[-1][1] == day - 1:
                groups[-1] = (groups[-1][0], day, hours)
            else:
                groups.append((day, day, hours))
        texts = []
        for first, last, hours in groups:
            span = _day_name(first, locale)
            if last != first:
                span += ("–" if last > first + 1 else _WORDS[locale]["join"]) + _day_name(
                    last, locale
                )
            texts.append(f"{span} {hours.text()}")
        return texts


def _wk(week: int) -> int:
    return 99 if week == -1 else week


def _weekly_day(day: int, locale: LocaleCode) -> str:
    """The day as used in "closed on Sundays": 일요일, Sundays, 日, 周日."""
    if locale == "ko":
        return day_names(locale, "wide")[day]
    if locale == "en":
        return day_names(locale, "wide")[day] + "s"
    return _day_name(day, locale)


# Parsing the old free-text hours ----------------------------------------------------------
_KO_WEEKS: Final = {"첫째": 1, "둘째": 2, "셋째": 3, "넷째": 4, "다섯째": 5, "마지막": -1}
_RANGE = re.compile(r"^\s*(\d{1,2}:\d{2})\s*[-~–]\s*(\d{1,2}:\d{2})\s*(?:\((.*)\))?\s*$")
_WEEKLY = re.compile(r"^매주\s*((?:[월화수목금토일](?:요일)?[·,\s]*)+)\s*휴무$")
_MONTHLY = re.compile(
    r"^매월\s*((?:(?:첫째|둘째|셋째|넷째|다섯째|마지막)[·,\s]*)+)\s*([월화수목금토일])요일\s*휴무$"
)


def parse_legacy_hours(text: str) -> OpeningHours:
    """Read the free-text hours stores had before hours were data.

    Understands ``06:00-21:00``, ``10:00-24:00``, ``08:00-18:00 (매주 일요일 휴무)``
    and ``06:00-21:00 (매월 첫째·셋째 일요일 휴무)``. Anything else is kept whole
    as the ``note`` (nothing is lost); an empty text is "not given".
    """
    stripped = text.strip()
    if not stripped:
        return OpeningHours()
    match = _RANGE.match(stripped)
    if match is None:
        return OpeningHours(note=stripped)
    try:
        hours = DayHours(parse_time(match[1]), parse_time(match[2]))
    except ValueError:
        return OpeningHours(note=stripped)
    remark = (match[3] or "").strip()
    if not remark:
        return OpeningHours((hours,) * 7)
    weekly = _WEEKLY.match(remark)
    if weekly is not None:
        named = weekly[1].replace("요일", "")
        closed = {day_names("ko").index(ch) for ch in re.findall(r"[월화수목금토일]", named)}
        return OpeningHours(tuple(None if d in closed else hours for d in WEEKDAYS))
    monthly = _MONTHLY.match(remark)
    if monthly is not None:
        day = day_names("ko").index(monthly[2])
        weeks = re.findall(r"첫째|둘째|셋째|넷째|다섯째|마지막", monthly[1])
        return OpeningHours((hours,) * 7, tuple(MonthlyClosure(_KO_WEEKS[w], day) for w in weeks))
    return OpeningHours((hours,) * 7, note=remark)


def open_on(hours: OpeningHours, day: date, market_days: MarketDays | None = None) -> bool:
    """Whether a store with *hours* opens at all on *day* in a market held on *market_days*.

    Not a market day (a 5일장 between its days): closed. Otherwise the store's
    own week decides; hours not given count as open (the market's day rules).
    Monthly closing days are not counted here (``format`` names them).
    """
    if market_days is not None and not market_days.is_market_day(day):
        return False
    if not any(d is not None for d in hours.days):
        return True
    return hours.days[day.weekday()] is not None
