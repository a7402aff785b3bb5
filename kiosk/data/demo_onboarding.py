"""The demo stores' invented onboarding progress (data/demo/onboarding.toml), checked and inserted.

Inserted in the seeding transaction right after a demo market's stores, so a
demo market always comes with its progress. Every entry is checked against the
shipped checklist and the onboarding rules (a bad demo file fails loudly).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import lru_cache
from pathlib import Path

from sqlalchemy import insert
from sqlalchemy.orm import Session

from kiosk.data.checklists import PACKAGED_CHECKLIST
from kiosk.data.models import OnboardingProgress
from kiosk.domain.onboarding.checklist import Checklist
from kiosk.domain.onboarding.checklist_file import read_checklist
from kiosk.domain.onboarding.profile_links import parse_profile_link
from kiosk.domain.onboarding.status import StepStatus, owner_problem, text_problem

DEMO_PROGRESS = Path(__file__).resolve().parent / "demo" / "onboarding.toml"
_FIELDS = frozenset({"status", "on", "helper", "owner", "note", "link"})


@dataclass(frozen=True, slots=True)
class DemoStep:
    step: str
    status: StepStatus
    on: date | None = None
    helper: str = ""
    owner: str = ""
    note: str = ""
    link: str = ""


@lru_cache(maxsize=1)
def packaged_checklist() -> Checklist:
    return read_checklist(PACKAGED_CHECKLIST.read_bytes(), source=str(PACKAGED_CHECKLIST))


def _entry(where: str, step: str, data: object, checklist: Checklist) -> DemoStep:
    known = checklist.get(step)
    if known is None:
        raise ValueError(f"{where}: unknown step {step!r}")
    if not isinstance(data, dict) or not set(data) <= _FIELDS:
        raise ValueError(f"{where}: {step} must be a table of {sorted(_FIELDS)}")
    entry = DemoStep(
        step=step,
        status=StepStatus(data.get("status", "todo")),
        on=data.get("on"),
        helper=data.get("helper", ""),
        owner=data.get("owner", ""),
        note=data.get("note", ""),
        link=data.get("link", ""),
    )
    problems = [
        owner_problem(entry.owner),
        text_problem("note", entry.note),
        text_problem("helper", entry.helper),
    ]
    kind = known.records.profile
    if entry.link:
        if kind is None or parse_profile_link(kind, entry.link).url != entry.link:
            raise ValueError(f"{where}: {step} link {entry.link!r} is not a checked {kind} link")
    elif kind is not None and entry.status is StepStatus.DONE:
        raise ValueError(f"{where}: {step} is done without its link")
    if (entry.status is StepStatus.DONE) != (entry.on is not None):
        raise ValueError(f"{where}: {step} has a day exactly when it is done")
    bad = next((p for p in problems if p is not None), None)
    if bad is not None:
        raise ValueError(f"{where}: {step}: {bad}")
    return entry


@lru_cache(maxsize=1)
def demo_progress() -> Mapping[str, Mapping[str, tuple[DemoStep, ...]]]:
    """``{market slug: {stall: steps}}`` from the demo file, checked."""
    data = tomllib.loads(DEMO_PROGRESS.read_text(encoding="utf-8"))
    checklist = packaged_checklist()
    result: dict[str, dict[str, tuple[DemoStep, ...]]] = {}
    for slug, stalls in data.items():
        result[slug] = {
            stall: tuple(
                _entry(f"{DEMO_PROGRESS.name} [{slug}.{stall}]", step, value, checklist)
                for step, value in steps.items()
            )
            for stall, steps in stalls.items()
        }
    return result


def _moment(day: date | None) -> datetime | None:
    return datetime.combine(day, time(12, 0), tzinfo=UTC) if day is not None else None


def insert_demo_progress(session: Session, market_slug: str, stores: Mapping[str, int]) -> int:
    """Insert the demo progress of *market_slug*'s stores (``{stall: store id}``); rows added.

    A market the demo file does not know gets nothing; a stall it names that the
    market lacks is an error in the demo data.
    """
    stalls = demo_progress().get(market_slug, {})
    rows: list[dict[str, object]] = []
    for stall, steps in stalls.items():
        if stall not in stores:
            raise ValueError(f"{DEMO_PROGRESS.name}: market {market_slug!r} has no stall {stall!r}")
        for entry in steps:
            done = _moment(entry.on)
            rows.append(
                {
                    "store_id": stores[stall],
                    "step": entry.step,
                    "status": entry.status.value,
                    "account_owner": entry.owner or None,
                    "completed_at": done,
                    "note": entry.note,
                    "helper": entry.helper,
                    "link": entry.link or None,
                    "updated_by": "demo",
                    "updated_at": done or datetime(2026, 9, 1, 12, 0, tzinfo=UTC),
                    "version": 1,
                }
            )
    if rows:
        session.execute(insert(OnboardingProgress), rows)
    return len(rows)
