"""Manager password and store PINs: scrypt hashes, sign-in with throttling, signed-in sessions.

Secrets are stored only as ``hashlib.scrypt`` hashes with a per-secret salt and
the OWASP password-storage parameters (n=2**17, r=8, p=1; ``maxmem`` must be
raised or OpenSSL refuses, see docs/architecture.md "Known traps"), compared
with ``hmac.compare_digest``. Failed tries are counted in the database per PC
and for all PCs (``kiosk.services.access.throttle``), so the waits survive a restart
and parallel tries are each counted. A wrong PIN and a PIN for a store that
does not exist get the same answer after the same work.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import timedelta

from kiosk.data import credentials
from kiosk.data.db import Database
from kiosk.domain import access
from kiosk.domain.access import (
    Actor,
    CodeProof,
    PermissionDenied,
    Role,
    Secret,
    SignInRefused,
)
from kiosk.domain.audit import AuditAction
from kiosk.domain.messages import N_, define
from kiosk.services import audit
from kiosk.services.access import throttle
from kiosk.services.uow import transaction


@dataclass(frozen=True, slots=True)
class ScryptCost:
    n: int
    r: int
    p: int


#: OWASP Password Storage Cheat Sheet, scrypt: N=2^17, r=8, p=1 (128 MiB per hash).
OWASP_COST = ScryptCost(n=2**17, r=8, p=1)
#: The cost new hashes use. Tests lower it to keep the suite fast; keep the default here.
cost = OWASP_COST
#: OpenSSL's default limit is 32 MiB; n=2**17, r=8 needs 128 MiB (128 * r * n bytes).
MAXMEM = 256 * 2**20
SALT_BYTES = 16
KEY_BYTES = 32
MANAGER_KEY = "manager"
#: A signed-in session lapses after this long without use (the screens sign out sooner).
SESSION_IDLE = timedelta(minutes=15)

WRONG_PROOF_KIND = define(
    "access.codes_need_proof",
    N_("changing a store's QR codes needs that store's PIN or the manager password"),
)
SIGN_IN_FIRST = define("access.sign_in_first", N_("sign in first"))
MANAGER_ONLY = define("access.manager_only", N_("only the market manager may do this"))
OTHER_STORE = define("access.other_store", N_("this is another store's listing"))


def store_key(store_id: int) -> str:
    return f"store:{store_id}"


def hash_secret(secret: Secret) -> str:
    """``scrypt$n$r$p$salt$hash`` (base64 parts) of *secret* with a fresh salt."""
    salt = secrets.token_bytes(SALT_BYTES)
    used = cost
    digest = _scrypt(secret, salt, used.n, used.r, used.p)
    parts = [str(used.n), str(used.r), str(used.p), _b64(salt), _b64(digest)]
    return "scrypt$" + "$".join(parts)


def verify_secret(secret: Secret, stored: str) -> bool:
    """True when *secret* matches *stored* (its own n, r, p and salt); constant-time compare."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = _scrypt(secret, base64.b64decode(salt), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def _scrypt(secret: Secret, salt: bytes, n: int, r: int, p: int) -> bytes:
    text = access.normalise_secret(secret.reveal()).encode("utf-8")
    return hashlib.scrypt(text, salt=salt, n=n, r=r, p=p, maxmem=MAXMEM, dklen=KEY_BYTES)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


_dummy_lock = threading.Lock()
_dummy: dict[ScryptCost, str] = {}


def dummy_hash() -> str:
    """A hash of a random secret, so a missing PIN costs the same time as a wrong one."""
    with _dummy_lock:
        if cost not in _dummy:
            _dummy[cost] = hash_secret(Secret(secrets.token_hex(16)))
        return _dummy[cost]


# Sessions -------------------------------------------------------------------------------
class SessionBook:
    """Signed-in actors of this process: a random handle -> (actor, last use)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._live: dict[str, tuple[Actor, float]] = {}

    def open(self, actor: Actor) -> Actor:
        handle = secrets.token_hex(16)
        signed = Actor(actor.role, actor.pc, actor.store_id, actor.via, handle)
        with self._lock:
            self._live[handle] = (signed, time.monotonic())
        return signed

    def close(self, actor: Actor) -> None:
        with self._lock:
            self._live.pop(actor.session, None)

    def check(self, actor: Actor) -> Actor:
        """The live actor behind *actor*'s handle; PermissionDenied when it is not signed in."""
        now = time.monotonic()
        with self._lock:
            entry = self._live.get(actor.session) if actor.session else None
            if entry is None or now - entry[1] > SESSION_IDLE.total_seconds():
                self._live.pop(actor.session, None)
                raise PermissionDenied(SIGN_IN_FIRST())
            live = entry[0]
            if live != actor:
                raise PermissionDenied(SIGN_IN_FIRST())
            self._live[actor.session] = (live, now)
            return live


