"""Promotions: the checks of a draft, the schedule in Asia/Seoul and the text fallbacks."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest

from kiosk.domain.promotions import (
    MAX_IMAGE_BYTES,
    Promotion,
    PromotionDraft,
    TimeWindow,
    is_showing,
    parse_weekdays,
    problems,
    weekdays_text,
)
from kiosk.domain.text import LocalizedText

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 16
JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 16


def _draft(**changes: object) -> PromotionDraft:
    base: dict[str, object] = {
        "market_slug": "m",
        "title": LocalizedText({"ko": "할인"}),
        "text": LocalizedText({"ko": "오늘 할인"}),
        "starts_on": date(2026, 12, 1),
        "ends_on": date(2026, 12, 31),
    }
    base.update(changes)
    return PromotionDraft(**base)  # type: ignore[arg-type]


def _promo(**changes: object) -> Promotion:
    draft = _draft(**changes)
    return Promotion(
        id=1,
        market_slug=draft.market_slug,
        title=draft.title,
        text=draft.text,
        starts_on=draft.starts_on,
        ends_on=draft.ends_on,
        kind=draft.kind,
        store_id=draft.store_id,
        weekdays=draft.weekdays,
        window=draft.window,
        image=draft.image,
    )


@pytest.mark.parametrize(
    ("changes", "fields"),
    [
        ({}, []),
        ({"ends_on": date(2026, 11, 30)}, ["ends_on"]),
        ({"ends_on": date(2026, 12, 1)}, []),  # one day
        ({"title": LocalizedText({"ko": " "})}, ["title"]),
        ({"text": LocalizedText({})}, ["text"]),
        ({"title": LocalizedText({"en": "x" * 81})}, ["title.en"]),
        ({"title": LocalizedText({"en": "x" * 80})}, []),
        ({"text": LocalizedText({"ja": "x" * 401})}, ["text.ja"]),
        ({"weekdays": frozenset({0, 7})}, ["weekdays"]),
        ({"weekdays": frozenset({-1})}, ["weekdays"]),
        ({"window": TimeWindow(time(9), time(9))}, ["window"]),
        ({"window": TimeWindow(time(22), time(2))}, []),
        ({"image": PNG}, []),
        ({"image": JPEG}, []),
        ({"image": b"GIF89a" + b"\0" * 8}, ["image"]),
        ({"image": PNG + b"\0" * MAX_IMAGE_BYTES}, ["image"]),
    ],
)
def test_problems_name_each_field(changes: dict[str, object], fields: list[str]) -> None:
    assert [p.field for p in problems(_draft(**changes))] == fields


def test_problem_messages_give_the_reason() -> None:
    from kiosk.i18n import current_locale, set_locale

    [problem] = problems(_draft(ends_on=date(2026, 11, 30)))
    previous = current_locale()
    set_locale("en")  # another test may have left Korean on
    try:
        assert (
            str(problem.message) == "The end date 2026-11-30 is before the start date 2026-12-01."
        )
        set_locale("ko")
        assert (
            str(problem.message)
            == "끝나는 날 2026-11-30이(가) 시작하는 날 2026-12-01보다 앞입니다."
        )
    finally:
        set_locale(previous)


SEOUL_NOON = datetime(2026, 12, 10, 12, 0)  # a Thursday
KST = timezone(timedelta(hours=9))


@pytest.mark.parametrize(
    ("changes", "at", "showing"),
    [
        ({}, SEOUL_NOON, True),
        ({}, datetime(2026, 12, 31, 23, 59), True),  # last day inclusive
        ({}, datetime(2027, 1, 1, 0, 0), False),
        ({}, datetime(2026, 12, 1, 0, 0), True),  # first day from midnight
        ({}, datetime(2026, 11, 30, 23, 59, 59), False),
        # Aware times are read on Seoul's clock: 15:00 UTC on the 31st is 00:00 on the 1st.
        ({}, datetime(2026, 12, 31, 15, 0, tzinfo=UTC), False),
        ({}, datetime(2026, 12, 31, 14, 59, tzinfo=UTC), True),
        ({}, datetime(2026, 11, 30, 15, 0, tzinfo=UTC), True),
        ({}, datetime(2026, 12, 31, 23, 0, tzinfo=KST), True),
        # No daylight saving time in Seoul: the same UTC offset in July.
        ({"starts_on": date(2026, 7, 1)}, datetime(2026, 7, 1, 0, 0, tzinfo=KST), True),
        ({"weekdays": frozenset({3})}, SEOUL_NOON, True),
        ({"weekdays": frozenset({5, 6})}, SEOUL_NOON, False),
        ({"window": TimeWindow(time(9), time(12))}, SEOUL_NOON, False),  # end excluded
        ({"window": TimeWindow(time(12), time(13))}, SEOUL_NOON, True),
        ({"window": TimeWindow(time(22), time(2))}, datetime(2026, 12, 10, 23, 0), True),
        ({"window": TimeWindow(time(22), time(2))}, datetime(2026, 12, 11, 1, 59), True),
        ({"window": TimeWindow(time(22), time(2))}, datetime(2026, 12, 11, 2, 0), False),
        ({"window": TimeWindow(time(22), time(2))}, SEOUL_NOON, False),
        # Past midnight belongs to the evening before: Thursday's window runs into Friday.
        (
            {"window": TimeWindow(time(22), time(2)), "weekdays": frozenset({3})},
            datetime(2026, 12, 11, 1, 0),
            True,
        ),
        (
            {"window": TimeWindow(time(22), time(2)), "weekdays": frozenset({4})},
            datetime(2026, 12, 11, 1, 0),
            False,
        ),
        # ... and the last day's evening runs into the next morning.
        ({"window": TimeWindow(time(22), time(2))}, datetime(2027, 1, 1, 1, 0), True),
        ({"window": TimeWindow(time(22), time(2))}, datetime(2026, 12, 1, 1, 0), False),
    ],
)
def test_is_showing(changes: dict[str, object], at: datetime, showing: bool) -> None:
    assert is_showing(_promo(**changes), at) is showing


@pytest.mark.parametrize(
    ("title", "text", "locale", "want_title", "want_text"),
    [
        ({"ko": "한", "ja": "日"}, {"ko": "한글", "ja": "日本"}, "ja", "日", "日本"),
        ({"ko": "한", "en": "E"}, {"ko": "한글", "en": "Eng"}, "ja", "E", "Eng"),
        ({"ko": "한"}, {"ko": "한글"}, "zh_Hant", "한", "한글"),
        ({"ja": "日"}, {"ja": "日本"}, "en", "日", "日本"),
        ({"en": "E"}, {}, "ko", "E", "E"),  # never an empty text
    ],
)
def test_text_falls_back_language_english_korean(
    title: dict[str, str], text: dict[str, str], locale: str, want_title: str, want_text: str
) -> None:
    promo = _promo(title=LocalizedText(title), text=LocalizedText(text))  # type: ignore[arg-type]
    assert promo.title_for(locale) == want_title  # type: ignore[arg-type]
    assert promo.text_for(locale) == want_text  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("", frozenset()),
        ("mon,tue", frozenset({0, 1})),
        ("Sat, sunday", frozenset({5, 6})),
        ("0,6", frozenset({0, 6})),
    ],
)
def test_parse_weekdays(text: str, days: frozenset[int]) -> None:
    assert parse_weekdays(text) == days
    assert parse_weekdays(weekdays_text(days)) == days


@pytest.mark.parametrize("text", ["moon", "7", "-1"])
def test_parse_weekdays_refuses(text: str) -> None:
    with pytest.raises(ValueError, match=text.strip("-")):
        parse_weekdays(text)
