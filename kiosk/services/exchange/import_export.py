"""Listings exchange: import a CSV/XLSX file all-or-nothing, export a market or the template.

Import: the file is read and every row checked (kiosk.domain.exchange.read),
KakaoTalk channels and payment payloads go through the one QR path's parsers
(kiosk.services.qr.store_codes), the editor's rules are applied once more, and
only then is a plan made against the market as saved (the dry run). Applying
the plan is one transaction with one audit entry and one change event.
Export: a CSV is made in memory and written through ``write_verified``, a workbook
streamed into the temp file (``write_filled``); either is read back cell by cell
before it replaces anything.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Final

from kiosk.data import market_profiles
from kiosk.data.db import Database
from kiosk.domain.access import Actor
from kiosk.domain.audit import AuditAction
from kiosk.domain.exchange import file_format as fmt
from kiosk.domain.exchange.csv_file import (
    CsvEncoding,
    ExchangeFileError,
    write_csv,
)
from kiosk.domain.exchange.mapping import apply_map, keep_unmapped, name_mapped
from kiosk.domain.exchange.plan import (
    CurrentStore,
    ImportPlan,
    PlanKind,
    keep_lost_texts,
    plan_import,
)
from kiosk.domain.exchange.problems import (
    FileProblem,
    ListingsFile,
    ReadStore,
    Table,
    problem_lines,
)
from kiosk.domain.exchange.read import read_tables
from kiosk.domain.exchange.spreadsheet import Neutral
from kiosk.domain.exchange.write import Cell, flat_rows, goods_rows, store_rows
from kiosk.domain.listing import StoreListing
from kiosk.domain.messages import N_, KioskError, Message, Nn_, define, define_plural
from kiosk.domain.store_edit.checks import validate
from kiosk.domain.store_edit.draft import FieldChange
from kiosk.services.exchange.files import FileKind, read_file_tables, without_cycle_collection

#: Audit lines kept for one import (the rest are counted in the last line).
MAX_AUDIT_CHANGES: Final = 300
#: Store ids listed in the change event; a bigger import refreshes the whole market.
MAX_EVENT_STORES: Final = 500

UNKNOWN_KIND = define(
    "exchange.unknown_kind", N_("{name}: listings are written as .csv or .xlsx files")
)
NEED_MARKET = define(
    "exchange.need_market",
    N_("the file has no {column} column: say which market it is for"),
)
OTHER_MARKET = define(
    "exchange.other_market",
    N_('the file is for the market "{found}", not "{wanted}"; nothing was imported'),
)
REFUSED = define_plural(
    "exchange.refused",
    Nn_(
        "{name}: {count} problem, nothing was imported: {first}",
        "{name}: {count} problems, nothing was imported. The first: {first}",
    ),
)
EXPORT_DIFFERS = define(
    "exchange.export_differs",
    N_("the file read back differs from the listings written (row {row})"),
)


class ImportRefused(KioskError):
    """The file has problems; ``problems`` lists every one (up to a limit). Nothing was written."""

    def __init__(self, name: str, problems: Sequence[FileProblem]) -> None:
        first = problems[0].message()
        super().__init__(REFUSED(name=name, count=len(problems), first=first))
        self.name = name
        self.problems = list(problems)

    def lines(self) -> list[Message]:
        return problem_lines(ListingsFile(problems=self.problems))


@dataclass(frozen=True, slots=True)
class ImportResult:
    plan: ImportPlan
    store_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    kind: FileKind
    stores: int
    goods: int


def read_listings(
    path: Path, encoding: CsvEncoding | None = None, column_map: Mapping[str, str] | None = None
) -> ListingsFile:
    """Every store of the file, checked as an import checks it; problems listed, not raised.

    With *column_map* (field -> header) the first sheet is a roster read through it.
    """
    tables, found = read_file_tables(path, encoding)
    if column_map:
        tables = [apply_map(tables[0], column_map)]
    listing = read_tables(tables)
    listing.encoding = found
    if not listing.problems:
        _check_codes(listing)
    if not listing.problems:
        _check_editor_rules(listing)
    if column_map:  # a problem names the roster's own column: 연락처 (전화번호)
        listing.problems = name_mapped(listing.problems, column_map)
    return listing


def _check_codes(listing: ListingsFile) -> None:
    """KakaoTalk channels and payment payloads through the one QR path's parsers, each
    distinct text parsed once (a market's stalls often share a chain's payload or channel)."""
    from kiosk.services.qr.input_error import QrInputError
    from kiosk.services.qr.store_codes import check_kakao, check_payment

    def kakao(text: str) -> str:
        return found.channel_id if (found := check_kakao(text)) is not None else ""

    def payment(text: str) -> str:
        return found.raw if (found := check_payment(text)) is not None else ""

    seen: dict[tuple[object, str], str | Message] = {}

    def once(parse: Callable[[str], str], text: str) -> str | Message:
        if (key := (parse, text)) not in seen:
            try:
                seen[key] = parse(text)
            except QrInputError as exc:
                seen[key] = exc.reason_message
        return seen[key]

    checked: list[ReadStore] = []
    for store in listing.stores:
        read = store.listing
        channel, paid = once(kakao, read.kakao), once(payment, read.payment)
        if isinstance(channel, Message):
            listing.problems.append(FileProblem(store.kakao_at, channel))
            channel = read.kakao
        if isinstance(paid, Message):
            listing.problems.append(FileProblem(store.payment_at, paid))
            paid = read.payment
        same = (channel, paid) == (read.kakao, read.payment)
        checked.append(
            store if same else replace(store, listing=replace(read, kakao=channel, payment=paid))
        )
    listing.stores = checked


def _check_editor_rules(listing: ListingsFile) -> None:
    """The store form's own checks, so an import never saves what the editor would refuse."""
    for store in listing.stores:
        for problem in validate(store.listing):
            where = store.at
            parts = problem.field.split(".")
            if parts[0] == "goods" and len(parts) > 1 and parts[1].isdigit():
                where = store.good_at(int(parts[1]) - 1) or where
            listing.problems.append(FileProblem(replace(where, column=""), problem.message))


