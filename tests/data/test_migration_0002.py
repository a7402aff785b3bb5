"""Migration 0002 moves store texts from store_translations into JSON columns and back, exactly."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, inspect, select, text

from kiosk.data import migrate
from kiosk.data.db import Database
from kiosk.data.models import Store
from kiosk.data.search import refresh_store_search_text
from kiosk.services.directory import get_store, list_stores
from kiosk.services.stores import set_store_qr_codes

SLUG = "old-market"
NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)

#: store id -> stall number, and the rows revision 0001's code wrote for it (any order).
STALLS = {1: "A-1", 2: "A-2", 3: "A-3", 4: "B-1", 5: "B-2"}
TRANSLATIONS: list[tuple[int, str, str, str]] = [
    (1, "zh_Hant", "奶奶年糕店", "每天早上蒸的年糕"),
    (1, "ko", "할매 떡집", "아침마다 찌는 떡"),
    (1, "ja", "おばあちゃんの餅屋", "毎朝蒸すお餅"),
    (1, "en", "Grandma's Rice Cakes", 'Say "tteok" \\ twice'),
    (1, "zh_Hans", "奶奶年糕店", "每天早上蒸的年糕"),
    # ja and zh_Hant missing; an empty description is kept as it is
    (2, "en", "Tangerine Stall 🍊", ""),
    (2, "ko", "🍊 제주 귤 하우스", "제주 감귤\n한라봉"),
    (2, "zh_Hans", "济州橘子屋", ""),
    # a row with an empty name but a description
    (3, "ko", "싱싱 채소", "매일 아침 들어오는 나물"),
    (3, "ja", "", "毎朝入荷の野菜"),
    # store 4 has no translation row at all
    (5, "ko", "", ""),
]
PRODUCTS: list[tuple[int, int, dict[str, str]]] = [
    (1, 1, {"ko": "인절미", "en": "Injeolmi", "ja": "きな粉餅"}),
    (2, 2, {"ko": "감귤", "ja": "みかん", "en": "Tangerines", "zh_Hans": "柑橘"}),
    (3, 3, {"ko": "배추", "en": "Napa cabbage"}),
    (4, 4, {"ko": "고등어", "en": "Mackerel"}),
]


def _old_search_text(stall: str, rows: Iterable[tuple[str, str]], products: Iterable[Any]) -> str:
    """``build_search_text`` as revision 0001's code computed it (translations sorted by locale)."""
    parts = [stall]
    for name, description in rows:
        parts.extend((name, description))
    for names in products:
        parts.extend(names.values())
    folded = (" ".join(unicodedata.normalize("NFKC", p).casefold().split()) for p in parts)
    return "\n".join(dict.fromkeys(p for p in folded if p))


def _expected(store_id: int, column: int) -> dict[str, str]:
    """The store's names (column 2) or descriptions (column 3), in language-bar order."""
    order = ("ko", "en", "ja", "zh_Hans", "zh_Hant")
    rows = sorted((t for t in TRANSLATIONS if t[0] == store_id), key=lambda t: order.index(t[1]))
    return {locale: (name, description)[column - 2] for _id, locale, name, description in rows}


def _json(value: object) -> str:
    return json.dumps(value)  # what SQLAlchemy's JSON type wrote (ensure_ascii escapes)


