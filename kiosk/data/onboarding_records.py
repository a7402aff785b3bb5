"""The ``onboarding_progress`` table: each store's saved steps as ``StepProgress`` values."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.data.models import OnboardingProgress
from kiosk.domain.onboarding.status import StepProgress, StepStatus


def _day(moment: datetime | None) -> date | None:
    return moment.astimezone().date() if moment is not None else None


def progress_of(row: OnboardingProgress) -> StepProgress:
    try:
        status = StepStatus(row.status)
    except ValueError:  # a status from a newer app: shown as in progress
        status = StepStatus.DOING
    return StepProgress(
        step=row.step,
        status=status,
        note=row.note or "",
        helper=row.helper or "",
        account_owner=row.account_owner or "",
        link=row.link or "",
        completed_on=_day(row.completed_at),
        updated_at=row.updated_at,
        updated_by=row.updated_by or "",
        version=row.version,
    )


def progress_by_store(session: Session, store_ids: list[int]) -> dict[int, dict[str, StepProgress]]:
    """Every saved step of *store_ids* (one query), by store then step key."""
    found: dict[int, dict[str, StepProgress]] = {store_id: {} for store_id in store_ids}
    if not store_ids:
        return found
    stmt = select(OnboardingProgress).where(OnboardingProgress.store_id.in_(store_ids))
    for row in session.scalars(stmt):
        found[row.store_id][row.step] = progress_of(row)
    return found


def step_row(session: Session, store_id: int, step: str) -> OnboardingProgress | None:
    """The saved row of one step of one store, or None."""
    return session.scalar(
        select(OnboardingProgress).where(
            OnboardingProgress.store_id == store_id, OnboardingProgress.step == step
        )
    )


def add_step_row(session: Session, store_id: int, step: str) -> OnboardingProgress:
    """A new, empty row for the step, added to *session*."""
    row = OnboardingProgress(store_id=store_id, step=step)
    session.add(row)
    return row
