"""Migration 0007: a store's old promotion row takes its store's market; back again."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from kiosk.data import migrate


def test_an_old_promotion_takes_its_stores_market_and_back(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}", poolclass=NullPool)
    migrate.upgrade(engine, "0006")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO markets (id, slug, name, city, created_at, search_stamp) "
                "VALUES (7, 'm', '{\"ko\": \"시장\"}', '{}', '2026-01-01 00:00:00', 'x')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO stores (id, market_id, stall_number, category, name, description,"
                " phone, opening_hours, payment_methods, active, search_text, stall_sort_key,"
                " version, created_at, updated_at) VALUES (3, 7, 'A-1', 'fruit',"
                " '{\"ko\": \"가게\"}', '{}', '', '{}', '[]', 1, '', x'00', 1,"
                " '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO promotions (id, store_id, title, starts_on, ends_on, active) "
                "VALUES (1, 3, '{\"ko\": \"할인\"}', '2026-01-01', '2026-01-31', 1)"
            )
        )
    migrate.upgrade(engine, "0007")
    with engine.begin() as conn:
        row = conn.execute(
            text("SELECT market_id, store_id, kind, title, text, weekdays FROM promotions")
        ).one()
        assert tuple(row) == (7, 3, "promotion", '{"ko": "할인"}', "{}", "")
        conn.execute(
            text(
                "INSERT INTO promotions (id, market_id, store_id, kind, title, text, starts_on,"
                " ends_on, weekdays, active) VALUES (2, 7, NULL, 'announcement',"
                " '{\"ko\": \"공지\"}', '{}', '2026-01-01', '2026-01-02', '', 1)"
            )
        )
    migrate.downgrade(engine, "0006")
    with engine.begin() as conn:
        rows = conn.execute(text("SELECT id, store_id, title FROM promotions")).all()
    assert [tuple(r) for r in rows] == [(1, 3, '{"ko": "할인"}')]
    engine.dispose()
