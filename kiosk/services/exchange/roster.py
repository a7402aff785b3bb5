"""A market's remembered roster mapping, and the mapping step's start for a roster file."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from kiosk.data.db import Database
from kiosk.domain.exchange.csv_file import CsvEncoding
from kiosk.domain.exchange.guess import RosterPreview
from kiosk.domain.exchange.mapping import MappingError
from kiosk.domain.messages import N_, define

REMEMBERED_UNFIT = define(
    "exchange.remembered_map_unfit",
    N_(
        "{name}: the column mapping remembered for {market} names {gone}, which row 1 does "
        "not have (row 1 headers: {headers}); give the mapping with --map"
    ),
)


def _remembered(db: Database, market_slug: str) -> Mapping[str, str]:
    from kiosk.data.market_profiles import profile_of
    from kiosk.domain.market_profile import MarketProfile
    from kiosk.services.uow import transaction

    with transaction(db) as session:
        return MarketProfile.from_json(profile_of(session, market_slug)).roster_map


def remembered_map(
    db: Database, path: Path, market_slug: str, encoding: CsvEncoding | None
) -> dict[str, str] | None:
    """The market's remembered mapping when row 1 of *path* is not the template (a roster
    in its own layout again); None for the template or nothing remembered. MappingError
    when row 1 lacks a header the remembered mapping names."""
    from kiosk.domain.exchange.guess import header_cells, is_template
    from kiosk.services.exchange.files import read_file_tables

    remembered = _remembered(db, market_slug)
    if not remembered:
        return None
    table = read_file_tables(path, encoding)[0][0]
    headers = header_cells(table)
    if is_template(table):
        return None
    gone = [h for h in remembered.values() if h not in headers]
    if gone:
        raise MappingError(
            REMEMBERED_UNFIT(
                name=path.name,
                market=market_slug,
                gone=", ".join(gone),
                headers=", ".join(h for h in headers if h),
            )
        )
    return dict(remembered)


def roster_preview(
    db: Database, path: Path, market_slug: str, encoding: CsvEncoding | None
) -> RosterPreview | None:
    """The mapping step for *path* (headers, first rows, the remembered or guessed
    mapping), or None when row 1 is the template's (no mapping needed).

    Raises NotFoundError (no such market), AmbiguousEncoding, ExchangeFileError.
    """
    from kiosk.data import markets
    from kiosk.domain.exchange.guess import is_template, preview_of
    from kiosk.services.exchange.files import read_file_tables
    from kiosk.services.uow import reading

    with reading(db) as conn:
        markets.market_id(conn, market_slug)  # NotFoundError names the known markets
    tables, _found = read_file_tables(path, encoding)
    if not tables or not tables[0].rows or is_template(tables[0]):
        return None
    remembered = _remembered(db, market_slug)
    return preview_of(tables[0], source=path.name, market_slug=market_slug, remembered=remembered)
