"""The door is made of parts, each write publishes through one wrapper, values load lazily."""

from __future__ import annotations

import inspect

import pytest

from kiosk.services import app, values
from kiosk.services.app import Codes, Services
from kiosk.services.parts.core import Part

PARTS = ("directory", "listings", "codes", "onboarding", "exchange", "access", "audit", "backups",
         "promotions", "search", "public", "rates", "holidays")  # fmt: skip
WRITES = {
    "directory": ("set_home_market",),
    "listings": (
        "save_store",
        "create_market",
        "update_market",
        "set_market_site",
        "remove_market",
        "load_demo",
    ),
    "codes": ("save_store_codes",),
    "onboarding": ("save_onboarding_step", "save_code_step"),
    "exchange": ("apply_import",),
    "backups": ("restore_database",),
    "promotions": ("add_promotion", "update_promotion", "remove_promotion"),
    "search": ("set_synonyms", "reset_synonyms"),
    "public": ("apply_markets", "apply_stores"),
    "rates": ("set_rate", "remove_rate", "set_max_age"),
    "holidays": ("add_holiday", "remove_holiday"),
}


def test_the_door_is_made_of_parts_not_a_mixin_chain() -> None:
    assert Services.__mro__ == (Services, object)
    for name in PARTS:
        part = getattr(app, name.capitalize())
        assert issubclass(part, Part) and part.__mro__[1:] == (Part, object), name


def test_each_write_publishes_through_the_one_wrapper() -> None:
    wrapped = {
        (name, method)
        for name in PARTS
        for method, member in inspect.getmembers(getattr(app, name.capitalize()))
        if hasattr(member, "__wrapped__")
    }
    assert wrapped == {(part, m) for part, methods in WRITES.items() for m in methods}


def test_checks_need_no_database() -> None:
    checked = Codes.check_kakao("http://pf.kakao.com/_ZeUTxl")
    assert checked is not None and checked.channel_id == "_ZeUTxl"
    assert Codes.check_payment("  ") is None


def test_every_value_loads_and_nothing_else() -> None:
    for name in values.__all__:
        assert getattr(values, name) is not None, name
    with pytest.raises(AttributeError):
        _ = values.Services
