"""`market-kiosk export|import|stores list|backup|restore`: listings files and backups.

The command line acts as the ``console`` manager (whoever runs it holds the
database already; docs/architecture.md, "Roles, access and the audit log").
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeVar

if TYPE_CHECKING:
    from kiosk.domain.exchange.plan import ImportPlan
    from kiosk.services.app import Services

_P = TypeVar("_P", bound=argparse.ArgumentParser)

#: Stores named per kind of change in a dry run (the rest are counted).
SHOWN = 20


def add_exchange_parsers(subparsers: argparse._SubParsersAction[_P]) -> None:
    """Add ``export``, ``import``, ``stores list``, ``backup`` and ``restore``."""
    export = subparsers.add_parser(
        "export",
        help="write a market's listings to FILE.csv or FILE.xlsx (or the empty template)",
        description="Write every store and good of a market as the listings file Excel opens: "
        "CSV (UTF-8 with BOM, one row per good) or XLSX (a stores and a goods sheet).",
    )
    export.add_argument("--market", metavar="SLUG", help="market short name (not for --template)")
    export.add_argument("--out", required=True, type=Path, metavar="FILE", help=".csv or .xlsx")
    export.add_argument(
        "--template", action="store_true", help="only the headers (and the guide sheet)"
    )
    export.set_defaults(func=_cmd_export)

    load = subparsers.add_parser(
        "import",
        help="check FILE (.csv or .xlsx) and write all of its listings, or none",
        description="Every row is checked first; any problem is named (sheet, row, column) "
        "and nothing is written. Stores are matched by stall number.",
    )
    load.add_argument("file", type=Path, metavar="FILE")
    load.add_argument("--market", metavar="SLUG", help="the market (when the file has no 시장)")
    load.add_argument(
        "--dry-run", action="store_true", help="show what would change; write nothing"
    )
    load.add_argument(
        "--deactivate-missing",
        action="store_true",
        help="deactivate the market's stores that are not in the file (default: only report them)",
    )
    load.add_argument(
        "--encoding",
        choices=("utf-8", "cp949"),
        help="how a CSV file without a UTF-8 mark is read, when it reads both ways "
        "(cp949: Korean Excel's 'CSV (쉼표로 분리)')",
    )
    load.add_argument(
        "--map",
        metavar="FIELD=HEADER,...",
        help="read a roster in its own layout: name_ko=상호,phone=연락처,stall_number=호수 "
        "(remembered for the market; fields: the template's column keys)",
    )
    load.set_defaults(func=_cmd_import)

    stores = subparsers.add_parser("stores", help="list stores (for scripts and the office)")
    stores_sub = stores.add_subparsers(dest="stores_command", metavar="COMMAND", required=True)
    listing = stores_sub.add_parser("list", help="stores in stall order, with the directory search")
    listing.add_argument("--market", metavar="SLUG", help="one market (default: all)")
    listing.add_argument("--search", default="", metavar="TEXT", help="the tourist search")
    listing.add_argument("--format", choices=("table", "json", "csv"), default="table")
    listing.set_defaults(func=_cmd_stores_list)
    from kiosk.cli.public import add_stores_import

    add_stores_import(stores_sub)

    backup = subparsers.add_parser(
        "backup", help="back up the SQLite database (checked; default: the backups folder)"
    )
    backup.add_argument("--out", type=Path, metavar="FILE", help="where to write the backup")
    backup.set_defaults(func=_cmd_backup)

    restore = subparsers.add_parser(
        "restore", help="replace the database by a checked backup FILE (asks first)"
    )
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.add_argument("--yes", action="store_true", help="do not ask (for scripts)")
    restore.set_defaults(func=_cmd_restore)


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


def _refused_summary(name: str, count: int) -> str:
    """The closing line of a refused import, after its problems (which name the first)."""
    from kiosk.i18n import ngettext

    said = ngettext(
        "{name}: {count} problem (listed above), nothing was imported",
        "{name}: {count} problems (listed above), nothing was imported",
        count,
    )
    return _safe(said.format(name=name, count=count))


def _safe(text: object) -> str:
    from kiosk.domain.text import terminal_safe

    return terminal_safe(str(text))


def _cmd_export(args: argparse.Namespace) -> int:
    if not args.template and not args.market:
        raise _error("export: --market SLUG is needed (or --template)")
    services = _open()
    try:
        result = services.exchange.export_listings(
            actor=services.access.console_actor(),
            market_slug=args.market or "",
            out=args.out,
            template=bool(args.template),
        )
    finally:
        services.close()
    what = "template" if args.template else f"{result.stores} stores, {result.goods} goods"
    print(_safe(f"wrote {result.path} ({what})"))
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    from kiosk.services.values import ImportRefused

    column_map = _column_map(args.map)
    services = _open()
    try:
        actor = services.access.console_actor()
        try:
            plan = services.exchange.check_import(
                actor=actor,
                path=args.file,
                market_slug=args.market,
                deactivate_missing=bool(args.deactivate_missing),
                encoding=args.encoding,
                column_map=column_map,
            )
        except ImportRefused as exc:
            from kiosk.cli.errors import error_line

            for line in exc.lines():
                print(_safe(line), file=sys.stderr)
            print(error_line(_refused_summary(exc.name, len(exc.problems))), file=sys.stderr)
            return 2
        write_plan(plan, sys.stdout)
        if args.dry_run:
            from kiosk.i18n import _

            print(_("dry run: nothing was written"))
            return 0
        services.exchange.apply_import(actor=actor, plan=plan)
    finally:
        services.close()
    print("imported" if plan.changes_anything else "nothing to change")
    return 0


def _column_map(text: str | None) -> dict[str, str] | None:
    if not text:
        return None
    from kiosk.domain.exchange.mapping import parse_map

    return parse_map(text)


def _named(plan: ImportPlan, kind: object) -> list[str]:
    return [
        f"{store.stall} {store.listing.name.get('ko', '')}".strip()
        for store in plan.stores
        if store.kind == kind
    ]


def write_plan(plan: ImportPlan, out: TextIO) -> None:
    """The dry run's summary: counts, then the stores of each kind and their changes."""
    from kiosk.domain.exchange.plan import PlanKind

    out.write(_safe(f"{plan.source} -> market {plan.market_slug}") + "\n")
    if plan.column_map:
        pairs = ", ".join(f"{h} -> {f}" for f, h in plan.column_map.items())
        out.write(_safe(f"  columns: {pairs}") + "\n")
    out.write(
        f"  stores: {plan.count(PlanKind.NEW)} new, {plan.count(PlanKind.UPDATED)} updated, "
        f"{plan.count(PlanKind.UNCHANGED)} unchanged, "
        f"{plan.count(PlanKind.DEACTIVATED)} deactivated\n"
    )
    out.write(
        f"  goods: {plan.new_goods} new, {plan.changed_goods} changed, "
        f"{plan.removed_goods} removed\n"
    )
    for label, kind in (("new", PlanKind.NEW), ("deactivated", PlanKind.DEACTIVATED)):
        names = _named(plan, kind)
        if names:
            more = f" (+{len(names) - SHOWN} more)" if len(names) > SHOWN else ""
            out.write(_safe(f"  {label}: {', '.join(names[:SHOWN])}{more}") + "\n")
    updated = [s for s in plan.stores if s.kind is PlanKind.UPDATED]
    for store in updated[:SHOWN]:
        changes = "; ".join(str(c) for c in store.changes[:4])
        extra = f"; … ({len(store.changes) - 4} more)" if len(store.changes) > 4 else ""
        out.write(_safe(f"  updated {store.stall}: {changes}{extra}") + "\n")
    if len(updated) > SHOWN:
        out.write(f"  … and {len(updated) - SHOWN} more updated stores\n")
    if plan.kept_texts:
        out.write(
            f"  kept as saved: {plan.kept_texts} texts the file's CP949 encoding turned into '?' "
            "(save as CSV UTF-8 or XLSX to edit them)\n"
        )
    if plan.missing and not plan.deactivate_missing:
        shown = ", ".join(plan.missing[:SHOWN]) + (" …" if len(plan.missing) > SHOWN else "")
        out.write(
            _safe(
                f"  not in the file: {len(plan.missing)} active stores ({shown}); kept "
                "(--deactivate-missing deactivates them)"
            )
            + "\n"
        )


