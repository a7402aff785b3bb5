"""A market's remembered roster mapping, used for a file that is not in the listings layout."""

from __future__ import annotations

from pathlib import Path

from kiosk.data.db import Database
from kiosk.domain.exchange.csv_file import CsvEncoding


def remembered_map(
    db: Database, path: Path, market_slug: str, encoding: CsvEncoding | None
) -> dict[str, str] | None:
    """The market's remembered mapping when row 1 of *path* has none of the listings
    headers (a roster in its own layout again); None otherwise."""
    from kiosk.data.market_profiles import profile_of
    from kiosk.domain.exchange.mapping import header_known
    from kiosk.domain.market_profile import MarketProfile
    from kiosk.services.exchange.files import read_file_tables
    from kiosk.services.uow import transaction

    with transaction(db) as session:
        remembered = MarketProfile.from_json(profile_of(session, market_slug)).roster_map
    if not remembered:
        return None
    tables, _found = read_file_tables(path, encoding)
    return None if header_known(tables[0]) else dict(remembered)