def _write_0001_data(engine: Engine) -> None:
    """Rows exactly as the code of revision 0001 stored them, with raw SQL."""
    pg = engine.dialect.name == "postgresql"
    js = "CAST(:{} AS JSON)" if pg else ":{}"
    # UTCDateTime: timestamptz on PostgreSQL, SQLAlchemy's naive UTC text on SQLite
    now: object = NOW if pg else NOW.strftime("%Y-%m-%d %H:%M:%S.%f")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO markets (id, slug, name, city, created_at) "
                f"VALUES (1, :slug, {js.format('name')}, {js.format('city')}, :now)"
            ),
            {
                "slug": SLUG,
                "name": _json({"ko": "옛 시장", "en": "Old Market", "ja": "古い市場"}),
                "city": _json({"ko": "부산", "en": "Busan"}),
                "now": now,
            },
        )
        for store_id, stall in STALLS.items():
            names, descriptions = _expected(store_id, 2), _expected(store_id, 3)
            rows = [(names[loc], descriptions[loc]) for loc in names]
            products = [p[2] for p in PRODUCTS if p[1] == store_id]
            conn.execute(
                text(
                    "INSERT INTO stores (id, market_id, stall_number, category, phone, "
                    "opening_hours, kakao_channel_id, payment_qr_payload, payment_methods, "
                    "active, search_text, version, created_at, updated_at) VALUES (:id, 1, "
                    ":stall, 'produce', '010-0000-0000', '08:00-20:00', :kakao, NULL, 'cash', "
                    ":active, :search, :version, :now, :now)"
                ),
                {
                    "id": store_id,
                    "stall": stall,
                    "kakao": "_Old" if store_id == 1 else None,
                    "active": True,
                    "search": _old_search_text(stall, rows, products),
                    "version": 3 if store_id == 1 else 1,
                    "now": now,
                },
            )
        for index, (store_id, locale, name, description) in enumerate(TRANSLATIONS, start=1):
            conn.execute(
                text(
                    "INSERT INTO store_translations (id, store_id, locale, name, description) "
                    "VALUES (:id, :store_id, :locale, :name, :description)"
                ),
                {
                    "id": 100 + index,
                    "store_id": store_id,
                    "locale": locale,
                    "name": name,
                    "description": description,
                },
            )
        for product_id, store_id, names in PRODUCTS:
            conn.execute(
                text(
                    "INSERT INTO products (id, store_id, name, price_won, unit, sold_out, "
                    f"sort_order) VALUES (:id, :store_id, {js.format('name')}, 5000, '팩', "
                    ":sold_out, 0)"
                ),
                {"id": product_id, "store_id": store_id, "name": _json(names), "sold_out": False},
            )
        conn.execute(
            text(
                "INSERT INTO onboarding_progress (id, store_id, step, status, account_owner, "
                "completed_at, note, updated_at) VALUES (1, 2, 'kakao_channel', 'done', "
                "'010-0000-0002', NULL, '', :now)"
            ),
            {"now": now},
        )
        conn.execute(
            text(
                "INSERT INTO promotions (id, store_id, title, starts_on, ends_on, active) "
                f"VALUES (1, 3, {js.format('title')}, '2026-12-01', '2026-12-31', :active)"
            ),
            {"title": _json({"ko": "김장 할인"}), "active": True},
        )


def _counts(engine: Engine, tables: Iterable[str]) -> dict[str, int]:
    with engine.connect() as conn:
        return {t: conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one() for t in tables}


def _translation_rows(engine: Engine) -> set[tuple[int, str, str, str]]:
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT store_id, locale, name, description FROM store_translations")
        ).all()
    return {(r[0], r[1], r[2], r[3]) for r in rows}


def _stalls(db: Database, query: str) -> list[str]:
    return [s.stall_number for s in list_stores(db=db, market_slug=SLUG, query=query)]


def _texts(db: Database) -> dict[int, tuple[Mapping[str, str], Mapping[str, str], str]]:
    with db.session() as session:
        return {
            s.id: (dict(s.name), dict(s.description), s.search_text)
            for s in session.scalars(select(Store)).all()
        }


def _old_database(url: str) -> Database:
    db = Database.open(url, upgrade=False)
    migrate.upgrade(db.engine, "0001")
    assert db.current_revision() == "0001"
    _write_0001_data(db.engine)
    return db


OTHER_TABLES = ("markets", "stores", "products", "onboarding_progress", "promotions")