def _shared_codes(
    db: Database, stores: Sequence[ReadStore], current: Mapping[str, CurrentStore]
) -> list[FileProblem]:
    """A channel or payload the file gives two stalls, or one another stall has saved."""
    from kiosk.domain.exchange.shared_codes import file_clashes, new_codes, saved_clashes
    from kiosk.services.exchange.bulk import code_holders

    problems = file_clashes(stores, current)
    in_file = {store.listing.stall_number for store in stores}
    holders = code_holders(
        db,
        kakaos=new_codes(stores, current, "kakao"),
        payments=new_codes(stores, current, "payment"),
        other_than={saved.id for stall, saved in current.items() if stall in in_file},
    )
    return problems + saved_clashes(stores, current, holders)


def _market(listing: ListingsFile, wanted: str | None) -> str:
    found = listing.market
    if wanted and found and wanted != found:
        raise ExchangeFileError(OTHER_MARKET(found=found, wanted=wanted))
    slug = wanted or found
    if not slug:
        raise ExchangeFileError(NEED_MARKET(column=fmt.MARKET.header))
    return slug


@without_cycle_collection
def check_import(
    db: Database,
    *,
    path: Path,
    market_slug: str | None = None,
    deactivate_missing: bool = False,
    encoding: CsvEncoding | None = None,
    column_map: Mapping[str, str] | None = None,
) -> ImportPlan:
    """The dry run: read and check *path*, compare it with the market; nothing is written.

    *column_map* (field -> header): a roster in its own layout (``exchange.roster``).
    *encoding* is the manager's reading of a CSV file (UTF-8 or CP949). Raises
    ImportRefused (every problem), AmbiguousEncoding (a CSV file that reads as both,
    differently: choose), ExchangeFileError (not a listings file at all),
    NotFoundError (no such market).
    """
    from kiosk.services.exchange.bulk import market_listings
    from kiosk.services.exchange.roster import remembered_map

    if not column_map and market_slug:
        column_map = remembered_map(db, path, market_slug, encoding)
    listing = read_listings(path, encoding, column_map)
    if listing.problems:
        raise ImportRefused(path.name, listing.problems)
    slug = _market(listing, market_slug)
    current = market_listings(db, slug)
    clashes = _shared_codes(db, listing.stores, current)
    if clashes:
        raise ImportRefused(path.name, clashes)
    incoming = [store.listing for store in listing.stores]
    if column_map:  # a roster changes only the fields it maps
        incoming = keep_unmapped(current, incoming, column_map)
    kept = 0
    if listing.encoding == "cp949":
        incoming, kept = keep_lost_texts(current, incoming, "cp949")
    return plan_import(
        market_slug=slug,
        source=path.name,
        current=current,
        incoming=incoming,
        deactivate_missing=deactivate_missing,
        kept_texts=kept,
        column_map=column_map,
    )


def _audit_lines(plan: ImportPlan) -> list[FieldChange]:
    """The first MAX_AUDIT_CHANGES lines, then one line counting the rest (never built)."""
    lines: list[FieldChange] = []
    rest = 0
    for store in plan.changed():
        if len(lines) >= MAX_AUDIT_CHANGES:
            rest += store.change_count()
            continue
        changes = store.field_changes()
        room = MAX_AUDIT_CHANGES - len(lines)
        lines += [FieldChange(f"{store.stall}.{c.field}", c.old, c.new) for c in changes[:room]]
        rest += max(0, len(changes) - room)
    if rest:
        lines.append(FieldChange("…", "", f"{rest} more changes"))
    return lines


