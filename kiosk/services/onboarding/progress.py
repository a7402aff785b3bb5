"""Onboarding progress: read a store's or a market's, save one step at the version it was read at.

A step's save checks the input (owner is a phone or e-mail, never a password;
a profile link on its kind's allow-list), checks the version the user saw
(two PCs never overwrite each other: a stale save is refused and names what
the other PC saved) and writes the step, its audit entry and a change event
in one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time

from kiosk.data import markets, onboarding_records, store_lists, stores
from kiosk.data.columns import utcnow
from kiosk.data.convert import localized, store_names
from kiosk.data.db import Database
from kiosk.data.models import Store
from kiosk.data.onboarding_records import progress_of
from kiosk.domain.access import Actor
from kiosk.domain.audit import AuditAction
from kiosk.domain.categories import Category
from kiosk.domain.listing import StoreDetail
from kiosk.domain.onboarding.checklist import Checklist, Step, statuses
from kiosk.domain.onboarding.profile_links import ProfileLink, ProfileLinkError, parse_profile_link
from kiosk.domain.onboarding.progress import MarketProgress, StoreOnboarding, StoreRow
from kiosk.domain.onboarding.status import (
    OnboardingConflict,
    OnboardingError,
    StepProgress,
    StepStatus,
    check_entries,
    needs_record,
)
from kiosk.domain.store_edit.draft import FieldChange
from kiosk.services import audit
from kiosk.services.changes import Change, ChangeKind
from kiosk.services.directory import get_market, get_store
from kiosk.services.live import note_change
from kiosk.services.uow import CONFLICTS, flush, roll_back, transaction


@dataclass(frozen=True, slots=True)
class StepDraft:
    """What a person entered for one step. ``completed_on`` restores a done day (undo)."""

    status: StepStatus
    note: str = ""
    helper: str = ""
    account_owner: str = ""
    link: str = ""
    completed_on: date | None = None


def _rows(db: Database, store_ids: list[int]) -> dict[int, dict[str, StepProgress]]:
    if not store_ids:
        return {}
    with transaction(db) as session:
        return onboarding_records.progress_by_store(session, store_ids)


def store_onboarding(*, db: Database, store_id: int, checklist: Checklist) -> StoreOnboarding:
    """One store with a ``StepProgress`` for every checklist step (version 0 where unsaved)."""
    store = get_store(db=db, store_id=store_id)
    saved = _rows(db, [store_id])[store_id]
    progress = {step.key: saved.get(step.key, StepProgress(step.key)) for step in checklist.steps}
    return StoreOnboarding(store, checklist, progress)


def checked_link(step: Step, text: str) -> str:
    """*text* as the step's checked profile link ("" when blank); ProfileLinkError if refused."""
    kind = step.records.profile
    if kind is None or not text.strip():
        return ""
    return parse_profile_link(kind, text).url


def check_draft(step: Step, draft: StepDraft, *, has_record: bool) -> StepDraft:
    """*draft* with its link normalised; OnboardingError / ProfileLinkError when refused.

    *has_record* says whether the store has (or is being given) the code an
    on-store step records; a step is done only with its data.
    """
    check_entries(note=draft.note, helper=draft.helper, account_owner=draft.account_owner)
    try:
        link = checked_link(step, draft.link)
    except ProfileLinkError as exc:
        raise OnboardingError(exc.message, field="link") from None
    present = has_record if step.records.on_store else bool(link)
    needs = step.records.on_store or step.records.profile is not None
    if draft.status is StepStatus.DONE and needs and not present:
        raise OnboardingError(needs_record(step.records), field="record")
    return StepDraft(
        status=draft.status,
        note=draft.note.strip(),
        helper=draft.helper.strip(),
        account_owner=draft.account_owner.strip() if step.account else "",
        link=link,
        completed_on=draft.completed_on,
    )


def _changes(step: str, old: StepProgress, new: StepProgress) -> list[FieldChange]:
    pairs = (
        ("status", old.status.value if old.version else "", new.status.value),
        ("note", old.note, new.note),
        ("helper", old.helper, new.helper),
        ("account_owner", old.account_owner, new.account_owner),
        ("link", old.link, new.link),
    )
    return [FieldChange(f"{step}.{name}", a, b) for name, a, b in pairs if a != b]


def _subject(store: Store) -> str:
    return f"{store.stall_number} {store_names(store).get('ko')}".strip()


def conflict(db: Database, store: StoreDetail, step: Step) -> OnboardingConflict:
    current = _rows(db, [store.id])[store.id].get(step.key, StepProgress(step.key))
    return OnboardingConflict(
        step_title=step.title.get("ko"),
        store=f"{store.stall_number} {store.name.get('ko')}".strip(),
        current=current,
    )


