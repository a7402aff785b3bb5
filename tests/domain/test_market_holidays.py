"""Market holidays as values: typed dates and names checked, runs of days, open-now at edges."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kiosk.domain.hours import OpeningHours
from kiosk.domain.market_holidays import (
    HolidayError,
    HolidaySpan,
    MarketHoliday,
    check_name,
    parse_day,
    span_text,
    spans,
    upcoming,
)
from kiosk.domain.open_now import OpenKind, open_state
from kiosk.i18n import set_locale

TODAY = date(2026, 12, 6)
#: 설날 2027 (the demo markets' holidays): Saturday 6 to Monday 8 February.
SEOLLAL = {date(2027, 2, 6), date(2027, 2, 7), date(2027, 2, 8)}
EVE, AFTER = date(2027, 2, 5), date(2027, 2, 9)
DAILY = OpeningHours.every_day(8 * 60, 21 * 60)
NIGHT = OpeningHours.every_day(18 * 60, 2 * 60)
TILL_MIDNIGHT = OpeningHours.every_day(18 * 60, 24 * 60)


@pytest.fixture(autouse=True)
def english() -> None:
    set_locale("en")


def at(day: date, hh: int, mm: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hh, mm)


@pytest.mark.parametrize(
    ("hours", "when", "kind"),
    [
        (DAILY, at(EVE, 20, 59), OpenKind.OPEN),
        (TILL_MIDNIGHT, at(EVE, 23, 59), OpenKind.OPEN),  # closes at 24:00 on the eve
        (TILL_MIDNIGHT, at(date(2027, 2, 6), 0, 0), OpenKind.HOLIDAY),  # midnight: the holiday
        (DAILY, at(date(2027, 2, 7), 12), OpenKind.HOLIDAY),
        (TILL_MIDNIGHT, at(date(2027, 2, 8), 23, 59), OpenKind.HOLIDAY),
        (DAILY, at(AFTER, 0, 0), OpenKind.CLOSED),  # the day after, before opening
        (DAILY, at(AFTER, 8, 0), OpenKind.OPEN),
        (TILL_MIDNIGHT, at(AFTER, 18, 0), OpenKind.OPEN),
    ],
)
def test_open_now_around_a_market_holiday(
    hours: OpeningHours, when: datetime, kind: OpenKind
) -> None:
    assert open_state(hours, when, holidays=SEOLLAL).kind is kind


def test_a_night_opening_on_the_eve_runs_into_the_holiday_but_none_starts_on_it() -> None:
    # 18:00-02:00 belongs to the day it starts: the eve's opening runs to 02:00 on the holiday
    assert open_state(NIGHT, at(date(2027, 2, 6), 1, 59), holidays=SEOLLAL).is_open
    assert open_state(NIGHT, at(date(2027, 2, 6), 2, 0), holidays=SEOLLAL).kind is OpenKind.HOLIDAY
    # the holiday's evening does not open, so the small hours after it are closed
    assert not open_state(NIGHT, at(AFTER, 1), holidays=SEOLLAL).is_open
    assert open_state(NIGHT, at(AFTER, 18), holidays=SEOLLAL).is_open


def test_on_the_first_holiday_it_says_when_it_opens_again() -> None:
    state = open_state(DAILY, at(date(2027, 2, 6), 12), holidays=SEOLLAL)
    assert state.kind is OpenKind.HOLIDAY
    assert (state.opens_at, state.opens_in_days, state.opens_weekday) == (480, 3, 1)


def test_without_the_holiday_dates_the_same_day_is_open() -> None:
    assert open_state(DAILY, at(date(2027, 2, 7), 12)).is_open


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2027-13-01", '"2027-13-01" is not a date; type it as YYYY-MM-DD'),
        ("2027/02/07", "is not a date"),
        ("20270207", "is not a date"),
        ("", '"" is not a date'),
        ("설날", "is not a date"),
        ("1999-12-31", "the date 1999-12-31 is not between 2000-01-01 and 2036-12-31"),
        ("2037-01-01", "is not between"),
    ],
)
def test_a_bad_date_names_the_field_and_says_why(text: str, words: str) -> None:
    with pytest.raises(HolidayError) as caught:
        parse_day(text, today=TODAY)
    assert caught.value.field == "date"
    assert words in str(caught.value)


def test_a_good_date_and_name() -> None:
    assert parse_day(" 2027-02-07 ", today=TODAY) == date(2027, 2, 7)
    assert parse_day(date(2027, 2, 7), today=TODAY) == date(2027, 2, 7)
    assert check_name("  설날 연휴 ") == "설날 연휴"
    assert check_name("") == ""


@pytest.mark.parametrize(
    ("name", "words"), [("설날\n연휴", "one line"), ("가" * 61, "61 characters")]
)
def test_a_bad_name_names_the_field(name: str, words: str) -> None:
    with pytest.raises(HolidayError) as caught:
        check_name(name)
    assert caught.value.field == "name" and words in str(caught.value)


def test_runs_of_days_with_one_name_are_one_span() -> None:
    days = [MarketHoliday(d, "설날") for d in sorted(SEOLLAL)]
    days += [MarketHoliday(date(2027, 2, 10), "설날"), MarketHoliday(date(2027, 2, 11), "공사")]
    assert spans(days) == [
        HolidaySpan(date(2027, 2, 6), date(2027, 2, 8), "설날"),
        HolidaySpan(date(2027, 2, 10), date(2027, 2, 10), "설날"),
        HolidaySpan(date(2027, 2, 11), date(2027, 2, 11), "공사"),
    ]
    assert upcoming(days, date(2027, 2, 8))[0].day == date(2027, 2, 8)


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("ko", "2027년 2월 6일~8일 설날"),
        ("en", "Feb 6 – 8, 2027 설날"),
        ("ja", "2027年2月6日～8日 설날"),
        ("zh_Hant", "2027年2月6日至8日 설날"),
    ],
)
def test_a_span_reads_as_each_language_writes_dates(locale: str, text: str) -> None:
    span = HolidaySpan(date(2027, 2, 6), date(2027, 2, 8), "설날")
    assert span_text(span, locale).replace("\u2009", " ") == text  # type: ignore[arg-type]
    one = HolidaySpan(date(2027, 9, 15), date(2027, 9, 15), "")
    assert span_text(one, "en") == "September 15, 2027"
