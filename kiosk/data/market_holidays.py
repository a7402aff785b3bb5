"""The ``market_holidays`` table: the days a whole market is closed, and the demo markets' ones."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.data.models import Market
from kiosk.data.models import MarketHoliday as HolidayRow
from kiosk.domain.market_holidays import (
    DUPLICATE,
    NOT_LISTED,
    HolidayError,
    MarketHoliday,
    check_name,
)

DEMO_HOLIDAYS = Path(__file__).resolve().parent / "demo" / "holidays.toml"


def _value(row: HolidayRow) -> MarketHoliday:
    return MarketHoliday(row.day, row.name)


def holidays_of(session: Session, market: Market) -> list[MarketHoliday]:
    """The market's holidays in date order (past ones too)."""
    rows = session.scalars(
        select(HolidayRow).where(HolidayRow.market_id == market.id).order_by(HolidayRow.day)
    )
    return [_value(row) for row in rows]


def holiday_dates(session: Session, *, since: date) -> dict[str, frozenset[date]]:
    """Every market's holiday dates from *since* on, by market slug (one query; markets
    without any are left out)."""
    rows = session.execute(
        select(Market.slug, HolidayRow.day)
        .join(HolidayRow, HolidayRow.market_id == Market.id)
        .where(HolidayRow.day >= since)
    )
    found: dict[str, set[date]] = {}
    for slug, day in rows:
        found.setdefault(slug, set()).add(day)
    return {slug: frozenset(days) for slug, days in found.items()}


def market_name(market: Market) -> str:
    return str(market.name.get("ko") or market.slug)


def add_holiday(session: Session, market: Market, holiday: MarketHoliday) -> None:
    """Add *holiday*; HolidayError (``date``) when the market already has that date."""
    row = session.get(HolidayRow, (market.id, holiday.day))
    if row is not None:
        raise HolidayError(
            "date",
            DUPLICATE(market=market_name(market), date=holiday.day, name=row.name or "-"),
        )
    session.add(HolidayRow(market_id=market.id, day=holiday.day, name=holiday.name))
    session.flush()


def drop_holiday(session: Session, market: Market, day: date) -> MarketHoliday:
    """Delete the market's holiday on *day* and return it; HolidayError when none."""
    row = session.get(HolidayRow, (market.id, day))
    if row is None:
        raise HolidayError("date", NOT_LISTED(market=market_name(market), date=day))
    gone = _value(row)
    session.delete(row)
    session.flush()
    return gone


def demo_holidays(slug: str, path: Path = DEMO_HOLIDAYS) -> list[MarketHoliday]:
    """The demo market's holidays from the package's file; ValueError names a bad entry."""
    with path.open("rb") as handle:
        entries: Mapping[str, list[dict[str, object]]] = tomllib.load(handle)
    found: list[MarketHoliday] = []
    for index, data in enumerate(entries.get(slug, []), start=1):
        day = data.get("date")
        if not isinstance(day, date) or set(data) - {"date", "name"}:
            raise ValueError(f"{path.name}: {slug} entry {index}: needs date = YYYY-MM-DD, name")
        try:
            found.append(MarketHoliday(day, check_name(str(data.get("name", "")))))
        except HolidayError as exc:
            raise ValueError(f"{path.name}: {slug} entry {index}: {exc}") from None
    return found


def insert_demo_holidays(session: Session, market: Market) -> int:
    """Insert the demo market's holidays in the seeding transaction; return how many."""
    holidays = demo_holidays(market.slug)
    for holiday in holidays:
        add_holiday(session, market, holiday)
    return len(holidays)
