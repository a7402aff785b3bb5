"""Shared pytest fixtures, one section per concern (database below; add Qt fixtures after it)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from kiosk.data.db import Database

# --- Database ----------------------------------------------------------------
#
# ``database_url`` is parametrised: every test using it (or ``db``) runs on a
# real SQLite file and on PostgreSQL. The PostgreSQL run needs a superuser URL
# in KIOSK_TEST_POSTGRES_URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres);
# each test gets a freshly created database that is dropped afterwards.

POSTGRES_ENV = "KIOSK_TEST_POSTGRES_URL"


def _postgres_database() -> Iterator[str]:
    admin_url = os.environ.get(POSTGRES_ENV, "").strip()
    if not admin_url:
        pytest.skip(f"PostgreSQL variant: set {POSTGRES_ENV} to a superuser URL to run it")
    from sqlalchemy import create_engine, make_url
    from sqlalchemy.pool import NullPool

    base = make_url(admin_url).set(drivername="postgresql+psycopg")
    name = f"kiosk_test_{uuid.uuid4().hex[:16]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: os.PathLike[str]) -> Iterator[str]:
    """URL of a fresh, empty database: a real SQLite file or a new PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{os.path.join(tmp_path, 'kiosk-test.sqlite3')}"
    else:
        yield from _postgres_database()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """URL of a fresh PostgreSQL database only (mark the test ``postgres``)."""
    yield from _postgres_database()


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    """An open database upgraded to the newest schema, closed after the test."""
    from kiosk.data.db import Database

    database = Database.open(database_url)
    yield database
    database.close()
