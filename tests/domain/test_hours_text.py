"""The opening-hours cell: what the file writes is read back to the same hours, bad text refused."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain.hours import DayHours, MonthlyClosure, OpeningHours, parse_legacy_hours
from kiosk.domain.hours_text import HoursTextError, hours_cell, parse_hours_cell

_day_hours = st.builds(
    DayHours,
    st.integers(0, 1439),
    st.integers(1, 1440),
).filter(lambda d: d.opens != d.closes)


@st.composite
def day_hours(draw: st.DrawFn) -> DayHours:
    opens = draw(st.integers(0, 1439))
    closes = draw(st.integers(1, 1440).filter(lambda c: c != opens))
    return DayHours(opens, closes)


@st.composite
def weeks(draw: st.DrawFn) -> OpeningHours:
    pool = draw(st.lists(day_hours(), min_size=1, max_size=3))
    days = tuple(draw(st.one_of(st.none(), st.sampled_from(pool))) for _ in range(7))
    monthly = draw(
        st.lists(
            st.builds(MonthlyClosure, st.sampled_from((1, 2, 3, 4, 5, -1)), st.integers(0, 6)),
            max_size=3,
        )
    )
    note = draw(st.one_of(st.just(""), st.text(min_size=1, max_size=30)))
    return OpeningHours(days, tuple(monthly), note)


@settings(max_examples=400)
@given(weeks())
def test_every_week_reads_back_exactly(hours: OpeningHours) -> None:
    assert parse_hours_cell(hours_cell(hours)) == hours


def test_the_cell_is_the_korean_text_of_the_store_page() -> None:
    hours = parse_legacy_hours("06:00-21:00 (매월 첫째·셋째 일요일 휴무)")
    assert hours.format("ko") == "매일 06:00–21:00 · 매월 첫째·셋째 일요일 휴무"
    assert hours_cell(hours) == "매일 06:00-21:00 · 매월 첫째·셋째 일요일 휴무"  # CP949 has no –
    week = OpeningHours((DayHours(540, 1080),) * 5 + (DayHours(600, 900), None))
    assert hours_cell(week) == "월-금 09:00-18:00, 토 10:00-15:00 · 매주 일요일 휴무"
    assert hours_cell(week).encode("cp949")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("06:00-21:00", OpeningHours.every_day(360, 1260)),
        ("매일 6:00~21:00", OpeningHours.every_day(360, 1260)),
        ("08:00-18:00 (매주 일요일 휴무)", OpeningHours.every_day(480, 1080, closed=(6,))),
        ("08:00–18:00 · 매주 일요일 휴무", OpeningHours.every_day(480, 1080, closed=(6,))),
        ("매일 08:00-18:00 · 매주 일요일 휴무", OpeningHours.every_day(480, 1080, closed=(6,))),
        ("18:00-02:00", OpeningHours.every_day(1080, 120)),
        ("", OpeningHours()),
        ("메모: 명절 당일 휴무", OpeningHours(note="명절 당일 휴무")),
        (
            "월·수 09:00-12:00 · 메모: 오후는 배달",
            OpeningHours(
                (DayHours(540, 720), None, DayHours(540, 720), *(None,) * 4), (), "오후는 배달"
            ),
        ),
    ],
)
def test_what_a_manager_types(typed: str, expected: OpeningHours) -> None:
    assert parse_hours_cell(typed) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "10시~20시",
        "아침부터 저녁까지",
        "25:00-26:00",
        "08:00-08:00",
        "월–금 09:00–18:00 · 매주 월요일 휴무",
        "금–월 09:00–18:00",
        "매주 일요일 휴무",
        "08:00-20:00 (연중무휴)",
        "매일 08:00-20:00 · 가끔 쉼",
    ],
)
def test_text_that_is_not_hours_is_refused(typed: str) -> None:
    with pytest.raises(HoursTextError):
        parse_hours_cell(typed)
