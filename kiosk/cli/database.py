"""`market-kiosk db check|init`: is this PC's database usable, and setting up a new one."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TypeVar

from kiosk.cli.errors import CliError

if TYPE_CHECKING:
    from kiosk.services.values import CheckLine

_P = TypeVar("_P", bound=argparse.ArgumentParser)
_MARK = {"ok": "ok  ", "warn": "WARN", "fail": "FAIL"}


def add_database_parser(subparsers: argparse._SubParsersAction[_P]) -> None:
    """Add ``db check [--url URL]`` and ``db init --url URL``."""
    db = subparsers.add_parser("db", help="check this PC's database, or set up a new one")
    sub = db.add_subparsers(dest="db_command", metavar="COMMAND", required=True)
    check = sub.add_parser(
        "check",
        help="check the database step by step (server, password, version, pg_trgm, rights, "
        "schema, clock): one line per check with the fix; exit 1 when one fails",
    )
    check.add_argument("--url", metavar="URL", help="the database (default: this PC's)")
    check.set_defaults(func=_cmd_check)
    init = sub.add_parser(
        "init", help="create the schema on an empty database (another app's is refused)"
    )
    init.add_argument("--url", metavar="URL", required=True, help="the database to set up")
    init.set_defaults(func=_cmd_init)


def check_lines(lines: list[CheckLine]) -> list[str]:
    """The check results as printable lines (``ok   name: detail`` / ``FAIL ... fix: ...``)."""
    from kiosk.domain.text import terminal_safe
    from kiosk.domain.urls import mask_url

    shown = []
    for line in lines:
        fix = f" (fix: {line.fix})" if line.fix and line.status != "ok" else ""
        shown.append(
            terminal_safe(mask_url(f"{_MARK[line.status]} {line.name}: {line.detail}{fix}"))
        )
    return shown


def _cmd_check(args: argparse.Namespace) -> int:
    from kiosk.services.app import Services

    lines = Services.check_database(args.url)
    for shown in check_lines(lines):
        print(shown)
    failed = [line.name for line in lines if line.status == "fail"]
    print(f"{len(failed)} check(s) failed: {', '.join(failed)}" if failed else "all checks passed")
    return 1 if failed else 0


def _cmd_init(args: argparse.Namespace) -> int:
    from kiosk.domain.text import terminal_safe
    from kiosk.domain.urls import mask_url
    from kiosk.services.app import Services
    from kiosk.services.values import DatabaseOpenError

    try:
        before, now = Services.init_database(args.url)
    except DatabaseOpenError as exc:
        raise CliError(f"db init: {exc}") from None
    where = mask_url(args.url)
    if before is None:
        print(terminal_safe(f"created the schema (revision {now}) in {where}"))
    elif before == now:
        print(terminal_safe(f"{where} already has the schema (revision {now}); nothing done"))
    else:
        print(terminal_safe(f"upgraded {where} from revision {before} to {now}"))
    return 0
