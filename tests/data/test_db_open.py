"""Opening databases: pragmas, upgrade to head, default location, URLs and timestamps."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import inspect, make_url, select

from kiosk.data import migrate
from kiosk.data.db import Database, default_database_url
from kiosk.data.models import Market


def test_open_upgrades_an_empty_database_to_head(database_url: str) -> None:
    with Database.open(database_url) as db:
        assert (
            db.current_revision()
            == migrate.head_revision()
            in {"0005", "0006", "0007", "0008", "0009", "0010", "0011", "0012", "0013"}
        )
        with db.engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
    assert {"markets", "stores", "products"} <= tables
    assert "store_translations" not in tables  # texts are JSON columns since 0002
    assert {"onboarding_progress", "promotions", "alembic_version"} <= tables
    assert "market_holidays" in tables  # since 0012


def test_open_without_upgrade_leaves_an_empty_database_empty(database_url: str) -> None:
    with Database.open(database_url, upgrade=False) as db:
        assert db.current_revision() is None
        with db.engine.connect() as conn:
            assert inspect(conn).get_table_names() == []


def test_reopening_keeps_data(database_url: str) -> None:
    with Database.open(database_url) as db, db.session() as session:
        session.add(Market(slug="m", name={"ko": "시장"}, city={"ko": "부산"}))
    with Database.open(database_url) as db, db.session() as session:
        assert session.scalars(select(Market.slug)).all() == ["m"]


def test_session_rolls_back_on_error(db: Database) -> None:
    with pytest.raises(RuntimeError, match="boom"), db.session() as session:
        session.add(Market(slug="lost", name={}, city={}))
        session.flush()
        raise RuntimeError("boom")
    with db.session() as session:
        assert session.scalar(select(Market.id)) is None


def test_sqlite_pragmas_are_set_on_every_connection(tmp_path: Path) -> None:
    with Database.open(f"sqlite:///{tmp_path / 'p.sqlite3'}") as db:
        first, second = db.engine.connect(), db.engine.connect()  # two pooled connections
        try:
            for conn in (first, second):
                pragma = {
                    name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
                    for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout")
                }
                assert pragma == {
                    "journal_mode": "wal",
                    "foreign_keys": 1,
                    "synchronous": 2,  # FULL
                    "busy_timeout": 5000,
                }
        finally:
            first.close()
            second.close()


def test_default_url_is_a_file_in_the_user_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KIOSK_DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    url = default_database_url()
    expected = tmp_path / "xdg" / "market-kiosk" / "market-kiosk.sqlite3"
    assert make_url(url).database == str(expected)
    assert expected.parent.is_dir()
    with Database.open() as db:
        assert db.where == str(expected)
    assert expected.stat().st_size > 0


def test_environment_variable_chooses_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "from-env.sqlite3"
    monkeypatch.setenv("KIOSK_DATABASE_URL", f"sqlite:///{target}")
    assert default_database_url() == f"sqlite:///{target}"
    with Database.open() as db:
        assert db.where == str(target)
    assert target.exists()


def test_sqlite_path_with_spaces_and_hangul(tmp_path: Path) -> None:
    target = tmp_path / "시장 자료" / "kiosk db.sqlite3"
    with Database.open(f"sqlite:///{target}") as db:
        assert db.where == str(target)
    assert target.exists()


@pytest.mark.postgres
def test_postgres_url_uses_psycopg3_and_hides_the_password(postgres_url: str) -> None:
    url = make_url(postgres_url).set(drivername="postgresql", password="hunter2")
    with Database.open(url.render_as_string(hide_password=False)) as db:
        assert db.engine.url.drivername == "postgresql+psycopg"
        assert "hunter2" not in db.url and "***" in db.url
        assert "hunter2" not in repr(db) and "hunter2" not in db.where


def test_timestamps_come_back_aware_in_utc(db: Database) -> None:
    from datetime import timedelta, timezone

    seoul = datetime(2026, 11, 22, 9, 0, tzinfo=timezone(timedelta(hours=9)))
    with db.session() as session:
        session.add(Market(slug="t", name={}, city={}, created_at=seoul))
    with db.session() as session:
        stored = session.scalars(select(Market.created_at)).one()
    assert stored == seoul
    assert stored.tzinfo is UTC and stored.hour == 0


def test_naive_timestamps_are_refused(db: Database) -> None:
    with pytest.raises(Exception, match="naive datetime"), db.session() as session:
        session.add(Market(slug="n", name={}, city={}, created_at=datetime(2026, 1, 1)))
        session.flush()


def test_importing_kiosk_data_does_not_load_sqlalchemy() -> None:
    code = "import sys, kiosk.data; print('sqlalchemy' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_in_memory_sqlite_is_upgraded_and_shared_by_sessions() -> None:
    with Database.open("sqlite://") as db:
        assert db.where == "sqlite://" and db.current_revision() == migrate.head_revision()
        with db.session() as session:
            session.add(Market(slug="mem", name={}, city={}))
        with db.session() as session:
            assert session.scalars(select(Market.slug)).all() == ["mem"]
