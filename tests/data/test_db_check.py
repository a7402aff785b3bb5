"""`db check` and `db init`: each failure of a market server named in plain words, with the fix."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url
from sqlalchemy.pool import NullPool

from kiosk.cli import main
from kiosk.data import migrate
from kiosk.data.db import Database
from kiosk.data.errors import DatabaseOpenError
from kiosk.data.server_check import CheckLine, _connection_failure, check_database, init_database


def _by_name(lines: list[CheckLine]) -> dict[str, CheckLine]:
    return {line.name: line for line in lines}


def _admin(url: str) -> object:
    return create_engine(
        make_url(url).set(drivername="postgresql+psycopg"),
        isolation_level="AUTOCOMMIT",
        poolclass=NullPool,
    )


@pytest.fixture
def role() -> Iterator[tuple[str, str]]:
    """A login role with a password and no other rights: (name, password); dropped afterwards."""
    admin_url = os.environ.get("KIOSK_TEST_POSTGRES_URL", "").strip()
    if not admin_url:
        pytest.skip("set KIOSK_TEST_POSTGRES_URL to run the PostgreSQL checks")
    name, password = f"kiosk_pc_{uuid.uuid4().hex[:8]}", "Sungnam-2026!"
    engine = _admin(admin_url)
    with engine.connect() as conn:  # type: ignore[attr-defined]
        conn.exec_driver_sql(f"CREATE ROLE {name} LOGIN PASSWORD '{password}'")
    yield name, password
    with engine.connect() as conn:  # type: ignore[attr-defined]
        conn.exec_driver_sql(f"DROP OWNED BY {name} CASCADE")
        conn.exec_driver_sql(f"DROP ROLE {name}")
    engine.dispose()  # type: ignore[attr-defined]


@pytest.mark.postgres
def test_a_good_server_passes_every_check(postgres_url: str) -> None:
    init_database(postgres_url)
    lines = _by_name(check_database(postgres_url))
    assert [n for n, line in lines.items() if line.status == "fail"] == []
    assert lines["server version"].detail.startswith("PostgreSQL ")
    assert lines["schema"].detail == f"revision {migrate.head_revision()}, the same as this app's"
    assert lines["clock"].status == "ok" and lines["rights"].status == "ok"
    assert lines["pg_trgm"].status in {"ok", "warn"}


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("change", "name", "says"),
    [
        ({"port": 1}, "reachable", "server not reachable at 127.0.0.1:1"),
        ({"host": "no-such-host.invalid"}, "reachable", "server not reachable at no-such-host"),
        ({"database": "kiosk_missing_db"}, "database", "the server has no database"),
        ({"username": "kiosk_no_such_role"}, "credentials", "the server has no user"),
    ],
)
def test_an_unusable_address_is_one_plain_line(
    postgres_url: str, change: dict[str, object], name: str, says: str
) -> None:
    url = make_url(postgres_url).set(**change).render_as_string(hide_password=False)  # type: ignore[arg-type]
    lines = check_database(url)
    assert len(lines) == 1 and lines[0].name == name and lines[0].status == "fail"
    assert says in lines[0].detail and lines[0].fix


def test_a_refused_password_is_named() -> None:
    """The server's words (the test server trusts every local login, so they are given here)."""
    url = make_url("postgresql+psycopg://kim:secret@db.market:5432/dongmun")
    refused = RuntimeError(
        'connection failed: connection to server at "10.0.0.5", port 5432 failed: '
        'FATAL:  password authentication failed for user "kim"'
    )
    line = _connection_failure(refused, url)
    assert (line.name, line.status, line.detail) == (
        "credentials",
        "fail",
        "wrong password for user 'kim'",
    )
    assert "secret" not in line.detail + line.fix
    hba = RuntimeError('FATAL:  no pg_hba.conf entry for host "10.0.0.9", user "kim"')
    assert "does not let this PC in" in _connection_failure(hba, url).detail


@pytest.mark.postgres
def test_a_role_that_may_not_log_in(postgres_url: str, role: tuple[str, str]) -> None:
    name, password = role
    with _admin(postgres_url).connect() as conn:  # type: ignore[attr-defined]
        conn.exec_driver_sql(f"ALTER ROLE {name} NOLOGIN")
    url = make_url(postgres_url).set(username=name, password=password)
    lines = check_database(url.render_as_string(hide_password=False))
    assert lines[0].name == "credentials" and "may not log in" in lines[0].detail
    assert password not in str(lines)


@pytest.mark.postgres
def test_a_role_without_rights_cannot_set_up_the_schema(
    postgres_url: str, role: tuple[str, str]
) -> None:
    name, password = role
    url = make_url(postgres_url).set(username=name, password=password)
    lines = _by_name(check_database(url.render_as_string(hide_password=False)))
    assert lines["credentials"].status == "ok"
    assert lines["rights"].status == "fail" and "GRANT CREATE ON SCHEMA" in lines["rights"].fix
    assert password not in str(lines)


@pytest.mark.postgres
def test_another_apps_database_is_refused(postgres_url: str) -> None:
    with _admin(postgres_url).connect() as conn:  # type: ignore[attr-defined]
        conn.exec_driver_sql("CREATE TABLE invoices (id integer)")
    lines = _by_name(check_database(postgres_url))
    assert lines["schema"].status == "fail"
    assert "belongs to another app (tables invoices)" in lines["schema"].detail
    with pytest.raises(DatabaseOpenError, match="invoices"):
        init_database(postgres_url)


