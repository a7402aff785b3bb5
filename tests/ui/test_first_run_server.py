"""First run against a real PostgreSQL server: each failure in plain words, then joining it.

The test server has no TLS: "Encrypted connection" is unticked unless a test says otherwise.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest.mock import patch

import pytest
from psycopg import OperationalError
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, make_url
from sqlalchemy.pool import NullPool

from kiosk import settings
from kiosk.services.app import Services
from kiosk.ui.setup.screen import SetupScreen
from kiosk.ui.shell import Shell
from tests.test_cli_setup import PASSWORD, market_server
from tests.ui.setup_helpers import click, fresh_pc, setup_of, setup_shell, type_server

__all__ = ["market_server"]  # the fixture: a market database and a least-rights role

pytestmark = pytest.mark.postgres


@pytest.fixture
def shell(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Shell]:
    fresh_pc(monkeypatch, tmp_path)
    yield from setup_shell(qtbot)


def _fields(url: str, **changes: str) -> dict[str, str]:
    parts = make_url(url)
    fields = {
        "host": parts.host or "127.0.0.1",
        "port": str(parts.port or 5432),
        "database": parts.database or "",
        "user": parts.username or "",
        "password": parts.password if isinstance(parts.password, str) else "",
    }
    return fields | changes


def _tested(screen: SetupScreen, url: str, *, encrypted: bool = False, **changes: str) -> str:
    """The test's words; unencrypted unless asked: the test server has no TLS."""
    type_server(screen, encrypted=encrypted, **_fields(url, **changes))
    click(screen.where.test_button)
    return screen.where.result.text()


def test_a_new_pc_joins_the_market_server_through_the_set_up(
    shell: Shell, market_server: tuple[str, str], _own_config_folder: Path
) -> None:
    url, stall = market_server
    screen = setup_of(shell)
    assert "서버에 연결되지 않습니다" in _tested(screen, url, port="1")
    with _password_refused():
        assert "비밀번호가 틀립니다" in _tested(screen, url, password="not-the-password")
        click(screen.next_button)
    assert screen.step() == 0  # a failed test does not go on
    assert "데이터베이스가 없습니다" in _tested(screen, url, database="no_such_market")
    assert "데이터베이스의 이름을 쓰세요" in _tested(screen, url, database="")
    assert _tested(screen, url).startswith("✓ 시장 서버에 연결되었습니다")
    assert PASSWORD not in screen.where.result.text()
    click(screen.next_button)
    assert screen.step() == 1, screen.status.text()
    click(screen.role_step.buttons["stall"])
    picker = screen.role_step.picker
    picker.market_box.setCurrentIndex(picker.market_box.findData("dongmun"))
    click(screen.next_button)  # no stall chosen yet
    assert screen.role_step.message.text().startswith("⚠")
    picker.store_box.setCurrentIndex(picker.store_box.findText(stall, flags=_starts_with()))
    assert screen.role_step.stall() == stall
    click(screen.next_button)
    text = (_own_config_folder / "settings.toml").read_text(encoding="utf-8")
    assert PASSWORD not in text and 'role = "stall"' in text
    found = settings.Settings.load()
    assert found.role == "stall" and found.database_url is not None
    assert PASSWORD in found.database_url  # from the credential store, for the connection
    with Services.open() as services:  # the settings file's database
        assert services.directory.count_stores(market_slug="dongmun") == 12
        home = services.directory.home_market()
        assert home is not None and (home.market_slug, home.stall) == ("dongmun", stall)


@contextmanager
def _password_refused() -> Iterator[None]:
    """The server's words for a refused password (the test server trusts every local login,
    so psycopg's failure is given here, as in tests/data/test_db_check.py)."""
    refused = OperationalError(
        'connection to server at "127.0.0.1", port 54350 failed: '
        'FATAL:  password authentication failed for user "kiosk"'
    )
    with patch("psycopg.connect", side_effect=refused):
        yield


def _starts_with() -> object:
    from PySide6.QtCore import Qt

    return Qt.MatchFlag.MatchStartsWith


def test_a_database_of_another_app_or_a_newer_app_is_refused(
    shell: Shell, postgres_url: str
) -> None:
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql("CREATE TABLE invoices (id integer)")
        screen = setup_of(shell)
        assert "다른 프로그램의 데이터베이스" in _tested(screen, postgres_url)
        with admin.connect() as conn:
            conn.exec_driver_sql("DROP TABLE invoices")
            conn.exec_driver_sql("CREATE TABLE alembic_version (version_num varchar(32))")
            conn.exec_driver_sql("INSERT INTO alembic_version VALUES ('9999_from_the_future')")
        assert "프로그램을 업데이트하세요" in _tested(screen, postgres_url)
        click(screen.next_button)
        assert screen.step() == 0
    finally:
        admin.dispose()


def test_a_server_without_tls_is_named_when_the_box_asks_for_encryption(
    shell: Shell, postgres_url: str
) -> None:
    """libpq's ``sslmode=require`` refuses the plain server (``prefer`` would fall back
    silently); the person is told to ask the office or untick the box, in every language."""
    screen = setup_of(shell)
    said = _tested(screen, postgres_url, encrypted=True)
    assert said.startswith("⚠ 시장 서버가 암호화 연결을 지원하지 않습니다")
    assert "시장 사무실" in said and "'암호화 연결'" in said
    assert screen._tested is not None and screen._tested[0].endswith("?sslmode=require")
    click(screen.next_button)
    assert screen.step() == 0  # not opened without TLS
    expected = {
        "en": "untick 'Encrypted connection'",
        "ja": "「暗号化接続」のチェックを外して",
        "zh_Hans": "取消勾选“加密连接”",
        "zh_Hant": "取消勾選「加密連線」",
    }
    for locale, words in expected.items():
        shell.set_locale(locale)  # type: ignore[arg-type]
        assert words in screen.where.result.text(), locale
    shell.set_locale("ko")  # type: ignore[arg-type]
    assert _tested(screen, postgres_url).startswith("✓")  # unticked: the plain server works
