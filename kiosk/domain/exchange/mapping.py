"""A roster's own headers mapped to the listings columns (``name_ko=상호,phone=연락처``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final, TypeVar

from kiosk.domain.exchange import file_format as fmt
from kiosk.domain.exchange.cells import is_blank
from kiosk.domain.exchange.plan import CurrentStore
from kiosk.domain.exchange.problems import Table
from kiosk.domain.listing import StoreListing
from kiosk.domain.locales import LOCALES, LocaleCode
from kiosk.domain.messages import N_, KioskError, define

T = TypeVar("T")

#: The fields a roster may give (the flat file's columns but the market).
FIELDS: Final = tuple(c.key for c in fmt.FLAT_COLUMNS if c.key != fmt.MARKET.key)

BAD_MAP = define(
    "exchange.bad_map",
    N_("column mapping {item!r}: write field=column, for example name_ko=상호 (fields: {fields})"),
)
UNKNOWN_FIELD = define(
    "exchange.unknown_map_field",
    N_("column mapping: {field!r} is not a field; use one of: {fields}"),
)
NO_SUCH_HEADER = define(
    "exchange.map_header_missing",
    N_('{name}: the mapping names the column "{header}" (for {field}), which row 1 does not have'),
)


class MappingError(KioskError):
    """A mapping that cannot be read or does not fit the file."""


def parse_map(text: str) -> dict[str, str]:
    """``field=header`` pairs separated by commas; MappingError names the bad one."""
    fields = ", ".join(FIELDS)
    mapping: dict[str, str] = {}
    for item in text.split(","):
        if not item.strip():
            continue
        field, sep, header = item.partition("=")
        if not sep or not field.strip() or not header.strip():
            raise MappingError(BAD_MAP(item=item.strip(), fields=fields))
        if field.strip() not in FIELDS:
            raise MappingError(UNKNOWN_FIELD(field=field.strip(), fields=fields))
        mapping[field.strip()] = header.strip()
    return mapping


def header_known(table: Table) -> bool:
    """Whether row 1 has any of the listings file's own headers."""
    header = table.rows[0] if table.rows else []
    return any(fmt.column_for(cell) is not None for cell in header if not is_blank(cell))


def apply_map(table: Table, mapping: Mapping[str, str]) -> Table:
    """*table* with the mapped headers renamed to the listings headers and the others blank
    (ignored, so a column keeps its letter); the columns not mapped are added empty."""
    header = [str(cell).strip() if not is_blank(cell) else "" for cell in table.rows[0]]
    by_header = {h: field for field, h in mapping.items()}
    for field, wanted in mapping.items():
        if wanted not in header:
            raise MappingError(NO_SUCH_HEADER(name=table.name, header=wanted, field=field))
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
