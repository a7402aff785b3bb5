"""The onboarding checklist as values: steps in order, each in the five languages.

The steps are data (a TOML file shipped with the app, read by
:mod:`kiosk.domain.onboarding.checklist_file`), never code: a market may replace the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from kiosk.domain.onboarding.status import RecordKind, StepProgress, StepStatus, effective_status
from kiosk.domain.text import LocalizedText


@dataclass(frozen=True, slots=True)
class Programme:
    """A support programme a step belongs to (Kakao "project Dangol", Zero Pay, ...)."""

    key: str
    name: LocalizedText


@dataclass(frozen=True, slots=True)
class Step:
    """One step: what it is, why it helps, how (sub-steps), what to bring, where, how long.

    ``url`` is the official page (shown as a link and as a QR code); "" when the
    step happens in this app. ``account`` says the step opens an account whose
    owner (phone or e-mail) is recorded.
    """

    key: str
    order: int
    title: LocalizedText
    why: LocalizedText
    substeps: tuple[LocalizedText, ...]
    documents: tuple[LocalizedText, ...]
    url: str
    minutes: int
    programme: Programme | None
    records: RecordKind
    account: bool


@dataclass(frozen=True, slots=True)
class Checklist:
    """Steps in their order; ``source`` names the file it came from (for messages)."""

    steps: tuple[Step, ...]
    source: str = ""
    programmes: Mapping[str, Programme] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.steps)

    def step_keys(self) -> list[str]:
        return [step.key for step in self.steps]

    def get(self, key: str) -> Step | None:
        return next((step for step in self.steps if step.key == key), None)

    def index(self, key: str) -> int:
        return self.step_keys().index(key)

    def number(self, key: str) -> int:
        """The step's number as the list shows it ("7. ..."): its place, counting from 1."""
        return self.index(key) + 1


@dataclass(frozen=True, slots=True)
class Tally:
    """How far one store is: done of the steps that apply (skipped ones left out).

    This is the one count of steps every screen, report and listing shows
    ("8 of 10 steps done", the skipped ones named beside it); a step's own
    place in the list is ``Checklist.number``, never a count.
    """

    done: int
    applicable: int
    doing: int = 0
    skipped: int = 0

    @property
    def share(self) -> float:
        return self.done / self.applicable if self.applicable else 1.0


def statuses(
    checklist: Checklist,
    progress: Mapping[str, StepProgress],
    *,
    has_kakao: bool,
    has_payment: bool,
) -> dict[str, StepStatus]:
    """Every step's status, a saved code counting as done (``effective_status``)."""
    return {
        step.key: effective_status(
            progress.get(step.key, StepProgress(step.key)).status,
            step.records,
            has_kakao=has_kakao,
            has_payment=has_payment,
        )
        for step in checklist.steps
    }


def tally(states: Mapping[str, StepStatus]) -> Tally:
    values = list(states.values())
    applicable = sum(1 for s in values if s is not StepStatus.SKIPPED)
    done = sum(1 for s in values if s is StepStatus.DONE)
    doing = sum(1 for s in values if s is StepStatus.DOING)
    return Tally(done, applicable, doing, len(values) - applicable)


def next_step(checklist: Checklist, states: Mapping[str, StepStatus]) -> Step | None:
    """The recommended next step: the first one in progress, else the first not started."""
    for wanted in (StepStatus.DOING, StepStatus.TODO):
        for step in checklist.steps:
            if states.get(step.key, StepStatus.TODO) is wanted:
                return step
    return None
