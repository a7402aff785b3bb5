"""`market-kiosk setup`: a new PC joins a running PostgreSQL market server in one command."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url
from sqlalchemy.pool import NullPool

from kiosk import settings
from kiosk.cli import main
from kiosk.data.db import Database
from kiosk.services.app import Services
from tests.factories.markets import generate_market

PASSWORD = "Dongmun-market-2026"


@pytest.fixture
def market_server(postgres_url: str) -> Iterator[tuple[str, str]]:
    """A running market database with one market, and a least-rights role with a password.

    Yields (the PC's URL with the password, the stall number of the first store).
    """
    database = Database.open(postgres_url)
    generate_market(database, slug="dongmun", stores=12)
    database.close()
    with Services.open(postgres_url) as services:
        stall = services.directory.list_stores(market_slug="dongmun")[0].stall_number
    role = f"kiosk_pc_{uuid.uuid4().hex[:8]}"
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    name = make_url(postgres_url).database
    with admin.connect() as conn:
        for sql in (
            f"CREATE ROLE {role} LOGIN PASSWORD '{PASSWORD}'",
            f'GRANT CONNECT ON DATABASE "{name}" TO {role}',
            f"GRANT USAGE ON SCHEMA public TO {role}",
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
            f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}",
        ):
            conn.exec_driver_sql(sql)
    url = make_url(postgres_url).set(username=role, password=PASSWORD)
    yield url.render_as_string(hide_password=False), stall
    with admin.connect() as conn:
        conn.exec_driver_sql(f"DROP OWNED BY {role}")  # its grants here and on the database
        conn.exec_driver_sql(f"DROP ROLE {role}")
    admin.dispose()


@pytest.mark.postgres
def test_a_new_pc_joins_the_market_server(
    market_server: tuple[str, str], _own_config_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, stall = market_server
    assert not _own_config_folder.exists()  # a fresh PC
    argv = ["setup", "--database-url", url, "--role", "stall"]
    assert main([*argv, "--market", "dongmun", "--stall", stall]) == 0
    out = capsys.readouterr().out
    assert "this PC is set up: role stall, home market dongmun stall" in out
    assert "WARN rights: may not create tables" in out  # least rights: fine until an update
    assert PASSWORD not in out
    text = (_own_config_folder / "settings.toml").read_text(encoding="utf-8")
    assert PASSWORD not in text and 'role = "stall"' in text
    found = settings.current()
    assert found.role == "stall" and found.database_url is not None
    assert PASSWORD in found.database_url  # from the secret store, for the connection only
    with Services.open() as services:  # no URL given: the settings file's database
        assert services.directory.count_stores(market_slug="dongmun") == 12
        home = services.directory.home_market()
        assert home is not None and (home.market_slug, home.stall) == ("dongmun", stall)
    assert main(["config", "show"]) == 0
    shown = capsys.readouterr().out
    assert "password: kept" in shown and PASSWORD not in shown


@pytest.mark.postgres
def test_setup_changes_nothing_when_the_server_or_market_is_wrong(
    market_server: tuple[str, str], _own_config_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, _stall = market_server
    wrong_port = make_url(url).set(port=1).render_as_string(hide_password=False)
    assert main(["setup", "--database-url", wrong_port, "--role", "kiosk"]) == 1
    out = capsys.readouterr().out
    assert "FAIL reachable: server not reachable" in out and "nothing was changed" in out
    assert main(["setup", "--database-url", url, "--role", "kiosk", "--market", "nowhere"]) == 2
    assert "nothing was changed on this PC" in capsys.readouterr().err
    assert main(["setup", "--database-url", url, "--role", "stall", "--market", "dongmun"]) == 2
    assert "needs --market SLUG and --stall STALL" in capsys.readouterr().err
    assert not (_own_config_folder / "settings.toml").exists()


def test_setup_stopped_is_said_in_the_command_line_language(
    tmp_path: Path, _own_config_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    url = f"sqlite:///{blocked / 'market.sqlite3'}"  # its folder is a file: the check fails
    assert main(["--lang", "ko", "setup", "--database-url", url, "--role", "kiosk"]) == 1
    last = capsys.readouterr().out.splitlines()[-1]
    assert last == "설정을 멈췄습니다: 파일 확인에 실패해서 이 PC에서는 아무것도 바꾸지 않았습니다"
    assert main(["--lang", "en", "setup", "--database-url", url, "--role", "kiosk"]) == 1
    last = capsys.readouterr().out.splitlines()[-1]
    assert last == "setup stopped: file failed; nothing was changed on this PC"
    assert not (_own_config_folder / "settings.toml").exists()


def test_setup_for_a_pc_alone(tmp_path: Path, _own_config_folder: Path) -> None:
    url = f"sqlite:///{tmp_path / 'alone.sqlite3'}"
    assert main(["setup", "--database-url", url, "--role", "kiosk"]) == 0
    assert settings.current().database_url == url and settings.current().role == "kiosk"


def _readme_sql() -> list[str]:
    """The SQL of README's "Setting up a market server", one statement each (comments off)."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Setting up a market server", 1)[1]
    block = section.split("```sql\n", 1)[1].split("```", 1)[0]
    lines = [line.split("--", 1)[0].strip() for line in block.splitlines()]
    lines = [line for line in lines if not line.startswith("\\")]  # psql's \c: connected here
    return [s.strip() for s in " ".join(line for line in lines if line).split(";") if s.strip()]


@pytest.mark.postgres
def test_the_readme_recipe_gives_a_working_least_rights_pc(
    postgres_url: str, _own_config_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import re

    tag = uuid.uuid4().hex[:6]
    owner, pc, name = f"owner_{tag}", f"pc_{tag}", make_url(postgres_url).database
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    statements = _readme_sql()
    assert any(s.startswith("ALTER DEFAULT PRIVILEGES") for s in statements)
    assert "CREATE EXTENSION IF NOT EXISTS pg_trgm" in statements
    try:
        with admin.connect() as conn:
            for statement in statements:
                sql = re.sub(r"\bkiosk\b", pc, re.sub(r"\bkiosk_owner\b", owner, statement))
                if sql.startswith("CREATE DATABASE"):  # the test's database is made already
                    sql = f'ALTER DATABASE "{name}" OWNER TO {owner}'
                conn.exec_driver_sql(sql)
        as_owner = make_url(postgres_url).set(username=owner, password="owner-password")
        assert main(["db", "init", "--url", as_owner.render_as_string(hide_password=False)]) == 0
        as_pc = make_url(postgres_url).set(username=pc, password="pc-password")
        pc_url = as_pc.render_as_string(hide_password=False)
        with Services.open(as_owner.render_as_string(hide_password=False)) as services:
            services.listings.load_demo(replace=False)
        assert (
            main(["setup", "--database-url", pc_url, "--role", "kiosk", "--market", "dongmun"]) == 0
        )
        out = capsys.readouterr().out
        assert "WARN rights: may not create tables" in out and "FAIL" not in out
        assert "ok   pg_trgm: installed" in out
        with Services.open() as services:
            assert services.directory.count_stores(market_slug="dongmun") > 0
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'ALTER DATABASE "{name}" OWNER TO CURRENT_USER')
            for role in (pc, owner):
                conn.exec_driver_sql(f"DROP OWNED BY {role} CASCADE")
                conn.exec_driver_sql(f"DROP ROLE {role}")
        admin.dispose()
