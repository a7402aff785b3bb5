"""Passwords never shown: every URL shape is masked, and every place that prints a URL masks it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from db_fault_helpers import ROOT, CliRunner, assert_one_clean_line
from pytestqt.qtbot import QtBot

from kiosk.domain.urls import mask_url

SECRET = "s3cret-Pw"


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (
            f"postgresql://kiosk:{SECRET}@db.example/market",
            "postgresql://kiosk:***@db.example/market",
        ),
        (
            f"postgresql://kiosk@db/market?password={SECRET}",
            "postgresql://kiosk@db/market?password=***",
        ),
        (f"postgresql://kiosk@db/m?sslmode=require&sslpassword={SECRET}", "sslpassword=***"),
        (f"postgresql://kiosk@db/m?passfile=/home/k/{SECRET}", "passfile=***"),
        (f"postgresql://db/m?PASSWORD={SECRET}&application_name=kiosk", "PASSWORD=***&application"),
        (f"postgresql://db/m?api_token={SECRET}", "api_token=***"),
        (f"postgresql://db/m?client_secret={SECRET}#x", "client_secret=***#x"),
        (f"postgresql://db/m?pass%77ord={SECRET}", "pass%77ord=***"),
        (f"postgresql://k:{SECRET}@db/m?password={SECRET}", "k:***@db/m?password=***"),
        (f"postgresql+psycopg://k:{SECRET}@h:5432/m", "postgresql+psycopg://k:***@h:5432/m"),
        (f"postgres://k:p/a{SECRET}?x@h/m", "postgres://k:***@h/m"),
        (f"host=db user=kiosk password={SECRET} dbname=m", "password=*** dbname=m"),
        (f"host=db password = '{SECRET} with space' dbname=m", "password = *** dbname=m"),
        (
            f"Cannot open the database at postgresql://k@h/m?password={SECRET}: refused",
            "?password=***: refused",
        ),
        (f"'postgresql://k@h/m?password={SECRET}'", "?password=***'"),
    ],
)
def test_every_url_shape_is_masked(url: str, shown: str) -> None:
    masked = mask_url(url)
    assert SECRET not in masked
    assert shown in masked
    assert mask_url(masked) == masked  # masking twice changes nothing


@pytest.mark.parametrize(
    "text",
    [
        "sqlite:////home/kiosk/market-kiosk.sqlite3",
        "postgresql://kiosk@db.example:5432/market?sslmode=require&connect_timeout=5",
        "postgresql://kiosk:@db/market",
        "https://pf.kakao.com/_ZeUTxl/friend",
        "the database is damaged; restore a backup",
        "price=3000 token=",
    ],
)
def test_text_without_secrets_is_unchanged(text: str) -> None:
    assert mask_url(text) == text


# --- behaviour: the CLI and the GUI -------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        f"postgresql://kiosk:{SECRET}@127.0.0.1:1/market",
        f"postgresql://kiosk@127.0.0.1:1/market?password={SECRET}",
        f"postgresql://kiosk@127.0.0.1:1/market?sslpassword={SECRET}&sslmode=disable",
        f"postgresql://kiosk@127.0.0.1:1/market?passfile=/tmp/{SECRET}",
        f"ftp://kiosk:{SECRET}@files.example/market",
        f"mysql://kiosk@db/market?password={SECRET}",
        f"not a url ?password={SECRET}",
    ],
)
@pytest.mark.parametrize("args", [["demo"], ["qr", "stands", "--market", "m", "--out", "s.pdf"]])
def test_the_cli_error_line_never_shows_a_password(
    url: str, args: list[str], cli: CliRunner, log_dir: Path
) -> None:
    run = cli(url, args)
    assert_one_clean_line(run)
    assert SECRET not in run.out + run.err
    log = log_dir / "market-kiosk.log"
    if log.exists():
        assert SECRET not in log.read_text(encoding="utf-8")


@pytest.mark.postgres
@pytest.mark.parametrize(
    "secret_part",
    [f":{SECRET}@", f"@?password={SECRET}&sslmode=disable"],
    ids=["user-part", "query"],
)
def test_demo_output_names_the_database_without_its_password(
    postgres_url: str, cli: CliRunner, secret_part: str
) -> None:
    from sqlalchemy import make_url

    base = make_url(postgres_url)  # trust authentication: any password is accepted
    host = f"{base.host}:{base.port}/{base.database}"
    if secret_part.startswith(":"):
        url = f"postgresql://{base.username}{secret_part}{host}"
    else:
        url = f"postgresql://{base.username}@{host}{secret_part[1:]}"
    run = cli(url, ["demo"])
    assert run.code == 0, run
    assert SECRET not in run.out + run.err
    assert f"database: postgresql+psycopg://{base.username}" in run.out
    assert "***" in run.out.splitlines()[-1]


@pytest.mark.parametrize(
    "url",
    [
        f"postgresql://kiosk:{SECRET}@127.0.0.1:1/market?password={SECRET}",
        f"postgresql://kiosk@127.0.0.1:1/market?sslpassword={SECRET}",
    ],
)
def test_the_gui_error_screen_never_shows_a_password(qtbot: QtBot, url: str) -> None:
    from kiosk.app import build_shell

    window = build_shell("en")
    qtbot.add_widget(window)
    with qtbot.waitSignal(window.events.services_failed, timeout=20_000) as blocker:
        window.start_loading(url)
    message = blocker.args[0]
    assert SECRET not in message and SECRET not in window.load_error()
    assert "***" in message and "127.0.0.1:1/market" in message
    assert "\n" not in message


def test_the_gui_shows_a_damaged_database_as_one_line(
    qtbot: QtBot, demo_copy: Path, log_dir: Path
) -> None:
    from test_database_faults import DAMAGED, _damage, _root_page

    from kiosk.app import build_shell

    _damage(demo_copy, _root_page(demo_copy, "markets"))
    window = build_shell("en")
    qtbot.add_widget(window)
    with qtbot.waitSignal(window.events.services_failed, timeout=20_000) as blocker:
        window.start_loading("sqlite:///" + demo_copy.as_posix())
    message = blocker.args[0]
    assert DAMAGED in message and str(demo_copy) in message
    assert str(log_dir / "market-kiosk.log") in message
    assert "SELECT" not in message and "\n" not in message


# --- every place a URL is formatted goes through the helper --------------------------------

#: (file, source of the expression): URLs that cannot hold a secret, with the reason.
ALLOWED = {
    # A KakaoTalk channel link the app builds from a checked channel ID.
    ("kiosk/cli/qr.py", "checked.url"),
    # The scheme alone ("ftp"), in "unsupported database type".
    ("kiosk/data/db.py", "url.drivername"),
    # The market's public website address (https, no query string: checked before use).
    ("kiosk/cli/publish.py", "base_url"),
    # A stall's "find us online" link on its public page, checked when onboarding saved it.
    ("kiosk/publish/stall.py", "escape(link.url)"),
    # Which database a PC uses, host / port / database name only (Database.place).
    ("kiosk/data/db.py", "url.host or 'localhost'"),
    ("kiosk/data/db.py", "url.database or ''"),
    ("kiosk/data/db.py", "url.port"),
    # db check's lines name the server, port, database and role it tried; never the password.
    ("kiosk/data/server_check.py", "url.host or 'localhost'"),
    ("kiosk/data/server_check.py", "url.port or 5432"),
    ("kiosk/data/server_check.py", "url.database"),
    ("kiosk/data/server_check.py", "url.username"),
}
MASKERS = {"mask_url", "display_url"}


def _mentions_url(node: ast.AST) -> bool:
    for sub in ast.walk(node):
        name = (
            sub.id
            if isinstance(sub, ast.Name)
            else sub.attr
            if isinstance(sub, ast.Attribute)
            else ""
        )
        if "url" in name.lower():
            return True
    return False


def _is_masked(node: ast.AST) -> bool:
    if isinstance(node, ast.Call):
        func = node.func
        name = (
            func.id
            if isinstance(func, ast.Name)
            else func.attr
            if isinstance(func, ast.Attribute)
            else ""
        )
        if name in MASKERS:
            return True
        if name in {"str", "repr", "terminal_safe"} and node.args:
            return _is_masked(node.args[0])
    return False


def _formatted_values(tree: ast.AST) -> list[ast.expr]:
    """Expressions put into text: f-string fields, ``.format()`` and ``%`` arguments,
    and the values of Message parameters (``SOME_MESSAGE(where=...)``)."""
    found: list[ast.expr] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FormattedValue):
            found.append(node.value)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr == "format":
                found.extend(node.args)
                found.extend(k.value for k in node.keywords)
        elif (
            isinstance(node, ast.BinOp)
            and isinstance(node.op, ast.Mod)
            and isinstance(node.left, ast.Constant)
            and isinstance(node.left.value, str)
        ):
            found.append(node.right)
    return found


def _kiosk_sources() -> list[Path]:
    return sorted(
        p for p in (ROOT / "kiosk").rglob("*.py") if "migrations" not in p.relative_to(ROOT).parts
    )


def test_every_formatted_url_goes_through_mask_url() -> None:
    unmasked = []
    for path in _kiosk_sources():
        rel = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for value in _formatted_values(tree):
            source = ast.unparse(value)
            if not _mentions_url(value):
                continue
            if _is_masked(value) or (rel, source) in ALLOWED:
                continue
            unmasked.append(f"{rel}:{value.lineno}: {source}")
    assert not unmasked, "URLs formatted without mask_url():\n" + "\n".join(unmasked)


def test_urls_are_rendered_in_one_place_only() -> None:
    """``URL.render_as_string`` shows the query as it is: only ``display_url`` may call it
    for display (``default_database_url`` builds a SQLite path URL, nothing shown)."""
    calls = []
    for path in _kiosk_sources():
        rel = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for func in ast.walk(tree):
            if not isinstance(func, ast.FunctionDef):
                continue
            for node in ast.walk(func):
                if isinstance(node, ast.Attribute) and node.attr == "render_as_string":
                    calls.append((rel, func.name))
    assert sorted(set(calls)) == [
        ("kiosk/data/db.py", "default_database_url"),
        ("kiosk/data/db.py", "display_url"),
    ]


def test_the_masking_test_would_catch_an_unmasked_url() -> None:
    tree = ast.parse('print(f"database: {services.url}")\nprint(f"x {mask_url(db.url)}")')
    values = _formatted_values(tree)
    assert [_is_masked(v) for v in values if _mentions_url(v)] == [False, True]
