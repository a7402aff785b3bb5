"""Holidays: the days a whole market is closed; open-now everywhere reads them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from kiosk.domain.access import Actor
from kiosk.domain.audit import AuditAction
from kiosk.domain.market_holidays import MarketHoliday
from kiosk.services.changes import Change, ChangeKind
from kiosk.services.parts.core import Core, Part, Written, publishes

if TYPE_CHECKING:
    from kiosk.data.models import Market
    from kiosk.services.uow import Tx


class Holidays(Part):
    """Anyone reads a market's holidays; the manager adds and removes them (audited).

    A bad date or name raises ``HolidayError`` naming the field, and so does a date the
    market already has (add) or does not have (remove); nothing is written then. Each
    write publishes a ``MARKETS`` change of that market, so the directory, the store page
    and the attract loop work out open-now again.
    """

    def list_holidays(self, *, market_slug: str, since: date | None = None) -> list[MarketHoliday]:
        """The market's holidays in date order (from *since* on when given)."""
        from kiosk.data import market_holidays, markets
        from kiosk.services.uow import transaction

        with transaction(self._db) as session:
            found = market_holidays.holidays_of(
                session, markets.market_by_slug(session, market_slug)
            )
        return [h for h in found if since is None or h.day >= since]

    def holiday_dates(self, *, since: date | None = None) -> dict[str, frozenset[date]]:
        """Every market's holiday dates by slug (from *since*, default yesterday in Seoul:
        a store open past midnight still needs yesterday's), in one read."""
        from datetime import timedelta

        from kiosk.data import market_holidays
        from kiosk.domain.currency import seoul_today
        from kiosk.services.uow import transaction

        first = since if since is not None else seoul_today() - timedelta(days=1)
        with transaction(self._db) as session:
            return market_holidays.holiday_dates(session, since=first)

    @publishes
    def add_holiday(
        self,
        *,
        actor: Actor,
        market_slug: str,
        day: date | str,
        name: str = "",
        today: date | None = None,
    ) -> Written[MarketHoliday]:
        """Add the market's holiday on *day* (``2027-02-07``) named *name* (may be "")."""
        from kiosk.data import market_holidays
        from kiosk.domain.currency import seoul_today
        from kiosk.domain.market_holidays import check_name, parse_day

        live = self._core.require(actor, manager=True)
        holiday = MarketHoliday(parse_day(day, today=today or seoul_today()), check_name(name))
        with _audited(self._core, live, market_slug, AuditAction.HOLIDAY_ADDED) as (tx, lines):
            market_holidays.add_holiday(tx.session, tx.market, holiday)
            lines.append((f"holiday {holiday.day}", "", holiday.name or "-"))
        return Written(holiday, Change(ChangeKind.MARKETS, market_slug))

    @publishes
    def remove_holiday(
        self, *, actor: Actor, market_slug: str, day: date | str
    ) -> Written[MarketHoliday]:
        """Remove the market's holiday on *day*; HolidayError when it has none then."""
        from kiosk.data import market_holidays
        from kiosk.domain.currency import seoul_today
        from kiosk.domain.market_holidays import parse_day

        live = self._core.require(actor, manager=True)
        checked = parse_day(day, today=seoul_today())
        with _audited(self._core, live, market_slug, AuditAction.HOLIDAY_REMOVED) as (tx, lines):
            gone = market_holidays.drop_holiday(tx.session, tx.market, checked)
            lines.append((f"holiday {gone.day}", gone.name or "-", ""))
        return Written(gone, Change(ChangeKind.MARKETS, market_slug))


@dataclass(frozen=True, slots=True)
class _Open:
    session: Tx
    market: Market


@contextmanager
def _audited(
    core: Core, actor: Actor, market_slug: str, action: AuditAction
) -> Iterator[tuple[_Open, list[tuple[str, str, str]]]]:
    """One transaction: the write, its audit line and its change event (all or nothing)."""
    from kiosk.data import markets
    from kiosk.services.audit import record
    from kiosk.services.live import note_change
    from kiosk.services.uow import transaction

    lines: list[tuple[str, str, str]] = []
    with transaction(core.db) as session:
        market = markets.market_by_slug(session, market_slug)
        yield _Open(session, market), lines
        record(session, actor=actor, action=action, market_slug=market_slug,
               subject=str(market.name.get("ko") or market_slug), changes=lines)  # fmt: skip
        note_change(session, origin=core.origin, change=Change(ChangeKind.MARKETS, market_slug))
