"""Stores from the SEMAS registry: a checked plan of candidates, then the accepted ones written
all-or-nothing with one audit entry.

A shop is found again by its 상가업소번호 (``stores.external_id``): a second run
updates its name and category and never adds it twice; a shop the market has
but the registry no longer lists is reported, not deleted.
"""

from __future__ import annotations

import tomllib
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from kiosk.data import markets, registry_stores
from kiosk.data.db import Database
from kiosk.domain.access import Actor
from kiosk.domain.audit import AuditAction
from kiosk.domain.market_profile import MarketProfile
from kiosk.domain.messages import N_, KioskError, define
from kiosk.domain.public_data.categories import CategoryTable, category_table
from kiosk.domain.public_data.semas import Area, Candidate, scan_registry
from kiosk.services import audit
from kiosk.services.changes import Change, ChangeKind
from kiosk.services.exchange.bulk import CHANGED_SINCE_CHECK, ImportStale
from kiosk.services.live import note_change
from kiosk.services.public_markets import EntryKind, PublicImportRefused
from kiosk.services.uow import connection_of, flush, transaction

#: The default radius around the market's centre (metres).
DEFAULT_RADIUS_M: Final = 150.0

NO_CENTRE = define(
    "public.market_without_place",
    N_(
        "market {market} has no coordinates: give the centre of the radius "
        "(--centre LATITUDE,LONGITUDE) or the market's building name (--building NAME)"
    ),
)
BAD_TOML = define("public.bad_toml", N_("{name} is not a TOML file: {reason}"))


class NeedsCentre(KioskError):
    """The market has no coordinates and no building name was given."""


@dataclass(frozen=True, slots=True)
class StoreEntry:
    """A candidate and what accepting it does (``store_id`` set when it is already saved)."""

    kind: EntryKind
    candidate: Candidate
    stall: str
    store_id: int | None = None
    version: int | None = None


@dataclass(frozen=True, slots=True)
class StoresPlan:
    """The dry run of a registry import for one market."""

    source: str
    encoding: str
    rows: int
    market_slug: str
    entries: tuple[StoreEntry, ...]
    gone: tuple[str, ...]
    categories: dict[str, dict[str, str]] | None

    def count(self, kind: EntryKind) -> int:
        return sum(1 for e in self.entries if e.kind is kind)

    @property
    def no_location(self) -> tuple[StoreEntry, ...]:
        return tuple(e for e in self.entries if e.candidate.place is None)


def _table(
    profile: MarketProfile, categories: Path | None
) -> tuple[CategoryTable, dict[str, dict[str, str]] | None]:
    base = category_table(registry_stores.shipped_categories(), "semas_categories.toml")
    own: dict[str, dict[str, str]] | None = None
    if categories is not None:
        try:
            with categories.open("rb") as file:
                parsed = tomllib.load(file)
        except tomllib.TOMLDecodeError as exc:
            raise PublicImportRefused([BAD_TOML(name=categories.name, reason=str(exc))]) from None
        own = category_table(parsed, categories.name).to_json()
    chosen = own if own is not None else profile.categories
    if not chosen:
        return base, own
    return category_table(chosen, "categories").over(base), own


def check_public_stores(
    db: Database,
    *,
    path: Path,
    market_slug: str,
    radius_m: float = DEFAULT_RADIUS_M,
    centre: tuple[float, float] | None = None,
    building: str = "",
    categories: Path | None = None,
) -> StoresPlan:
    """Scan *path* for the market's shops and compare with its saved stores.

    The file is scanned outside any transaction (a province file takes seconds).
    """
    with transaction(db) as session:
        market = markets.market_by_slug(session, market_slug)
        profile = MarketProfile.from_json(market.profile)
        name = market.name.get("ko", "")
    if centre is None and profile.latitude is not None and profile.longitude is not None:
        centre = (profile.latitude, profile.longitude)
    if centre is None and not building:
        raise NeedsCentre(NO_CENTRE(market=market_slug))
    table, own = _table(profile, categories)
    area = Area(centre, radius_m, tuple(n for n in (name, building.strip()) if len(n) >= 2))
    with path.open("rb") as raw:
        read = scan_registry(raw, path.name, area, table)
    if read.problems:
        raise PublicImportRefused(list(read.problems))
    with transaction(db) as session:
        market_id = markets.market_id(connection_of(session), market_slug)
        saved = {s.external_id: s for s in registry_stores.registry_stores(session, market_id)}
        stalls = registry_stores.stall_numbers(session, market_id)
        entries: list[StoreEntry] = []
        for candidate in read.candidates:
            store = saved.get(candidate.shop_id)
            if store is None:
                stall = _free_stall(candidate.stall, stalls)
                entries.append(StoreEntry(EntryKind.NEW, candidate, stall))
                continue
            same = store.name.get("ko") == candidate.name and store.category == candidate.category
            kind = EntryKind.UNCHANGED if same else EntryKind.UPDATED
            entries.append(StoreEntry(kind, candidate, store.stall_number, store.id, store.version))
        listed = {c.shop_id for c in read.candidates}
        gone = tuple(
            f"{s.stall_number} {s.name.get('ko', '')}"
            for key, s in saved.items()
            if key not in listed and s.active
        )
    return StoresPlan(path.name, read.encoding, read.rows, market_slug, tuple(entries), gone, own)


def _free_stall(wanted: str, taken: set[str]) -> str:
    stall, n = wanted, 1
    while stall in taken:
        n += 1
        stall = f"{wanted[:16]}-{n}"
    taken.add(stall)
    return stall


def apply_public_stores(
    db: Database,
    *,
    origin: str,
    actor: Actor,
    plan: StoresPlan,
    accepted: Collection[str] | None = None,
) -> int:
    """Write the accepted (default: all) new and changed shops in one transaction; how many.

    Raises ImportStale (nothing written) when a store changed since the check.
    """
    chosen = [
        e
        for e in plan.entries
        if e.kind is not EntryKind.UNCHANGED
        and (accepted is None or e.candidate.shop_id in accepted)
    ]
    if not chosen and plan.categories is None:
        return 0
    with transaction(db) as session:
        market = markets.market_by_slug(session, plan.market_slug)
        saved = {s.id: s for s in registry_stores.registry_stores(session, market.id)}
        stalls = registry_stores.stall_numbers(session, market.id)
        stale = [
            e
            for e in chosen
            if (
                e.store_id is not None
                and getattr(saved.get(e.store_id), "version", None) != e.version
            )
            or (e.store_id is None and e.stall in stalls)
        ]
        if stale:
            raise ImportStale(CHANGED_SINCE_CHECK(count=len(stale), market=plan.market_slug))
        for entry in chosen:
            c = entry.candidate
            if entry.store_id is None:
                registry_stores.add_registry_store(
                    session, market, stall=entry.stall, name=c.name, category=c.category,
                    external_id=c.shop_id,
                )  # fmt: skip
            else:
                store = saved[entry.store_id]
                store.name = {**store.name, "ko": c.name}
                store.category = c.category
        if plan.categories is not None:
            profile = dict(market.profile or {})
            profile["categories"] = plan.categories
            market.profile = profile
        flush(session)
        audit.record(
            session,
            actor=actor,
            action=AuditAction.STORES_IMPORTED,
            market_slug=plan.market_slug,
            subject=plan.source,
            changes=[(e.stall, e.kind.value, f"{e.candidate.shop_id} {e.candidate.name}")
                     for e in chosen][:300],
        )  # fmt: skip
        note_change(session, origin=origin, change=Change(ChangeKind.STORES, plan.market_slug))
    return len(chosen)
