"""Opening hours as data: the old texts are read, and the week is written in five languages."""

from __future__ import annotations

import pytest

from kiosk.domain.hours import (
    DayHours,
    MonthlyClosure,
    OpeningHours,
    day_names,
    parse_legacy_hours,
    parse_time,
)
from kiosk.domain.locales import LOCALES

SUNDAY = 6


def test_every_day_with_the_first_and_third_sunday_closed() -> None:
    hours = parse_legacy_hours("06:00-21:00 (매월 첫째·셋째 일요일 휴무)")
    assert hours.days == (DayHours(360, 1260),) * 7
    assert hours.monthly == (MonthlyClosure(1, SUNDAY), MonthlyClosure(3, SUNDAY))
    assert hours.format("ko") == "매일 06:00–21:00 · 매월 첫째·셋째 일요일 휴무"
    assert hours.format("en") == (
        "Daily 06:00–21:00 · closed on the 1st & 3rd Sundays of the month"
    )
    assert hours.format("ja") == "毎日 06:00–21:00 · 毎月第1・第3日曜定休"
    assert hours.format("zh_Hans") == "每天 06:00–21:00 · 每月第一个、第三个周日休息"
    assert hours.format("zh_Hant") == "每天 06:00–21:00 · 每月第一個、第三個週日休息"


def test_closed_every_sunday() -> None:
    hours = parse_legacy_hours("08:00-18:00 (매주 일요일 휴무)")
    assert hours.days[SUNDAY] is None and hours.days[0] == DayHours(480, 1080)
    assert hours.format("ko") == "08:00–18:00 · 매주 일요일 휴무"
    assert hours.format("en") == "08:00–18:00 · closed on Sundays"
    assert hours.format("ja") == "08:00–18:00 · 毎週日曜定休"
    assert hours.format("zh_Hant") == "08:00–18:00 · 每週日休息"


def test_closed_on_two_weekdays_and_no_stray_sunday() -> None:
    hours = parse_legacy_hours("07:00-20:00 (매주 화요일·목요일 휴무)")
    assert [day is None for day in hours.days] == [False, True, False, True, False, False, False]
    assert hours.format("ko") == "07:00–20:00 · 매주 화요일·목요일 휴무"


def test_midnight_closing_is_24_00() -> None:
    hours = parse_legacy_hours("10:00-24:00")
    assert hours.days == (DayHours(600, 1440),) * 7
    assert hours.format("en") == "Daily 10:00–24:00"


def test_weekdays_grouped_when_hours_differ() -> None:
    week = (DayHours(540, 1080),) * 5 + (DayHours(600, 960), None)
    hours = OpeningHours(week)
    assert hours.format("ko") == "월–금 09:00–18:00, 토 10:00–16:00 · 매주 일요일 휴무"
    assert hours.format("en") == "Mon–Fri 09:00–18:00, Sat 10:00–16:00 · closed on Sundays"


#: The names the screens showed when they were typed by hand; Babel (CLDR) gives them now.
SHOWN_DAY_NAMES = {
    "ko": ("월", "화", "수", "목", "금", "토", "일"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "ja": ("月", "火", "水", "木", "金", "土", "日"),
    "zh_Hans": ("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
    "zh_Hant": ("週一", "週二", "週三", "週四", "週五", "週六", "週日"),
}


@pytest.mark.parametrize("locale", LOCALES)
def test_day_names_from_babel_are_the_ones_shown(locale: str) -> None:
    assert day_names(locale) == SHOWN_DAY_NAMES[locale]  # type: ignore[arg-type]


def test_wide_day_names_for_closing_days() -> None:
    assert day_names("ko", "wide")[SUNDAY] == "일요일"
    assert day_names("en", "wide") == (
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    )


@pytest.mark.parametrize("text", ["", "   "])
def test_blank_is_not_given(text: str) -> None:
    hours = parse_legacy_hours(text)
    assert not hours.is_given
    assert all(hours.format(locale) == "" for locale in LOCALES)


@pytest.mark.parametrize("text", ["half written?", "25:00-26:00", "09:00-09:00", "가끔 열어요"])
def test_unreadable_text_is_kept_whole_as_the_note(text: str) -> None:
    hours = parse_legacy_hours(text)
    assert hours.note == text and hours.is_given
    assert hours.format("ja") == text


def test_an_unknown_remark_keeps_the_hours_and_the_remark() -> None:
    hours = parse_legacy_hours("09:00-18:00 (명절 당일 휴무)")
    assert hours.days == (DayHours(540, 1080),) * 7 and hours.note == "명절 당일 휴무"
    assert hours.format("ko") == "매일 09:00–18:00 · 명절 당일 휴무"


def test_every_demo_store_has_hours_as_data() -> None:
    from kiosk.data.seed import demo_markets

    for market in demo_markets():
        for store in market.stores:
            assert store.hours.note == "", (store.stall_number, store.hours)
            assert any(day is not None for day in store.hours.days)


def test_json_round_trip_and_bad_json() -> None:
    hours = OpeningHours(
        (DayHours(360, 120),) + (None,) * 6, (MonthlyClosure(-1, 2),), note="설날 휴무"
    )
    assert OpeningHours.from_json(hours.to_json()) == hours
    assert OpeningHours.from_json(None) == OpeningHours()
    with pytest.raises(ValueError):
        OpeningHours.from_json({"days": [[1]]})
    with pytest.raises(ValueError):
        OpeningHours.from_json({"days": [None] * 6})


@pytest.mark.parametrize(
    ("text", "minutes"), [("0:00", 0), ("09:30", 570), ("24:00", 1440), (" 7：05 ", 425)]
)
def test_parse_time(text: str, minutes: int) -> None:
    assert parse_time(text) == minutes


@pytest.mark.parametrize("text", ["24:01", "9", "09:60", "nine", "-1:00", ""])
def test_parse_time_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_time(text)


def test_day_hours_rules() -> None:
    assert DayHours(1080, 120).text() == "18:00–02:00"  # a night stall closes after midnight
    for opens, closes in ((600, 600), (-1, 600), (600, 1441), (1440, 60)):
        with pytest.raises(ValueError):
            DayHours(opens, closes)
    with pytest.raises(ValueError):
        MonthlyClosure(6, 0)
