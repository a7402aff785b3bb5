"""SIGKILL at any moment of a large import: the database stays intact, with all of it or none."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from factories.markets import build_market

from kiosk.domain.exchange.csv_file import write_csv
from kiosk.domain.exchange.write import flat_rows
from kiosk.services.app import Services

ROOT = Path(__file__).resolve().parents[2]
STORES, GOODS_PER_STORE = 200, 10  # 2,000 rows
KILLS = 20

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX"),
]


def _state(db_file: Path) -> tuple[str, int, int, int]:
    """integrity_check, the market's stores and goods, and import entries in the audit log."""
    with sqlite3.connect(db_file) as conn:
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        stores = conn.execute(
            "SELECT count(*) FROM stores JOIN markets ON markets.id = stores.market_id "
            "WHERE markets.slug = 'night'"
        ).fetchone()[0]
        goods = conn.execute(
            "SELECT count(*) FROM products JOIN stores ON stores.id = products.store_id "
            "JOIN markets ON markets.id = stores.market_id WHERE markets.slug = 'night'"
        ).fetchone()[0]
        audited = conn.execute(
            "SELECT count(*) FROM audit_log WHERE action = 'listings.imported'"
        ).fetchone()[0]
    return check, stores, goods, audited


def _empty_the_market(db_file: Path) -> None:
    with sqlite3.connect(db_file) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(
            "DELETE FROM stores WHERE market_id = (SELECT id FROM markets WHERE slug = 'night')"
        )


def test_sigkill_during_imports_leaves_all_or_nothing(tmp_path: Path) -> None:
    db_file = tmp_path / "kill.sqlite3"
    url = f"sqlite:///{db_file}"
    with Services.open(url) as services:
        console = services.access.console_actor()
        services.listings.create_market(
            actor=console, slug="night", name={"ko": "야시장", "en": "Night Market"}, city={}
        )
    market = build_market(slug="night", stores=STORES, goods_per_store=GOODS_PER_STORE)
    listings = tmp_path / "night.csv"
    listings.write_bytes(write_csv(flat_rows(market.stores, "night")))
    env = {
        **os.environ,
        "KIOSK_DATABASE_URL": url,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        "QT_QPA_PLATFORM": "offscreen",
    }
    command = [sys.executable, "-m", "kiosk", "import", str(listings)]

    def start() -> tuple[subprocess.Popen[str], float]:
        """Start an import; return once it printed its plan (the writing starts next)."""
        process = subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("  goods:"):
                break
        return process, time.perf_counter()

    process, planned = start()
    assert process.wait(timeout=120) == 0
    writing = time.perf_counter() - planned  # writing, committing and exiting
    assert _state(db_file) == ("ok", STORES, STORES * GOODS_PER_STORE, 1)
    _empty_the_market(db_file)

    rng = random.Random(20261202)
    landed = 1
    outcomes = {"none": 0, "all": 0}
    for _kill in range(KILLS):
        process, _planned = start()
        time.sleep(rng.uniform(0.0, writing))  # somewhere inside the write
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        check, stores, goods, audited = _state(db_file)
        assert check == "ok"
        assert (stores, goods) in ((0, 0), (STORES, STORES * GOODS_PER_STORE)), (stores, goods)
        if stores:
            landed += 1
            outcomes["all"] += 1
            _empty_the_market(db_file)
        else:
            outcomes["none"] += 1
        assert audited == landed  # the audit entry lands with the data, or not at all
    assert outcomes["none"] > 0, outcomes  # kills really hit imports being written
    with Services.open(url) as services:  # and the app still opens it and imports after
        plan = services.exchange.check_import(actor=services.access.console_actor(), path=listings)
        assert len(plan.stores) == STORES
