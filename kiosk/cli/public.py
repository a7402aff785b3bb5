"""`market-kiosk markets import-public|list` and `stores import-public`: public data in."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeVar

if TYPE_CHECKING:
    from kiosk.services.app import Services
    from kiosk.services.values import MarketsPlan

_P = TypeVar("_P", bound=argparse.ArgumentParser)

#: Markets or shops named per kind of change (the rest are counted).
SHOWN = 20


def add_markets_parser(subparsers: argparse._SubParsersAction[_P]) -> None:
    """Add ``markets import-public`` and ``markets list``."""
    markets = subparsers.add_parser("markets", help="markets: list them, add them from public data")
    sub = markets.add_subparsers(dest="markets_command", metavar="COMMAND", required=True)
    load = sub.add_parser(
        "import-public",
        help="add or update markets from 전국전통시장표준데이터 (CSV, CP949 or UTF-8)",
        description="Markets are matched by name and address: a second run updates them and "
        "never adds them twice. Any row that cannot be read is named and nothing is written.",
    )
    load.add_argument("file", type=Path, metavar="FILE")
    load.add_argument(
        "--sido", default="", metavar="NAME", help="only one province (서울, 경기도 …)"
    )
    load.add_argument("--name", default="", metavar="TEXT", help="only markets whose name has TEXT")
    load.add_argument(
        "--dry-run", action="store_true", help="show what would change; write nothing"
    )
    load.set_defaults(func=_cmd_import_markets)
    listing = sub.add_parser("list", help="every market with its address, type and market days")
    listing.add_argument("--format", choices=("table", "json"), default="table")
    listing.set_defaults(func=_cmd_list_markets)


def _open() -> Services:
    from kiosk.cli.exchange import _open as open_services

    return open_services()


def _safe(text: object) -> str:
    from kiosk.domain.text import terminal_safe

    return terminal_safe(str(text))


def refused(lines: list[str], summary: str) -> int:
    """Print each problem line and the one error line; exit status 2."""
    from kiosk.cli.errors import error_line

    for line in lines[:200]:
        print(_safe(line), file=sys.stderr)
    if len(lines) > 200:
        print(f"… and {len(lines) - 200} more", file=sys.stderr)
    print(error_line(summary), file=sys.stderr)
    return 2


def _cmd_import_markets(args: argparse.Namespace) -> int:
    from kiosk.services.values import PublicImportRefused

    services = _open()
    try:
        actor = services.access.console_actor()
        try:
            plan = services.public.check_markets(
                actor=actor, path=args.file, sido=args.sido, name=args.name
            )
        except PublicImportRefused as exc:
            lines = [str(p) for p in exc.problems]
            return refused(lines, f"{len(lines)} rows cannot be read; nothing was imported")
        write_markets_plan(plan, sys.stdout)
        if args.dry_run:
            print("dry run: nothing was written")
            return 0
        count = services.public.apply_markets(actor=actor, plan=plan)
    finally:
        services.close()
    print(f"imported: {count} markets written" if count else "nothing to change")
    return 0


def write_markets_plan(plan: MarketsPlan, out: TextIO) -> None:
    """The dry run: the encoding read, counts, the markets named, the notes."""
    from kiosk.domain.public_data.stream import ENCODING_NAMES
    from kiosk.services.values import EntryKind

    out.write(_safe(f"{plan.source} (read as {ENCODING_NAMES[plan.encoding]}, {plan.rows} rows)\n"))
    out.write(
        f"  markets: {plan.count(EntryKind.NEW)} new, {plan.count(EntryKind.UPDATED)} updated, "
        f"{plan.count(EntryKind.UNCHANGED)} unchanged\n"
    )
    for kind in (EntryKind.NEW, EntryKind.UPDATED):
        named = [f"{e.market.name} ({e.slug})" for e in plan.entries if e.kind is kind]
        if named:
            more = f" (+{len(named) - SHOWN} more)" if len(named) > SHOWN else ""
            out.write(_safe(f"  {kind.value}: {', '.join(named[:SHOWN])}{more}") + "\n")
    for note in plan.notes[:SHOWN]:
        out.write(_safe(f"  note: {note}") + "\n")
    if len(plan.notes) > SHOWN:
        out.write(f"  … and {len(plan.notes) - SHOWN} more notes\n")


def _cmd_list_markets(args: argparse.Namespace) -> int:
    services = _open()
    try:
        found = services.public.market_profiles()
    finally:
        services.close()
    rows: list[dict[str, object]] = [
        {
            "slug": info.slug,
            "name": info.name.get("ko"),
            "stores": info.store_count,
            "kind": profile.kind,
            "market_days": profile.market_days.format("ko"),
            "market_day_endings": list(profile.market_days.endings),
            "address": profile.address,
            "latitude": profile.latitude,
            "longitude": profile.longitude,
            "phone": profile.phone,
            "homepage": profile.homepage,
            "certificates": list(profile.certificates),
            "payments": [p.value for p in profile.payments],
        }
        for info, profile in found
    ]
    if args.format == "json":
        from kiosk.cli.terminal import json_text

        sys.stdout.write(json_text(rows))
        return 0
    write_table(rows, ("slug", "name", "stores", "kind", "market_days", "address"), sys.stdout)
    if not rows:
        print("(no markets)")
    return 0


def write_table(rows: list[dict[str, object]], shown: tuple[str, ...], out: TextIO) -> None:
    """*rows* as aligned columns (Hangul counts two columns wide)."""
    from kiosk.cli.exchange import _width

    table = [[_safe("" if row.get(k) is None else row.get(k)) for k in shown] for row in rows]
    widths = [max([len(k), *(_width(r[i]) for r in table)]) for i, k in enumerate(shown)]
    for line in [list(shown), *table]:
        cells = [cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(line)]
        out.write("  ".join(cells).rstrip() + "\n")
