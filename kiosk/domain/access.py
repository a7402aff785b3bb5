"""Who may change what: roles, the actor behind a change, password and PIN rules, throttling."""

from __future__ import annotations

import itertools
import unicodedata
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum
from typing import Final, Literal

from kiosk.domain.messages import N_, KioskError, Message, define


class Role(StrEnum):
    """Tourists only read; a merchant changes one store; the manager changes everything."""

    TOURIST = "tourist"
    MERCHANT = "merchant"
    MANAGER = "manager"


@dataclass(frozen=True, slots=True)
class Actor:
    """Who does something, on which PC. ``store_id`` is the merchant's one store.

    ``session`` is the services' handle of a sign-in (empty for tourists and for
    the command line's ``console`` actor); it never holds a secret.
    ``via`` says how the role was proved: ``"pin"``, ``"password"`` or ``"console"``.
    """

    role: Role
    pc: str
    store_id: int | None = None
    via: str = ""
    session: str = field(default="", repr=False, compare=False)

    @classmethod
    def tourist(cls, pc: str) -> Actor:
        return cls(Role.TOURIST, pc)

    @property
    def is_manager(self) -> bool:
        return self.role is Role.MANAGER

    def may_edit_store(self, store_id: int | None) -> bool:
        """The manager edits any store; a merchant only their own; a tourist none."""
        if self.role is Role.MANAGER:
            return True
        return self.role is Role.MERCHANT and store_id is not None and store_id == self.store_id

    def label(self) -> str:
        """For the audit log: ``manager``, ``store 12 (PIN)``, ``console``."""
        if self.via == "console":
            return "console"
        if self.role is Role.MERCHANT:
            return f"{store_subject(self.store_id or 0)} (PIN)"
        return self.role.value


def store_subject(store_id: int) -> str:
    """How the audit log names a store signed in to or proven for: ``store 12``."""
    return f"store {store_id}"


class Secret:
    """A PIN or password on its way to be hashed or checked; never shown.

    ``repr``/``str`` print ``***`` so a secret cannot leak into a log line, an
    exception or a traceback by accident; ``reveal()`` is the one way to read it.
    """

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret(***)"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class CodeProof:
    """What changing a store's QR codes asks for: that store's PIN or the manager password."""

    kind: Literal["pin", "password"]
    secret: Secret = field(repr=False)


# Rules for secrets ----------------------------------------------------------------------
PIN_MIN_DIGITS: Final = 6
PIN_MAX_DIGITS: Final = 12
#: A PIN needs at least this many different digits (``121212``, ``000001`` are refused).
PIN_MIN_DISTINCT: Final = 4
PASSWORD_MIN: Final = 10
PASSWORD_MIN_MIXED: Final = 8
PASSWORD_MAX: Final = 256

PIN_NOT_DIGITS = define(
    "access.pin_not_digits", N_("A PIN is made of digits 0-9 only, {min} to {max} of them.")
)
PIN_TOO_SHORT = define("access.pin_too_short", N_("A PIN needs at least {min} digits."))
PIN_TOO_EASY = define(
    "access.pin_too_easy",
    N_("This PIN is too easy to guess (one digit repeated, or digits in a row); choose another."),
)
PIN_TOO_FEW_DIGITS = define(
    "access.pin_too_few_digits",
    N_("This PIN is too easy to guess: use at least {distinct} different digits."),
)
PASSWORD_BLANK = define(
    "access.password_blank",
    N_("The password cannot be only spaces; spaces at its start and end do not count."),
)
PASSWORD_TOO_SHORT = define(
    "access.password_too_short",
    N_(
        "The password needs at least {long} characters, or at least {short} with two kinds "
        "of characters (small letters, capital letters, digits, other signs)."
    ),
)
PASSWORD_TOO_LONG = define(
    "access.password_too_long", N_("The password may have at most {max} characters.")
)
PASSWORDS_DIFFER = define("access.passwords_differ", N_("The two entries are not the same."))


def pin_problem(pin: str) -> Message | None:
    """Why *pin* cannot be a store's PIN, or None when it can."""
    if not pin.isascii() or not pin.isdigit() or len(pin) > PIN_MAX_DIGITS:
        return PIN_NOT_DIGITS(min=PIN_MIN_DIGITS, max=PIN_MAX_DIGITS)
    if len(pin) < PIN_MIN_DIGITS:
        return PIN_TOO_SHORT(min=PIN_MIN_DIGITS)
    if _repeats_a_block(pin) or _runs(pin):
        return PIN_TOO_EASY()
    if len(set(pin)) < PIN_MIN_DISTINCT:
        return PIN_TOO_FEW_DIGITS(distinct=PIN_MIN_DISTINCT)
    return None


