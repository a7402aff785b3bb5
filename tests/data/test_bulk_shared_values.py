"""The bulk path given one value object for many stores and goods (as a file's reader shares
the values of equal cells) stores each row's own value, search texts as the ORM makes them."""

from __future__ import annotations

import json

from sqlalchemy import select

from kiosk.data.bulk import _Cells, _SearchTexts, insert_market_core
from kiosk.data.db import Database
from kiosk.data.models import Product, Store
from kiosk.data.search import build_search_text
from kiosk.domain.categories import Category
from kiosk.domain.hours import OpeningHours
from kiosk.domain.listing import GoodListing, MarketListing, StoreListing
from kiosk.domain.payments import PaymentMethod


def test_shared_and_equal_value_objects_are_stored_row_by_row(database_url: str) -> None:
    early, late = OpeningHours.every_day(360, 1080), OpeningHours.every_day(600, 1320)
    names = {"ko": "감귤", "en": "Tangerines"}
    ways = (PaymentMethod.CASH, PaymentMethod.CARD)
    stores = tuple(
        StoreListing(
            stall_number=f"A-{n}",
            category=Category.FRUIT if n % 2 else Category.SEAFOOD,
            name={"ko": f"가게 {n}"},
            description={"ko": "같은 소개", "en": ""} if n < 3 else {},
            hours=early if n % 3 else late,
            payment_methods=ways if n % 2 else (*ways,),  # the same value, another tuple
            products=(
                GoodListing(None, names, 1000 * n, "kg"),
                GoodListing(None, dict(names) if n == 2 else {"ko": f"밤 {n}"}, 500, ""),
            ),
        )
        for n in range(1, 6)
    )
    market = MarketListing(slug="same", name={"ko": "시장"}, city={}, stores=stores)
    with Database.open(database_url) as db:
        with db.engine.begin() as conn:
            insert_market_core(conn, market)
        with db.engine.connect() as conn:
            saved = {row.stall_number: row for row in conn.execute(select(Store))}
            goods = list(
                conn.execute(select(Product).order_by(Product.store_id, Product.sort_order))
            )
    for store in stores:
        row = saved[store.stall_number]
        assert row.category == store.category
        assert row.opening_hours == store.hours
        assert tuple(row.payment_methods) == store.payment_methods
        assert dict(row.description) == dict(store.description)
        assert row.search_text == build_search_text(
            store.stall_number, store.name, store.description, (p.name for p in store.products)
        )
    assert [(dict(g.name), g.price_won) for g in goods] == [
        (dict(p.name), p.price_won) for s in stores for p in s.products
    ]


def test_search_texts_of_shared_goods_names_are_the_orm_s_in_order_each_once() -> None:
    shared = {"ko": "감귤", "en": "Tangerines", "ja": ""}
    stores = [
        ("A-1", {"ko": "감귤"}, {"en": "TANGERINES here"}, [shared, {"ko": "밤"}, shared]),
        ("A-2", {"ko": "밤집"}, {}, [{"ko": "밤", "en": "tangerines"}, shared]),
        ("A-3", {"ko": "빈 가게"}, {"ko": ""}, []),
        ("A-4", {"ko": "ﾐｶﾝ"}, {}, [{"ja": "みかん", "zh_Hant": "橘子"}, shared]),
    ]
    search_text = _SearchTexts()  # one for the load: the shared dict is folded once
    for stall, name, description, goods in stores * 2:
        assert search_text(stall, name, description, goods) == build_search_text(
            stall, name, description, goods
        )


def test_search_texts_of_shared_store_names_keep_the_stall_first() -> None:
    """A chain's stores share one name and description dict (the file's reader makes one per
    distinct set of cells): folded once, each store's text still starts with its stall, a
    stall that folds to one of the names included."""
    name, description = {"ko": "감귤집", "en": "a-1"}, {"ko": "같은 소개"}
    search_text = _SearchTexts()
    for stall in ("A-1", "B-2", "A-1", "감귤집"):
        assert search_text(stall, name, description, [{"ko": "밤"}]) == build_search_text(
            stall, name, description, [{"ko": "밤"}]
        )


def test_a_json_cell_reaches_the_driver_as_its_text_once(database_url: str) -> None:
    """On PostgreSQL SQLAlchemy hands psycopg a ``Json`` wrapper, which COPY would serialise
    again in every row: the bulk path gives the text psycopg makes of it, once per value."""
    hours = OpeningHours.every_day(360, 1080)
    with Database.open(database_url) as db, db.engine.connect() as conn:
        cells = _Cells(conn)
        text = cells("opening_hours", hours)
        assert isinstance(text, str) and json.loads(text) == hours.to_json()
        assert cells("opening_hours", OpeningHours.every_day(360, 1080)) is text
        assert cells("category", Category.FRUIT) == Category.FRUIT.value
