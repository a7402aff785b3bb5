"""The ``credentials`` (secret hashes) and ``sign_in_attempts`` (failed tries) tables."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kiosk.data.columns import utcnow
from kiosk.data.models import Credential, SignInAttempts


def secret_hash(session: Session, key: str) -> str | None:
    """The hash stored under *key*, or None."""
    row = session.get(Credential, key)
    return row.secret_hash if row is not None else None


def has_secret(session: Session, key: str) -> bool:
    return session.get(Credential, key) is not None


def keys_with_secret(session: Session, keys: list[str]) -> set[str]:
    """Those of *keys* that have a secret (one query)."""
    return set(session.scalars(select(Credential.key).where(Credential.key.in_(keys))))


def save_secret(
    session: Session, *, key: str, store_id: int | None, hashed: str, only_if_unset: bool
) -> bool:
    """Store *hashed* under *key* (the row locked first); False, unchanged, when
    *only_if_unset* and *key* already has one."""
    row = session.get(Credential, key, with_for_update=True)
    if row is not None and only_if_unset:
        return False
    if row is None:
        session.add(Credential(key=key, store_id=store_id, secret_hash=hashed, set_at=utcnow()))
    else:
        row.secret_hash, row.set_at = hashed, utcnow()
    return True


def clear_attempts(session: Session, attempt_key: str) -> None:
    """Forget the failed tries counted under *attempt_key*."""
    session.execute(delete(SignInAttempts).where(SignInAttempts.key == attempt_key))


def attempts(session: Session, attempt_key: str) -> SignInAttempts | None:
    """The failed tries counted under *attempt_key* (read only), or None."""
    return session.get(SignInAttempts, attempt_key)


def attempts_to_count(session: Session, attempt_key: str, *, now: datetime) -> SignInAttempts:
    """The row of *attempt_key*, locked for the update (added with no failures when absent)."""
    row = session.get(SignInAttempts, attempt_key, with_for_update=True)
    if row is None:
        row = SignInAttempts(key=attempt_key, failures=0, updated_at=now)
        session.add(row)
    return row
