"""The set-up's server form: each bad field named, the URL built with every part quoted and
``?sslmode=require`` unless "Encrypted connection" is unticked."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from kiosk import settings, settings_file
from kiosk.cli import main
from kiosk.services.app import Services
from kiosk.ui.setup.address import ServerFields, field_problem, server_url

GOOD = ServerFields("192.168.0.10", "5432", "market", "kiosk", "p@ss/w:rd 한")


def test_a_good_form_gives_one_url_with_the_password_quoted() -> None:
    assert field_problem(GOOD) is None
    url = server_url(GOOD)
    assert url.startswith("postgresql://kiosk:")
    assert url.endswith("@192.168.0.10:5432/market?sslmode=require")
    bare, password = settings_file.split_password(url)
    assert password == GOOD.password
    assert bare == "postgresql://kiosk@192.168.0.10:5432/market?sslmode=require"


def test_encrypted_unless_unticked() -> None:
    """libpq's default (prefer) would fall back to plain text unseen: the form asks for TLS."""
    assert GOOD.encrypted
    plain = ServerFields("office-pc", "5432", "market", "kiosk", "", encrypted=False)
    assert server_url(plain) == "postgresql://kiosk@office-pc:5432/market"
    assert server_url(replace(plain, encrypted=True)).endswith("/market?sslmode=require")


def test_an_empty_port_is_postgres_own_and_ipv6_gets_brackets() -> None:
    fields = ServerFields("fe80::1", " ", "market", "kiosk", "")
    assert field_problem(fields) is None
    assert server_url(fields) == "postgresql://kiosk@[fe80::1]:5432/market?sslmode=require"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"host": ""}, "host"),
        ({"host": "kiosk@office"}, "host"),
        ({"port": "abc"}, "port"),
        ({"port": "70000"}, "port"),
        ({"port": "0"}, "port"),
        ({"database": "  "}, "database"),
        ({"user": ""}, "user"),
    ],
)
def test_each_bad_field_is_named(change: dict[str, str], field: str) -> None:
    values = {
        "host": GOOD.host,
        "port": GOOD.port,
        "database": GOOD.database,
        "user": GOOD.user,
        "password": GOOD.password,
    }
    problem = field_problem(ServerFields(**(values | change)))
    assert problem is not None and problem[0] == field and problem[1]


def test_the_settings_file_and_config_show_keep_the_sslmode(
    _own_config_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What "Finish" writes (``Services.set_up_pc``): the URL with ``?sslmode=require`` in the
    file, the password in the credential store; both come back for the connection."""
    url = server_url(GOOD)
    Services.set_up_pc(url, role="office")  # no market: the server is not opened
    text = (_own_config_folder / "settings.toml").read_text(encoding="utf-8")
    assert 'database_url = "postgresql://kiosk@192.168.0.10:5432/market?sslmode=require"' in text
    assert GOOD.password not in text
    assert settings.Settings.load().database_url == url
    assert main(["config", "show"]) == 0
    shown = capsys.readouterr().out
    assert "postgresql://kiosk@192.168.0.10:5432/market?sslmode=require" in shown
    assert "password: kept" in shown and GOOD.password not in shown
