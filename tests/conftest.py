"""Shared pytest fixtures, one section per concern (database below; add Qt fixtures after it)."""

from __future__ import annotations

import os

# Headless everywhere (CI has no display); must happen before Qt creates its app.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from kiosk.data.db import Database

# Never the real user's settings file or credential store, not even while collecting:
# each test gets its own empty config folder below (_own_config_folder).
os.environ["KIOSK_CONFIG_DIR"] = tempfile.mkdtemp(prefix="kiosk-test-config-")
os.environ["KIOSK_SECRET_STORE"] = "file"

# --- Database ----------------------------------------------------------------
#
# ``db`` and ``database_url`` are parametrised: every test using one of them
# runs on a real SQLite file and on PostgreSQL (use one or the other, not both).
# The PostgreSQL run needs a superuser URL in KIOSK_TEST_POSTGRES_URL (e.g.
# postgresql://postgres@127.0.0.1:5432/postgres) and is skipped, with that
# reason shown, without it. ``database_url`` is a freshly created, empty
# database dropped afterwards; ``db`` on PostgreSQL is one migrated database
# per test session, emptied (TRUNCATE) before each test because CREATE
# DATABASE costs ~0.3 s.

POSTGRES_ENV = "KIOSK_TEST_POSTGRES_URL"
_BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@contextmanager
def _postgres_database() -> Iterator[str]:
    admin_url = os.environ.get(POSTGRES_ENV, "").strip()
    if not admin_url:
        pytest.skip(f"PostgreSQL variant: set {POSTGRES_ENV} to a superuser URL to run it")
    from factories.postgres import scratch_database

    with scratch_database(admin_url) as url:
        yield url


@pytest.fixture(params=_BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """URL of a fresh, empty database: a real SQLite file or a new PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'kiosk-test.sqlite3'}"
    else:
        with _postgres_database() as url:
            yield url


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """URL of a fresh, empty PostgreSQL database only (mark the test ``postgres``)."""
    with _postgres_database() as url:
        yield url


@pytest.fixture(scope="session")
def shared_postgres_url() -> Iterator[str]:
    """One PostgreSQL database per test session, migrated to head."""
    from kiosk.data.db import Database

    with _postgres_database() as url:
        Database.open(url).close()
        yield url


def _empty_postgres(url: str) -> None:
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    from kiosk.data.models import Base

    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
    engine.dispose()


@pytest.fixture(params=_BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """An open, empty database at the newest schema, closed after the test."""
    from kiosk.data.db import Database

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'kiosk-test.sqlite3'}"
    else:
        url = request.getfixturevalue("shared_postgres_url")
        _empty_postgres(url)
    database = Database.open(url)
    yield database
    database.close()


# --- Qt ----------------------------------------------------------------------
#
# One QApplication for the whole session, created before any test runs: render
# code creates a plain QGuiApplication when none exists, and widgets could not
# be made after that.


@pytest.fixture(scope="session", autouse=True)
def _one_qapplication(qapp: object) -> object:
    return qapp


# --- Settings ----------------------------------------------------------------
#
# The app reads its settings once per process (kiosk.settings.current); tests
# change them with monkeypatch.setenv (or the settings file) at any point, so
# here they are read on every call. tests/test_settings.py checks the once-only
# cache itself. Every test has its own empty config folder: the real user's
# settings file and credential store are never read or written.


@pytest.fixture(autouse=True)
def _own_config_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    folder = tmp_path / "kiosk-config"
    monkeypatch.setenv("KIOSK_CONFIG_DIR", str(folder))
    monkeypatch.setenv("KIOSK_SECRET_STORE", "file")
    return folder


@pytest.fixture(autouse=True)
def _settings_follow_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from kiosk import settings

    monkeypatch.setattr(settings, "current", settings.Settings.load)


# --- Secrets -----------------------------------------------------------------
#
# New hashes use the OWASP scrypt cost (n=2**17, 128 MiB, ~0.3 s) in the app;
# tests lower it so hundreds of sign-ins stay fast. Each stored hash carries its
# own parameters, so checking works at any cost. tests/services/test_accounts.py
# proves the default once, at full cost.


@pytest.fixture(autouse=True)
def _cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    from kiosk.services.access import accounts

    monkeypatch.setattr(accounts, "cost", accounts.ScryptCost(n=2**10, r=8, p=1))


# --- Language ----------------------------------------------------------------
#
# Messages read in English whatever an earlier test left (str() of a message
# follows the current language): a module asks for it with
# ``pytestmark = pytest.mark.usefixtures("english")``.


@pytest.fixture
def english() -> Iterator[None]:
    from kiosk.i18n import current_locale, set_locale

    previous = current_locale()
    set_locale("en")
    yield
    set_locale(previous)
