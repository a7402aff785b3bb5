"""Migration 0008: stored search texts folded the new way, market stamps renewed; back again."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from kiosk.data import migrate
from kiosk.domain.text import normalise_for_search

OLD_TEXT = "a-1\n귤빛 농원\nみかん\nﾐｶﾝ 雞肉 魷魚\ntangerine"


def test_old_texts_are_folded_as_new_ones_and_stamps_renewed(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}", poolclass=NullPool)
    migrate.upgrade(engine, "0007")
    # what 0007's folding stored (NFKC and case only): half-width kana already full-width
    stored = "\n".join(line.lower() for line in OLD_TEXT.replace("ﾐｶﾝ", "ミカン").split("\n"))
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO markets (id, slug, name, city, created_at, search_stamp) "
                "VALUES (7, 'm', '{\"ko\": \"시장\"}', '{}', '2026-01-01 00:00:00', 'old')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO stores (id, market_id, stall_number, category, name, description,"
                " phone, opening_hours, payment_methods, active, search_text, stall_sort_key,"
                " version, created_at, updated_at) VALUES (3, 7, 'A-1', 'fruit',"
                " '{\"ko\": \"가게\"}', '{}', '', '{}', 'card', 1, :text, x'00', 1,"
                " '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
            ),
            {"text": stored},
        )
    migrate.upgrade(engine, "0008")
    with engine.begin() as conn:
        folded = conn.execute(text("SELECT search_text FROM stores")).scalar_one()
        stamp, synonyms = conn.execute(text("SELECT search_stamp, synonyms FROM markets")).one()
    expected = "\n".join(normalise_for_search(line) for line in OLD_TEXT.split("\n"))
    assert folded == expected
    assert "ミカン\nミカン 鸡肉 鱿鱼" in folded
    assert stamp != "old" and synonyms is None
    migrate.downgrade(engine, "0007")
    with engine.begin() as conn:
        columns = [row[1] for row in conn.execute(text("PRAGMA table_info(markets)"))]
    assert "synonyms" not in columns
    engine.dispose()