def _cmd_stores_list(args: argparse.Namespace) -> int:
    services = _open()
    try:
        slugs = (
            [args.market] if args.market else [m.slug for m in services.directory.list_markets()]
        )
        rows: list[dict[str, object]] = []
        for slug in slugs:
            everyone = services.directory.list_stores(
                market_slug=slug, query=args.search, include_inactive=True
            )
            active = {
                s.id for s in services.directory.list_stores(market_slug=slug, query=args.search)
            }
            rows += [
                {
                    "market": slug,
                    "stall_number": s.stall_number,
                    "name": s.name.get("ko"),
                    "name_en": s.name.values.get("en", ""),
                    "category": s.category.value,
                    "active": s.id in active,
                    "kakao": s.has_kakao,
                    "payment_qr": s.has_payment_qr,
                    "id": s.id,
                }
                for s in everyone
            ]
    finally:
        services.close()
    write_rows(rows, args.format, sys.stdout)
    return 0


def write_rows(rows: list[dict[str, object]], fmt: str, out: TextIO) -> None:
    """*rows* as an aligned table, a JSON array, or CSV with a header row."""
    if fmt == "json":
        from kiosk.cli.terminal import json_text

        out.write(json_text(rows))
        return
    keys = list(rows[0]) if rows else ["market", "stall_number", "name"]
    if fmt == "csv":
        from kiosk.domain.exchange.spreadsheet import csv_text, plain_cell

        lines = [[plain_cell(row.get(key)) for key in keys] for row in rows]
        out.write(csv_text([keys, *lines], line_end="\n"))
        return
    shown = ("market", "stall_number", "name", "category", "active")
    table = [[_safe(row.get(key, "")) for key in shown] for row in rows]
    widths = [max([len(key), *(_width(r[i]) for r in table)]) for i, key in enumerate(shown)]
    for line in [list(shown), *table]:
        cells = [cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(line)]
        out.write("  ".join(cells).rstrip() + "\n")
    if not rows:
        out.write("(no stores)\n")


