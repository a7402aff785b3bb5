"""`market-kiosk manager|merchant|audit`: manager password, store PINs, the audit log.

Secrets are read from standard input, never from the command line (where
``ps`` and the shell history would keep them): twice, or once with
``--stdin`` for set-up scripts; a terminal does not echo them. Whoever runs
these commands already holds the database, so they act as the ``console``
(recorded as such in the audit log).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TextIO, TypeVar

if TYPE_CHECKING:
    from kiosk.domain.audit import AuditEntry
    from kiosk.services.app import Services

_P = TypeVar("_P", bound=argparse.ArgumentParser)

#: What ``demo`` (and a fresh database) tells about the manager password.
MANAGER_SETUP_HINT = (
    "No manager password is set. Set it with 'market-kiosk manager set-password', "
    "or run 'market-kiosk manager setup-code' and type the code in Manager mode."
)


def add_admin_parsers(subparsers: argparse._SubParsersAction[_P]) -> None:
    """Add ``manager set-password``, ``merchant set-pin`` and ``audit``."""
    manager = subparsers.add_parser("manager", help="the market manager's password")
    manager_sub = manager.add_subparsers(dest="manager_command", metavar="COMMAND", required=True)
    password = manager_sub.add_parser(
        "set-password",
        help="set the manager password (read from standard input, twice)",
        description="Set the manager password: at least 10 characters, or 8 with two kinds "
        "(small letters, capitals, digits, other signs). Read from standard input twice, "
        "or once with --stdin.",
    )
    password.add_argument(
        "--stdin", action="store_true", help="read it once (for set-up scripts), not twice"
    )
    password.set_defaults(func=_cmd_set_password)
    setup = manager_sub.add_parser(
        "setup-code",
        help="print a one-time code that lets Manager mode set the first password",
        description="Print a one-time set-up code (valid once, for 24 hours; a new code "
        "replaces the old one). Manager mode asks for it before it sets the first manager "
        "password. Refused once a manager password is set.",
    )
    setup.set_defaults(func=_cmd_setup_code)
    manager_wait = manager_sub.add_parser(
        "clear-wait", help="lift the wait after wrong manager passwords, on every PC"
    )
    manager_wait.set_defaults(func=_cmd_clear_wait, market=None, stall=None)

    merchant = subparsers.add_parser("merchant", help="store PINs for merchants")
    merchant_sub = merchant.add_subparsers(
        dest="merchant_command", metavar="COMMAND", required=True
    )
    pin = merchant_sub.add_parser(
        "set-pin",
        help="set a store's PIN (6 to 12 digits, read from standard input, twice)",
    )
    pin.add_argument("--market", required=True, metavar="SLUG", help="market short name")
    pin.add_argument("--stall", required=True, metavar="STALL", help="stall number, e.g. A-12")
    pin.add_argument("--stdin", action="store_true", help="read it once, not twice")
    pin.set_defaults(func=_cmd_set_pin)
    wait = merchant_sub.add_parser(
        "clear-wait", help="lift the wait after wrong PINs of a store, on every PC"
    )
    wait.add_argument("--market", required=True, metavar="SLUG", help="market short name")
    wait.add_argument("--stall", required=True, metavar="STALL", help="stall number, e.g. A-12")
    wait.set_defaults(func=_cmd_clear_wait)

    audit = subparsers.add_parser("audit", help="print the audit log (newest first)")
    audit.add_argument("--market", metavar="SLUG", help="only this market's entries")
    audit.add_argument(
        "--since", metavar="DATE", help="from this day (YYYY-MM-DD, local time) or ISO time on"
    )
    audit.add_argument(
        "--format", choices=("table", "json", "csv"), default="table", help="output format"
    )
    audit.set_defaults(func=_cmd_audit)


def _error(message: str) -> Exception:
    from kiosk.cli.errors import CliError

    return CliError(message)


def _open() -> Services:
    from kiosk.services.app import Services
    from kiosk.services.values import DatabaseOpenError

    try:
        return Services.open()
    except DatabaseOpenError as exc:
        raise _error(str(exc)) from None


def read_secret(
    what: str, *, once: bool, stdin: TextIO | None = None, ask: Callable[[str], str] | None = None
) -> str:
    """The secret from a terminal (not echoed) or from piped standard input.

    Twice unless *once*; raises CliError when the two differ or nothing came.
    """
    import getpass

    stream = stdin if stdin is not None else sys.stdin
    if ask is None and stream.isatty():
        ask = getpass.getpass
    prompts = [f"New {what}: "] if once else [f"New {what}: ", f"Repeat the {what}: "]
    entries = []
    for prompt in prompts:
        if ask is not None:
            entries.append(ask(prompt))
        else:
            line = stream.readline()
            if not line:
                raise _error(f"no {what} on standard input ({len(prompts)} line(s) expected)")
            entries.append(line.rstrip("\r\n"))
    if not entries[0]:
        raise _error(f"the {what} is empty")
    if len(entries) == 2 and entries[0] != entries[1]:
        from kiosk.domain.access import PASSWORDS_DIFFER

        raise _error(str(PASSWORDS_DIFFER()) + " Nothing was changed.")
    return entries[0]


def _cmd_set_password(args: argparse.Namespace) -> int:
    from kiosk.domain.access import AccessError, Secret, password_problem

    secret = read_secret("manager password", once=bool(args.stdin))
    problem = password_problem(secret)
    if problem is not None:
        raise _error(str(problem))
    services = _open()
    try:
        services.access.set_manager_password(
            actor=services.access.console_actor(), password=Secret(secret)
        )
    except AccessError as exc:
        raise _error(str(exc)) from None
    finally:
        services.close()
    print("The manager password is set.")
    return 0


def _cmd_setup_code(args: argparse.Namespace) -> int:
    from kiosk.domain.access import AccessError

    services = _open()
    try:
        code = services.access.issue_setup_code(actor=services.access.console_actor())
    except AccessError as exc:
        raise _error(str(exc) + " To change it, run 'market-kiosk manager set-password'.") from None
    finally:
        services.close()
    print(f"Set-up code: {code}")
    print(
        "Type it in Manager mode (시장 관리자) to set the manager password. It works once, "
        "for 24 hours; running this again replaces it."
    )
    return 0


def _find_store(services: Services, market: str, stall: str, command: str) -> tuple[int, str]:
    """The id and label of *stall* in *market*; CliError naming the known stalls otherwise."""
    from kiosk.domain.text import terminal_safe
    from kiosk.services.values import NotFoundError

    try:
        stores = services.directory.list_stores(market_slug=market, include_inactive=True)
    except NotFoundError as exc:
        raise _error(str(exc)) from None
    store = next((s for s in stores if s.stall_number == stall.strip()), None)
    if store is None:
        known = ", ".join(s.stall_number for s in stores[:20])
        raise _error(
            f"{command}: market {market!r} has no stall "
            f"{terminal_safe(stall)!r} (stalls: {known or 'none'})"
        )
    return store.id, f"stall {store.stall_number} ({store.name.get('ko')})"


def _cmd_clear_wait(args: argparse.Namespace) -> int:
    from kiosk.domain.text import terminal_safe

    services = _open()
    try:
        store_id, label = None, "the manager password"
        if args.market is not None:
            store_id, label = _find_store(services, args.market, args.stall, "merchant clear-wait")
        console = services.access.console_actor()
        waiting = services.access.clear_wait(actor=console, store_id=store_id)
    finally:
        services.close()
    print(terminal_safe(f"Wrong tries of {label} forgotten ({waiting} PC(s) were counting)."))
    return 0


def _cmd_set_pin(args: argparse.Namespace) -> int:
    from kiosk.domain.access import AccessError, Secret, pin_problem

    secret = read_secret("PIN", once=bool(args.stdin))
    problem = pin_problem(secret)
    if problem is not None:
        raise _error(str(problem))
    services = _open()
    try:
        store_id, label = _find_store(services, args.market, args.stall, "merchant set-pin")
        console = services.access.console_actor()
        services.access.set_store_pin(actor=console, store_id=store_id, pin=Secret(secret))
    except AccessError as exc:
        raise _error(str(exc)) from None
    finally:
        services.close()
    print(f"The PIN of {label} is set.")
    return 0


def parse_since(text: str) -> datetime:
    """``2026-12-01`` (local midnight) or an ISO time; CliError for anything else."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise _error(f"audit: --since {text!r} is not a date (use YYYY-MM-DD)") from None
    try:
        if value.tzinfo is None:
            value = value.astimezone()  # local time, as the market reads it
        return value.astimezone(UTC)
    except (OverflowError, ValueError, OSError):  # year 1 or 9999 shifted past the calendar
        raise _error(
            f"audit: --since {text!r} is too far in the past or the future "
            "(use a date such as 2026-12-01)"
        ) from None


