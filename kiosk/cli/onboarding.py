"""`market-kiosk onboarding status|report|export|checklist`: progress from the command line.

These commands act as the ``console`` (whoever runs them already holds the
database). Texts follow the terminal's language (``--lang`` too); data cells
are escaped so nothing a merchant typed can act on the terminal.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeVar

if TYPE_CHECKING:
    from kiosk.domain.locales import LocaleCode
    from kiosk.domain.onboarding.progress import MarketProgress, StoreOnboarding
    from kiosk.services.app import Services

_P = TypeVar("_P", bound=argparse.ArgumentParser)


def add_onboarding_parser(subparsers: argparse._SubParsersAction[_P]) -> None:
    """Add ``onboarding status``, ``report``, ``export`` and ``checklist``."""
    from kiosk.domain.categories import Category

    parser = subparsers.add_parser("onboarding", help="merchants' digital onboarding progress")
    sub = parser.add_subparsers(dest="onboarding_command", metavar="COMMAND", required=True)
    status = sub.add_parser("status", help="a market's progress, or one stall's steps (--stall)")
    status.add_argument("--market", required=True, metavar="SLUG", help="market short name")
    status.add_argument("--stall", metavar="STALL", help="one stall's steps, e.g. A-12")
    status.add_argument(
        "--category", choices=[c.value for c in Category], help="only stores of this category"
    )
    status.add_argument(
        "--format", choices=("table", "json", "csv"), default="table", help="output format"
    )
    status.set_defaults(func=_cmd_status)
    report = sub.add_parser("report", help="one stall's printable progress report (A4 PDF)")
    report.add_argument("--market", required=True, metavar="SLUG", help="market short name")
    report.add_argument("--stall", required=True, metavar="STALL", help="stall number, e.g. A-12")
    report.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help="PDF to write")
    report.set_defaults(func=_cmd_report)
    export = sub.add_parser(
        "export", help="a market's progress for the city or the programme (.csv or .xlsx)"
    )
    export.add_argument("--market", required=True, metavar="SLUG", help="market short name")
    export.add_argument(
        "--out", required=True, type=Path, metavar="FILE", help="FILE.csv (UTF-8, BOM) or .xlsx"
    )
    export.add_argument(
        "--category", choices=[c.value for c in Category], help="only stores of this category"
    )
    export.set_defaults(func=_cmd_export)
    check = sub.add_parser(
        "checklist", help="check a checklist file (default: the one in use) and say which is used"
    )
    check.add_argument("file", nargs="?", type=Path, metavar="FILE", help="a checklist TOML file")
    check.set_defaults(func=_cmd_checklist)


def _error(message: str) -> Exception:
    from kiosk.cli.errors import CliError

    return CliError(message)


def _open() -> Services:
    from kiosk.services.app import Services
    from kiosk.services.values import DatabaseOpenError

    try:
        services = Services.open()
    except DatabaseOpenError as exc:
        raise _error(str(exc)) from None
    problem = services.onboarding.onboarding_checklist().problem
    if problem is not None:
        from kiosk.cli.errors import error_line

        used = services.onboarding.onboarding_checklist().source
        line = error_line(f"{problem} (using {used})").replace(": error: ", ": warning: ", 1)
        print(line, file=sys.stderr)
    return services


def _locale() -> LocaleCode:
    from kiosk import i18n

    return i18n.current_locale()


def _store_id(services: Services, market: str, stall: str) -> int:
    from kiosk.domain.text import terminal_safe

    stores = services.directory.list_stores(market_slug=market, include_inactive=True)
    found = next((s for s in stores if s.stall_number == stall.strip()), None)
    if found is None:
        known = ", ".join(s.stall_number for s in stores[:20])
        raise _error(
            f"onboarding: market {market!r} has no stall {terminal_safe(stall)!r} "
            f"(stalls: {known or 'none'})"
        )
    return found.id


def _cmd_status(args: argparse.Namespace) -> int:
    from kiosk.domain.categories import Category

    services = _open()
    try:
        console = services.access.console_actor()
        if args.stall:
            store_id = _store_id(services, args.market, args.stall)
            state = services.onboarding.store_onboarding(actor=console, store_id=store_id)
            write_store_status(state, args.format, sys.stdout, _locale())
        else:
            category = Category(args.category) if args.category else None
            progress = services.onboarding.market_onboarding(
                actor=console, market_slug=args.market, category=category
            )
            write_market_status(progress, args.format, sys.stdout, _locale())
    finally:
        services.close()
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from kiosk.domain.text import terminal_safe

    out: Path = args.out
    if out.suffix.lower() != ".pdf":
        raise _error(f"onboarding report: {terminal_safe(str(out))} must end in .pdf")
    services = _open()
    try:
        store_id = _store_id(services, args.market, args.stall)
        result = services.onboarding.onboarding_report(
            actor=services.access.console_actor(), store_id=store_id, out=out, locale=_locale()
        )
    finally:
        services.close()
    print(
        terminal_safe(
            f"wrote {result.path} ({result.pages} page(s), {result.codes_verified} QR code(s) "
            "decoded back)"
        )
    )
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from kiosk.domain.categories import Category
    from kiosk.domain.text import terminal_safe

    services = _open()
    try:
        rows = services.onboarding.export_onboarding(
            actor=services.access.console_actor(),
            market_slug=args.market,
            out=args.out,
            category=Category(args.category) if args.category else None,
            locale=_locale(),
        )
    finally:
        services.close()
    print(terminal_safe(f"wrote {args.out} ({rows} rows, read back and checked)"))
    return 0


def _cmd_checklist(args: argparse.Namespace) -> int:
    from kiosk.domain.onboarding.checklist_file import ChecklistError, ChecklistUnreadable
    from kiosk.domain.text import terminal_safe
    from kiosk.services.app import Onboarding

    if args.file is not None:
        path: Path = args.file
        try:
            checklist = Onboarding.read_checklist_file(path)
        except ChecklistUnreadable as exc:
            # A file that cannot be read at all is bad input (status 2, one line).
            reason = str(exc.problem)
            named = reason if str(path) in reason else f"{path}: {reason}"
            raise _error(f"onboarding checklist: {named}") from None
        except ChecklistError as exc:
            for line, problem in exc.problems:
                print(terminal_safe(f"{path}:{line}: {problem}"), file=sys.stderr)
            return 1
        print(terminal_safe(f"{path}: {len(checklist)} steps, OK"))
        return 0
    state = Onboarding.load_checklist()
    if state.problem is not None:
        for line, problem in state.problem.problems:
            print(terminal_safe(f"{state.problem.file}:{line}: {problem}"), file=sys.stderr)
    print(terminal_safe(f"in use: {state.source} ({len(state.checklist)} steps)"))
    return 1 if state.problem is not None else 0


# Output ----------------------------------------------------------------------------------------
def _table(rows: list[tuple[str, ...]], out: TextIO) -> None:
    from kiosk.domain.text import terminal_safe

    safe = [tuple(terminal_safe(cell) for cell in row) for row in rows]
    widths = [max(len(row[i]) for row in safe) for i in range(len(safe[0]) - 1)]
    for row in safe:
        cells = [cell.ljust(widths[i]) for i, cell in enumerate(row[:-1])]
        out.write("  ".join([*cells, row[-1]]).rstrip() + "\n")


def write_market_status(
    progress: MarketProgress, fmt: str, out: TextIO, locale: LocaleCode
) -> None:
    """One line per store (table, CSV) or everything as JSON."""
    from kiosk.i18n import _

    if fmt == "csv":
        from kiosk.domain.exchange.spreadsheet import csv_text
        from kiosk.services.app import Onboarding

        out.write(csv_text(Onboarding.progress_rows(progress, locale)))
        return
    if fmt == "json":
        from kiosk.cli.terminal import json_text

        data = {
            "market": progress.market.slug,
            "checklist": progress.checklist.source,
            "steps": [
                {
                    "key": c.step.key,
                    "title": c.step.title.get(locale),
                    "done": c.done,
                    "doing": c.doing,
                    "todo": c.todo,
                    "not_applicable": c.skipped,
                }
                for c in progress.step_counts()
            ],
            "stores": [
                {
                    "stall": row.stall_number,
                    "name": row.name.get(locale),
                    "category": row.category.value,
                    "done": row.tally().done,
                    "applicable": row.tally().applicable,
                    "steps": {
                        key: {
                            "status": status.value,
                            "done_on": day.isoformat() if (day := row.done_on.get(key)) else None,
                        }
                        for key, status in row.states.items()
                    },
                }
                for row in progress.stores
            ],
        }
        out.write(json_text(data))
        return
    from kiosk.domain.onboarding.checklist import next_step

    rows: list[tuple[str, ...]] = [(_("Stall"), _("Store"), _("Done"), "%", _("Next step"))]
    for row in progress.stores:
        counted = row.tally()
        step = next_step(progress.checklist, row.states)
        rows.append(
            (
                row.stall_number,
                row.name.get(locale),
                f"{counted.done}/{counted.applicable}",
                str(round(counted.share * 100)),
                step.title.get(locale) if step is not None else "-",
            )
        )
    if len(rows) == 1:
        out.write(_("(no stores)") + "\n")
        return
    _table(rows, out)
    overall = progress.overall()
    out.write(f"\n{_('All stores')}: {overall.done}/{overall.applicable}\n")


def write_store_status(state: StoreOnboarding, fmt: str, out: TextIO, locale: LocaleCode) -> None:
    """One line per step of one store (table, CSV) or a JSON object."""
    from kiosk.domain.onboarding.status import STATUS_LABELS
    from kiosk.i18n import _

    states = state.states
    records = []
    for step in state.checklist.steps:
        saved = state.step(step.key)
        records.append(
            {
                "step": step.key,
                "title": step.title.get(locale),
                "status": states[step.key].value,
                "done_on": saved.completed_on.isoformat() if saved.completed_on else None,
                "helper": saved.helper,
                "account_owner": saved.account_owner,
                "link": saved.link,
                "note": saved.note,
            }
        )
    if fmt == "json":
        from kiosk.cli.terminal import json_text

        counted = state.tally()
        data = {
            "market": state.store.market_slug,
            "stall": state.store.stall_number,
            "name": state.store.name.get(locale),
            "kakao_channel": state.store.kakao_channel_id,
            "has_payment_qr": bool(state.store.payment_qr_payload),
            "done": counted.done,
            "applicable": counted.applicable,
            "steps": records,
        }
        out.write(json_text(data))
        return
    if fmt == "csv":
        from kiosk.domain.exchange.spreadsheet import csv_text

        header = list(records[0]) if records else []
        out.write(csv_text([header, *([r[k] for k in header] for r in records)]))
        return
    rows: list[tuple[str, ...]] = [(_("Step"), _("Status"), _("Done on"), _("Note"))]
    for step, record in zip(state.checklist.steps, records, strict=True):
        rows.append(
            (
                step.title.get(locale),
                _(STATUS_LABELS[states[step.key]]),
                str(record["done_on"] or ""),
                str(record["note"] or ""),
            )
        )
    _table(rows, out)
    counted = state.tally()
    name = f"{state.store.stall_number} {state.store.name.get(locale)}"
    out.write(f"\n{name}: {counted.done}/{counted.applicable}\n")
