"""The ``credentials`` (secret hashes) and ``sign_in_attempts`` (failed tries) tables."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select
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


def secret_and_time(session: Session, key: str) -> tuple[str, datetime] | None:
    """The hash under *key* and when it was set (the row locked), or None."""
    row = session.get(Credential, key, with_for_update=True)
    return (row.secret_hash, row.set_at) if row is not None else None


def delete_secret(session: Session, key: str) -> bool:
    """Remove the secret under *key*; False when there was none (someone took it first)."""
    result = session.execute(delete(Credential).where(Credential.key == key))
    return bool(getattr(result, "rowcount", 0))


def clear_attempts(session: Session, *attempt_keys: str) -> None:
    """Forget the failed tries counted under *attempt_keys*."""
    session.execute(delete(SignInAttempts).where(SignInAttempts.key.in_(attempt_keys)))


def clear_attempts_under(session: Session, prefix: str) -> int:
    """Forget every count whose key starts with *prefix* (hex digits and ``:`` only)."""
    if not prefix or not all(ch in "0123456789abcdef:" for ch in prefix):
        raise ValueError("attempt key prefixes are hex digits")
    result = session.execute(delete(SignInAttempts).where(SignInAttempts.key.startswith(prefix)))
    return int(getattr(result, "rowcount", 0) or 0)


def waiting_under(session: Session, prefix: str, *, now: datetime) -> int:
    """How many counts whose key starts with *prefix* hold a wait that has not ended."""
    if not prefix or not all(ch in "0123456789abcdef:" for ch in prefix):
        raise ValueError("attempt key prefixes are hex digits")
    found = session.scalar(
        select(func.count())
        .select_from(SignInAttempts)
        .where(SignInAttempts.key.startswith(prefix), SignInAttempts.not_before > now)
    )
    return int(found or 0)


def attempts(session: Session, attempt_key: str) -> SignInAttempts | None:
    """The failed tries counted under *attempt_key* (read only), or None."""
    return session.get(SignInAttempts, attempt_key)


def attempts_to_count(session: Session, attempt_key: str, *, now: datetime) -> SignInAttempts:
    """The row of *attempt_key*, locked for the update (added with no failures when absent).

    Call it inside the write-locked transaction (``uow.locked_transaction``) so
    that two PCs cannot both add the row or both read the old count.
    """
    row = session.get(SignInAttempts, attempt_key, with_for_update=True)
    if row is None:
        row = SignInAttempts(key=attempt_key, failures=0, updated_at=now)
        session.add(row)
        session.flush()
    return row
