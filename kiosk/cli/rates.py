"""`market-kiosk rates list|set|remove|max-age`: exchange rates the office types, never fetched.

A rate is the won for ONE unit of the currency (``rates set JPY 9.05``), dated the
day it was set (``--date``, default today in Seoul). Store pages show a price
"about ￥1,660 (rate of ...)" from it until it is older than the maximum age. Whoever
runs these commands holds the database, so they act as the ``console`` (audit log).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING, TextIO, TypeVar

from kiosk.cli.errors import CliError

if TYPE_CHECKING:
    from kiosk.domain.currency import RateCard
    from kiosk.services.app import Services

_P = TypeVar("_P", bound=argparse.ArgumentParser)


def add_rates_parser(subparsers: argparse._SubParsersAction[_P]) -> None:
    """Add ``rates list``, ``rates set``, ``rates remove`` and ``rates max-age``."""
    group = subparsers.add_parser(
        "rates", help="exchange rates for reference prices in a tourist's currency (typed, "
        "never fetched)"
    )  # fmt: skip
    sub = group.add_subparsers(dest="rates_command", metavar="COMMAND", required=True)
    listing = sub.add_parser("list", help="every rate, its date and whether it is still shown")
    listing.add_argument("--format", choices=("table", "json"), default="table")
    listing.set_defaults(func=_cmd_list)
    put = sub.add_parser(
        "set",
        help="set the won for one unit of a currency",
        description="Set a rate: the won for ONE unit of CUR (JPY 9.05, not per 100 yen).",
    )
    put.add_argument("currency", metavar="CUR", help="ISO 4217 code: JPY, CNY, TWD, USD, ...")
    put.add_argument("rate", metavar="RATE", help="won for one unit, e.g. 9.05 or 1,385")
    put.add_argument("--date", metavar="YYYY-MM-DD", help="the day of the rate (default today)")
    put.set_defaults(func=_cmd_set)
    remove = sub.add_parser("remove", help="remove a currency's rate (its prices are hidden)")
    remove.add_argument("currency", metavar="CUR")
    remove.set_defaults(func=_cmd_remove)
    age = sub.add_parser("max-age", help="days a rate stays shown after its date (1-365)")
    age.add_argument("days", metavar="DAYS")
    age.set_defaults(func=_cmd_max_age)


def _open() -> Services:
    from kiosk.services.app import Services
    from kiosk.services.values import DatabaseOpenError

    try:
        return Services.open()
    except DatabaseOpenError as exc:
        raise CliError(str(exc)) from None


def _refused(command: str, exc: Exception) -> CliError:
    from kiosk.domain.currency import RateError

    option = {"currency": "CUR", "rate": "RATE", "date": "--date", "max_age": "DAYS"}
    where = option.get(exc.field, exc.field) if isinstance(exc, RateError) else ""
    return CliError(f"rates {command}: {where}: {exc}. Nothing was saved.")


def _cmd_set(args: argparse.Namespace) -> int:
    from kiosk.domain.currency import RateError
    from kiosk.domain.text import terminal_safe

    as_of = None
    if args.date is not None:
        try:
            as_of = date.fromisoformat(args.date.strip())
        except ValueError:
            raise CliError(
                f"rates set: --date {args.date!r} is not a date (use YYYY-MM-DD)"
            ) from None
    services = _open()
    try:
        saved = services.rates.set_rate(
            actor=services.access.console_actor(),
            currency=args.currency,
            rate=args.rate,
            as_of=as_of,
        )
    except RateError as exc:
        raise _refused("set", exc) from None
    finally:
        services.close()
    rate = format(saved.won_per_unit, "f")
    print(terminal_safe(f"1 {saved.currency} = {rate} won (as of {saved.as_of})"))
    return 0


def _cmd_remove(args: argparse.Namespace) -> int:
    services = _open()
    try:
        gone = services.rates.remove_rate(
            actor=services.access.console_actor(), currency=args.currency
        )
    finally:
        services.close()
    print(f"Removed the rate of {gone.currency} ({format(gone.won_per_unit, 'f')} won)")
    return 0


def _cmd_max_age(args: argparse.Namespace) -> int:
    from kiosk.domain.currency import RateError

    services = _open()
    try:
        days = services.rates.set_max_age(actor=services.access.console_actor(), days=args.days)
    except RateError as exc:
        raise _refused("max-age", exc) from None
    finally:
        services.close()
    print(f"Rates are shown for {days} days after their date")
    return 0


def _cmd_list(args: argparse.Namespace) -> int:
    services = _open()
    try:
        card = services.rates.rate_card()
    finally:
        services.close()
    write_rates(card, args.format, sys.stdout)
    return 0


def write_rates(card: RateCard, fmt: str, out: TextIO, today: date | None = None) -> None:
    """*card* as JSON or an aligned table: currency, won for one, date, age, shown or not."""
    from kiosk.domain.currency import seoul_today

    day = today or seoul_today()
    rows = [
        {
            "currency": r.currency,
            "won_per_unit": format(r.won_per_unit, "f"),
            "date": r.as_of.isoformat(),
            "age_days": (day - r.as_of).days,
            "shown": 0 <= (day - r.as_of).days <= card.max_age_days,
        }
        for r in card.rates
    ]
    if fmt == "json":
        from kiosk.cli.terminal import json_text

        out.write(json_text({"max_age_days": card.max_age_days, "rates": rows}))
        return
    table = [("currency", "won for 1", "date", "age", "shown")] + [
        (str(r["currency"]), str(r["won_per_unit"]), str(r["date"]), f"{r['age_days']} d",
         "yes" if r["shown"] else "no (too old)")
        for r in rows
    ]  # fmt: skip
    widths = [max(len(row[i]) for row in table) for i in range(5)]
    for row in table:
        out.write("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        out.write("\n")
    if not rows:
        out.write("(no rates: store pages show prices in won only)\n")
    out.write(f"rates are shown for {card.max_age_days} days after their date\n")
