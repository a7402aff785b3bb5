"""Add, rename and remove markets (the manager's; the demo markets may go too)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from kiosk.data import markets
from kiosk.data.convert import market_info
from kiosk.data.db import Database
from kiosk.domain.access import Actor
from kiosk.domain.audit import AuditAction
from kiosk.domain.listing import MarketInfo
from kiosk.domain.locales import LOCALES, LocaleCode
from kiosk.domain.messages import N_, define
from kiosk.domain.store_edit.checks import REQUIRED
from kiosk.domain.store_edit.draft import EditRefused, FieldChange, Problem, field_label
from kiosk.services import audit
from kiosk.services.changes import Change, ChangeKind
from kiosk.services.live import note_change
from kiosk.services.uow import transaction

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{1,63}$")
BAD_SLUG = define(
    "market.bad_slug",
    N_("Short name: 2 to 64 small letters a-z, digits and '-' (for example jungang-market)."),
)
SLUG_TAKEN = define("market.slug_taken", N_("Short name: a market {slug!r} already exists."))


def _texts(values: Mapping[LocaleCode, str]) -> dict[str, str]:
    return {k: values[k].strip() for k in LOCALES if values.get(k, "").strip()}


def _check(slug: str, name: Mapping[LocaleCode, str]) -> None:
    problems: list[Problem] = []
    if not _SLUG.match(slug):
        problems.append(Problem("slug", BAD_SLUG()))
    if not name.get("ko", "").strip():
        problems.append(Problem("name.ko", REQUIRED(field=field_label("name", "ko"))))
    if problems:
        raise EditRefused(problems)


def _changes(old: Mapping[str, str], new: Mapping[str, str], key: str) -> list[FieldChange]:
    return [
        FieldChange(f"{key}.{loc}", old.get(loc, ""), new.get(loc, ""))
        for loc in LOCALES
        if old.get(loc, "") != new.get(loc, "")
    ]


def create_market(
    *,
    db: Database,
    origin: str,
    actor: Actor,
    slug: str,
    name: Mapping[LocaleCode, str],
    city: Mapping[LocaleCode, str],
) -> MarketInfo:
    slug = slug.strip()
    _check(slug, name)
    with transaction(db) as session:
        if markets.slug_taken(session, slug):
            raise EditRefused([Problem("slug", SLUG_TAKEN(slug=slug))])
        row = markets.add_market(session, slug=slug, name=_texts(name), city=_texts(city))
        audit.record(
            session,
            actor=actor,
            action=AuditAction.MARKET_CREATED,
            market_slug=slug,
            subject=row.name.get("ko", slug),
            changes=[*_changes({}, row.name, "name"), *_changes({}, row.city, "city")],
        )
        note_change(session, origin=origin, change=Change(ChangeKind.MARKETS, slug))
        return market_info(row)


def update_market(
    *,
    db: Database,
    origin: str,
    actor: Actor,
    slug: str,
    name: Mapping[LocaleCode, str],
    city: Mapping[LocaleCode, str],
) -> MarketInfo:
    """Rename a market (its short name, which other PCs use, stays)."""
    _check(slug, name)
    with transaction(db) as session:
        row = markets.market_by_slug(session, slug)
        new_name, new_city = _texts(name), _texts(city)
        changes = [*_changes(row.name, new_name, "name"), *_changes(row.city, new_city, "city")]
        row.name, row.city = new_name, new_city
        count = markets.store_count(session, row.id, active_only=True)
        if changes:
            audit.record(
                session,
                actor=actor,
                action=AuditAction.MARKET_CHANGED,
                market_slug=slug,
                subject=new_name.get("ko", slug),
                changes=changes,
            )
            note_change(session, origin=origin, change=Change(ChangeKind.MARKETS, slug))
        return market_info(row, store_count=count)


def set_site_url(*, db: Database, origin: str, actor: Actor, slug: str, url: str) -> MarketInfo:
    """Set the market's website address (checked; "" forgets it), audited when it changes."""
    from kiosk.domain.site import check_site_url

    checked = check_site_url(url)
    with transaction(db) as session:
        row = markets.market_by_slug(session, slug)
        old = row.site_url or ""
        if checked != old:
            row.site_url = checked
            audit.record(
                session,
                actor=actor,
                action=AuditAction.MARKET_SITE,
                market_slug=slug,
                subject=row.name.get("ko", slug),
                changes=[FieldChange("site_url", old, checked)],
            )
            note_change(session, origin=origin, change=Change(ChangeKind.MARKETS, slug))
        count = markets.store_count(session, row.id, active_only=True)
        return market_info(row, store_count=count)


def remove_market(*, db: Database, origin: str, actor: Actor, slug: str) -> int:
    """Delete a market with its stores and goods; return how many stores went.

    The audit log keeps every entry about it.
    """
    with transaction(db) as session:
        row = markets.market_by_slug(session, slug)
        count = markets.store_count(session, row.id, active_only=False)
        audit.record(
            session,
            actor=actor,
            action=AuditAction.MARKET_REMOVED,
            market_slug=slug,
            subject=row.name.get("ko", slug),
            changes=[FieldChange("stores", str(count), "0")],
        )
        markets.remove_market(session, row)
        note_change(session, origin=origin, change=Change(ChangeKind.MARKETS, slug))
    return count
