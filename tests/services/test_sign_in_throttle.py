"""Sign-in waits per PC and for all PCs, the manager lifting a wait, the one-time set-up code."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from kiosk.data.columns import utcnow
from kiosk.data.db import Database
from kiosk.data.errors import DatabaseFaultError
from kiosk.domain import access
from kiosk.domain.access import (
    AccessError,
    PermissionDenied,
    Secret,
    SignInRefused,
    SignInUnavailable,
    Throttled,
)
from kiosk.domain.audit import AuditEntry
from kiosk.services.access import setup_code, throttle
from kiosk.services.app import Services

PIN = "582046"
WRONG = "771130"
PASSWORD = "market-office-2026"


pytestmark = pytest.mark.usefixtures("english")


class Clock:
    """The time the throttle sees, moved on by the test."""

    def __init__(self) -> None:
        self.now = utcnow()

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(throttle, "utcnow", fake)
    return fake


@pytest.fixture
def on_pc(db: Database, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Services]:
    def opened(name: str) -> Services:
        monkeypatch.setattr("socket.gethostname", lambda: name)
        return Services(db)

    return opened


@pytest.fixture
def services(on_pc: Callable[[str], Services]) -> Services:
    opened = on_pc("pc-1")
    opened.listings.load_demo()
    return opened


@pytest.fixture
def store_id(services: Services) -> int:
    store = services.directory.list_stores(market_slug="dongmun")[0].id
    console = services.access.console_actor()
    services.access.set_store_pin(actor=console, store_id=store, pin=Secret(PIN))
    services.access.set_manager_password(actor=console, password=Secret(PASSWORD))
    return store


def _changes(entry: AuditEntry) -> list[tuple[str, str, str]]:
    return [(c.field, c.old, c.new) for c in entry.changes]


def _fail(services: Services, store_id: int, times: int) -> None:
    for _ in range(times):
        with pytest.raises(SignInRefused):
            services.access.sign_in_merchant(store_id=store_id, pin=Secret(WRONG))


def test_one_pcs_waits_double_up_to_15_minutes(
    services: Services, store_id: int, clock: Clock
) -> None:
    _fail(services, store_id, access.PC_FREE_FAILURES)
    for expected in (30, 60, 120, 240, 480, 900, 900):
        with pytest.raises(Throttled) as waiting:
            services.access.sign_in_merchant(store_id=store_id, pin=Secret(PIN))
        assert waiting.value.seconds == expected
        clock.advance(seconds=expected)
        _fail(services, store_id, 1)
    assert waiting.value.locked and "Manager mode" in str(waiting.value)


def test_a_visitor_at_one_pc_cannot_hold_other_pcs(
    services: Services, store_id: int, clock: Clock, on_pc: Callable[[str], Services]
) -> None:
    """Hours of wrong tries at one PC: the manager and the merchant still sign in elsewhere."""
    for _ in range(12):
        clock.advance(minutes=15)
        with pytest.raises((SignInRefused, Throttled)):
            services.access.sign_in_merchant(store_id=store_id, pin=Secret(WRONG))
        with pytest.raises((SignInRefused, Throttled)):
            services.access.sign_in_manager(password=Secret("guess-guess-guess"))
    office = on_pc("pc-2")
    assert office.access.sign_in_merchant(store_id=store_id, pin=Secret(PIN)).store_id == store_id
    assert office.access.sign_in_manager(password=Secret(PASSWORD)).is_manager
    with pytest.raises(Throttled) as held:  # the visitor's PC still waits
        services.access.sign_in_manager(password=Secret(PASSWORD))
    assert held.value.locked and "clear-wait" in str(held.value)


def test_many_pcs_together_slow_everyone_only_briefly(
    services: Services, store_id: int, clock: Clock, on_pc: Callable[[str], Services]
) -> None:
    pcs = [on_pc(f"pc-{n}") for n in range(2, 7)]
    for pc in pcs:
        _fail(pc, store_id, 4)  # 20 in all, none of them waits on its own
    office = on_pc("office")
    with pytest.raises(Throttled) as everyone:
        office.access.sign_in_merchant(store_id=store_id, pin=Secret(PIN))
    assert 0 < everyone.value.seconds <= access.ALL_MAX_WAIT.total_seconds()
    clock.advance(seconds=access.ALL_MAX_WAIT.total_seconds())
    assert office.access.sign_in_merchant(store_id=store_id, pin=Secret(PIN)).store_id == store_id


def test_the_manager_lifts_a_merchants_wait(
    services: Services, store_id: int, on_pc: Callable[[str], Services]
) -> None:
    _fail(services, store_id, access.PC_FREE_FAILURES)
    with pytest.raises(Throttled):
        services.access.sign_in_merchant(store_id=store_id, pin=Secret(PIN))
    merchant_elsewhere = on_pc("pc-2").access.sign_in_merchant(store_id=store_id, pin=Secret(PIN))
    with pytest.raises(PermissionDenied):
        services.access.clear_wait(actor=merchant_elsewhere, store_id=store_id)
    manager = services.access.sign_in_manager(password=Secret(PASSWORD))
    assert services.access.pcs_waiting(actor=manager, store_id=store_id) == 1
    with pytest.raises(PermissionDenied):
        services.access.pcs_waiting(actor=merchant_elsewhere, store_id=store_id)
    assert services.access.clear_wait(actor=manager, store_id=store_id) == 1
    assert services.access.pcs_waiting(actor=manager, store_id=store_id) == 0
    assert services.access.sign_in_merchant(store_id=store_id, pin=Secret(PIN)).store_id
    entries = services.audit.audit_log(actor=manager)
    cleared = [e for e in entries if ("wait", "1 PC", "cleared") in _changes(e)]
    assert len(cleared) == 1 and cleared[0].store_id == store_id and cleared[0].actor == "manager"


def test_a_wrong_manager_password_speaks_of_the_password(services: Services, store_id: int) -> None:
    with pytest.raises(SignInRefused) as wrong:
        services.access.sign_in_manager(password=Secret("not-the-password"))
    assert wrong.value.code == "access.wrong_password" and "password" in str(wrong.value)
    assert "stall" not in str(wrong.value) and "PIN" not in str(wrong.value)


def test_a_database_fault_during_sign_in_is_a_message(
    services: Services, store_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise DatabaseFaultError("locked", "kiosk.sqlite3")

    monkeypatch.setattr(throttle.credentials, "attempts_to_count", fail)
    with pytest.raises(SignInUnavailable) as unavailable:
        services.access.sign_in_merchant(store_id=store_id, pin=Secret(PIN))
    assert isinstance(unavailable.value, AccessError)  # the screens show AccessError messages
    assert unavailable.value.code == "access.sign_in_unavailable"
    assert "data.fault.locked" in repr(unavailable.value)  # the fault's own reason inside


# The set-up code ---------------------------------------------------------------------------
@pytest.fixture
def fresh(services: Services) -> Services:
    assert not services.access.manager_password_is_set()
    return services


def test_no_first_password_without_a_set_up_code(fresh: Services) -> None:
    for code in (None, Secret(""), Secret("   ")):
        with pytest.raises(AccessError) as refused:
            fresh.access.set_first_manager_password(password=Secret(PASSWORD), setup_code=code)
        assert refused.value.code == "access.needs_setup_code"
        assert "market-kiosk manager setup-code" in str(refused.value)
    with pytest.raises(AccessError) as wrong:
        fresh.access.set_first_manager_password(
            password=Secret(PASSWORD), setup_code=Secret("ABCD-EFGH-JKMN")
        )
    assert wrong.value.code == "access.wrong_setup_code"
    assert not fresh.access.manager_password_is_set()


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("as printed", None),
        ("lower case and spaces", None),
        ("replaced by a newer code", "access.wrong_setup_code"),
        ("older than 24 hours", "access.wrong_setup_code"),
        ("used once already", "access.password_already_set"),
    ],
)
def test_the_set_up_code(
    fresh: Services, clock: Clock, monkeypatch: pytest.MonkeyPatch, case: str, expected: str | None
) -> None:
    console = fresh.access.console_actor()
    code = fresh.access.issue_setup_code(actor=console)
    typed = code.lower().replace("-", " ") if case == "lower case and spaces" else code
    if case == "replaced by a newer code":
        assert fresh.access.issue_setup_code(actor=console) != code
    if case == "older than 24 hours":
        later = utcnow() + setup_code.SETUP_CODE_LIFETIME + timedelta(minutes=1)
        monkeypatch.setattr(setup_code, "utcnow", lambda: later)
    if case == "used once already":
        fresh.access.set_first_manager_password(password=Secret(PASSWORD), setup_code=Secret(code))
    if expected is None:
        actor = fresh.access.set_first_manager_password(
            password=Secret(PASSWORD), setup_code=Secret(typed)
        )
        assert actor.is_manager and fresh.access.sign_in_manager(password=Secret(PASSWORD))
        with pytest.raises(AccessError) as again:  # once only, and no new code now
            fresh.access.issue_setup_code(actor=console)
        assert again.value.code == "access.password_already_set"
        return
    with pytest.raises(AccessError) as refused:
        fresh.access.set_first_manager_password(
            password=Secret("another-password-2"), setup_code=Secret(typed)
        )
    assert refused.value.code == expected


def test_the_set_up_code_is_stored_hashed_and_audited(db: Database, fresh: Services) -> None:
    from sqlalchemy import select

    from kiosk.data.models import Credential

    console = fresh.access.console_actor()
    code = fresh.access.issue_setup_code(actor=console)
    with db.session() as session:
        stored = session.scalars(select(Credential.secret_hash)).all()
    assert len(stored) == 1 and stored[0].startswith("scrypt$") and code not in stored[0]
    fresh.access.set_first_manager_password(password=Secret(PASSWORD), setup_code=Secret(code))
    changes = [_changes(e) for e in fresh.audit.audit_log(actor=console)]
    assert [("setup_code", "", "issued")] in changes
    assert [("password", "", "set"), ("setup_code", "issued", "used")] in changes
    assert all(code not in str(c) for c in changes)


def test_wrong_set_up_codes_are_throttled(fresh: Services, clock: Clock) -> None:
    fresh.access.issue_setup_code(actor=fresh.access.console_actor())
    for _ in range(access.PC_FREE_FAILURES):
        with pytest.raises(AccessError):
            fresh.access.set_first_manager_password(
                password=Secret(PASSWORD), setup_code=Secret("AAAA-AAAA-AAAA")
            )
    with pytest.raises(Throttled):
        fresh.access.set_first_manager_password(
            password=Secret(PASSWORD), setup_code=Secret("AAAA-AAAA-AAAA")
        )