def require(
    book: SessionBook, actor: Actor, *, store_id: int | None = None, manager: bool = False
) -> Actor:
    """*actor*, checked: signed in, and the manager (or the merchant of *store_id*)."""
    if actor.role is Role.TOURIST:
        raise PermissionDenied(SIGN_IN_FIRST())
    live = book.check(actor)
    if manager and not live.is_manager:
        raise PermissionDenied(MANAGER_ONLY())
    if store_id is not None and not live.may_edit_store(store_id):
        raise PermissionDenied(OTHER_STORE())
    return live


# Secrets in the database ----------------------------------------------------------------------
def has_credential(db: Database, key: str) -> bool:
    with transaction(db) as session:
        return credentials.has_secret(session, key)


def keys_set(db: Database, keys: list[str]) -> set[str]:
    with transaction(db) as session:
        return credentials.keys_with_secret(session, keys)


def store_credential(
    db: Database,
    *,
    key: str,
    store_id: int | None,
    secret: Secret,
    by: Actor,
    action: AuditAction,
    subject: str,
    market_slug: str | None = None,
    only_if_unset: bool = False,
) -> bool:
    """Save the hash of *secret* under *key*, clear its failed tries, audit it (never the value).

    With *only_if_unset* nothing is written when *key* already has a secret
    (returns False): the first-use set-up cannot overwrite a password.
    """
    hashed = hash_secret(secret)
    with transaction(db) as session:
        saved = credentials.save_secret(
            session, key=key, store_id=store_id, hashed=hashed, only_if_unset=only_if_unset
        )
        if not saved:
            return False
        throttle.forget_all_tries(session, key)
        audit.record(
            session,
            actor=by,
            action=action,
            market_slug=market_slug,
            store_id=store_id,
            subject=subject,
            changes=[("pin" if key != MANAGER_KEY else "password", "", "set")],
        )
    return True


def clear_waits(
    db: Database,
    *,
    key: str,
    by: Actor,
    subject: str,
    store_id: int | None = None,
    market_slug: str | None = None,
) -> int:
    """Forget every PC's failed tries of *key* (the manager's word); audited. PCs that waited."""
    with transaction(db) as session:
        waiting = throttle.forget_all_tries(session, key)
        audit.record(
            session,
            actor=by,
            action=AuditAction.LOCKED_OUT,
            market_slug=market_slug,
            store_id=store_id,
            subject=subject,
            changes=[("wait", f"{waiting} PC", "cleared")],
        )
    return waiting


def record_failure(
    db: Database,
    counted: throttle.Counted,
    *,
    actor: Actor,
    subject: str,
    store_id: int | None,
) -> None:
    """Audit one failed try (already counted); and the start of this PC's wait."""
    with throttle.sign_in_faults(), transaction(db) as session:
        audit.record(
            session,
            actor=actor,
            action=AuditAction.SIGN_IN_FAILED,
            store_id=store_id,
            subject=subject,
            changes=[("failures", str(counted.failures - 1), str(counted.failures))],
        )
        if counted.wait_began:
            until = counted.pc_until.isoformat(timespec="seconds")
            audit.record(
                session,
                actor=actor,
                action=AuditAction.LOCKED_OUT,
                store_id=store_id,
                subject=subject,
                changes=[("wait_until", "", until)],
            )


def check_secret(
    db: Database,
    *,
    key: str,
    secret: Secret,
    actor: Actor,
    subject: str,
    store_id: int | None = None,
    audit_success: bool = True,
) -> None:
    """Raise Throttled, SignInRefused or SignInUnavailable unless *secret* is the one of *key*.

    The try is counted before the check (see ``kiosk.services.access.throttle``); the
    same work is done whether *key* has a secret or not (a dummy hash is checked).
    """
    counted = throttle.count_try(db, key, actor.pc)
    with throttle.sign_in_faults(), transaction(db) as session:
        stored = credentials.secret_hash(session, key)
    matched = verify_secret(secret, stored if stored is not None else dummy_hash())
    if stored is None or not matched:
        record_failure(db, counted, actor=actor, subject=subject, store_id=store_id)
        wrong = access.WRONG_PASSWORD if key == MANAGER_KEY else access.WRONG_SECRET
        raise SignInRefused(wrong())
    with throttle.sign_in_faults(), transaction(db) as session:
        throttle.forget_tries(session, key, actor.pc)
        if audit_success:
            audit.record(
                session,
                actor=actor,
                action=AuditAction.SIGN_IN,
                store_id=actor.store_id,
                subject=subject,
            )


def actor_for_proof(
    db: Database, *, proof: CodeProof, store_id: int, pc: str, subject: str
) -> Actor:
    """The actor a QR-code change is made by, once *proof* is checked for *store_id*."""
    if proof.kind == "pin":
        actor = Actor(Role.MERCHANT, pc, store_id, "pin")
        check_secret(
            db,
            key=store_key(store_id),
            secret=proof.secret,
            actor=actor,
            subject=subject,
            store_id=store_id,
            audit_success=False,
        )
        return actor
    if proof.kind == "password":
        actor = Actor(Role.MANAGER, pc, None, "password")
        check_secret(
            db,
            key=MANAGER_KEY,
            secret=proof.secret,
            actor=actor,
            subject="manager",
            audit_success=False,
        )
        return actor
    raise PermissionDenied(WRONG_PROOF_KIND())