def _repeats_a_block(pin: str) -> bool:
    """``121212``, ``123123``, ``12341234``: one shorter block written again and again."""
    return any(
        len(pin) % size == 0 and pin == pin[:size] * (len(pin) // size)
        for size in range(1, len(pin) // 2 + 1)
    )


def _runs(pin: str) -> bool:
    """Digits in a row, up or down, wrapping at 9 (``123456``, ``654321``, ``890123``)."""
    steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(pin)}
    return steps in ({1}, {9})


def _classes(text: str) -> int:
    kinds = set()
    for ch in text:
        if ch.isascii() and ch.islower():
            kinds.add("lower")
        elif ch.isascii() and ch.isupper():
            kinds.add("upper")
        elif ch.isdigit():
            kinds.add("digit")
        else:
            kinds.add("other")
    return len(kinds)


def normalise_secret(text: str) -> str:
    """NFC, so the same password typed on two keyboards (composed Hangul or not) matches."""
    return unicodedata.normalize("NFC", text)


def password_problem(password: str) -> Message | None:
    """Why *password* cannot be the manager password (at least 10 characters, or 8 of two kinds).

    Spaces at the start and end do not count towards the length: ten spaces are
    no password.
    """
    text = normalise_secret(password)
    if len(text) > PASSWORD_MAX:
        return PASSWORD_TOO_LONG(max=PASSWORD_MAX)
    if text and not text.strip():
        return PASSWORD_BLANK()
    text = text.strip()
    if len(text) >= PASSWORD_MIN or (len(text) >= PASSWORD_MIN_MIXED and _classes(text) >= 2):
        return None
    return PASSWORD_TOO_SHORT(long=PASSWORD_MIN, short=PASSWORD_MIN_MIXED)


# Throttling -------------------------------------------------------------------------------
# Two counts per account (the manager, or one store): one per PC, and one for all PCs.
# A PC's own failures make that PC wait longer and longer for that account; the count of
# all PCs only slows everyone briefly and forgets by itself, so a visitor at one PC can
# never lock the account for the others (docs/architecture.md, "Roles, access and the
# audit log").

#: Failures one PC may make for one account before each further try must wait.
PC_FREE_FAILURES: Final = 5
#: The first wait on a PC; it doubles with each further failure, up to PC_MAX_WAIT.
PC_FIRST_WAIT: Final = timedelta(seconds=30)
PC_MAX_WAIT: Final = timedelta(minutes=15)
#: Failures of all PCs together (after forgetting) before everyone waits a little.
ALL_FREE_FAILURES: Final = 20
#: The wait of all PCs together never grows past this.
ALL_MAX_WAIT: Final = timedelta(seconds=60)
#: The count of all PCs forgets one failure for each such span without one.
ALL_FORGET_ONE: Final = timedelta(seconds=60)


def pc_wait_after(failures: int) -> timedelta:
    """How long one PC waits for an account after *failures* failures in a row there."""
    if failures < PC_FREE_FAILURES:
        return timedelta(0)
    doublings = min(failures - PC_FREE_FAILURES, 16)
    return min(PC_FIRST_WAIT * (1 << doublings), PC_MAX_WAIT)


def all_pcs_wait_after(failures: int) -> timedelta:
    """How long every PC waits for an account after *failures* (forgotten ones taken off)."""
    if failures < ALL_FREE_FAILURES:
        return timedelta(0)
    doublings = min(failures - ALL_FREE_FAILURES, 16)
    return min(timedelta(seconds=2) * (1 << doublings), ALL_MAX_WAIT)


def remembered(failures: int, idle: timedelta) -> int:
    """The all-PC count after *idle* without a failure: one forgotten per ALL_FORGET_ONE."""
    forgotten = int(max(idle, timedelta(0)) / ALL_FORGET_ONE)
    return max(0, failures - forgotten)


# Errors ------------------------------------------------------------------------------------
WRONG_SECRET = define(
    "access.wrong_secret",
    N_("That did not match. Check the stall and the PIN (or the password) and try again."),
)
WRONG_PASSWORD = define(
    "access.wrong_password",
    N_("That is not the manager password. Check it (capital letters, spaces) and try again."),
)
WAIT = define(
    "access.wait", N_("Too many wrong tries. Wait {seconds} seconds before trying again.")
)
LOCKED = define(
    "access.wait_long",
    N_(
        "Too many wrong tries on this PC: try again after {until}. The market manager "
        "can lift the wait in Manager mode (or with 'market-kiosk merchant clear-wait')."
    ),
)
MANAGER_LOCKED = define(
    "access.manager_wait_long",
    N_(
        "Too many wrong tries on this PC: try again after {until}, or run "
        "'market-kiosk manager clear-wait' on a PC of the market office."
    ),
)
NO_PASSWORD = define(
    "access.no_password",
    N_("No manager password is set yet. Set one first (at least 10 characters)."),
)
NEEDS_SETUP_CODE = define(
    "access.needs_setup_code",
    N_(
        "No manager password is set yet. To set one you need a set-up code: ask the market "
        "office to run 'market-kiosk manager setup-code', or run it on this PC. (Or set the "
        "password directly with 'market-kiosk manager set-password'.)"
    ),
)
WRONG_SETUP_CODE = define(
    "access.wrong_setup_code",
    N_(
        "That set-up code is not valid (wrong, already used, or older than {hours} hours). "
        "Run 'market-kiosk manager setup-code' for a new one."
    ),
)
SIGN_IN_UNAVAILABLE = define(
    "access.sign_in_unavailable",
    N_("Signing in is not possible right now ({reason}). Nothing was changed; try again."),
)
PASSWORD_ALREADY_SET = define(
    "access.password_already_set",
    N_("A manager password is already set; sign in with it."),
)
DENIED = define("access.denied", N_("You may not do this: {what}."))
SIGNED_OUT = define("access.signed_out", N_("You were signed out (idle too long). Sign in again."))


class AccessError(KioskError):
    """A sign-in or a change was refused; nothing was written."""


class SignInRefused(AccessError):
    """Wrong PIN or password. The message never says whether the store exists."""


class Throttled(AccessError):
    """Wait before the next attempt (``seconds``), or locked until ``until`` (``locked``)."""

    def __init__(self, message: Message, *, seconds: int = 0, locked: bool = False) -> None:
        super().__init__(message)
        self.seconds = seconds
        self.locked = locked


class SignInUnavailable(AccessError):
    """The database failed during a sign-in (locked, lost, full): a message, never a hang."""


class PermissionDenied(AccessError):
    """The actor's role may not do this (``what`` says what was refused)."""

    def __init__(self, what: Message | str) -> None:
        super().__init__(DENIED(what=what))
        self.what = what