def test_upgrade_copies_every_text_exactly_and_search_still_works(database_url: str) -> None:
    _old_database(database_url).close()
    with Database.open(database_url) as db:  # the app's own path: upgrade to head on open
        assert db.current_revision() == migrate.head_revision()
        with db.engine.connect() as conn:
            assert "store_translations" not in inspect(conn).get_table_names()
        assert _counts(db.engine, OTHER_TABLES) == dict(
            zip(OTHER_TABLES, (1, 5, 4, 1, 1), strict=True)
        )
        texts = _texts(db)
        for store_id in STALLS:
            name, description, _search = texts[store_id]
            assert name == _expected(store_id, 2), store_id
            assert description == _expected(store_id, 3), store_id
            assert list(name) == list(_expected(store_id, 2))  # language-bar order
        assert texts[2][0]["en"] == "Tangerine Stall 🍊" and texts[2][1]["en"] == ""
        assert texts[4][:2] == ({}, {})
        assert texts[5][:2] == ({"ko": ""}, {"ko": ""})
        # the search column was not rewritten, and the new code computes the same text
        with db.session() as session:
            for store in session.scalars(select(Store)).all():
                refresh_store_search_text(store)
                assert not session.dirty, store.stall_number
        assert _stalls(db, "채소") == ["A-3"]
        assert _stalls(db, "귤") == ["A-2"]
        assert _stalls(db, "떡") == ["A-1"]
        assert _stalls(db, "みかん") == ["A-2"]
        assert _stalls(db, "tangerine") == ["A-2"]
        assert _stalls(db, "毎朝入荷") == ["A-3"]
        assert _stalls(db, '"tteok" \\') == ["A-1"]
        detail = get_store(db=db, store_id=2)
        assert detail.name.get("ja") == "Tangerine Stall 🍊"  # missing ja falls back to English
        assert detail.description.get("en") == "제주 감귤\n한라봉"  # empty en falls back to Korean
        assert detail.market_name.get("ja") == "古い市場"
        assert [p.name.get("ja") for p in detail.products] == ["みかん"]
        # the optimistic version came across and still moves on
        assert get_store(db=db, store_id=1).version == 3
        saved = set_store_qr_codes(
            db=db, store_id=1, expected_version=3, kakao_channel_id="_New", payment_qr_payload=None
        )
        assert saved.version == 4 and saved.name.get("ko") == "할매 떡집"


def test_downgrade_restores_the_translation_table_with_the_data(database_url: str) -> None:
    _old_database(database_url).close()
    with Database.open(database_url) as db:
        migrate.downgrade(db.engine, "0001")
        assert db.current_revision() == "0001"
        with db.engine.connect() as conn:
            inspector = inspect(conn)
            assert "store_translations" in inspector.get_table_names()
            columns = {c["name"] for c in inspector.get_columns("stores")}
        assert not {"name", "description"} & columns
        assert _translation_rows(db.engine) == set(TRANSLATIONS)
        assert _counts(db.engine, OTHER_TABLES) == dict(
            zip(OTHER_TABLES, (1, 5, 4, 1, 1), strict=True)
        )
        # and up again: the same texts as the first upgrade
        migrate.upgrade(db.engine)
        texts = _texts(db)
        assert {i: t[:2] for i, t in texts.items()} == {
            i: (_expected(i, 2), _expected(i, 3)) for i in STALLS
        }
        assert _stalls(db, "귤") == ["A-2"]


def test_downgrade_of_texts_written_after_the_upgrade(database_url: str) -> None:
    """A locale only in the description becomes a row with an empty name; nothing is lost."""
    _old_database(database_url).close()
    with Database.open(database_url) as db:
        with db.session() as session:
            store = session.get_one(Store, 4)
            store.name = {"ko": "바다 수산", "zh_Hant": "海洋魚店"}
            store.description = {"en": "Fish every dawn"}
        migrate.downgrade(db.engine, "0001")
        rows = {r for r in _translation_rows(db.engine) if r[0] == 4}
        assert rows == {
            (4, "ko", "바다 수산", ""),
            (4, "en", "", "Fish every dawn"),
            (4, "zh_Hant", "海洋魚店", ""),
        }
