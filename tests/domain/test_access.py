"""Password and PIN rules, the throttling curve, and secrets that never print."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kiosk.domain import access
from kiosk.domain.access import Actor, Role, Secret, password_problem, pin_problem

pytestmark = pytest.mark.usefixtures("english")


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


@pytest.mark.parametrize(
    ("pin", "code"),
    [
        ("121212", "access.pin_too_easy"),  # a block repeated
        ("123123", "access.pin_too_easy"),
        ("12341234", "access.pin_too_easy"),
        ("654321", "access.pin_too_easy"),  # down
        ("890123", "access.pin_too_easy"),  # up, past 9
        ("210987", "access.pin_too_easy"),  # down, past 0
        ("000001", "access.pin_too_few_digits"),
        ("112233", "access.pin_too_few_digits"),
        ("121213", "access.pin_too_few_digits"),
        ("5858581", "access.pin_too_few_digits"),
    ],
)
def test_trivial_pins_are_refused(pin: str, code: str) -> None:
    problem = pin_problem(pin)
    assert problem is not None and problem.code == code
    assert "4" in str(problem) or code == "access.pin_too_easy"


@pytest.mark.parametrize("pin", ["582046", "771130", "123457", "1029384756"])
def test_pins_near_the_rules_are_accepted(pin: str) -> None:
    assert pin_problem(pin) is None


@pytest.mark.parametrize(
    "password", [" " * 10, " " * 30, "\t" * 12, "\u3000" * 10, " \t \u3000 " * 4]
)
def test_blank_passwords_are_refused(password: str) -> None:
    problem = password_problem(password)
    assert problem is not None and problem.code == "access.password_blank"
    assert "spaces" in str(problem)


@pytest.mark.parametrize(
    ("password", "code"),
    [("   short   ", "access.password_too_short"), ("  abcdefg  ", "access.password_too_short")],
)
def test_spaces_around_a_password_do_not_count(password: str, code: str) -> None:
    problem = password_problem(password)
    assert problem is not None and problem.code == code
    assert password_problem("  market-office  ") is None


def test_a_pcs_wait_grows_from_30_seconds_to_15_minutes() -> None:
    waits = [access.pc_wait_after(n) for n in range(40)]
    free = access.PC_FREE_FAILURES
    assert waits[:free] == [timedelta(0)] * free
    assert waits[free : free + 4] == [timedelta(seconds=s) for s in (30, 60, 120, 240)]
    assert max(waits) == access.PC_MAX_WAIT == timedelta(minutes=15)
    assert waits == sorted(waits)


def test_the_all_pcs_wait_is_short_and_forgets() -> None:
    waits = [access.all_pcs_wait_after(n) for n in range(60)]
    assert waits[: access.ALL_FREE_FAILURES] == [timedelta(0)] * access.ALL_FREE_FAILURES
    assert max(waits) == access.ALL_MAX_WAIT <= timedelta(minutes=1)
    assert access.remembered(25, timedelta(0)) == 25
    assert access.remembered(25, timedelta(minutes=5)) == 20
    assert access.remembered(25, timedelta(hours=1)) == 0
    assert access.remembered(3, -timedelta(minutes=5)) == 3  # a clock set back forgets nothing


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