def summary(plan: ImportPlan) -> str:
    """One line for the audit log (English, like the log's other subjects)."""
    return (
        f"{plan.source}: {plan.count(PlanKind.NEW)} new, {plan.count(PlanKind.UPDATED)} "
        f"updated, {plan.count(PlanKind.DEACTIVATED)} deactivated stores; goods "
        f"+{plan.new_goods} ~{plan.changed_goods} -{plan.removed_goods}"
    )


@without_cycle_collection
def apply_import(db: Database, *, plan: ImportPlan, actor: Actor, origin: str) -> ImportResult:
    """Write *plan* in one transaction with its audit entry and change event.

    Raises ImportStale (a store changed since the plan was made; nothing written).
    """
    from kiosk.services import audit
    from kiosk.services.changes import Change, ChangeKind
    from kiosk.services.exchange.bulk import write_plan
    from kiosk.services.live import note_change
    from kiosk.services.uow import locked_transaction

    with locked_transaction(db) as session:
        touched = write_plan(session, plan)
        if plan.column_map:
            market_profiles.remember_roster_map(session, plan.market_slug, dict(plan.column_map))
        audit.record(
            session,
            actor=actor,
            action=AuditAction.LISTINGS_IMPORTED,
            market_slug=plan.market_slug,
            subject=summary(plan),
            changes=_audit_lines(plan),
        )
        if touched:
            ids = frozenset(touched) if len(touched) <= MAX_EVENT_STORES else frozenset()
            note_change(
                session, origin=origin, change=Change(ChangeKind.STORES, plan.market_slug, ids)
            )
    return ImportResult(plan, tuple(touched))


# Export -----------------------------------------------------------------------------------------
def export_kind(path: Path) -> FileKind:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix == ".xlsx":
        return "xlsx"
    raise ExchangeFileError(UNKNOWN_KIND(name=path.name))


def _listings_rows(
    kind: FileKind, stores: Sequence[StoreListing], market: str
) -> list[list[list[Cell]]]:
    """The rows of each sheet, made once for writing the file and for checking it."""
    if kind == "csv":
        return [list(flat_rows(stores, market))]
    return [list(store_rows(stores, market)), list(goods_rows(stores))]


def _expected_tables(kind: FileKind, sheets: list[list[list[Cell]]]) -> list[Table]:
    if kind == "csv":
        return [
            Table("", [[c if type(c) is Neutral else str(c) for c in row] for row in sheets[0]])
        ]
    return [Table(fmt.STORES_SHEET, sheets[0]), Table(fmt.GOODS_SHEET, sheets[1])]


def _cells(row: Sequence[object]) -> list[object]:
    cells: list[object] = ["" if cell is None else cell for cell in row]
    while cells and cells[-1] == "":
        cells.pop()
    return cells


def _verify_export(path: Path, kind: FileKind, sheets: list[list[list[Cell]]]) -> None:
    """Read the written file back and compare every cell with what was meant."""
    expected = _expected_tables(kind, sheets)
    found = {table.name: table for table in read_file_tables(path)[0]}
    for table in expected:
        got = found.get(table.name) if kind == "xlsx" else next(iter(found.values()))
        rows = got.rows if got is not None else []
        if len(rows) != len(table.rows):
            raise ExchangeFileError(EXPORT_DIFFERS(row=min(len(rows), len(table.rows)) + 1))
        for number, (want, have) in enumerate(zip(table.rows, rows, strict=True), start=1):
            if want != have and _cells(want) != _cells(have):  # the same row: one comparison
                raise ExchangeFileError(EXPORT_DIFFERS(row=number))


@without_cycle_collection
def export_listings(
    db: Database, *, market_slug: str, out: Path, template: bool = False
) -> ExportResult:
    """Write a market's listings (or, with *template*, only the headers) to *out*.

    The kind follows the name (.csv or .xlsx). Raises NotFoundError (market),
    ExchangeFileError (kind, a broken character), OutputPathError (folder, disk).
    """
    from kiosk.render.atomic import write_filled, write_verified
    from kiosk.services.exchange.bulk import market_listings
    from kiosk.services.exchange.xlsx import write_workbook

    kind = export_kind(out)
    stores: list[StoreListing] = []
    if not template:
        stores = [saved.listing for saved in market_listings(db, market_slug).values()]
    sheets = _listings_rows(kind, stores, market_slug)
    verify = functools.partial(_verify_export, kind=kind, sheets=sheets)
    if kind == "csv":
        write_verified(out, write_csv(sheets[0]), verify)
    else:  # streamed into the temp file; the check reads all of it back
        write_filled(out, lambda tmp: write_workbook(tmp, sheets[0], sheets[1]), verify)
    goods = sum(len(store.products) for store in stores)
    return ExportResult(out, kind, len(stores), goods)
