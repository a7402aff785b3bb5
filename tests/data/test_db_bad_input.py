"""Databases that cannot be opened: clear message naming where, and nothing changed."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from kiosk.data import migrate
from kiosk.data.db import Database
from kiosk.data.errors import DatabaseOpenError, SchemaTooNewError

PNG_BYTES = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + b"\x00" * 200


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"stall,name\nA-1,Grandma's rice cakes\n" * 10, "text file"),
        (PNG_BYTES, "PNG image"),
        (b"PK\x03\x04" + b"\x00" * 300, "ZIP or Excel"),
        (b"\x00\x01\x02\xfe\xff" * 40, "not a SQLite database"),
    ],
)
def test_a_file_that_is_not_a_database_is_refused_and_unchanged(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "market-kiosk.sqlite3"
    path.write_bytes(content)
    before = _digest(path)
    with pytest.raises(DatabaseOpenError) as caught:
        Database.open(f"sqlite:///{path}")
    assert str(path) in str(caught.value)
    assert reason in str(caught.value)
    assert _digest(path) == before
    assert _siblings(path) == {path.name}  # no -wal / -shm files either


def test_a_truncated_database_is_refused_and_unchanged(tmp_path: Path) -> None:
    good = tmp_path / "good.sqlite3"
    Database.open(f"sqlite:///{good}").close()
    path = tmp_path / "cut.sqlite3"
    path.write_bytes(good.read_bytes()[:60])
    before = _digest(path)
    with pytest.raises(DatabaseOpenError, match="not a SQLite database"):
        Database.open(f"sqlite:///{path}")
    assert _digest(path) == before


def test_a_corrupt_database_with_a_valid_header_is_refused_and_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\xa5" * 4080)
    before = _digest(path)
    with pytest.raises(DatabaseOpenError) as caught:
        Database.open(f"sqlite:///{path}")
    assert str(path) in str(caught.value)
    assert _digest(path) == before


def test_an_empty_file_becomes_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.touch()
    with Database.open(f"sqlite:///{path}") as db:
        assert db.current_revision() == migrate.head_revision()


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    folder = tmp_path / "market-kiosk.sqlite3"
    folder.mkdir()
    with pytest.raises(DatabaseOpenError, match="folder") as caught:
        Database.open(f"sqlite:///{folder}")
    assert str(folder) in str(caught.value)


def test_a_folder_that_cannot_be_created_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(DatabaseOpenError, match="cannot be created") as caught:
        Database.open(f"sqlite:///{blocker / 'sub' / 'kiosk.sqlite3'}")
    assert str(blocker) in str(caught.value)


def test_a_newer_schema_is_refused_and_the_sqlite_file_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    Database.open(f"sqlite:///{path}").close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '0042_future'")
    con.commit()
    assert con.execute("PRAGMA journal_mode=DELETE").fetchone() == ("delete",)
    con.close()
    before = _digest(path)
    with pytest.raises(SchemaTooNewError) as caught:
        Database.open(f"sqlite:///{path}")
    message = str(caught.value)
    assert "0042_future" in message and migrate.head_revision() in message and str(path) in message
    assert caught.value.revision == "0042_future" and caught.value.head == migrate.head_revision()
    assert _digest(path) == before
    assert _siblings(path) == {path.name}


def test_a_newer_wal_mode_database_keeps_its_main_file_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "newer-wal.sqlite3"
    Database.open(f"sqlite:///{path}").close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '0042_future'")
    con.commit()
    con.close()  # the last connection checkpoints and removes -wal/-shm
    before = _digest(path)
    with pytest.raises(SchemaTooNewError, match="0042_future"):
        Database.open(f"sqlite:///{path}")
    assert _digest(path) == before
    assert _siblings(path) == {path.name}


def test_a_newer_schema_is_refused_on_every_backend(database_url: str) -> None:
    Database.open(database_url).close()
    engine = create_engine(make_url(database_url))
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0042_future'"))
    with pytest.raises(SchemaTooNewError, match="0042_future"):
        Database.open(database_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            "0042_future"
        )
    engine.dispose()


def test_someone_elses_database_is_refused_and_unchanged(database_url: str) -> None:
    engine = create_engine(make_url(database_url))
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id INTEGER PRIMARY KEY)"))
    with pytest.raises(DatabaseOpenError, match=r"not a Market Kiosk database.*invoices"):
        Database.open(database_url)
    with engine.connect() as conn:
        from sqlalchemy import inspect

        assert inspect(conn).get_table_names() == ["invoices"]
    engine.dispose()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("mysql://kiosk@db.example/kiosk", "unsupported database type 'mysql'"),
        ("this is not a url", "not a database URL"),
        ("oracle+cx_oracle://u:pw@host/db", "unsupported database type"),
    ],
)
def test_unusable_urls_are_refused_with_a_reason(url: str, expected: str) -> None:
    with pytest.raises(DatabaseOpenError, match=expected) as caught:
        Database.open(url)
    assert "pw@" not in str(caught.value)


def test_an_unreachable_postgres_server_names_the_url_without_password() -> None:
    url = "postgresql://kiosk:s3cret-pw@127.0.0.1:1/market"
    with pytest.raises(DatabaseOpenError) as caught:
        Database.open(url)
    message = str(caught.value)
    assert "127.0.0.1:1/market" in message and "s3cret-pw" not in message
    assert "postgresql+psycopg://kiosk:***@" in message


def test_a_bad_environment_variable_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_DATABASE_URL", "ftp://files.example/market.db")
    with pytest.raises(DatabaseOpenError, match="unsupported database type 'ftp'"):
        Database.open()


def test_translated_messages_still_name_the_file_and_revisions(tmp_path: Path) -> None:
    from kiosk.i18n import set_locale

    path = tmp_path / "newer-ko.sqlite3"
    Database.open(f"sqlite:///{path}").close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '0042_future'")
    con.commit()
    con.close()
    set_locale("ko")  # the autouse fixture restores English afterwards
    with pytest.raises(SchemaTooNewError) as caught:
        Database.open(f"sqlite:///{path}")
    message = str(caught.value)
    assert str(path) in message and "0042_future" in message and migrate.head_revision() in message
