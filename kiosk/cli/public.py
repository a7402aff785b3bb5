"""`market-kiosk markets import-public|list|holidays` and `stores import-public`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeVar

if TYPE_CHECKING:
    from kiosk.services.app import Services
    from kiosk.services.values import MarketsPlan, StoresPlan

_P = TypeVar("_P", bound=argparse.ArgumentParser)

#: Markets or shops named per kind of change (the rest are counted).
SHOWN = 20


def add_markets_parser(subparsers: argparse._SubParsersAction[_P]) -> None:
    """Add ``markets import-public``, ``markets list`` and ``markets holidays``."""
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
    from kiosk.cli.holidays import add_holidays_parser

    add_holidays_parser(sub)


def _open() -> Services:
    from kiosk.cli.errors import CliError
    from kiosk.services.app import Services
    from kiosk.services.values import DatabaseOpenError

    try:
        return Services.open()
    except DatabaseOpenError as exc:
        raise CliError(str(exc)) from None


def _safe(text: object) -> str:
    from kiosk.domain.text import terminal_safe

    return terminal_safe(str(text))


def refused(lines: list[str], summary: str) -> int:
    """Print each problem line and the one error line; exit status 2."""
    from kiosk.cli.errors import error_line
    from kiosk.i18n import ngettext

    for line in lines[:200]:
        print(_safe(line), file=sys.stderr)
    if len(lines) > 200:
        more = len(lines) - 200
        print(
            ngettext("… and {count} more", "… and {count} more", more).format(count=more),
            file=sys.stderr,
        )
    print(error_line(summary), file=sys.stderr)
    return 2


def _cmd_import_markets(args: argparse.Namespace) -> int:
    from kiosk.i18n import _, ngettext
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
            said = ngettext(
                "{count} row cannot be read; nothing was imported",
                "{count} rows cannot be read; nothing was imported",
                len(lines),
            )
            return refused(lines, said.format(count=len(lines)))
        write_markets_plan(plan, sys.stdout)
        if args.dry_run:
            print(_("dry run: nothing was written"))
            return 0
        count = services.public.apply_markets(actor=actor, plan=plan)
    finally:
        services.close()
    if not count:
        print(_("nothing to change"))
        return 0
    written = ngettext(
        "imported: {count} market written", "imported: {count} markets written", count
    )
    print(written.format(count=count))
    return 0


def write_markets_plan(plan: MarketsPlan, out: TextIO) -> None:
    """The dry run: the encoding read, counts, the markets named, the notes."""
    from kiosk.domain.public_data.stream import ENCODING_NAMES
    from kiosk.i18n import _, ngettext
    from kiosk.services.values import EntryKind

    out.write(_safe(read_line(plan.source, ENCODING_NAMES[plan.encoding], plan.rows)) + "\n")
    counted = _("markets: {new} new, {updated} updated, {unchanged} unchanged")
    new, updated = plan.count(EntryKind.NEW), plan.count(EntryKind.UPDATED)
    out.write(
        "  " + counted.format(new=new, updated=updated, unchanged=plan.count(EntryKind.UNCHANGED))
    )
    out.write("\n")
    headings = {EntryKind.NEW: _("new: {names}"), EntryKind.UPDATED: _("updated: {names}")}
    for kind, heading in headings.items():
        named = [f"{e.market.name} ({e.slug})" for e in plan.entries if e.kind is kind]
        if named:
            more = (
                _(" (+{count} more)").format(count=len(named) - SHOWN) if len(named) > SHOWN else ""
            )
            out.write("  " + _safe(heading.format(names=", ".join(named[:SHOWN])) + more) + "\n")
    for note in plan.notes[:SHOWN]:
        out.write("  " + _safe(_("note: {note}").format(note=note)) + "\n")
    if len(plan.notes) > SHOWN:
        extra = len(plan.notes) - SHOWN
        said = ngettext("… and {count} more note", "… and {count} more notes", extra)
        out.write("  " + said.format(count=extra) + "\n")


def read_line(source: str, encoding: str, rows: int) -> str:
    """The first line of a plan: the file, how it was read and its rows."""
    from kiosk.i18n import ngettext

    said = ngettext(
        "{source} (read as {encoding}, {rows} row)",
        "{source} (read as {encoding}, {rows} rows)",
        rows,
    )
    return said.format(source=source, encoding=encoding, rows=rows)


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
            # Market days are known only from the national list (else not given).
            "market_days": profile.market_days.format("ko") if profile.source else "",
            "market_day_endings": list(profile.market_days.endings) if profile.source else None,
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
        from kiosk.i18n import _

        print(_("(no markets)"))
    return 0


def write_table(rows: list[dict[str, object]], shown: tuple[str, ...], out: TextIO) -> None:
    """*rows* as aligned columns (Hangul counts two columns wide)."""
    from kiosk.cli.terminal import text_width as _width

    table = [[_safe("" if row.get(k) is None else row.get(k)) for k in shown] for row in rows]
    widths = [max([len(k), *(_width(r[i]) for r in table)]) for i, k in enumerate(shown)]
    for line in [list(shown), *table]:
        cells = [cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(line)]
        out.write("  ".join(cells).rstrip() + "\n")


def add_stores_import(stores_sub: argparse._SubParsersAction[_P]) -> None:
    """Add ``stores import-public`` (the SEMAS store registry) under ``stores``."""
    load = stores_sub.add_parser(
        "import-public",
        help="add the market's shops from the SEMAS 상가(상권)정보 CSV (one province file)",
        description="Shops within the radius of the market's coordinates, or whose building "
        "name or road address names the market, are added (matched again by 상가업소번호: a "
        "second run updates, never duplicates). Shops gone from the registry are reported.",
    )
    load.add_argument("file", type=Path, metavar="FILE")
    load.add_argument("--market", required=True, metavar="SLUG", help="the market")
    load.add_argument("--radius", type=float, default=150.0, metavar="METRES")
    load.add_argument(
        "--centre", metavar="LAT,LON", help="the radius centre (for a market without coordinates)"
    )
    load.add_argument("--building", default="", metavar="NAME", help="the market's building name")
    load.add_argument(
        "--categories", type=Path, metavar="FILE", help="the market's own 상권업종 table (TOML)"
    )
    load.add_argument("--dry-run", action="store_true", help="show the candidates; write nothing")
    load.add_argument("--format", choices=("table", "json"), default="table")
    load.set_defaults(func=_cmd_import_stores)


def _centre(text: str | None) -> tuple[float, float] | None:
    from kiosk.cli.errors import CliError
    from kiosk.domain.public_data.stream import in_korea
    from kiosk.i18n import _

    if not text:
        return None
    try:
        lat, lon = (float(part) for part in text.split(","))
    except ValueError:
        said = _("--centre: {text} is not LATITUDE,LONGITUDE (37.57,126.99)")
        raise CliError(said.format(text=repr(text))) from None
    if not in_korea(lat, lon):
        raise CliError(_("--centre: {lat},{lon} is not in Korea").format(lat=lat, lon=lon))
    return lat, lon


def _cmd_import_stores(args: argparse.Namespace) -> int:
    from kiosk.cli.errors import CliError
    from kiosk.i18n import _, ngettext
    from kiosk.services.values import PublicImportRefused

    if not args.radius > 0:
        raise CliError(_("--radius: give a distance in metres above 0"))
    services = _open()
    try:
        actor = services.access.console_actor()
        try:
            plan = services.public.check_stores(
                actor=actor,
                path=args.file,
                market_slug=args.market,
                radius_m=args.radius,
                centre=_centre(args.centre),
                building=args.building,
                categories=args.categories,
            )
        except PublicImportRefused as exc:
            lines = [str(p) for p in exc.problems]
            said = ngettext(
                "{count} problem in the file; nothing was imported",
                "{count} problems in the file; nothing was imported",
                len(lines),
            )
            return refused(lines, said.format(count=len(lines)))
        write_stores_plan(plan, args.format, sys.stdout)
        if args.dry_run:
            if args.format == "table":
                print(_("dry run: nothing was written"))
            return 0
        count = services.public.apply_stores(actor=actor, plan=plan)
    finally:
        services.close()
    if args.format == "table":
        written = ngettext(
            "imported: {count} store written", "imported: {count} stores written", count
        )
        print(written.format(count=count) if count else _("nothing to change"))
    return 0


def write_stores_plan(plan: StoresPlan, fmt: str, out: TextIO) -> None:
    """The candidates as a table (with counts) or one JSON object."""
    from kiosk.domain.public_data.stream import ENCODING_NAMES
    from kiosk.services.values import EntryKind

    rows: list[dict[str, object]] = [
        {
            "status": e.kind.value,
            "stall": e.stall,
            "name": e.candidate.name,
            "category": e.candidate.category.value,
            "kind": e.candidate.kind,
            "distance_m": None if e.candidate.distance_m is None else round(e.candidate.distance_m),
            "location": "yes" if e.candidate.place else "no location",
            "shop_id": e.candidate.shop_id,
            "row": e.candidate.row,
        }
        for e in plan.entries
    ]
    counts = {kind.value: plan.count(kind) for kind in EntryKind}
    if fmt == "json":
        from kiosk.cli.terminal import json_text

        whole = {
            "source": plan.source,
            "encoding": plan.encoding,
            "rows": plan.rows,
            "market": plan.market_slug,
            **counts,
            "no_location": len(plan.no_location),
            "gone": list(plan.gone),
            "candidates": rows,
        }
        out.write(json_text(whole))
        return
    from kiosk.i18n import _

    read = read_line(plan.source, ENCODING_NAMES[plan.encoding], plan.rows)
    out.write(_safe(f"{read} -> {plan.market_slug}") + "\n")
    counted = _(
        "stores: {new} new, {updated} updated, {unchanged} unchanged; {missing} with no location"
    )
    missing = len(plan.no_location)
    out.write("  " + counted.format(**counts, missing=missing) + "\n")
    if plan.gone:
        shown = ", ".join(plan.gone[:SHOWN]) + (" …" if len(plan.gone) > SHOWN else "")
        gone = _("gone from the registry: {count} ({names}); kept")
        out.write("  " + _safe(gone.format(count=len(plan.gone), names=shown)) + "\n")
    columns = ("status", "stall", "name", "category", "kind", "distance_m", "location")
    write_table(rows, columns, out)
