"""The Core bulk path (COPY on PostgreSQL, executemany on SQLite) stores every value as the
ORM would, texts that COPY must escape included."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from kiosk.data.bulk import insert_market_core
from kiosk.data.db import Database
from kiosk.data.listings import insert_new_stores
from kiosk.data.models import Market, Product, Store
from kiosk.data.ordering import stall_sort_bytes
from kiosk.data.search import build_search_text
from kiosk.domain.categories import Category
from kiosk.domain.listing import GoodListing, MarketListing, StoreListing
from kiosk.domain.payments import PaymentMethod

#: Texts that the COPY text format escapes: tab, newline, backslash, \N, quotes.
AWKWARD = "탭\t줄\n역\\슬래시 \\N \"따옴\" '표' ％"


def _market() -> MarketListing:
    stores = (
        StoreListing(
            stall_number="A-1",
            category=Category.FRUIT,
            name={"ko": "귤빛 농원", "en": "Tangerine\tGlow", "ja": "ミカン色農園"},
            description={"ko": AWKWARD},
            phone="064-000-0000",
            payment_methods=(PaymentMethod.CASH, PaymentMethod.ZEROPAY),
            products=(
                GoodListing(None, {"ko": "감귤", "en": "Tangerines"}, 15_000, "kg"),
                GoodListing(None, {"ko": AWKWARD}, 0, "", sold_out=True),
            ),
        ),
        StoreListing(
            stall_number="B-10",
            category=Category.SEAFOOD,
            name={"ko": "바다\\상회"},
            active=False,
        ),
    )
    return MarketListing(slug="copy", name={"ko": "복사시장"}, city={"ko": "부산"}, stores=stores)


def test_bulk_rows_read_back_as_written(database_url: str) -> None:
    market = _market()
    with Database.open(database_url) as db:
        with db.engine.begin() as conn:
            assert insert_market_core(conn, market) == 2
        with db.engine.connect() as conn:
            stores = {row.stall_number: row for row in conn.execute(select(Store))}
            goods = conn.execute(select(Product).order_by(Product.store_id, Product.sort_order))
            goods_rows = list(goods)
            assert conn.scalar(select(Market.slug)) == "copy"
    first = market.stores[0]
    row = stores["A-1"]
    assert dict(row.name) == dict(first.name)
    assert dict(row.description) == {"ko": AWKWARD}
    assert row.phone == "064-000-0000"
    assert row.active is True and stores["B-10"].active is False
    assert list(row.payment_methods) == [PaymentMethod.CASH, PaymentMethod.ZEROPAY]
    assert bytes(row.stall_sort_key) == stall_sort_bytes("A-1")
    assert row.search_text == build_search_text(
        "A-1", first.name, first.description, (p.name for p in first.products)
    )
    assert dict(stores["B-10"].name) == {"ko": "바다\\상회"}
    assert [(dict(g.name), g.price_won, g.unit, g.sold_out) for g in goods_rows] == [
        ({"ko": "감귤", "en": "Tangerines"}, 15_000, "kg", False),
        ({"ko": AWKWARD}, 0, "", True),
    ]


def test_sold_out_is_stored_as_the_orm_stores_it(database_url: str) -> None:
    """The bulk path's sold-out flag (on SQLite an int: it binds without the adapter look-up
    a bool takes) is stored as the very value the ORM writes."""
    with Database.open(database_url) as db:
        with db.engine.begin() as conn:
            insert_market_core(conn, _market())
        with db.session() as session:
            store = session.scalars(select(Store).where(Store.stall_number == "B-10")).one()
            good = Product(store_id=store.id, name={"ko": "귤"}, price_won=1, unit="")
            good.sold_out, good.sort_order = True, 0
            session.add(good)
            session.commit()
        with db.engine.connect() as conn:
            raw = [r[0] for r in conn.exec_driver_sql("SELECT sold_out FROM products ORDER BY id")]
    bulk_no, bulk_yes, orm_yes = raw
    assert bulk_yes == orm_yes and type(bulk_yes) is type(orm_yes) and bulk_no != bulk_yes


def _many(last: StoreListing, count: int = 3_000) -> MarketListing:
    """*count* good stores (rows the COPY has streamed already) and then *last*."""
    good = GoodListing(None, {"ko": "사과"}, 1_000, "개")
    stores = tuple(
        StoreListing(
            stall_number=f"S-{n}", category=Category.FRUIT, name={"ko": f"{n}호"}, products=(good,)
        )
        for n in range(count)
    )
    return MarketListing(
        slug="bad", name={"ko": "시장"}, city={"ko": "부산"}, stores=(*stores, last)
    )


def _nothing_written(database_url: str) -> None:
    with Database.open(database_url) as db, db.engine.connect() as conn:
        for table in (Market, Store, Product):
            assert conn.scalar(select(func.count()).select_from(table)) == 0, table


def test_a_bad_store_after_thousands_of_good_ones_writes_nothing(database_url: str) -> None:
    last = StoreListing(stall_number="Z-1", category=Category.FRUIT, name={"xx": "?"})
    with (
        Database.open(database_url) as db,
        pytest.raises(ValueError, match="unknown locale 'xx'"),
        db.engine.begin() as conn,
    ):
        insert_market_core(conn, _many(last))
    _nothing_written(database_url)


def test_a_good_the_database_refuses_is_an_integrity_error_and_writes_nothing(
    database_url: str,
) -> None:
    bad = GoodListing(None, {"ko": "마이너스"}, -1, "개")
    last = StoreListing(
        stall_number="Z-1", category=Category.FRUIT, name={"ko": "끝"}, products=(bad,)
    )
    with (
        Database.open(database_url) as db,
        pytest.raises(IntegrityError, match="price_not_negative"),
        db.engine.begin() as conn,
    ):
        insert_market_core(conn, _many(last))
    _nothing_written(database_url)


def test_a_stall_another_pc_took_meanwhile_comes_back_as_none(database_url: str) -> None:
    """The import's "changed since the check" answer on both databases (the COPY's refusal
    is SQLAlchemy's IntegrityError there too, not the driver's own error)."""
    taken = _market().stores[1]
    with Database.open(database_url) as db:
        with db.engine.begin() as conn:
            insert_market_core(conn, _market())
        with db.engine.connect() as conn:
            market_id = conn.scalar(select(Market.id))
            assert market_id is not None
            assert insert_new_stores(conn, market_id, [taken]) is None
            conn.rollback()
    assert _counts(database_url) == (2, 2)


def _counts(database_url: str) -> tuple[int, int]:
    with Database.open(database_url) as db, db.engine.connect() as conn:
        stores = conn.scalar(select(func.count()).select_from(Store)) or 0
        return stores, conn.scalar(select(func.count()).select_from(Product)) or 0
