"""Sign-in throttling: a count per PC and one for all PCs, checked and counted under one lock.

Every try is counted *before* the secret is checked, in the same write-locked
transaction that checks the waits (SQLite ``BEGIN IMMEDIATE``, PostgreSQL an
advisory lock and ``SELECT ... FOR UPDATE``), so parallel tries cannot all
read the old count: at most the allowed number is ever checked. A right
secret then clears this PC's count and the all-PC count; a wrong one leaves
them counted. The waits themselves are domain rules (``kiosk.domain.access``).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from kiosk.data import credentials
from kiosk.data.columns import utcnow
from kiosk.data.db import Database
from kiosk.data.errors import FAULT_REASONS, DatabaseFaultError
from kiosk.domain import access
from kiosk.domain.access import SignInUnavailable, Throttled
from kiosk.domain.messages import Message
from kiosk.services.uow import CONFLICTS, Tx, locked_transaction

#: The count of all PCs for an account: a SHA-256 of what was tried against.
_ACCOUNT_PREFIX = "kiosk-sign-in\0"
#: Long waits are shown as a time of day, short ones in seconds.
_SHOW_TIME_AFTER = 90


def account_key(key: str) -> str:
    """The all-PC count's row key of *key* (``manager``, ``store:12``)."""
    return hashlib.sha256(f"{_ACCOUNT_PREFIX}{key}".encode()).hexdigest()


def pc_prefix(key: str) -> str:
    """What every per-PC row key of *key* starts with (so the manager can clear them all)."""
    return account_key(key)[:31] + ":"


def pc_key(key: str, pc: str) -> str:
    """One PC's row key for *key*: 64 characters, naming neither the store nor the PC."""
    return pc_prefix(key) + hashlib.sha256(f"kiosk-pc\0{pc}".encode()).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class Counted:
    """One try counted before its check: the PC's failures with it, and whether its wait began."""

    failures: int
    wait_began: bool
    pc_until: datetime


@contextmanager
def sign_in_faults() -> Iterator[None]:
    """A database fault during a sign-in leaves as ``SignInUnavailable`` (a message)."""
    try:
        yield
    except DatabaseFaultError as exc:
        raise SignInUnavailable(access.SIGN_IN_UNAVAILABLE(reason=exc.reason)) from exc
    except CONFLICTS as exc:
        busy = access.SIGN_IN_UNAVAILABLE(reason=FAULT_REASONS["locked"]())
        raise SignInUnavailable(busy) from exc


def _wait_message(key: str, until: datetime, now: datetime) -> Throttled:
    seconds = max(1, math.ceil((until - now).total_seconds()))
    if seconds <= _SHOW_TIME_AFTER:
        return Throttled(access.WAIT(seconds=seconds), seconds=seconds)
    shown = until.astimezone().strftime("%H:%M")
    message: Message = (access.MANAGER_LOCKED if key.startswith("manager") else access.LOCKED)(
        until=shown
    )
    return Throttled(message, seconds=seconds, locked=True)


def count_try(db: Database, key: str, pc: str) -> Counted:
    """Refuse with Throttled while a wait runs; otherwise count this try as a failure.

    One write-locked transaction reads both counts, checks both waits and
    writes both counts, so parallel tries are each counted.
    """
    with sign_in_faults(), locked_transaction(db) as tx:
        now = utcnow()  # read under the lock: the try before this one is already counted
        own = credentials.attempts_to_count(tx, pc_key(key, pc), now=now)
        everyone = credentials.attempts_to_count(tx, account_key(key), now=now)
        for row in (own, everyone):
            if row.not_before is not None and row.not_before > now:
                raise _wait_message(key, row.not_before, now)
        own.failures += 1
        own.not_before = _until(now, access.pc_wait_after(own.failures))
        own.updated_at = now
        shared = access.remembered(everyone.failures, now - everyone.updated_at) + 1
        everyone.failures = shared
        everyone.not_before = _until(now, access.all_pcs_wait_after(shared))
        everyone.locked_until = None  # counts from before this scheme never lock
        everyone.updated_at = now
        return Counted(own.failures, own.failures == access.PC_FREE_FAILURES, own.not_before or now)


def _until(now: datetime, wait: timedelta) -> datetime | None:
    return now + wait if wait else None


def forget_tries(tx: Tx, key: str, pc: str) -> None:
    """A right secret on *pc*: forget its count and the all-PC count (other PCs keep theirs)."""
    credentials.clear_attempts(tx, pc_key(key, pc), account_key(key))


def forget_all_tries(tx: Tx, key: str) -> int:
    """A new secret or the manager's word: forget every PC's count of *key*; how many waited."""
    waiting = credentials.clear_attempts_under(tx, pc_prefix(key))
    credentials.clear_attempts(tx, account_key(key))
    return waiting


def pcs_waiting(tx: Tx, key: str) -> int:
    """How many PCs wait now before their next try of *key*."""
    return credentials.waiting_under(tx, pc_prefix(key), now=utcnow())
