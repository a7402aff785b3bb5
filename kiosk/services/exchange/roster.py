"""A market's remembered roster mapping, and the mapping step's start for a roster file."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from kiosk.data.db import Database
from kiosk.domain.exchange.csv_file import CsvEncoding
from kiosk.domain.exchange.guess import RosterPreview


def _remembered(db: Database, market_slug: str) -> Mapping[str, str]:
    from kiosk.data.market_profiles import profile_of
    from kiosk.domain.market_profile import MarketProfile
    from kiosk.services.uow import transaction

    with transaction(db) as session:
        return MarketProfile.from_json(profile_of(session, market_slug)).roster_map


def remembered_map(
    db: Database, path: Path, market_slug: str, encoding: CsvEncoding | None
) -> dict[str, str] | None:
    """The market's remembered mapping when row 1 of *path* is not the template and has
    every header it names (a roster in its own layout again); None otherwise."""
    from kiosk.domain.exchange.guess import header_cells, is_template
    from kiosk.services.exchange.files import read_file_tables

    remembered = _remembered(db, market_slug)
    if not remembered:
        return None
    table = read_file_tables(path, encoding)[0][0]
    headers = set(header_cells(table))
    if is_template(table) or not set(remembered.values()) <= headers:
        return None
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
