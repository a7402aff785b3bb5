"""`market-kiosk markets holidays list|add|remove`: the days a whole market is closed.

Open-now on the kiosk, the attract loop and the published pages says "Market holiday" on
these dates. Whoever runs these commands holds the database, so they act as the
``console`` (audit log).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, TextIO, TypeVar

from kiosk.cli.errors import CliError

if TYPE_CHECKING:
    from kiosk.domain.market_holidays import MarketHoliday
    from kiosk.services.app import Services

_P = TypeVar("_P", bound=argparse.ArgumentParser)


def add_holidays_parser(markets_sub: argparse._SubParsersAction[_P]) -> None:
    """Add ``markets holidays list``, ``add`` and ``remove`` under ``markets``."""
    group = markets_sub.add_parser(
        "holidays", help="days the whole market is closed (설날, 추석, a closure)"
    )
    sub = group.add_subparsers(dest="holidays_command", metavar="COMMAND", required=True)
    listing = sub.add_parser("list", help="the market's holidays in date order")
    listing.add_argument("--market", required=True, metavar="SLUG")
    listing.add_argument("--all", action="store_true", help="past holidays too")
    listing.add_argument("--format", choices=("table", "json"), default="table")
    listing.set_defaults(func=_cmd_list)
    add = sub.add_parser("add", help="add a holiday (one date; run again for each day)")
    add.add_argument("--market", required=True, metavar="SLUG")
    add.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    add.add_argument("--name", default="", metavar="TEXT", help="설날, 추석, or the reason")
    add.set_defaults(func=_cmd_add)
    remove = sub.add_parser("remove", help="remove a holiday")
    remove.add_argument("--market", required=True, metavar="SLUG")
    remove.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    remove.set_defaults(func=_cmd_remove)


def _open() -> Services:
    from kiosk.services.app import Services
    from kiosk.services.values import DatabaseOpenError

    try:
        return Services.open()
    except DatabaseOpenError as exc:
        raise CliError(str(exc)) from None


def _refused(command: str, exc: Exception) -> CliError:
    from kiosk.domain.market_holidays import HolidayError

    where = {"date": "--date", "name": "--name"}.get(getattr(exc, "field", ""), "")
    if isinstance(exc, HolidayError) and where:
        return CliError(f"markets holidays {command}: {where}: {exc}")
    return CliError(f"markets holidays {command}: {exc}")


def _cmd_add(args: argparse.Namespace) -> int:
    from kiosk.domain.market_holidays import HolidayError
    from kiosk.domain.text import terminal_safe
    from kiosk.services.values import NotFoundError

    services = _open()
    try:
        added = services.holidays.add_holiday(
            actor=services.access.console_actor(),
            market_slug=args.market,
            day=args.date,
            name=args.name,
        )
    except (HolidayError, NotFoundError) as exc:
        raise _refused("add", exc) from None
    finally:
        services.close()
    print(terminal_safe(f"{args.market}: holiday on {added.day} {added.name}".rstrip()))
    return 0


def _cmd_remove(args: argparse.Namespace) -> int:
    from kiosk.domain.market_holidays import HolidayError
    from kiosk.domain.text import terminal_safe
    from kiosk.services.values import NotFoundError

    services = _open()
    try:
        gone = services.holidays.remove_holiday(
            actor=services.access.console_actor(), market_slug=args.market, day=args.date
        )
    except (HolidayError, NotFoundError) as exc:
        raise _refused("remove", exc) from None
    finally:
        services.close()
    print(terminal_safe(f"{args.market}: removed the holiday on {gone.day} {gone.name}".rstrip()))
    return 0


def _cmd_list(args: argparse.Namespace) -> int:
    from kiosk.domain.currency import seoul_today
    from kiosk.services.values import NotFoundError

    services = _open()
    try:
        since = None if args.all else seoul_today()
        found = services.holidays.list_holidays(market_slug=args.market, since=since)
    except NotFoundError as exc:
        raise _refused("list", exc) from None
    finally:
        services.close()
    write_holidays(args.market, found, args.format, sys.stdout, past=args.all)
    return 0


def write_holidays(
    slug: str, holidays: list[MarketHoliday], fmt: str, out: TextIO, *, past: bool = False
) -> None:
    """*holidays* as JSON or one line each: date, weekday, name."""
    from kiosk.domain.text import terminal_safe

    if fmt == "json":
        from kiosk.cli.terminal import json_text

        rows = [{"date": h.day.isoformat(), "name": h.name} for h in holidays]
        out.write(json_text({"market": slug, "holidays": rows}))
        return
    for holiday in holidays:
        out.write(terminal_safe(f"{holiday.day}  {holiday.day:%a}  {holiday.name}".rstrip()) + "\n")
    if not holidays:
        out.write(f"({slug}: no {'' if past else 'coming '}holidays)\n")
