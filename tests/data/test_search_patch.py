"""Edits patch the in-memory search instead of reloading the market (and answer the same)."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.data import search_index
from kiosk.data.bulk import insert_stores_core
from kiosk.data.db import Database
from kiosk.data.models import Market, Store
from kiosk.data.search_index import SearchIndex
from kiosk.domain.access import Secret
from kiosk.domain.categories import Category
from kiosk.domain.listing import GoodListing, StoreListing
from kiosk.domain.store_edit.draft import ProductDraft, draft_from
from kiosk.services.app import Services
from kiosk.services.changes import Change, ChangeKind

PASSWORD = "market-office-2026"
QUERIES = ("두리안", "durian", "귤", "과일", "a", "1", "수산", "fish", "용과", "새벽")


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Market ids of every full load of a market's texts."""
    seen: list[int] = []
    load = search_index._Snapshot.load.__func__  # type: ignore[attr-defined]

    def counting(cls, conn, market_id, stamp):  # type: ignore[no-untyped-def]
        seen.append(market_id)
        return load(cls, conn, market_id, stamp)

    monkeypatch.setattr(search_index._Snapshot, "load", classmethod(counting))
    return seen


def _manager(services: Services):  # type: ignore[no-untyped-def]
    console = services.access.console_actor()
    services.access.set_manager_password(actor=console, password=Secret(PASSWORD))
    return services.access.sign_in_manager(password=Secret(PASSWORD))


def _ids(services: Services, query: str, **filters: object) -> list[int]:
    stores = services.directory.list_stores(market_slug="dongmun", query=query, **filters)  # type: ignore[arg-type]
    return [s.id for s in stores]


def _fresh(
    db: Database, query: str, loads: list[int] | None = None, *, inactive: bool = False
) -> list[int]:
    """What a full load answers now (a new index, nothing kept; not counted in *loads*)."""
    from kiosk.data.synonym_lists import query_terms as search_terms

    with db.engine.connect() as conn:
        market_id = conn.scalar(select(Market.id).where(Market.slug == "dongmun"))
        assert market_id is not None
        terms = search_terms(conn, market_id, query)
        found = SearchIndex().matching_ids(conn, market_id, terms, include_inactive=inactive)
    if loads:
        loads.pop()
    return list(found)


def _add_durian(services: Services, manager, store_id: int):  # type: ignore[no-untyped-def]
    store = services.directory.get_store(store_id=store_id)
    draft = draft_from(store)
    goods = (*draft.products, ProductDraft(None, {"ko": "두리안", "en": "Durian"}, 9000, "개"))
    return services.listings.save_store(
        actor=manager, market_slug="dongmun", base=store, draft=replace(draft, products=goods)
    )


def test_an_edit_an_add_and_a_delete_are_patched(db: Database, loads: list[int]) -> None:
    services = Services(db)
    services.listings.load_demo()
    manager = _manager(services)
    first, second = services.directory.list_stores(market_slug="dongmun")[:2]
    assert _ids(services, "두리안") == []
    assert len(loads) == 1

    _add_durian(services, manager, first.id)  # an edit
    assert _ids(services, "두리안") == [first.id]
    draft = draft_from(services.directory.get_store(store_id=second.id))
    goods = tuple(replace(good, id=None) for good in draft.products)
    draft = replace(draft, stall_number="Z-1", products=goods, kakao="", payment="")
    added = services.listings.save_store(
        actor=manager, market_slug="dongmun", base=None, draft=draft
    )  # an add
    assert added.id in _ids(services, "z-1")
    with db.session() as session:  # a delete (no use case yet: the ORM and its event)
        session.delete(session.get(Store, first.id))
        session.commit()
    services.changes.publish(Change(ChangeKind.STORES, "dongmun", frozenset({first.id})))
    assert _ids(services, "두리안") == []
    assert loads == [loads[0]]  # never reloaded
    for query in QUERIES:
        assert _ids(services, query) == _fresh(db, query, loads), query


def test_another_pcs_change_is_patched_through_its_event(
    database_url: str, tmp_path: Path, loads: list[int]
) -> None:
    here = Services.open(database_url, seed_demo=True)
    there = Services.open(database_url)
    try:
        watcher = here.live.change_watcher()
        first = here.directory.list_stores(market_slug="dongmun")[0]
        assert _ids(here, "두리안") == []
        _add_durian(there, _manager(there), first.id)
        watcher.poll()  # what the UI's timer does
        assert _ids(here, "두리안") == [first.id]
        assert len(loads) == 1
    finally:
        here.close()
        there.close()


def test_an_unknown_change_reloads_the_market(db: Database, loads: list[int]) -> None:
    services = Services(db)
    services.listings.load_demo()
    manager = _manager(services)
    first = services.directory.list_stores(market_slug="dongmun")[0]
    assert _ids(services, "용과") == []
    with db.engine.begin() as conn:  # the Core bulk path: no store ids in the stamp
        market_id = conn.scalar(select(Market.id).where(Market.slug == "dongmun"))
        assert market_id is not None
        good = GoodListing(None, {"ko": "용과", "en": "Dragon fruit"}, 7000, "개", False)
        listing = StoreListing("Z-99", Category.FRUIT, {"ko": "새벽 과일"}, products=(good,))
        insert_stores_core(conn, market_id, [listing])
    # Even an event naming another store must not be taken for that write.
    services.changes.publish(Change(ChangeKind.STORES, "dongmun", frozenset({first.id})))
    assert len(_ids(services, "용과")) == 1
    assert len(loads) == 2
    # Two writes between searches: the stamp shows more than one write, so a reload.
    _add_durian(services, manager, first.id)
    store = services.directory.get_store(store_id=first.id)
    services.listings.save_store(
        actor=manager,
        market_slug="dongmun",
        base=store,
        draft=replace(draft_from(store), active=False),
    )
    assert _ids(services, "두리안") == [] and _ids(services, "두리안", include_inactive=True) == [
        first.id
    ]
    assert len(loads) == 3


def test_patched_answers_equal_a_full_reload_over_many_edits(
    db: Database, loads: list[int]
) -> None:
    services = Services(db)
    services.listings.load_demo()
    manager = _manager(services)
    rng = random.Random(24)
    stores = services.directory.list_stores(market_slug="dongmun", include_inactive=True)
    _ids(services, "a")
    names = [("두리안", "Durian"), ("용과", "Dragon fruit"), ("귤", "Tangerine"), ("갈치", "Fish")]
    for step in range(24):
        store = services.directory.get_store(store_id=rng.choice(stores).id)
        draft = draft_from(store)
        kind = step % 4
        if kind == 0:
            ko, en = rng.choice(names)
            goods = (*draft.products, ProductDraft(None, {"ko": ko, "en": en}, 1000, "개"))
            draft = replace(draft, products=goods)
        elif kind == 1:
            draft = replace(draft, active=not draft.active)
        elif kind == 2:
            draft = replace(draft, category=rng.choice(list(Category)))
        else:
            draft = replace(draft, stall_number=f"{rng.choice('ABZ')}-{rng.randint(1, 400)}")
        try:
            services.listings.save_store(
                actor=manager, market_slug="dongmun", base=store, draft=draft
            )
        except Exception:  # a refused draft (a stall number taken): nothing changed
            continue
        for query in QUERIES:
            for inactive in (False, True):
                found = _ids(services, query, include_inactive=inactive)
                assert found == _fresh(db, query, loads, inactive=inactive), (step, query, inactive)
    assert len(loads) == 1
