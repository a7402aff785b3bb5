"""The set-up's server form: each bad field named, the URL built with every part quoted."""

from __future__ import annotations

import pytest

from kiosk import settings_file
from kiosk.ui.setup.address import ServerFields, field_problem, server_url

GOOD = ServerFields("192.168.0.10", "5432", "market", "kiosk", "p@ss/w:rd 한")


def test_a_good_form_gives_one_url_with_the_password_quoted() -> None:
    assert field_problem(GOOD) is None
    url = server_url(GOOD)
    assert url.startswith("postgresql://kiosk:") and url.endswith("@192.168.0.10:5432/market")
    bare, password = settings_file.split_password(url)
    assert password == GOOD.password and bare == "postgresql://kiosk@192.168.0.10:5432/market"


def test_an_empty_port_is_postgres_own_and_ipv6_gets_brackets() -> None:
    fields = ServerFields("fe80::1", " ", "market", "kiosk", "")
    assert field_problem(fields) is None
    assert server_url(fields) == "postgresql://kiosk@[fe80::1]:5432/market"


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
