"""Live refresh: a change saved by another process shows here within one poll, no restart."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from kiosk.services.app import Services
from kiosk.services.changes import Change, ChangeKind

ROOT = Path(__file__).resolve().parents[2]
#: The shell polls every few seconds; the market asks for "within 60 seconds".
POLL_S = 0.2

OTHER_PC = textwrap.dedent(
    """
    import sys
    from kiosk.domain.access import Secret
    from kiosk.services.access import accounts
    from kiosk.services.app import Services

    accounts.cost = accounts.ScryptCost(n=2**10, r=8, p=1)
    with Services.open(sys.argv[1]) as services:
        services.pc = "other-pc"
        store = services.directory.get_store(store_id=int(sys.argv[2]))
        manager = services.access.console_actor()
        services.listings.update_good(
            actor=manager, base=store, product_id=store.products[0].id, sold_out=True
        )
        services.listings.create_market(
            actor=manager, slug="jungang", name={"ko": "중앙시장"}, city={"ko": "부산"}
        )
    """
)


def _run_other_pc(url: str, store_id: int) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    subprocess.run(
        [sys.executable, "-c", OTHER_PC, url, str(store_id)],
        check=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


def test_a_change_from_another_process_is_published_here(database_url: str) -> None:
    with Services.open(database_url, seed_demo=True) as here:
        store = here.directory.list_stores(market_slug="dongmun")[0]
        watcher = here.live.change_watcher()
        seen: list[Change] = []
        here.changes.subscribe(seen.append)
        assert watcher.poll() == []  # nothing new yet

        _run_other_pc(database_url, store.id)
        deadline = time.monotonic() + 60
        while len(seen) < 2 and time.monotonic() < deadline:
            watcher.poll()
            time.sleep(POLL_S)
        assert seen == [
            Change(ChangeKind.STORES, "dongmun", frozenset({store.id})),
            Change(ChangeKind.MARKETS, "jungang"),
        ]
        assert (
            here.directory.get_store(store_id=store.id).products[0].sold_out
        )  # and the data is there
        assert "jungang" in [m.slug for m in here.directory.list_markets()]


def test_own_writes_are_not_published_twice(database_url: str) -> None:
    with Services.open(database_url, seed_demo=True) as here:
        watcher = here.live.change_watcher()
        seen: list[Change] = []
        here.changes.subscribe(seen.append)
        here.listings.create_market(
            actor=here.access.console_actor(), slug="jungang", name={"ko": "중앙시장"}, city={}
        )
        assert seen == [Change(ChangeKind.MARKETS, "jungang")]  # published once, locally
        assert watcher.poll() == []
        assert len(seen) == 1
