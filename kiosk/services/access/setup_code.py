"""The one-time set-up code that lets Manager mode set the first manager password.

``market-kiosk manager setup-code`` prints a new code (replacing any older
one); only its scrypt hash is stored, under the credential key
``manager-setup``, with the time it was made. The code works once, for
``SETUP_CODE_LIFETIME``, and only while no manager password exists; wrong
codes are throttled like any sign-in. Issuing and using it are audited.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from kiosk.data import credentials
from kiosk.data.columns import utcnow
from kiosk.data.db import Database
from kiosk.domain import access
from kiosk.domain.access import AccessError, Actor, Secret
from kiosk.domain.audit import AuditAction
from kiosk.services import audit
from kiosk.services.access import throttle
from kiosk.services.access.accounts import (
    MANAGER_KEY,
    dummy_hash,
    hash_secret,
    record_failure,
    verify_secret,
)
from kiosk.services.uow import locked_transaction, transaction

SETUP_KEY = "manager-setup"
SETUP_CODE_LIFETIME = timedelta(hours=24)
#: No 0/O, 1/I/L: read aloud over the phone and typed on a touch keyboard.
_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
_GROUPS, _GROUP = 3, 4


def normalise_code(text: str) -> str:
    """``abcd efgh-jkmn`` -> ``ABCDEFGHJKMN``: case, spaces and dashes do not matter."""
    return "".join(ch for ch in text.upper() if ch not in " -\t")


def issue(db: Database, *, by: Actor) -> str:
    """A new code (``ABCD-EFGH-JKMN``) replacing the old one; AccessError once a password is set."""
    code = "-".join(
        "".join(secrets.choice(_ALPHABET) for _ in range(_GROUP)) for _ in range(_GROUPS)
    )
    hashed = hash_secret(Secret(normalise_code(code)))
    with transaction(db) as session:
        if credentials.has_secret(session, MANAGER_KEY):
            raise AccessError(access.PASSWORD_ALREADY_SET())
        credentials.save_secret(
            session, key=SETUP_KEY, store_id=None, hashed=hashed, only_if_unset=False
        )
        throttle.forget_all_tries(session, SETUP_KEY)
        audit.record(
            session,
            actor=by,
            action=AuditAction.PASSWORD_SET,
            subject="manager",
            changes=[("setup_code", "", "issued")],
        )
    return code


def _refused(db: Database, counted: throttle.Counted, actor: Actor) -> AccessError:
    record_failure(db, counted, actor=actor, subject="manager set-up code", store_id=None)
    hours = int(SETUP_CODE_LIFETIME.total_seconds() // 3600)
    return AccessError(access.WRONG_SETUP_CODE(hours=hours))


def set_first_password(db: Database, *, code: Secret, password: Secret, actor: Actor) -> None:
    """Check *code* (throttled, once, not expired), then save *password* and use the code up.

    Raises Throttled, AccessError (wrong or old code, a password already set) or
    SignInUnavailable; nothing is written unless everything holds.
    """
    counted = throttle.count_try(db, SETUP_KEY, actor.pc)
    with throttle.sign_in_faults(), transaction(db) as session:
        if credentials.has_secret(session, MANAGER_KEY):
            raise AccessError(access.PASSWORD_ALREADY_SET())
        found = credentials.secret_and_time(session, SETUP_KEY)
    typed = Secret(normalise_code(code.reveal()))
    stored = found[0] if found is not None else dummy_hash()
    if not verify_secret(typed, stored) or found is None:
        raise _refused(db, counted, actor)
    if utcnow() - found[1] > SETUP_CODE_LIFETIME:
        raise _refused(db, counted, actor)
    hashed = hash_secret(password)
    if not _use_up(db, found[0], hashed, actor):  # used or replaced meanwhile
        raise _refused(db, counted, actor)


def _use_up(db: Database, code_hash: str, hashed: str, actor: Actor) -> bool:
    """Save the password and delete the code in one locked transaction; False when the
    code is no longer the one checked."""
    with throttle.sign_in_faults(), locked_transaction(db) as session:
        now_found = credentials.secret_and_time(session, SETUP_KEY)
        if now_found is None or now_found[0] != code_hash:
            return False
        if not credentials.save_secret(
            session, key=MANAGER_KEY, store_id=None, hashed=hashed, only_if_unset=True
        ):
            raise AccessError(access.PASSWORD_ALREADY_SET())
        credentials.delete_secret(session, SETUP_KEY)
        throttle.forget_all_tries(session, SETUP_KEY)
        throttle.forget_all_tries(session, MANAGER_KEY)
        audit.record(
            session,
            actor=actor,
            action=AuditAction.PASSWORD_SET,
            subject="manager",
            changes=[("password", "", "set"), ("setup_code", "issued", "used")],
        )
    return True