@pytest.mark.postgres
def test_older_and_newer_schemas(postgres_url: str) -> None:
    Database.open(postgres_url).close()
    engine = create_engine(
        make_url(postgres_url).set(drivername="postgresql+psycopg"), poolclass=NullPool
    )
    migrate.downgrade(engine, "0007")
    older = _by_name(check_database(postgres_url))["schema"]
    assert older.status == "warn" and "the database is older (0007) than this app" in older.detail
    assert init_database(postgres_url) == ("0007", migrate.head_revision())
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0099'")
    engine.dispose()
    newer = _by_name(check_database(postgres_url))["schema"]
    assert newer.status == "fail" and newer.fix == "update the app on this PC"


@pytest.mark.postgres
def test_db_init_then_check_from_the_command_line(
    postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "init", "--url", postgres_url]) == 0
    assert "created the schema (revision" in capsys.readouterr().out
    assert main(["db", "init", "--url", postgres_url]) == 0
    assert "already has the schema" in capsys.readouterr().out
    assert main(["db", "check", "--url", postgres_url]) == 0
    assert capsys.readouterr().out.rstrip().endswith("all checks passed")
    wrong = make_url(postgres_url).set(port=1).render_as_string(hide_password=False)
    assert main(["db", "check", "--url", wrong]) == 1
    out = capsys.readouterr().out
    assert (
        out.startswith("FAIL reachable: server not reachable")
        and "1 check failed: reachable" in out
    )


def test_sqlite_checks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'market.sqlite3'}"
    assert _by_name(check_database(url))["file"].status == "warn"
    missing = f"sqlite:///{tmp_path / 'gone' / 'market.sqlite3'}"
    assert _by_name(check_database(missing))["file"].status == "fail"
    assert main(["db", "init", "--url", url]) == 0
    lines = _by_name(check_database(url))
    assert lines["writable"].status == "ok" and lines["schema"].status == "ok"
    (tmp_path / "notes.sqlite3").write_bytes(b"plain text, not a database")
    bad = _by_name(check_database(f"sqlite:///{tmp_path / 'notes.sqlite3'}"))
    assert bad["schema"].status == "fail"
    assert check_database("mysql://x@y/z")[0].status == "fail"


@pytest.mark.parametrize(
    ("language", "first", "summary"),
    [
        (
            "ko_KR.UTF-8",
            "FAIL 서버 연결: 127.0.0.1:1의 서버에 연결할 수 없습니다 (해결 방법: 그곳에서",
            "검사 1개를 통과하지 못했습니다: 서버 연결",
        ),
        (
            "ja_JP.UTF-8",
            "FAIL サーバー接続：127.0.0.1:1 のサーバーに接続できません（対処：そこで PostgreSQL が",
            "1 件のチェックに失敗しました：サーバー接続",
        ),
        ("C", "FAIL reachable: server not reachable at 127.0.0.1:1 (fix: is PostgreSQL", None),
    ],
)
def test_db_check_speaks_the_command_lines_language(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    language: str,
    first: str,
    summary: str | None,
) -> None:
    from kiosk import i18n

    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", language)
    try:
        assert main(["db", "check", "--url", "postgresql://kiosk@127.0.0.1:1/market"]) == 1
    finally:
        i18n.set_locale("en")
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(first), out[0]
    assert out[-1] == (summary or "1 check failed: reachable")


def test_a_server_without_tls_is_named_not_unreachable() -> None:
    """libpq's words when ``sslmode=require`` meets a server without TLS (the real server's
    answer is in the test below)."""
    url = make_url("postgresql+psycopg://kim@db.market:5432/dongmun?sslmode=require")
    plain = RuntimeError(
        'connection failed: connection to server at "10.0.0.5", port 5432 failed: '
        "server does not support SSL, but SSL was required"
    )
    line = _connection_failure(plain, url)
    assert (line.name, line.status, line.problem) == ("encryption", "fail", "no_tls")
    assert line.detail == (
        "the server at db.market:5432 offers no encrypted connection (TLS), and the URL asks "
        "for one"
    )
    assert "ssl = on" in line.fix and "sslmode=require" in line.fix


@pytest.mark.postgres
def test_sslmode_require_fails_on_the_plain_test_server(
    postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The test server has no TLS: ``require`` stops at once (``prefer`` falls back)."""
    required = f"{postgres_url}?sslmode=require"
    lines = check_database(required)
    assert [(line.name, line.status, line.problem) for line in lines] == [
        ("encryption", "fail", "no_tls")
    ]
    assert main(["db", "check", "--url", required]) == 1
    out = capsys.readouterr().out
    assert out.startswith("FAIL encryption: the server at 127.0.0.1:")
    assert "offers no encrypted connection (TLS)" in out and "1 check failed: encryption" in out


@pytest.mark.postgres
def test_the_check_says_whether_the_connection_is_encrypted(postgres_url: str) -> None:
    from kiosk.data.server_check import _encryption

    disabled = _by_name(check_database(f"{postgres_url}?sslmode=disable"))["encryption"]
    assert (disabled.status, disabled.detail) == ("ok", "not encrypted (sslmode=disable)")
    assert _by_name(check_database(postgres_url))["encryption"].detail == (
        "not encrypted (sslmode=prefer)"  # libpq's default: this PC's own server, plain
    )
    engine = create_engine(make_url(postgres_url).set(drivername="postgresql+psycopg"))
    try:
        with engine.connect() as conn:  # the same plain connection, named as another PC's
            line = _encryption(conn, make_url("postgresql+psycopg://kim@10.0.0.5/market"))
    finally:
        engine.dispose()
    assert (line.status, line.detail) == ("warn", "not encrypted (sslmode=prefer)")
    assert "plain text" in line.fix and "?sslmode=require" in line.fix
