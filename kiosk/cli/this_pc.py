"""`market-kiosk this-pc set|show`: this PC's home market (and stall) for its screens."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from kiosk.services.app import Services

_P = TypeVar("_P", bound=argparse.ArgumentParser)


def add_this_pc_parser(subparsers: argparse._SubParsersAction[_P]) -> None:
    """Add ``this-pc set --market SLUG [--stall STALL]``, ``this-pc clear`` and ``this-pc show``."""
    this_pc = subparsers.add_parser(
        "this-pc", help="what this PC remembers: the market its screens open on"
    )
    sub = this_pc.add_subparsers(dest="this_pc_command", metavar="COMMAND", required=True)
    set_home = sub.add_parser(
        "set",
        help="make SLUG this PC's home market (the tourist directory and kiosk open on it)",
    )
    set_home.add_argument("--market", required=True, metavar="SLUG", help="the market's slug")
    set_home.add_argument(
        "--stall",
        "--store",
        dest="store",
        metavar="STALL",
        help="this PC's stall in that market: the start screen offers it to its merchant "
        "and the kiosk shows its own page",
    )
    set_home.set_defaults(func=_cmd_set)
    clear = sub.add_parser("clear", help="forget the home market (screens open on the first)")
    clear.set_defaults(func=_cmd_clear)
    show = sub.add_parser("show", help="print this PC's home market and remembered store")
    show.set_defaults(func=_cmd_show)


def _open() -> Services:
    from kiosk.cli.errors import CliError
    from kiosk.services.app import Services
    from kiosk.services.values import DatabaseOpenError

    try:
        return Services.open()
    except DatabaseOpenError as exc:
        raise CliError(str(exc)) from None


def _cmd_set(args: argparse.Namespace) -> int:
    from kiosk.domain.text import terminal_safe

    services = _open()
    try:
        console = services.access.console_actor()
        home = services.directory.set_home_market(
            actor=console, market_slug=args.market, stall=args.store
        )
    finally:
        services.close()
    assert home is not None
    where = f" stall {home.stall}" if home.stall else ""
    print(terminal_safe(f"This PC's home market: {home.market_slug}{where}"))
    return 0


def _cmd_clear(args: argparse.Namespace) -> int:
    services = _open()
    try:
        console = services.access.console_actor()
        services.directory.set_home_market(actor=console, market_slug=None)
    finally:
        services.close()
    print("This PC has no home market now (screens open on the first market).")
    return 0


def _cmd_show(args: argparse.Namespace) -> int:
    from kiosk.domain.text import terminal_safe
    from kiosk.domain.urls import mask_url

    services = _open()
    try:
        home = services.directory.home_market()
        store_id = services.onboarding.remembered_store()
    finally:
        services.close()
    print(terminal_safe(f"database: {mask_url(services.url)}"))
    if home is None:
        print("home market: none (screens open on the first market)")
    else:
        print(terminal_safe(f"home market: {home.market_slug}"))
        print(terminal_safe(f"home stall: {home.stall or 'none'}"))
    print(f"onboarding store id: {store_id if store_id is not None else 'none'}")
    return 0
