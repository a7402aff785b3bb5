"""Migration 0005: a progress row written at 0004 keeps its data and starts at version 1."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.pool import NullPool

from kiosk.data import migrate
from kiosk.data.db import _normalise_url

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _database_at_0004(url: str) -> None:
    engine = create_engine(_normalise_url(url), poolclass=NullPool)
    migrate.upgrade(engine, "0004")
    pg = engine.dialect.name == "postgresql"
    js = "CAST(:{} AS JSON)" if pg else ":{}"
    now: object = NOW if pg else NOW.strftime("%Y-%m-%d %H:%M:%S.%f")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO markets (id, slug, name, city, created_at) "
                f"VALUES (1, 'old', {js.format('name')}, {js.format('city')}, :now)"
            ),
            {"name": json.dumps({"ko": "옛 시장"}), "city": json.dumps({"ko": "부산"}), "now": now},
        )
        conn.execute(
            text(
                "INSERT INTO stores (id, market_id, stall_number, category, phone, "
                "opening_hours, payment_methods, active, search_text, stall_sort_key, version, "
                "created_at, updated_at, name, description) VALUES (1, 1, 'A-1', 'produce', '', "
                f"{js.format('hours')}, 'cash', true, '', :key, 2, :now, :now, "
                f"{js.format('name')}, {js.format('description')})"
            ),
            {
                "hours": json.dumps({"days": [None] * 7, "monthly": [], "note": ""}),
                "key": b"\x03a-1\x00",
                "now": now,
                "name": json.dumps({"ko": "가게"}),
                "description": json.dumps({}),
            },
        )
        conn.execute(
            text(
                "INSERT INTO onboarding_progress (id, store_id, step, status, account_owner, "
                "completed_at, note, updated_at) VALUES (1, 1, 'zero_pay', 'done', "
                "'010-0000-0000', :now, '서류 냄', :now)"
            ),
            {"now": now},
        )
    engine.dispose()


def test_upgrade_keeps_progress_and_downgrade_drops_the_new_columns(database_url: str) -> None:
    _database_at_0004(database_url)
    engine = create_engine(_normalise_url(database_url), poolclass=NullPool)
    try:
        migrate.upgrade(engine, "0005")
        with engine.connect() as conn:
            row = conn.execute(
                text(
                    "SELECT step, status, account_owner, note, version, helper, link, updated_by "
                    "FROM onboarding_progress"
                )
            ).one()
        assert tuple(row) == ("zero_pay", "done", "010-0000-0000", "서류 냄", 1, "", None, "")
        migrate.downgrade(engine, "0004")
        with engine.connect() as conn:
            columns = {c["name"] for c in inspect(conn).get_columns("onboarding_progress")}
            note = conn.execute(text("SELECT note FROM onboarding_progress")).scalar_one()
        assert not columns & {"version", "helper", "link", "updated_by"}
        assert note == "서류 냄"
        migrate.upgrade(engine, "head")
    finally:
        engine.dispose()
