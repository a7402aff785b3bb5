"""Fixtures for data-layer tests: English messages, a seeded small market, a query counter."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sample_market import QueryCounter, small_market

from kiosk.data.db import Database
from kiosk.data.seed import seed_markets
from kiosk.i18n import current_locale, set_locale


@pytest.fixture(autouse=True)
def english_messages() -> Iterator[None]:
    """Error texts are checked in English, whatever catalogs are compiled."""
    previous = current_locale()
    set_locale("en")
    yield
    set_locale(previous)


@pytest.fixture
def seeded_db(db: Database) -> Database:
    seed_markets(db, [small_market()])
    return db


@pytest.fixture
def query_counter(db: Database) -> QueryCounter:
    return QueryCounter(db.engine)
