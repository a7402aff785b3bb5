"""A roster's own headers mapped to the listings columns (``name_ko=상호,phone=연락처``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Final, TypeVar

from kiosk.domain.exchange import file_format as fmt
from kiosk.domain.exchange.cells import is_blank
from kiosk.domain.exchange.plan import CurrentStore
from kiosk.domain.exchange.problems import FileProblem, Table
from kiosk.domain.listing import StoreListing
from kiosk.domain.locales import LOCALES, LocaleCode
from kiosk.domain.messages import N_, KioskError, define

T = TypeVar("T")

#: The fields a roster may give (the flat file's columns but the market).
FIELDS: Final = tuple(c.key for c in fmt.FLAT_COLUMNS if c.key != fmt.MARKET.key)

BAD_MAP = define(
    "exchange.bad_map",
    N_(
        "--map: {item!r}: write field=column, for example name_ko=상호 (template columns: {fields})"
    ),
)
UNKNOWN_FIELD = define(
    "exchange.unknown_map_field",
    N_("--map: {field!r} is not a column of the template; template columns: {fields}"),
)
TWICE_FIELD = define(
    "exchange.map_field_twice", N_("--map: the template column {field!r} is given twice")
)
SHARED_HEADER = define(
    "exchange.map_header_shared",
    N_("--map: the file's column {header!r} is given for {fields}; one column feeds one field"),
)
NO_SUCH_HEADER = define(
    "exchange.map_header_missing",
    N_("{name}: column {header!r} (for {field}) is not in the file (row 1 headers: {headers})"),
)


class MappingError(KioskError):
    """A mapping that cannot be read or does not fit the file."""


def parse_map(text: str) -> dict[str, str]:
    """``field=header`` pairs separated by commas; MappingError names the bad one.

    A field is a template column's key (``phone``), its Korean name (``전화번호``) or
    its header (``전화번호 (phone)``).
    """
    fields = ", ".join(FIELDS)
    mapping: dict[str, str] = {}
    for item in text.split(","):
        if not item.strip():
            continue
        name, sep, header = (part.strip() for part in item.partition("="))
        if not sep or not name or not header:
            raise MappingError(BAD_MAP(item=item.strip(), fields=fields))
        column = fmt.column_for(name)
        if column is None or column.key not in FIELDS:
            raise MappingError(UNKNOWN_FIELD(field=name, fields=fields))
        if column.key in mapping:
            raise MappingError(TWICE_FIELD(field=column.key))
        mapping[column.key] = header
    check_shared(mapping)
    return mapping


def check_shared(mapping: Mapping[str, str]) -> None:
    """MappingError when one of the file's columns is given for two fields."""
    by_header: dict[str, list[str]] = {}
    for field, header in mapping.items():
        by_header.setdefault(header, []).append(field)
    for header, fields in by_header.items():
        if len(fields) > 1:
            raise MappingError(SHARED_HEADER(header=header, fields=" & ".join(fields)))


def apply_map(table: Table, mapping: Mapping[str, str]) -> Table:
    """*table* with the mapped headers renamed to the listings headers and the others blank
    (ignored, so a column keeps its letter); the columns not mapped are added empty."""
    header = [str(cell).strip() if not is_blank(cell) else "" for cell in table.rows[0]]
    by_header = {h: field for field, h in mapping.items()}
    check_shared(mapping)
    for field, wanted in mapping.items():
        if wanted not in header:
            shown = ", ".join(h for h in header if h)
            raise MappingError(
                NO_SUCH_HEADER(name=table.name, header=wanted, field=field, headers=shown)
            )
    renamed = [fmt.ALL_COLUMNS[by_header[h]].header if h in by_header else "" for h in header]
    keys = [key for key in FIELDS if key not in mapping]
    added = [fmt.ALL_COLUMNS[key].header for key in keys]
    # A new store needs a category: "other" until the manager sets it (a saved one keeps its).
    filler = ["other" if key == fmt.CATEGORY.key else "" for key in keys]
    width = len(header)
    rows: list[Sequence[object]] = [[*renamed, *added]]
    for row in table.rows[1:]:
        cells = list(row)[:width]
        blank = all(is_blank(cell) for cell in cells)
        rows.append(
            [*cells, *[""] * (width - len(cells)), *([""] * len(keys) if blank else filler)]
        )
    return Table(table.name, rows)


def name_mapped(problems: Sequence[FileProblem], mapping: Mapping[str, str]) -> list[FileProblem]:
    """*problems* with each mapped column named as the file has it: ``연락처 (전화번호)``."""
    names = {
        fmt.ALL_COLUMNS[f].korean: f"{h} ({fmt.ALL_COLUMNS[f].korean})" for f, h in mapping.items()
    }
    return [
        replace(p, where=replace(p.where, column=names[p.where.column]))
        if p.where is not None and p.where.column in names
        else p
        for p in problems
    ]


def keep_unmapped(
    current: Mapping[str, CurrentStore],
    incoming: Sequence[StoreListing],
    mapping: Mapping[str, str],
) -> list[StoreListing]:
    """The roster's stores over the saved ones: only the mapped fields change a saved store."""
    out: list[StoreListing] = []
    for read in incoming:
        saved = current.get(read.stall_number)
        out.append(_merged(saved.listing, read, mapping) if saved is not None else read)
    return out


def _merged(saved: StoreListing, read: StoreListing, mapping: Mapping[str, str]) -> StoreListing:
    def texts(
        key: str, old: Mapping[LocaleCode, str], new: Mapping[LocaleCode, str]
    ) -> dict[LocaleCode, str]:
        mapped = {loc for loc in LOCALES if f"{key}_{loc.lower()}" in mapping}
        merged = {loc: text for loc, text in old.items() if loc not in mapped}
        return {**merged, **{loc: text for loc, text in new.items() if loc in mapped}}

    def pick(key: str, old: T, new: T) -> T:
        return new if key in mapping else old

    goods = any(
        key.startswith("good_") or key in ("price_won", "unit", "sold_out") for key in mapping
    )
    return StoreListing(
        stall_number=saved.stall_number,
        category=pick("category", saved.category, read.category),
        name=texts("name", saved.name, read.name),
        description=texts("description", saved.description, read.description),
        phone=pick("phone", saved.phone, read.phone),
        hours=pick("opening_hours", saved.hours, read.hours),
        payment_methods=pick("payment_methods", saved.payment_methods, read.payment_methods),
        kakao=pick("kakao_channel", saved.kakao, read.kakao),
        payment=pick("payment_qr", saved.payment, read.payment),
        active=pick("active", saved.active, read.active),
        products=read.products if goods else saved.products,
    )
