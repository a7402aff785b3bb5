"""A market's synonym list: read it, replace it (checked, audited) or go back to the default."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kiosk.data import markets, synonym_lists
from kiosk.data.db import Database
from kiosk.domain.access import Actor
from kiosk.domain.audit import AuditAction
from kiosk.domain.synonyms import SynonymGroup, check_synonyms, group_line
from kiosk.services import audit
from kiosk.services.changes import Change, ChangeKind
from kiosk.services.live import note_change
from kiosk.services.uow import transaction


@dataclass(frozen=True, slots=True)
class SynonymList:
    """A market's synonym groups; ``is_default`` when it has not edited the shipped list."""

    market_slug: str
    groups: tuple[SynonymGroup, ...]
    is_default: bool


def read_synonyms(*, db: Database, market_slug: str) -> SynonymList:
    """The list the market's search uses now (NotFoundError names the known markets)."""
    with transaction(db) as session:
        market = markets.market_by_slug(session, market_slug)
        own = synonym_lists.stored_groups(market.synonyms)
    if own is None:
        return SynonymList(market_slug, synonym_lists.default_groups(), True)
    return SynonymList(market_slug, own, False)


def _changes(
    old: Sequence[SynonymGroup], new: Sequence[SynonymGroup]
) -> list[tuple[str, str, str]]:
    """The groups that went and came, one audit line each, keyed by their first word."""
    gone = [group for group in old if group not in new]
    came = [group for group in new if group not in old]
    out = [(f"synonyms: {group[0]}", group_line(group), "") for group in gone]
    out += [(f"synonyms: {group[0]}", "", group_line(group)) for group in came]
    return out


def save_synonyms(
    *,
    db: Database,
    origin: str,
    actor: Actor,
    market_slug: str,
    groups: Iterable[Sequence[str]] | None,
) -> tuple[SynonymList, Change]:
    """Replace the market's list (None: the shipped default again).

    SynonymError names the first bad group and word; nothing is written then.
    The change is seen by the next search on every PC (the list is read with it).
    """
    checked = None if groups is None else check_synonyms(groups)
    change = Change(ChangeKind.MARKETS, market_slug)
    with transaction(db) as session:
        market = markets.market_by_slug(session, market_slug)
        before = synonym_lists.stored_groups(market.synonyms)
        old = synonym_lists.default_groups() if before is None else before
        new = synonym_lists.default_groups() if checked is None else tuple(checked)
        lines = _changes(old, new)
        if before is None and checked is None:
            lines = []
        elif checked is None:
            lines.append(("synonyms", "own list", "default list"))
        synonym_lists.set_market_groups(session, market.id, checked)
        if lines:
            audit.record(
                session,
                actor=actor,
                action=AuditAction.SYNONYMS_CHANGED,
                market_slug=market_slug,
                subject=market.name.get("ko", market_slug),
                changes=lines,
            )
            note_change(session, origin=origin, change=change)
    return SynonymList(market_slug, new, checked is None), change
