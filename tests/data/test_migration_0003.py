"""Migration 0003: the old free-text opening hours become data (and back); new tables appear."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.pool import NullPool

from kiosk.data import migrate
from kiosk.data.db import Database, _normalise_url
from kiosk.domain.hours import OpeningHours, parse_legacy_hours
from kiosk.services.directory import get_store

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
#: Every opening-hours text the demo markets had before hours were data, plus texts a
#: person may have typed.
_DEMO = {
    "06:00-18:00 (매주 일요일 휴무)",
    "06:00-19:00",
    "06:00-21:00 (매월 첫째·셋째 일요일 휴무)",
    "06:30-20:00",
    "07:00-19:00",
    "07:00-20:00 (매주 화요일 휴무)",
    "07:00-20:00",
    "08:00-18:00 (매주 일요일 휴무)",
    "08:00-19:00",
    "08:00-20:00 (매주 수요일 휴무)",
    "08:00-20:00",
    "08:00-21:00",
    "09:00-18:00",
    "09:00-19:00",
    "09:00-20:00",
    "09:00-21:00 (매주 월요일 휴무)",
    "09:00-21:00",
    "09:00-22:00",
    "10:00-19:00",
    "10:00-20:00",
    "10:00-21:00",
    "10:00-24:00",
    "11:00-21:00",
    "17:00-24:00",
}
TEXTS: list[str] = [
    *sorted(_DEMO),
    "",
    "half written?",
    "09:00-18:00 (명절 당일 휴무)",
    "18:00-02:00",
    "09:00-18:00 (매주 화요일·목요일 휴무)",
]


def _database_at_0002(url: str) -> None:
    engine = create_engine(_normalise_url(url), poolclass=NullPool)
    migrate.upgrade(engine, "0002")
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
        for store_id, hours in enumerate(TEXTS, start=1):
            conn.execute(
                text(
                    "INSERT INTO stores (id, market_id, stall_number, category, phone, "
                    "opening_hours, kakao_channel_id, payment_qr_payload, payment_methods, "
                    "active, search_text, version, created_at, updated_at, name, description) "
                    "VALUES (:id, 1, :stall, 'produce', '', :hours, NULL, NULL, 'cash', "
                    f"true, '', 4, :now, :now, {js.format('name')}, {js.format('description')})"
                ),
                {
                    "id": store_id,
                    "stall": f"A-{store_id}",
                    "hours": hours,
                    "now": now,
                    "name": json.dumps({"ko": f"가게 {store_id}"}),
                    "description": json.dumps({}),
                },
            )
    engine.dispose()


def test_upgrade_turns_each_text_into_data_and_back(database_url: str) -> None:
    _database_at_0002(database_url)
    with Database.open(database_url) as db:  # the app's own path: upgrade to head on open
        assert db.current_revision() == migrate.head_revision()
        tables = set(inspect(db.engine).get_table_names())
        assert {"credentials", "sign_in_attempts", "audit_log", "change_events"} <= tables
        for store_id, old in enumerate(TEXTS, start=1):
            store = get_store(db=db, store_id=store_id)
            assert store.opening_hours == parse_legacy_hours(old), old
            assert store.version == 4  # the migration is not an edit
        assert get_store(db=db, store_id=TEXTS.index("") + 1).opening_hours == OpeningHours()
        kept = get_store(db=db, store_id=TEXTS.index("half written?") + 1).opening_hours
        assert kept.note == "half written?"  # nothing typed is lost

        migrate.downgrade(db.engine, "0002")
        with db.engine.connect() as conn:
            rows = dict(conn.execute(text("SELECT id, opening_hours FROM stores")).all())
            tables = set(inspect(conn).get_table_names())
        assert not {"credentials", "sign_in_attempts", "audit_log", "change_events"} & tables
        for store_id, old in enumerate(TEXTS, start=1):
            if old.startswith("18:00-02:00"):
                continue
            assert rows[store_id] == old.strip()
        migrate.upgrade(db.engine)
        for store_id, old in enumerate(TEXTS, start=1):
            assert get_store(db=db, store_id=store_id).opening_hours == parse_legacy_hours(old)


def test_the_frozen_parser_agrees_with_the_domain() -> None:
    import importlib

    module = importlib.import_module("kiosk.data.migrations.versions.0003_access_audit_hours")
    for old in TEXTS:
        assert module.hours_from_text(old) == parse_legacy_hours(old).to_json(), old
