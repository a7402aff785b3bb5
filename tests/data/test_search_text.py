"""The search column stays current on ORM edits; stall numbers sort naturally."""

from __future__ import annotations

import pytest
from sample_market import SMALL_SLUG
from sqlalchemy import select

from kiosk.data.db import Database
from kiosk.data.models import Market, Product, Store
from kiosk.data.ordering import stall_sort_key
from kiosk.data.search import build_search_text
from kiosk.services.directory import list_stores


def _stalls(db: Database, query: str) -> list[str]:
    return [s.stall_number for s in list_stores(db=db, market_slug=SMALL_SLUG, query=query)]


def _store(session: object, stall: str) -> Store:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    return session.scalars(select(Store).where(Store.stall_number == stall)).one()


def test_adding_a_product_makes_it_searchable(seeded_db: Database) -> None:
    assert _stalls(seeded_db, "송편") == []
    with seeded_db.session() as session:
        store = _store(session, "A-1")
        store.products.append(
            Product(name={"ko": "송편", "en": "Songpyeon"}, price_won=6000, unit="팩", sort_order=9)
        )
    assert _stalls(seeded_db, "송편") == ["A-1"]
    assert _stalls(seeded_db, "songpyeon") == ["A-1"]


def test_a_product_added_by_store_id_only_is_searchable(seeded_db: Database) -> None:
    with seeded_db.session() as session:
        store_id = _store(session, "B-1").id
    with seeded_db.session() as session:
        session.add(Product(store_id=store_id, name={"ko": "갈치"}, price_won=15000, unit="마리"))
    assert _stalls(seeded_db, "갈치") == ["B-1"]


def test_deleting_a_product_removes_it_from_search(seeded_db: Database) -> None:
    with seeded_db.session() as session:
        store = _store(session, "A-2")
        [hallabong] = store.products
        session.delete(hallabong)
    assert _stalls(seeded_db, "한라봉") == []
    assert _stalls(seeded_db, "귤") == ["A-2"]


def test_renaming_in_place_updates_search_and_version(seeded_db: Database) -> None:
    with seeded_db.session() as session:
        store = _store(session, "A-10")
        store.name["ja"] = "やさい屋さん"  # an in-place edit is tracked, not lost
    assert _stalls(seeded_db, "やさい") == ["A-10"]
    assert _stalls(seeded_db, "新鮮野菜") == []
    with seeded_db.session() as session:
        assert _store(session, "A-10").version == 2


def test_replacing_the_description_updates_search(seeded_db: Database) -> None:
    with seeded_db.session() as session:
        store = _store(session, "B-1")
        store.description = {"ko": "새벽 경매 생선", "en": "Fish from the dawn auction"}
    assert _stalls(seeded_db, "경매") == ["B-1"]
    assert _stalls(seeded_db, "dawn auction") == ["B-1"]
    with seeded_db.session() as session:
        store = _store(session, "B-1")
        del store.description["en"]
    assert _stalls(seeded_db, "dawn") == []
    assert _stalls(seeded_db, "경매") == ["B-1"]


def test_a_text_locale_must_be_one_of_the_five(seeded_db: Database) -> None:
    from sqlalchemy.exc import StatementError

    with pytest.raises(StatementError, match="unknown locale 'fr'"), seeded_db.session() as session:
        store = _store(session, "A-10")
        store.name = {**store.name, "fr": "Légumes"}
    with pytest.raises(StatementError, match="for 'ko' is a int"), seeded_db.session() as session:
        session.add(Market(slug="bad", name={"ko": 3}, city={}))
    assert _stalls(seeded_db, "légumes") == []
    with seeded_db.session() as session:
        assert _store(session, "A-10").version == 1


def test_prices_cannot_be_negative(seeded_db: Database) -> None:
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), seeded_db.session() as session:
        store = _store(session, "A-10")
        store.products.append(Product(name={"ko": "x"}, price_won=-1, unit="개"))


def test_build_search_text_folds_and_separates() -> None:
    text = build_search_text(
        "A-1",
        {"en": "ＦＲＥＳＨ  Greens", "ko": "싱싱 채소"},
        {"ko": "", "ja": "新鮮"},
        [{"ko": "배추", "en": "Cabbage"}, {"ko": "싱싱 채소"}],
    )
    # locales in language-bar order, empty parts and repeats dropped; Traditional Han folded
    assert text.split("\n") == ["a-1", "싱싱 채소", "fresh greens", "新鲜", "배추", "cabbage"]


@pytest.mark.parametrize(
    ("unsorted", "expected"),
    [
        (["A-10", "A-2", "A-1"], ["A-1", "A-2", "A-10"]),
        (["10", "9", "100"], ["9", "10", "100"]),
        (["B-1", "a-3", "A-20"], ["a-3", "A-20", "B-1"]),
        (["A-1-2", "A-1", "A"], ["A", "A-1", "A-1-2"]),
        (["가-12", "가-3", "나-1"], ["가-3", "가-12", "나-1"]),
        (["Ａ-１０", "A-9"], ["A-9", "Ａ-１０"]),  # full-width digits count as numbers
    ],
)
def test_stall_numbers_sort_naturally(unsorted: list[str], expected: list[str]) -> None:
    assert sorted(unsorted, key=stall_sort_key) == expected
