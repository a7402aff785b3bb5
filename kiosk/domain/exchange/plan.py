"""What an import would change: stores matched by stall number, goods by their Korean name.

A plan is made from the file and the market as it is now, shown to the
manager (the dry run), and applied only if no store it touches changed
meanwhile (each store's version is part of the plan).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cache

from kiosk.domain.listing import GoodListing, StoreListing
from kiosk.domain.locales import LOCALES, LocaleCode
from kiosk.domain.store_edit.changes import changes_between
from kiosk.domain.store_edit.draft import FieldChange, empty_draft


class PlanKind(StrEnum):
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    DEACTIVATED = "deactivated"


@dataclass(frozen=True, slots=True)
class CurrentStore:
    """A store as saved: its id, the version a write must find, and its listing (good ids set)."""

    id: int
    version: int
    listing: StoreListing


@dataclass(frozen=True, slots=True)
class StorePlan:
    """One store's fate. ``listing`` is what will be saved (goods matched carry their ids).

    ``changes`` is the diff against the saved store; a NEW store has none (its lines
    for the audit log come from :meth:`field_changes`, made only when wanted).
    """

    kind: PlanKind
    listing: StoreListing
    store_id: int | None = None
    version: int | None = None
    changes: tuple[FieldChange, ...] = ()
    new_goods: int = 0
    changed_goods: int = 0
    removed_goods: int = 0

    @property
    def stall(self) -> str:
        return self.listing.stall_number

    @property
    def touches_codes(self) -> bool:
        if self.kind is PlanKind.NEW:
            return bool(self.listing.kakao or self.listing.payment)
        return any(c.field in ("kakao_channel", "payment_qr") for c in self.changes)

    def field_changes(self) -> tuple[FieldChange, ...]:
        """What this store's write changes, field by field; a new store's list is made here,
        on demand (a plan keeps no diff against an empty store)."""
        return creation_changes(self.listing) if self.kind is PlanKind.NEW else self.changes

    def change_count(self) -> int:
        """``len(self.field_changes())`` without making a new store's list."""
        return creation_count(self.listing) if self.kind is PlanKind.NEW else len(self.changes)


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """Every store of the file and the market's stores missing from it.

    ``missing`` are active stalls not in the file; they are deactivated only
    when ``deactivate_missing`` (then they are in ``stores`` as DEACTIVATED).
    """

    market_slug: str
    source: str
    stores: tuple[StorePlan, ...]
    missing: tuple[str, ...]
    deactivate_missing: bool
    #: Saved texts kept because the file held them as CP949 turned them into "?".
    kept_texts: int = 0
    #: The roster's column mapping (field -> its header) the file was read with, if any;
    #: remembered for the market when the plan is written.
    column_map: Mapping[str, str] | None = None

    def count(self, kind: PlanKind) -> int:
        return sum(1 for store in self.stores if store.kind is kind)

    @property
    def new_goods(self) -> int:
        return sum(s.new_goods for s in self.stores)

    @property
    def changed_goods(self) -> int:
        return sum(s.changed_goods for s in self.stores)

    @property
    def removed_goods(self) -> int:
        return sum(s.removed_goods for s in self.stores)

    @property
    def changes_anything(self) -> bool:
        return any(s.kind is not PlanKind.UNCHANGED for s in self.stores)

    @property
    def touches_codes(self) -> bool:
        return any(s.touches_codes for s in self.stores)

    def changed(self) -> list[StorePlan]:
        return [s for s in self.stores if s.kind is not PlanKind.UNCHANGED]


def _match_goods(
    old: Sequence[GoodListing], new: Sequence[GoodListing]
) -> tuple[tuple[GoodListing, ...], int, int, int]:
    """*new* with the ids of the old goods of the same Korean name; new/changed/removed counts."""
    by_name = {good.name.get("ko", ""): good for good in old}
    matched: list[GoodListing] = []
    added = changed = 0
    for good in new:
        before = by_name.pop(good.name.get("ko", ""), None)
        if before is None:
            added += 1
            matched.append(good)
            continue
        kept = replace(good, id=before.id)
        changed += kept != before
        matched.append(kept)
    return tuple(matched), added, changed, len(by_name)


def creation_changes(listing: StoreListing) -> tuple[FieldChange, ...]:
    """A new store's lines for the audit log: created, then every field it is given."""
    start = replace(empty_draft(), category=listing.category, active=listing.active)
    return (FieldChange("store", "", "created"), *changes_between(start, listing))


