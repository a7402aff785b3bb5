"""`market-kiosk setup`: join this PC to a market's database in one scripted command."""

from __future__ import annotations

import argparse
from typing import TypeVar

from kiosk.cli.errors import CliError

_P = TypeVar("_P", bound=argparse.ArgumentParser)
_ROLES = ("kiosk", "stall", "office")


def add_pc_parsers(subparsers: argparse._SubParsersAction[_P]) -> None:
    """Add the commands that set a PC up: ``setup``, ``db check|init`` and ``config``."""
    from kiosk.cli.config import add_config_parser
    from kiosk.cli.database import add_database_parser

    add_setup_parser(subparsers)
    add_database_parser(subparsers)
    add_config_parser(subparsers)


def add_setup_parser(subparsers: argparse._SubParsersAction[_P]) -> None:
    """Add ``setup --database-url URL --role ROLE [--market SLUG] [--stall STALL]``."""
    setup = subparsers.add_parser(
        "setup",
        help="set this PC up for scripted installs: its database (checked first; the password "
        "goes to the credential store), what it is, and its home market",
    )
    setup.add_argument(
        "--database-url",
        required=True,
        metavar="URL",
        help="e.g. postgresql://kiosk:PASSWORD@office-pc/market or sqlite:///C:/kiosk/market.db",
    )
    setup.add_argument(
        "--role",
        required=True,
        choices=_ROLES,
        help="kiosk: a tourist screen; stall: a stall's PC (needs --market and --stall); "
        "office: the market office",
    )
    setup.add_argument("--market", metavar="SLUG", help="this PC's home market")
    setup.add_argument("--stall", metavar="STALL", help="this PC's stall in that market")
    setup.set_defaults(func=_cmd_setup)


def _cmd_setup(args: argparse.Namespace) -> int:
    from kiosk.cli.database import check_lines
    from kiosk.domain.text import terminal_safe
    from kiosk.i18n import _
    from kiosk.services.app import Services
    from kiosk.services.values import DatabaseOpenError, NotFoundError, SetupRefused

    if args.stall and not args.market:
        raise CliError("setup: --stall needs --market (the market the stall is in)")
    if args.role == "stall" and not (args.market and args.stall):
        raise CliError("setup: a stall's PC needs --market SLUG and --stall STALL")
    lines = Services.check_database(args.database_url)
    for shown in check_lines(lines):
        print(shown)
    failed = [line.title for line in lines if line.status == "fail"]
    if failed:
        stopped = _("setup stopped: {checks} failed; nothing was changed on this PC")
        print(terminal_safe(stopped.format(checks=", ".join(failed))))
        return 1
    try:
        done = Services.set_up_pc(
            args.database_url, role=args.role, market=args.market, stall=args.stall
        )
    except DatabaseOpenError as exc:
        raise CliError(f"setup: {exc}") from None
    except NotFoundError as exc:
        raise CliError(f"setup: {exc}; nothing was changed on this PC") from None
    except SetupRefused as exc:
        raise CliError(str(exc)) from None
    for said in done.said:
        print(said)
    print(terminal_safe(f"settings written to {done.path}"))
    where = f", home market {done.home}" if done.home else ""
    print(terminal_safe(f"this PC is set up: role {args.role}{where}"))
    return 0