def _cmd_audit(args: argparse.Namespace) -> int:
    since = parse_since(args.since) if args.since else None
    services = _open()
    try:
        entries = services.audit.audit_log(
            actor=services.access.console_actor(),
            market_slug=args.market,
            since=since,
            limit=100_000,
        )
    finally:
        services.close()
    write_audit(entries, args.format, sys.stdout)
    return 0


def _row(entry: AuditEntry) -> dict[str, object]:
    return {
        "id": entry.id,
        "at": entry.at.astimezone(UTC).isoformat(timespec="seconds"),
        "actor_role": entry.actor_role,
        "actor": entry.actor,
        "pc": entry.pc,
        "action": entry.action.value,
        "market": entry.market_slug or "",
        "store_id": entry.store_id,
        "subject": entry.subject,
        "changes": [{"field": c.field, "old": c.old, "new": c.new} for c in entry.changes],
    }


def write_audit(entries: list[AuditEntry], fmt: str, out: TextIO) -> None:
    """*entries* as an aligned table, a JSON array or CSV with a header row."""
    if fmt == "json":
        from kiosk.cli.terminal import json_text

        out.write(json_text([_row(e) for e in entries]))
        return
    if fmt == "csv":
        from kiosk.domain.exchange.spreadsheet import csv_text, plain_cell

        keys = ["id", "at", "actor_role", "actor", "pc", "action", "market", "store_id",
                "subject", "changes"]  # fmt: skip
        lines = [[*map(plain_cell, list(_row(e).values())[:-1]), e.summary()] for e in entries]
        out.write(csv_text([keys, *lines]))
        return
    from kiosk.domain.text import terminal_safe

    header = ("when", "who", "pc", "action", "market", "what", "changes")
    rows: list[tuple[str, ...]] = [
        tuple(
            terminal_safe(cell)
            for cell in (
                e.at.astimezone().strftime("%Y-%m-%d %H:%M"),
                e.actor,
                e.pc,
                e.action.value,
                e.market_slug or "",
                e.subject,
                e.summary(),
            )
        )
        for e in entries
    ]
    widths = [max([len(header[i]), *(len(r[i]) for r in rows)]) for i in range(len(header) - 1)]
    for line in [header, *rows]:
        cells = [cell.ljust(widths[i]) for i, cell in enumerate(line[:-1])]
        out.write("  ".join([*cells, line[-1]]).rstrip() + "\n")
    if not entries:
        out.write("(no entries)\n")