def save_step(
    *,
    db: Database,
    origin: str,
    actor: Actor,
    store: StoreDetail,
    step: Step,
    expected_version: int,
    draft: StepDraft,
) -> tuple[StepProgress, Change | None]:
    """Write *draft* (already checked by :func:`check_draft`) if the step is at *expected_version*.

    Returns the saved progress and the change to publish (None when nothing
    changed). Raises OnboardingConflict when another PC saved the step since
    (nothing is written), NotFoundError when the store is gone.
    """
    try:
        with transaction(db) as session:
            row_store = stores.store_row(session, store.id)
            if row_store is None:
                from kiosk.data.errors import NotFoundError

                raise NotFoundError("store", store.id)
            row = onboarding_records.step_row(session, store.id, step.key)
            old = progress_of(row) if row is not None else StepProgress(step.key)
            if old.version != expected_version:
                raise _StaleError
            if row is None:
                row = onboarding_records.add_step_row(session, store.id, step.key)
            now = utcnow()
            done_at = row.completed_at if old.status is StepStatus.DONE else None
            if draft.status is StepStatus.DONE and draft.completed_on is not None:
                done_at = datetime.combine(draft.completed_on, time(12, 0)).astimezone()
            row.status = draft.status.value
            row.completed_at = (done_at or now) if draft.status is StepStatus.DONE else None
            row.note = draft.note
            row.helper = draft.helper
            row.account_owner = draft.account_owner or None
            row.link = draft.link or None
            row.updated_by = actor.label()[:64]
            row.updated_at = now
            flush(session)
            new = progress_of(row)
            changes = _changes(step.key, old, new)
            if not changes and old.version:
                roll_back(session)
                return old, None
            audit.record(
                session,
                actor=actor,
                action=AuditAction.ONBOARDING_STEP,
                market_slug=store.market_slug,
                store_id=store.id,
                subject=_subject(row_store),
                changes=changes,
            )
            # A profile link shows on the tourist store page: tell the screens showing stores.
            kind = ChangeKind.STORES if old.link != new.link else ChangeKind.ONBOARDING
            change = Change(kind, store.market_slug, frozenset({store.id}))
            note_change(session, origin=origin, change=change)
    except _StaleError:
        raise conflict(db, store, step) from None
    except CONFLICTS:  # the version moved on (or the step was added) at flush or commit
        raise conflict(db, store, step) from None
    return new, change


class _StaleError(Exception):
    """The step moved on since it was read (turned into OnboardingConflict)."""


def market_progress(
    *, db: Database, market_slug: str, checklist: Checklist, category: Category | None = None
) -> MarketProgress:
    """The market's active stores (of *category*) in stall order, each with every step's status."""
    market = get_market(db=db, slug=market_slug)
    with transaction(db) as session:
        market_id = markets.market_by_slug(session, market_slug).id
        found = store_lists.progress_rows(session, market_id, category=category)
    saved = _rows(db, [row[0] for row in found])
    rows: list[StoreRow] = []
    for store_id, stall, name, kind, kakao, payment in found:
        progress: Mapping[str, StepProgress] = saved[store_id]
        states = statuses(checklist, progress, has_kakao=bool(kakao), has_payment=bool(payment))
        done_on = {key: progress[key].completed_on if key in progress else None for key in states}
        rows.append(StoreRow(store_id, stall, localized(name), kind, states, done_on))
    return MarketProgress(market, checklist, tuple(rows))


def profile_links(*, db: Database, store_id: int, checklist: Checklist) -> list[ProfileLink]:
    """The store's recorded public profile links, checked again (a bad one is left out)."""
    return profile_links_of(db=db, store_ids=[store_id], checklist=checklist)[store_id]


def profile_links_of(
    *, db: Database, store_ids: list[int], checklist: Checklist
) -> dict[int, list[ProfileLink]]:
    """:func:`profile_links` of many stores in one read (the published site's pages)."""
    rows = _rows(db, store_ids)
    found: dict[int, list[ProfileLink]] = {}
    for store_id in store_ids:
        saved = rows.get(store_id, {})
        links: list[ProfileLink] = []
        for step in checklist.steps:
            kind = step.records.profile
            progress = saved.get(step.key)
            if kind is None or progress is None or not progress.link:
                continue
            if progress.status is StepStatus.SKIPPED:
                continue
            try:
                links.append(parse_profile_link(kind, progress.link))
            except ProfileLinkError:
                continue
        found[store_id] = links
    return found
