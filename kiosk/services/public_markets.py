"""Markets from the national market list: a checked plan (the dry run), then one transaction.

A market of the file is the saved market with the same Korean name and the
same address (a market typed in by hand, with no address yet, is matched by
its name alone), so a second run updates and never duplicates. New markets get
a short name made from their name and address (``mkt-`` and 8 hex digits).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from kiosk.data import market_profiles
from kiosk.data.db import Database
from kiosk.data.models import Market
from kiosk.domain.access import Actor
from kiosk.domain.audit import AuditAction
from kiosk.domain.market_profile import MarketProfile
from kiosk.domain.messages import KioskError, Message
from kiosk.domain.public_data.markets_list import PublicMarket, read_markets_list
from kiosk.services import audit
from kiosk.services.changes import Change, ChangeKind
from kiosk.services.live import note_change
from kiosk.services.uow import transaction


class PublicImportRefused(KioskError):
    """Rows of a public file that stop the import; ``problems`` names each (nothing written)."""

    def __init__(self, problems: list[Message]) -> None:
        super().__init__(problems[0])
        self.problems = problems


class EntryKind(StrEnum):
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class MarketEntry:
    """One market of the file and what importing it does."""

    kind: EntryKind
    slug: str
    market: PublicMarket


@dataclass(frozen=True, slots=True)
class MarketsPlan:
    """The dry run of a national-list import."""

    source: str
    encoding: str
    rows: int
    entries: tuple[MarketEntry, ...]
    notes: tuple[Message, ...]

    def count(self, kind: EntryKind) -> int:
        return sum(1 for e in self.entries if e.kind is kind)

    @property
    def changes_anything(self) -> bool:
        return any(e.kind is not EntryKind.UNCHANGED for e in self.entries)


def new_slug(name: str, address: str) -> str:
    """The short name a market of the list gets: stable for the same name and address."""
    digest = hashlib.sha1(f"{name}|{address}".encode(), usedforsecurity=False).hexdigest()
    return f"mkt-{digest[:8]}"


def _match(saved: list[Market], market: PublicMarket) -> Market | None:
    address = market.profile.address
    same_name = [m for m in saved if m.name.get("ko", "").strip() == market.name]
    for row in same_name:
        if MarketProfile.from_json(row.profile).address == address:
            return row
    return next((m for m in same_name if not MarketProfile.from_json(m.profile).address), None)


def _merged(row: Market | None, market: PublicMarket) -> dict[str, Any]:
    """The profile to store: the file's facts, the manager's own settings kept."""
    kept = MarketProfile.from_json(row.profile if row is not None else None)
    new = market.profile.to_json()
    new["roster_map"] = dict(kept.roster_map)
    new["categories"] = {k: dict(v) for k, v in kept.categories.items()}
    return new


def check_public_markets(db: Database, *, path: Path, sido: str, name: str) -> MarketsPlan:
    """Read *path* and compare with the saved markets (raises PublicImportRefused)."""
    with path.open("rb") as raw:
        read = read_markets_list(raw, path.name, sido=sido, contains=name)
    if read.problems:
        raise PublicImportRefused(list(read.problems))
    entries: list[MarketEntry] = []
    with transaction(db) as session:
        saved = market_profiles.all_markets(session)
        for market in read.markets:
            row = _match(saved, market)
            if row is None:
                slug = new_slug(market.name, market.profile.address)
                entries.append(MarketEntry(EntryKind.NEW, slug, market))
                continue
            same = (row.profile or {}) == _merged(row, market)
            kind = EntryKind.UNCHANGED if same else EntryKind.UPDATED
            entries.append(MarketEntry(kind, row.slug, market))
    return MarketsPlan(path.name, read.encoding, read.rows, tuple(entries), read.notes)


def apply_public_markets(db: Database, *, origin: str, actor: Actor, plan: MarketsPlan) -> int:
    """Write the plan's new and changed markets in one transaction; how many were written."""
    if not plan.changes_anything:
        return 0
    written = 0
    with transaction(db) as session:
        saved = market_profiles.all_markets(session)
        slugs = {m.slug for m in saved}
        for entry in plan.entries:
            market = entry.market
            row = _match(saved, market)
            if row is None:
                slug = entry.slug
                while slug in slugs:  # two markets of one name and address: keep both apart
                    slug = new_slug(slug, market.profile.address)
                slugs.add(slug)
                made = market_profiles.add_market(
                    session, slug=slug, name={"ko": market.name}, profile=_merged(None, market)
                )
                saved.append(made)
                written += 1
            elif (row.profile or {}) != _merged(row, market):
                market_profiles.set_profile(row, _merged(row, market))
                written += 1
        audit.record(
            session,
            actor=actor,
            action=AuditAction.MARKETS_IMPORTED,
            subject=plan.source,
            changes=[
                (e.slug, e.kind.value, e.market.name)
                for e in plan.entries
                if e.kind is not EntryKind.UNCHANGED
            ][:300],
        )
        note_change(session, origin=origin, change=Change(ChangeKind.MARKETS))
    return written
