"""Market holidays through the door: manager only, checked, audited, published, fed to open-now."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kiosk.data.db import Database
from kiosk.domain.access import Actor, PermissionDenied
from kiosk.domain.audit import AuditAction
from kiosk.domain.market_holidays import HolidayError, MarketHoliday
from kiosk.domain.open_now import OpenKind, open_state
from kiosk.domain.signage.slides import SlideKind, build
from kiosk.i18n import set_locale
from kiosk.services.app import Services
from kiosk.services.changes import Change, ChangeKind
from kiosk.services.errors import NotFoundError

TODAY = date(2026, 12, 6)
SEOLLAL = [date(2027, 2, 6), date(2027, 2, 7), date(2027, 2, 8)]
CHUSEOK = [date(2027, 9, 14), date(2027, 9, 15), date(2027, 9, 16)]


@pytest.fixture(autouse=True)
def english() -> None:
    set_locale("en")


@pytest.fixture
def services(db: Database) -> Services:
    made = Services(db)
    made.listings.load_demo()
    return made


def _days(services: Services, slug: str) -> list[date]:
    return [h.day for h in services.holidays.list_holidays(market_slug=slug)]


def test_the_demo_markets_close_for_seollal_and_chuseok(services: Services) -> None:
    for slug in ("bansong", "dongmun"):
        found = services.holidays.list_holidays(market_slug=slug)
        assert [h.day for h in found] == SEOLLAL + CHUSEOK
        assert {h.name for h in found} == {"설날 연휴", "추석 연휴"}
    every = frozenset(SEOLLAL + CHUSEOK)
    assert services.holidays.holiday_dates(since=TODAY) == {"bansong": every, "dongmun": every}
    last = frozenset({date(2027, 9, 16)})
    assert services.holidays.holiday_dates(since=date(2027, 9, 16)) == {
        "bansong": last,
        "dongmun": last,
    }


def test_add_list_remove_audited_and_published(services: Services) -> None:
    console = services.access.console_actor()
    seen: list[Change] = []
    services.changes.subscribe(seen.append)
    added = services.holidays.add_holiday(
        actor=console, market_slug="dongmun", day="2027-03-02", name=" 지붕 공사 ", today=TODAY
    )
    assert added == MarketHoliday(date(2027, 3, 2), "지붕 공사")
    services.holidays.add_holiday(actor=console, market_slug="dongmun", day=date(2027, 1, 1))
    assert _days(services, "dongmun") == [date(2027, 1, 1), *SEOLLAL, date(2027, 3, 2), *CHUSEOK]
    assert _days(services, "bansong") == SEOLLAL + CHUSEOK  # the other market is not mixed in
    since = services.holidays.list_holidays(market_slug="dongmun", since=date(2027, 3, 1))
    assert [h.day for h in since] == [date(2027, 3, 2), *CHUSEOK]
    gone = services.holidays.remove_holiday(actor=console, market_slug="dongmun", day="2027-03-02")
    assert gone == MarketHoliday(date(2027, 3, 2), "지붕 공사")
    assert date(2027, 3, 2) not in _days(services, "dongmun")
    assert seen == [Change(ChangeKind.MARKETS, "dongmun")] * 3
    log = services.audit.audit_log(actor=console)
    added, removed = AuditAction.HOLIDAY_ADDED, AuditAction.HOLIDAY_REMOVED
    assert [e.action for e in log[:3]] == [removed, added, added]
    assert str(log[2].changes[0]) == "holiday 2027-03-02: ∅ -> 지붕 공사"
    assert log[0].market_slug == "dongmun" and log[0].subject == "동문재래시장"


@pytest.mark.parametrize(
    ("day", "name", "field", "words"),
    [
        ("2027-02-30", "", "date", '"2027-02-30" is not a date; type it as YYYY-MM-DD'),
        ("1999-01-01", "", "date", "is not between 2000-01-01 and 2036-12-31"),
        ("2027-02-07", "", "date", "동문재래시장 already has a holiday on 2027-02-07 (설날 연휴)"),
        ("2027-03-02", "공사\n중", "name", "type one line"),
    ],
)
def test_a_bad_holiday_is_refused_with_a_clear_message_and_nothing_written(
    services: Services, day: str, name: str, field: str, words: str
) -> None:
    console = services.access.console_actor()
    seen: list[Change] = []
    services.changes.subscribe(seen.append)
    with pytest.raises(HolidayError) as caught:
        services.holidays.add_holiday(
            actor=console, market_slug="dongmun", day=day, name=name, today=TODAY
        )
    assert caught.value.field == field and words in str(caught.value)
    assert _days(services, "dongmun") == SEOLLAL + CHUSEOK
    assert seen == [] and services.audit.audit_log(actor=console) == []


def test_removing_a_date_the_market_does_not_have_or_an_unknown_market(services: Services) -> None:
    console = services.access.console_actor()
    with pytest.raises(HolidayError, match="동문재래시장 has no holiday on 2027-03-03"):
        services.holidays.remove_holiday(actor=console, market_slug="dongmun", day="2027-03-03")
    with pytest.raises(NotFoundError, match="Known: bansong, dongmun"):
        services.holidays.add_holiday(actor=console, market_slug="nope", day="2027-03-03")
    with pytest.raises(NotFoundError):
        services.holidays.list_holidays(market_slug="nope")


def test_only_a_manager_may_write(services: Services) -> None:
    with pytest.raises(PermissionDenied):
        services.holidays.add_holiday(
            actor=Actor.tourist("pc"), market_slug="dongmun", day="2027-03-02"
        )
    with pytest.raises(PermissionDenied):
        services.holidays.remove_holiday(
            actor=Actor.tourist("pc"), market_slug="dongmun", day="2027-02-07"
        )
    assert _days(services, "dongmun") == SEOLLAL + CHUSEOK


def test_the_store_page_and_the_loop_read_them(services: Services) -> None:
    store = services.directory.list_store_details(market_slug="dongmun")[0]
    assert store.market_holidays == frozenset(SEOLLAL + CHUSEOK)
    again = services.directory.get_store(store_id=store.id)
    assert again.market_holidays == store.market_holidays
    noon = datetime(2027, 2, 7, 12)
    assert open_state(again.opening_hours, noon, holidays=again.market_holidays).kind in (
        OpenKind.HOLIDAY, OpenKind.UNKNOWN)  # fmt: skip
    data = services.promotions.signage(market_slug="dongmun")
    assert [h.day for h in data.holidays] == SEOLLAL + CHUSEOK
    slide = build(data, SlideKind.WELCOME, "en", datetime(2027, 1, 20, 12))
    shown = next(item.detail for item in slide.items if item.title == "Market holidays")
    assert "Feb 6 – 8, 2027 설날 연휴" in shown.replace("\u2009", " ")
    assert "추석" not in shown  # the next holiday only
    later = build(data, SlideKind.WELCOME, "en", datetime(2027, 2, 9, 12))
    shown = next(item.detail for item in later.items if item.title == "Market holidays")
    assert shown.replace("\u2009", " ") == "Sep 14 – 16, 2027 추석 연휴"


def test_removing_a_market_removes_its_holidays(services: Services) -> None:
    console = services.access.console_actor()
    services.listings.remove_market(actor=console, slug="dongmun")
    assert set(services.holidays.holiday_dates(since=TODAY)) == {"bansong"}
    services.listings.load_demo(replace=True)
    assert _days(services, "dongmun") == SEOLLAL + CHUSEOK