def _width(text: str) -> int:
    """Columns *text* takes in a terminal: Hangul and CJK characters take two."""
    from kiosk.cli.terminal import text_width

    return text_width(text)


def _cmd_backup(args: argparse.Namespace) -> int:
    services = _open()
    try:
        result = services.backups.backup_database(
            actor=services.access.console_actor(), out=args.out
        )
    finally:
        services.close()
    facts = result.facts
    print(_safe(f"backup written: {result.path} ({facts.stores} stores, schema {facts.revision})"))
    return 0


def _confirm(question: str, stdin: TextIO | None = None) -> bool:
    stream = stdin if stdin is not None else sys.stdin
    if not stream.isatty():
        raise _error(
            "restore: standard input is not a terminal; add --yes to restore from a script"
        )
    print(question + " [y/N] ", end="", flush=True)
    return stream.readline().strip().lower() in ("y", "yes", "예", "네")


def _cmd_restore(args: argparse.Namespace) -> int:
    services = _open()
    try:
        facts = services.backups.inspect_backup(source=args.file)
        question = (
            f"Replace the database {services.where} by {args.file} "
            f"({facts.markets} markets, {facts.stores} stores, schema {facts.revision})? "
            "The current database is kept in the backups folder first."
        )
        if not args.yes and not _confirm(_safe(question)):
            print("nothing was changed")
            return 1
        result = services.backups.restore_database(
            actor=services.access.console_actor(), source=args.file
        )
    finally:
        services.close()
    kept = f"; the previous database is kept as {result.previous}" if result.previous else ""
    print(_safe(f"restored {args.file}{kept}"))
    return 0