@cache
def _empty() -> StoreListing:
    """The empty draft a new store's changes are counted from (made once)."""
    return empty_draft()


def creation_count(listing: StoreListing) -> int:
    """``len(creation_changes(listing))``, counted without building the lines."""
    start = _empty()
    given = (
        listing.stall_number != start.stall_number,
        listing.phone != start.phone,
        listing.hours != start.hours,
        bool(listing.payment_methods),
        listing.kakao != start.kakao,
        listing.payment != start.payment,
    )
    # The locales with a text, counted without a generator (an import counts thousands).
    names = sum(map(bool, map(listing.name.get, LOCALES)))
    descriptions = sum(map(bool, map(listing.description.get, LOCALES)))
    return 1 + sum(given) + names + descriptions + len(listing.products)


def _lossy(text: str, encoding: str) -> str:
    return text.encode(encoding, errors="replace").decode(encoding)


def keep_lost_texts(
    current: Mapping[str, CurrentStore], incoming: Sequence[StoreListing], encoding: str
) -> tuple[list[StoreListing], int]:
    """*incoming* with every text that *encoding* degraded ("?" for what it cannot hold)
    put back as saved, and how many were put back.

    Korean Excel's CSV is CP949, which has no simplified Chinese characters: a
    five-language market saved that way comes back with ``?`` in them. A cell
    that equals the saved text so degraded is the saved text, not an edit.
    """
    kept = 0

    def texts(
        saved: Mapping[LocaleCode, str], new: Mapping[LocaleCode, str]
    ) -> dict[LocaleCode, str]:
        nonlocal kept
        merged = dict(new)
        for locale, text in saved.items():
            if new.get(locale, "") != text and _lossy(text, encoding) == new.get(locale, ""):
                merged[locale] = text
                kept += 1
        return merged

    fixed: list[StoreListing] = []
    for listing in incoming:
        saved = current.get(listing.stall_number)
        if saved is None:
            fixed.append(listing)
            continue
        goods = {g.name.get("ko", ""): g for g in saved.listing.products}
        products = tuple(
            replace(g, name=texts(goods[g.name.get("ko", "")].name, g.name))
            if g.name.get("ko", "") in goods
            else g
            for g in listing.products
        )
        fixed.append(
            replace(
                listing,
                name=texts(saved.listing.name, listing.name),
                description=texts(saved.listing.description, listing.description),
                products=products,
            )
        )
    return fixed, kept


def plan_import(
    *,
    market_slug: str,
    source: str,
    current: Mapping[str, CurrentStore],
    incoming: Sequence[StoreListing],
    deactivate_missing: bool = False,
    kept_texts: int = 0,
    column_map: Mapping[str, str] | None = None,
) -> ImportPlan:
    """Compare *incoming* (a file's stores) with *current* (stall -> store as saved)."""
    plans: list[StorePlan] = []
    for listing in incoming:
        saved = current.get(listing.stall_number)
        if saved is None:
            plans.append(StorePlan(PlanKind.NEW, listing, new_goods=len(listing.products)))
            continue
        goods, added, changed, removed = _match_goods(saved.listing.products, listing.products)
        final = replace(listing, products=goods)
        changes = tuple(changes_between(saved.listing, final))
        plans.append(
            StorePlan(
                PlanKind.UPDATED if changes else PlanKind.UNCHANGED,
                final,
                store_id=saved.id,
                version=saved.version,
                changes=changes,
                new_goods=added,
                changed_goods=changed,
                removed_goods=removed,
            )
        )
    in_file = {listing.stall_number for listing in incoming}
    missing = tuple(
        stall for stall, saved in current.items() if stall not in in_file and saved.listing.active
    )
    if deactivate_missing:
        for stall in missing:
            saved = current[stall]
            plans.append(
                StorePlan(
                    PlanKind.DEACTIVATED,
                    replace(saved.listing, active=False),
                    store_id=saved.id,
                    version=saved.version,
                    changes=(FieldChange("active", "True", "False"),),
                )
            )
    return ImportPlan(
        market_slug=market_slug,
        source=source,
        stores=tuple(plans),
        missing=missing,
        deactivate_missing=deactivate_missing,
        kept_texts=kept_texts,
        column_map=dict(column_map) if column_map else None,
    )
