"""Open now from structured hours on Seoul's clock: midnight, night stalls, closed days."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from kiosk.domain.hours import DayHours, MonthlyClosure, OpeningHours, parse_legacy_hours
from kiosk.domain.open_now import OpenKind, is_monthly_closure, open_state

SUNDAY, WEDNESDAY = 6, 2
#: 2026-12-02 is a Wednesday; the first Sunday of December 2026 is the 6th.
WED = date(2026, 12, 2)


def at(day: date, hh: int, mm: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hh, mm)


DAILY = OpeningHours.every_day(8 * 60, 21 * 60)
NIGHT = OpeningHours.every_day(18 * 60, 2 * 60)  # 18:00-02:00, past midnight
TILL_MIDNIGHT = OpeningHours.every_day(18 * 60, 24 * 60)


def test_open_during_the_day_and_says_until_when() -> None:
    state = open_state(DAILY, at(WED, 12))
    assert state.kind is OpenKind.OPEN and state.closes_at == 21 * 60


def test_before_opening_says_it_opens_today_at_eight() -> None:
    state = open_state(DAILY, at(WED, 7, 59))
    assert state.kind is OpenKind.CLOSED
    assert (state.opens_at, state.opens_in_days) == (8 * 60, 0)


def test_closing_minute_is_closed_and_the_next_opening_is_tomorrow() -> None:
    state = open_state(DAILY, at(WED, 21))
    assert state.kind is OpenKind.CLOSED
    assert (state.opens_at, state.opens_in_days, state.opens_weekday) == (480, 1, 3)


@pytest.mark.parametrize(("hh", "mm", "is_open"), [(23, 59, True), (0, 0, False), (0, 1, False)])
def test_a_stall_closing_at_midnight(hh: int, mm: int, is_open: bool) -> None:
    assert open_state(TILL_MIDNIGHT, at(WED, hh, mm)).is_open is is_open


@pytest.mark.parametrize(("hh", "mm", "is_open"), [(0, 0, True), (1, 59, True), (2, 0, False)])
def test_a_night_stall_stays_open_past_midnight(hh: int, mm: int, is_open: bool) -> None:
    state = open_state(NIGHT, at(WED, hh, mm))
    assert state.is_open is is_open
    if is_open:
        assert state.closes_at == 2 * 60


def test_past_midnight_after_a_closed_day_is_closed() -> None:
    hours = NIGHT.with_day(1, None)  # closed on Tuesdays: nothing carries into Wednesday
    assert not open_state(hours, at(WED, 1)).is_open


def test_weekly_closed_day_names_the_next_opening_day() -> None:
    hours = parse_legacy_hours("08:00-20:00 (매주 수요일 휴무)")
    state = open_state(hours, at(WED, 12))
    assert state.kind is OpenKind.CLOSED
    assert (state.opens_at, state.opens_in_days, state.opens_weekday) == (480, 1, 3)


def test_monthly_market_holiday_is_a_holiday() -> None:
    hours = parse_legacy_hours("06:00-21:00 (매월 첫째·셋째 일요일 휴무)")
    first_sunday, second_sunday = date(2026, 12, 6), date(2026, 12, 13)
    assert is_monthly_closure(hours, first_sunday)
    assert not is_monthly_closure(hours, second_sunday)
    state = open_state(hours, at(first_sunday, 12))
    assert state.kind is OpenKind.HOLIDAY
    assert (state.opens_at, state.opens_in_days) == (360, 1)
    assert open_state(hours, at(second_sunday, 12)).is_open


def test_last_weekday_of_the_month() -> None:
    hours = OpeningHours(DAILY.days, (MonthlyClosure(-1, WEDNESDAY),))
    assert open_state(hours, at(date(2026, 12, 30), 12)).kind is OpenKind.HOLIDAY
    assert open_state(hours, at(date(2026, 12, 23), 12)).is_open


def test_holiday_dates_close_the_market_and_its_night_hours() -> None:
    chuseok = date(2026, 9, 25)
    assert open_state(DAILY, at(chuseok, 12), holidays={chuseok}).kind is OpenKind.HOLIDAY
    # the small hours after a holiday evening are not open on the holiday's hours
    assert not open_state(NIGHT, at(date(2026, 9, 26), 1), holidays={chuseok}).is_open


def test_time_zone_is_seoul() -> None:
    # 23:30 UTC on Tuesday is 08:30 on Wednesday in Seoul
    assert open_state(DAILY, datetime(2026, 12, 1, 23, 30, tzinfo=UTC)).is_open
    assert not open_state(DAILY, datetime(2026, 12, 1, 22, 30, tzinfo=UTC)).is_open


def test_no_structured_hours_is_unknown() -> None:
    assert open_state(OpeningHours(), at(WED, 12)).kind is OpenKind.UNKNOWN
    assert open_state(OpeningHours(note="명절 휴무"), at(WED, 12)).kind is OpenKind.UNKNOWN


def test_open_every_day_but_every_day_a_holiday_has_no_next_opening() -> None:
    hours = OpeningHours((DayHours(480, 1260), *([None] * 6)))
    mondays = {date(2026, 12, 7 + 7 * week) for week in range(3)}
    state = open_state(hours, at(WED, 12), holidays=mondays)
    assert state.kind is OpenKind.CLOSED and state.opens_at is None
