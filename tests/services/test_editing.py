"""Editing listings and markets: who may, at which version, audited, told to other PCs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from kiosk.data.db import Database
from kiosk.domain.access import Actor, CodeProof, PermissionDenied, Role, Secret, SignInRefused
from kiosk.domain.audit import AuditAction
from kiosk.domain.categories import Category
from kiosk.domain.hours import OpeningHours
from kiosk.domain.store_edit.draft import (
    EditRefused,
    FieldChange,
    Gone,
    ProductDraft,
    StaleEdit,
    StoreDraft,
    draft_from,
)
from kiosk.services.app import Services
from kiosk.services.changes import Change
from kiosk.services.errors import NotFoundError

PIN = "582046"
OTHER_PIN = "730418"
PASSWORD = "market-office-2026"
NEW_STALL = StoreDraft(
    stall_number="Z-1",
    category=Category.FRUIT,
    name={
        "ko": "새 과일 가게",
        "en": "New Fruit Stall",
        "ja": "新しい果物屋",
        "zh_Hans": "新水果店",
        "zh_Hant": "新水果店",
    },
    phone="0641234567",
    hours=OpeningHours.every_day(540, 1200, closed=(6,)),
    products=(ProductDraft(None, {"ko": "한라봉", "en": "Hallabong"}, 15000, "박스"),),
)


class World:
    """A demo database with a manager, two merchants and a tourist, all on one PC."""

    def __init__(self, db: Database) -> None:
        self.services = Services(db)
        self.services.listings.load_demo()
        console = self.services.access.console_actor()
        self.services.access.set_manager_password(actor=console, password=Secret(PASSWORD))
        stores = self.services.directory.list_stores(market_slug="dongmun")
        self.mine, self.other = stores[0].id, stores[1].id
        self.services.access.set_store_pin(actor=console, store_id=self.mine, pin=Secret(PIN))
        self.services.access.set_store_pin(
            actor=console, store_id=self.other, pin=Secret(OTHER_PIN)
        )
        self.actors: dict[str, Actor] = {
            "tourist": Actor.tourist("pc"),
            "merchant of another store": self.services.access.sign_in_merchant(
                store_id=self.other, pin=Secret(OTHER_PIN)
            ),
            "merchant": self.services.access.sign_in_merchant(store_id=self.mine, pin=Secret(PIN)),
            "manager": self.services.access.sign_in_manager(password=Secret(PASSWORD)),
        }


@pytest.fixture
def world(db: Database) -> World:
    return World(db)


def _price(world: World, actor: Actor) -> object:
    store = world.services.directory.get_store(store_id=world.mine)
    good = store.products[0]
    return world.services.listings.update_good(
        actor=actor, base=store, product_id=good.id, price_won=good.price_won + 500
    )


def _sold_out(world: World, actor: Actor) -> object:
    store = world.services.directory.get_store(store_id=world.mine)
    return world.services.listings.update_good(
        actor=actor, base=store, product_id=store.products[0].id, sold_out=True
    )


def _rename(world: World, actor: Actor) -> object:
    store = world.services.directory.get_store(store_id=world.mine)
    draft = replace(draft_from(store), name={**store.name.values, "ja": "新しい名前"})
    return world.services.listings.save_store(
        actor=actor, market_slug="dongmun", base=store, draft=draft
    )


def _deactivate(world: World, actor: Actor) -> object:
    store = world.services.directory.get_store(store_id=world.mine)
    draft = replace(draft_from(store), active=False)
    return world.services.listings.save_store(
        actor=actor, market_slug="dongmun", base=store, draft=draft
    )


def _codes(world: World, actor: Actor) -> object:
    store = world.services.directory.get_store(store_id=world.mine)
    draft = replace(draft_from(store), kakao="_NewCh9")
    proof = (
        CodeProof("password", Secret(PASSWORD))
        if actor.is_manager
        else CodeProof("pin", Secret(PIN))
    )
    return world.services.listings.save_store(
        actor=actor, market_slug="dongmun", base=store, draft=draft, proof=proof
    )


def _add_stall(world: World, actor: Actor) -> object:
    return world.services.listings.save_store(
        actor=actor, market_slug="dongmun", base=None, draft=NEW_STALL
    )


def _add_market(world: World, actor: Actor) -> object:
    return world.services.listings.create_market(
        actor=actor, slug="jungang", name={"ko": "중앙시장"}, city={"ko": "부산"}
    )


def _remove_market(world: World, actor: Actor) -> object:
    return world.services.listings.remove_market(actor=actor, slug="bansong")


def _read_audit(world: World, actor: Actor) -> object:
    return world.services.audit.audit_log(actor=actor)


def _set_pin(world: World, actor: Actor) -> object:
    return world.services.access.set_store_pin(
        actor=actor, store_id=world.mine, pin=Secret("602194")
    )


WRITES: dict[str, Callable[[World, Actor], object]] = {
    "price": _price,
    "sold out": _sold_out,
    "rename": _rename,
    "deactivate": _deactivate,
    "codes": _codes,
    "add stall": _add_stall,
    "add market": _add_market,
    "remove market": _remove_market,
    "read audit": _read_audit,
    "set pin": _set_pin,
}
ALLOWED: dict[str, set[str]] = {
    "tourist": set(),
    "merchant of another store": set(),
    "merchant": {"price", "sold out", "codes"},
    "manager": set(WRITES),
}


@pytest.mark.parametrize("who", list(ALLOWED))
def test_who_may_do_what(world: World, who: str) -> None:
    actor = world.actors[who]
    for name, write in WRITES.items():
        before = world.services.directory.get_store(store_id=world.mine)
        if name in ALLOWED[who]:
            write(world, actor)
        else:
            with pytest.raises(PermissionDenied):
                write(world, actor)
            assert world.services.directory.get_store(store_id=world.mine) == before, name


def test_an_edit_is_audited_field_by_field_and_published(world: World) -> None:
    seen: list[Change] = []
    world.services.changes.subscribe(seen.append)
    merchant = world.actors["merchant"]
    store = world.services.directory.get_store(store_id=world.mine)
    good = store.products[0]
    saved = world.services.listings.update_good(
        actor=merchant, base=store, product_id=good.id, price_won=4321
    )
    assert saved.version == store.version + 1 and saved.products[0].price_won == 4321
    entry = world.services.audit.audit_log(actor=world.actors["manager"])[0]
    assert entry.action is AuditAction.STORE_CHANGED
    assert entry.actor == f"store {world.mine} (PIN)" and entry.actor_role == "merchant"
    assert entry.pc == world.services.pc and entry.market_slug == "dongmun"
    label = good.name.get("ko")
    assert entry.changes == (FieldChange(f"goods[{label}].price_won", str(good.price_won), "4321"),)
    assert seen == [Change("stores", "dongmun", frozenset({world.mine}))]  # type: ignore[arg-type]


def test_a_code_change_needs_proof_and_is_audited_apart(world: World) -> None:
    merchant = world.actors["merchant"]
    store = world.services.directory.get_store(store_id=world.mine)
    draft = replace(draft_from(store), payment="", kakao="https://pf.kakao.com/_NewCh9/chat")
    with pytest.raises(PermissionDenied):
        world.services.listings.save_store(
            actor=merchant, market_slug="dongmun", base=store, draft=draft
        )
    with pytest.raises(SignInRefused):
        world.services.listings.save_store(
            actor=merchant,
            market_slug="dongmun",
            base=store,
            draft=draft,
            proof=CodeProof("pin", Secret(OTHER_PIN)),  # another store's PIN
        )
    assert world.services.directory.get_store(store_id=world.mine) == store
    saved = world.services.listings.save_store(
        actor=merchant,
        market_slug="dongmun",
        base=store,
        draft=draft,
        proof=CodeProof("pin", Secret(PIN)),
    )
    assert saved.kakao_channel_id == "_NewCh9" and saved.payment_qr_payload is None
    entry = world.services.audit.audit_log(
        actor=world.actors["manager"], actions=(AuditAction.STORE_CODES,)
    )[0]
    fields = {c.field: (c.old, c.new) for c in entry.changes}
    assert fields["kakao_channel"] == (store.kakao_channel_id or "", "_NewCh9")
    assert fields["payment_qr"] == (store.payment_qr_payload or "", "")


def test_bad_codes_are_field_problems(world: World) -> None:
    store = world.services.directory.get_store(store_id=world.mine)
    assert store.payment_qr_payload
    wrong_crc = store.payment_qr_payload[:-1] + (
        "0" if store.payment_qr_payload[-1] != "0" else "1"
    )
    draft = replace(
        draft_from(store), kakao="https://pf.kakao.com@evil.example/", payment=wrong_crc
    )
    with pytest.raises(EditRefused) as refused:
        world.services.listings.save_store(
            actor=world.actors["manager"],
            market_slug="dongmun",
            base=store,
            draft=draft,
            proof=CodeProof("password", Secret(PASSWORD)),
        )
    assert [p.field for p in refused.value.problems] == ["kakao_channel", "payment_qr"]


def test_a_stale_save_says_what_changed_and_writes_nothing(world: World) -> None:
    manager, merchant = world.actors["manager"], world.actors["merchant"]
    loaded = world.services.directory.get_store(store_id=world.mine)  # the manager opens the form
    good = loaded.products[0]
    world.services.listings.update_good(
        actor=merchant, base=loaded, product_id=good.id, sold_out=True
    )
    current = world.services.directory.get_store(store_id=world.mine)
    mine = replace(draft_from(loaded), phone="051-999-0000")
    with pytest.raises(StaleEdit) as stale:
        world.services.listings.save_store(
            actor=manager, market_slug="dongmun", base=loaded, draft=mine
        )
    assert stale.value.changes == [
        FieldChange(f"goods[{good.name.get('ko')}].sold_out", "False", "True")
    ]
    assert "sold_out: False -> True" in str(stale.value)
    assert world.services.directory.get_store(store_id=world.mine) == current


def test_a_store_removed_meanwhile_is_gone_not_a_traceback(world: World) -> None:
    manager = world.actors["manager"]
    loaded = world.services.directory.get_store(store_id=world.mine)
    world.services.listings.remove_market(actor=manager, slug="dongmun")
    with pytest.raises(Gone) as gone:
        world.services.listings.save_store(
            actor=manager,
            market_slug="dongmun",
            base=loaded,
            draft=replace(draft_from(loaded), phone="051-999-0000"),
        )
    assert "removed on another PC" in gone.value.message.template


def test_add_a_stall_in_five_languages(world: World) -> None:
    manager = world.actors["manager"]
    saved = world.services.listings.save_store(
        actor=manager, market_slug="dongmun", base=None, draft=NEW_STALL
    )
    assert saved.stall_number == "Z-1" and saved.phone == "064-123-4567"
    assert saved.name.values == NEW_STALL.name and saved.version == 1
    assert saved.opening_hours == NEW_STALL.hours and saved.products[0].price_won == 15000
    stalls = [s.stall_number for s in world.services.directory.list_stores(market_slug="dongmun")]
    assert "Z-1" in stalls
    assert [
        s.id for s in world.services.directory.list_stores(market_slug="dongmun", query="한라봉")
    ]
    entry = world.services.audit.audit_log(actor=manager)[0]
    assert entry.action is AuditAction.STORE_CREATED
    assert FieldChange("name.ja", "", "新しい果物屋") in entry.changes
    with pytest.raises(EditRefused) as twice:
        world.services.listings.save_store(
            actor=manager, market_slug="dongmun", base=None, draft=NEW_STALL
        )
    assert [p.field for p in twice.value.problems] == ["stall_number"]


def test_deactivate_keeps_the_history(world: World) -> None:
    manager = world.actors["manager"]
    _deactivate(world, manager)
    assert world.mine not in {
        s.id for s in world.services.directory.list_stores(market_slug="dongmun")
    }
    kept = world.services.directory.get_store(store_id=world.mine)
    assert not kept.active and kept.products
    assert world.services.audit.audit_log(actor=manager, store_id=world.mine)


def test_markets_added_renamed_and_removed(world: World) -> None:
    manager = world.actors["manager"]
    made = world.services.listings.create_market(
        actor=manager, slug="jungang", name={"ko": "중앙시장", "en": "Jungang"}, city={"ko": "부산"}
    )
    assert made.slug == "jungang"
    with pytest.raises(EditRefused):
        world.services.listings.create_market(
            actor=manager, slug="jungang", name={"ko": "x"}, city={}
        )
    with pytest.raises(EditRefused) as bad:
        world.services.listings.create_market(actor=manager, slug="Bad Slug", name={}, city={})
    assert [p.field for p in bad.value.problems] == ["slug", "name.ko"]
    renamed = world.services.listings.update_market(
        actor=manager, slug="jungang", name={"ko": "중앙전통시장"}, city={"ko": "부산"}
    )
    assert renamed.name.get("ko") == "중앙전통시장"
    for slug in ("bansong", "dongmun"):  # a real market starts clean
        assert world.services.listings.remove_market(actor=manager, slug=slug) > 0
    assert [m.slug for m in world.services.directory.list_markets()] == ["jungang"]
    with pytest.raises(NotFoundError):
        world.services.listings.remove_market(actor=manager, slug="bansong")
    actions = [e.action for e in world.services.audit.audit_log(actor=manager)][:4]
    assert actions == [AuditAction.MARKET_REMOVED] * 2 + [
        AuditAction.MARKET_CHANGED,
        AuditAction.MARKET_CREATED,
    ]


def test_audit_filters(world: World) -> None:
    manager = world.actors["manager"]
    _price(world, manager)
    _add_market(world, manager)
    entries = world.services.audit.audit_log(actor=manager, market_slug="jungang")
    assert [e.action for e in entries] == [AuditAction.MARKET_CREATED]
    from datetime import UTC, datetime, timedelta

    later = datetime.now(UTC) + timedelta(hours=1)
    assert world.services.audit.audit_log(actor=manager, since=later) == []
    assert all(
        e.actor_role in {r.value for r in Role}
        for e in world.services.audit.audit_log(actor=manager)
    )
