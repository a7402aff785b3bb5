"""Secrets: scrypt hashes only, throttled sign-in per PC and per account, waits that survive."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.data.db import Database
from kiosk.data.models import AuditLog, Credential
from kiosk.domain import access
from kiosk.domain.access import (
    AccessError,
    PermissionDenied,
    Role,
    Secret,
    SignInRefused,
    Throttled,
)
from kiosk.services.access import accounts
from kiosk.services.app import Services

PIN = "582046"
PASSWORD = "market-office-2026"


@pytest.fixture
def services(db: Database) -> Services:
    opened = Services(db)
    opened.listings.load_demo()
    return opened


@pytest.fixture
def store_id(services: Services) -> int:
    store = services.directory.list_stores(market_slug="dongmun")[0].id
    services.access.set_store_pin(
        actor=services.access.console_actor(), store_id=store, pin=Secret(PIN)
    )
    return store


def setup_code(services: Services) -> Secret:
    return Secret(services.access.issue_setup_code(actor=services.access.console_actor()))


def test_the_default_cost_is_owasp_and_really_works(monkeypatch: pytest.MonkeyPatch) -> None:
    assert accounts.ScryptCost(n=2**17, r=8, p=1) == accounts.OWASP_COST
    monkeypatch.setattr(accounts, "cost", accounts.OWASP_COST)  # undo the test suite's cheap cost
    stored = accounts.hash_secret(Secret(PASSWORD))  # without maxmem this raises
    scheme, n, r, p, salt, _digest = stored.split("$")
    assert (scheme, n, r, p) == ("scrypt", "131072", "8", "1")
    assert len(salt) >= 20 and PASSWORD not in stored
    assert accounts.verify_secret(Secret(PASSWORD), stored)
    assert not accounts.verify_secret(Secret(PASSWORD + "x"), stored)


def test_each_secret_gets_its_own_salt() -> None:
    first, second = accounts.hash_secret(Secret(PIN)), accounts.hash_secret(Secret(PIN))
    assert first != second
    assert accounts.verify_secret(Secret(PIN), first) and accounts.verify_secret(
        Secret(PIN), second
    )
    assert not accounts.verify_secret(Secret(PIN), "garbage")
    assert not accounts.verify_secret(Secret(PIN), "md5$1$2$3$AA==$AA==")


def test_first_use_sets_the_password_once(services: Services) -> None:
    assert not services.access.manager_password_is_set()
    code = setup_code(services)
    with pytest.raises(AccessError) as weak:
        services.access.set_first_manager_password(password=Secret("short"), setup_code=code)
    assert weak.value.code == "access.password_too_short"
    actor = services.access.set_first_manager_password(password=Secret(PASSWORD), setup_code=code)
    assert actor.role is Role.MANAGER and actor.session
    assert services.access.manager_password_is_set()
    with pytest.raises(AccessError) as again:
        services.access.set_first_manager_password(
            password=Secret("another-password-1"), setup_code=code
        )
    assert again.value.code == "access.password_already_set"
    assert services.access.sign_in_manager(password=Secret(PASSWORD)).is_manager


def test_a_wrong_pin_and_a_missing_store_get_the_same_answer(
    services: Services, store_id: int
) -> None:
    with pytest.raises(SignInRefused) as wrong:
        services.access.sign_in_merchant(store_id=store_id, pin=Secret("000001"))
    with pytest.raises(SignInRefused) as missing:
        services.access.sign_in_merchant(store_id=999_999, pin=Secret(PIN))
    other = services.directory.list_stores(market_slug="dongmun")[1].id  # exists, has no PIN
    with pytest.raises(SignInRefused) as unset:
        services.access.sign_in_merchant(store_id=other, pin=Secret(PIN))
    assert str(wrong.value) == str(missing.value) == str(unset.value)
    actor = services.access.sign_in_merchant(store_id=store_id, pin=Secret(PIN))
    assert actor.role is Role.MERCHANT and actor.store_id == store_id


def test_the_wait_grows_after_five_failures(services: Services, store_id: int) -> None:
    for _ in range(access.PC_FREE_FAILURES):
        with pytest.raises(SignInRefused):
            services.access.sign_in_merchant(store_id=store_id, pin=Secret("000001"))
    with pytest.raises(Throttled) as waiting:  # even the right PIN must wait now
        services.access.sign_in_merchant(store_id=store_id, pin=Secret(PIN))
    assert 29 <= waiting.value.seconds <= 30 and not waiting.value.locked


def test_a_wait_survives_a_restart_on_that_pc_only(
    db: Database, services: Services, store_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    for _ in range(access.PC_FREE_FAILURES):
        with pytest.raises(SignInRefused):
            services.access.sign_in_merchant(store_id=store_id, pin=Secret("000001"))
    restarted = Services(db)  # this PC after a restart: same database, same name
    with pytest.raises(Throttled):
        restarted.access.sign_in_merchant(store_id=store_id, pin=Secret(PIN))
    monkeypatch.setattr("socket.gethostname", lambda: "office-pc")
    office = Services(db)  # another PC is not held by this one's wrong tries
    assert office.access.sign_in_merchant(store_id=store_id, pin=Secret(PIN)).store_id == store_id
    # other stores and the manager are not held by it either
    services.access.set_manager_password(
        actor=services.access.console_actor(), password=Secret(PASSWORD)
    )
    assert restarted.access.sign_in_manager(password=Secret(PASSWORD)).is_manager
    # a new PIN from the manager lifts it
    services.access.set_store_pin(
        actor=services.access.console_actor(), store_id=store_id, pin=Secret("602194")
    )
    assert (
        restarted.access.sign_in_merchant(store_id=store_id, pin=Secret("602194")).store_id
        == store_id
    )
    actions = [
        e.action.value for e in services.audit.audit_log(actor=services.access.console_actor())
    ]
    assert actions.count("sign_in.failed") == access.PC_FREE_FAILURES
    assert actions.count("sign_in.locked") == 1


def test_no_secret_in_the_database_audit_log_or_logs(
    db: Database,
    services: Services,
    store_id: int,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    services.access.set_manager_password(
        actor=services.access.console_actor(), password=Secret(PASSWORD)
    )
    with pytest.raises(SignInRefused) as refused:
        services.access.sign_in_merchant(store_id=store_id, pin=Secret("771130"))
    services.access.sign_in_merchant(store_id=store_id, pin=Secret(PIN))
    for secret in (PIN, "771130", PASSWORD):
        assert secret not in str(refused.value) and secret not in repr(refused.value)
        assert secret not in caplog.text
    with db.session() as session:
        hashes = session.scalars(select(Credential.secret_hash)).all()
        entries = session.scalars(select(AuditLog)).all()
    assert len(hashes) == 2 and all(h.startswith("scrypt$") for h in hashes)
    text = " ".join(f"{e.actor} {e.subject} {e.changes}" for e in entries)
    for secret in (PIN, "771130", PASSWORD):
        assert secret not in text
    if db.dialect == "sqlite":
        raw = b""
        for path in Path(db.where).parent.glob(Path(db.where).name + "*"):
            raw += path.read_bytes()
        for secret in (PIN, "771130", PASSWORD):
            assert secret.encode() not in raw
            assert hashlib.sha256(secret.encode()).hexdigest().encode() not in raw


def test_a_tourist_or_signed_out_actor_may_do_nothing(services: Services, store_id: int) -> None:
    merchant = services.access.sign_in_merchant(store_id=store_id, pin=Secret(PIN))
    services.access.sign_out(merchant)
    store = services.directory.get_store(store_id=store_id)
    from kiosk.domain.store_edit.draft import draft_from

    with pytest.raises(PermissionDenied):
        services.listings.save_store(
            actor=merchant, market_slug="dongmun", base=store, draft=draft_from(store)
        )
    with pytest.raises(PermissionDenied):
        services.audit.audit_log(actor=access.Actor.tourist("pc"))
    forged = access.Actor(Role.MANAGER, "pc", None, "password", "made-up-handle")
    with pytest.raises(PermissionDenied):
        services.listings.remove_market(actor=forged, slug="dongmun")
    assert services.directory.get_market(slug="dongmun")


def test_a_merchant_cannot_set_pins(services: Services, store_id: int) -> None:
    merchant = services.access.sign_in_merchant(store_id=store_id, pin=Secret(PIN))
    with pytest.raises(PermissionDenied):
        services.access.set_store_pin(actor=merchant, store_id=store_id, pin=Secret("602194"))
    with pytest.raises(AccessError) as weak:
        services.access.set_store_pin(
            actor=services.access.console_actor(), store_id=store_id, pin=Secret("123456")
        )
    assert weak.value.code == "access.pin_too_easy"
