"""Password and PIN rules, the throttling curve, and secrets that never print."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kiosk.domain import access
from kiosk.domain.access import Actor, Role, Secret, password_problem, pin_problem


@pytest.mark.parametrize("pin", ["482913", "0481526", "973105824613"])
def test_good_pins(pin: str) -> None:
    assert pin_problem(pin) is None


@pytest.mark.parametrize(
    ("pin", "code"),
    [
        ("48291", "access.pin_too_short"),
        ("", "access.pin_not_digits"),
        ("48a913", "access.pin_not_digits"),
        ("４８２９１３", "access.pin_not_digits"),  # full-width digits
        ("4829134829134", "access.pin_not_digits"),  # 13 digits
        ("111111", "access.pin_too_easy"),
        ("123456", "access.pin_too_easy"),
        ("876543", "access.pin_too_easy"),
    ],
)
def test_bad_pins_say_why(pin: str, code: str) -> None:
    problem = pin_problem(pin)
    assert problem is not None and problem.code == code


@pytest.mark.parametrize(
    "password", ["correcthorse", "abcdefghij", "Abcdefg1", "시장관리자비밀번호열자", "abc-defg"]
)
def test_good_passwords(password: str) -> None:
    assert password_problem(password) is None


@pytest.mark.parametrize("password", ["", "short", "abcdefgh", "12345678", "abcdefg"])
def test_weak_passwords(password: str) -> None:
    problem = password_problem(password)
    assert problem is not None and problem.code == "access.password_too_short"
    assert "10" in str(problem) and "8" in str(problem)


def test_an_overlong_password_is_refused() -> None:
    problem = password_problem("x" * 257)
    assert problem is not None and problem.code == "access.password_too_long"


def test_delay_grows_then_stops_growing() -> None:
    delays = [access.delay_after(n) for n in range(12)]
    assert delays[: access.FREE_FAILURES] == [timedelta(0)] * access.FREE_FAILURES
    assert delays[3:7] == [timedelta(seconds=s) for s in (2, 4, 8, 16)]
    assert max(delays) == access.MAX_DELAY
    assert delays == sorted(delays)


def test_a_secret_never_prints() -> None:
    secret = Secret("246810")
    assert "246810" not in repr(secret) and "246810" not in str(secret)
    assert "246810" not in f"{secret} {secret!r} {[secret]}"
    proof = access.CodeProof("pin", secret)
    assert "246810" not in repr(proof)
    assert secret.reveal() == "246810"


def test_who_may_edit_which_store() -> None:
    assert Actor(Role.MANAGER, "pc").may_edit_store(7)
    assert Actor(Role.MERCHANT, "pc", 7).may_edit_store(7)
    assert not Actor(Role.MERCHANT, "pc", 7).may_edit_store(8)
    assert not Actor.tourist("pc").may_edit_store(7)
    assert Actor(Role.MERCHANT, "pc", 7, "pin").label() == "store 7 (PIN)"
