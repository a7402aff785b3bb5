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
    """The check results as printable lines (``ok   name: detail`` / ``FAIL ... (fix: ...)``),
    in the language of the command line."""
    from kiosk.domain.text import terminal_safe
    from kiosk.domain.urls import mask_url
    from kiosk.i18n import _

    shown = []
    for line in lines:
        fix = _(" (fix: {fix})").format(fix=line.fix) if line.fix and line.status != "ok" else ""
        said = _("{check}: {detail}").format(check=line.title, detail=line.detail)
        shown.append(terminal_safe(mask_url(f"{_MARK[line.status]} {said}{fix}")))
    return shown


def check_summary(lines: list[CheckLine]) -> str:
    """ "all checks passed", or how many failed and which."""
    from kiosk.i18n import _, ngettext

    failed = [line.title for line in lines if line.status == "fail"]
    if not failed:
        return _("all checks passed")
    return ngettext(
        "%(n)d check failed: %(names)s", "%(n)d checks failed: %(names)s", len(failed)
    ) % {"n": len(failed), "names": ", ".join(failed)}


def _cmd_check(args: argparse.Namespace) -> int:
    from kiosk.services.app import Services

    lines = Services.check_database(args.url)
    for shown in check_lines(lines):
        print(shown)
    print(check_summary(lines))
    return 1 if any(line.status == "fail" for line in lines) else 0


def _cmd_init(args: argparse.Namespace) -> int:
    from kiosk.domain.text import terminal_safe
    from kiosk.domain.urls import mask_url
    from kiosk.services.app import Services
    from kiosk.services.values import DatabaseOpenError

    try:
        before, now = Services.init_database(args.url)
    except DatabaseOpenError as exc:
        raise CliError(f"db init: {exc}") from None
    from kiosk.i18n import _

    where = mask_url(args.url)
    if before is None:
        said = _("created the schema (revision {now}) in {where}")
    elif before == now:
        said = _("{where} already has the schema (revision {now}); nothing done")
    else:
        said = _("upgraded {where} from revision {before} to {now}")
    print(terminal_safe(said.format(where=where, before=before, now=now)))
    return 0
