"""Parallel sign-in tries are each counted: no more secrets are checked than the throttle allows."""

from __future__ import annotations

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest

from kiosk.data.db import Database
from kiosk.domain import access
from kiosk.domain.access import Secret, SignInRefused, Throttled
from kiosk.services.access import accounts
from kiosk.services.app import Services

PIN = "582046"
WRONG = "771130"
THREADS = 16


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The secrets really checked (each call of verify_secret), in order."""
    seen: list[str] = []
    real = accounts.verify_secret
    lock = threading.Lock()

    def counting(secret: Secret, stored: str) -> bool:
        with lock:
            seen.append(secret.reveal())
        return real(secret, stored)

    monkeypatch.setattr(accounts, "verify_secret", counting)
    return seen


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


def _race(services: Services, store_id: int, pins: list[str]) -> Counter[str]:
    """Every PIN tried at once from its own thread; what each try ended in."""
    start = threading.Barrier(len(pins))

    def attempt(pin: str) -> str:
        start.wait()
        try:
            services.access.sign_in_merchant(store_id=store_id, pin=Secret(pin))
        except SignInRefused:
            return "refused"
        except Throttled:
            return "throttled"
        return "signed in"

    with ThreadPoolExecutor(max_workers=len(pins)) as pool:
        return Counter(pool.map(attempt, pins))


def test_parallel_wrong_tries_are_all_counted(
    services: Services, store_id: int, checked: list[str]
) -> None:
    outcome = _race(services, store_id, [WRONG] * THREADS)
    assert outcome == {
        "refused": access.PC_FREE_FAILURES,
        "throttled": THREADS - access.PC_FREE_FAILURES,
    }
    assert len(checked) == access.PC_FREE_FAILURES
    with pytest.raises(Throttled):  # and the wait holds afterwards, for the right PIN too
        services.access.sign_in_merchant(store_id=store_id, pin=Secret(PIN))


def test_a_wrong_then_right_race_never_gets_past_the_throttle(
    services: Services, store_id: int, checked: list[str]
) -> None:
    for _ in range(access.PC_FREE_FAILURES - 1):  # one free try left
        with pytest.raises(SignInRefused):
            services.access.sign_in_merchant(store_id=store_id, pin=Secret(WRONG))
    checked.clear()
    outcome = _race(services, store_id, [WRONG] * (THREADS - 1) + [PIN])
    if PIN not in checked:  # a wrong PIN took the one try: nothing else was checked
        assert checked == [WRONG] and outcome == {"refused": 1, "throttled": THREADS - 1}
        return
    # the right PIN got in only as the one allowed try; its sign-in then started a
    # fresh count, so later wrong tries get the free ones again and no more
    assert checked[0] == PIN and outcome["signed in"] == 1
    assert len(checked) - 1 == outcome["refused"] <= access.PC_FREE_FAILURES
