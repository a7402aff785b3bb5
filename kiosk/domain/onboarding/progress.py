"""Read models of onboarding progress: one store's checklist, and a whole market's."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from kiosk.domain.categories import Category
from kiosk.domain.listing import MarketInfo, StoreDetail
from kiosk.domain.onboarding.checklist import Checklist, Step, Tally, next_step, statuses, tally
from kiosk.domain.onboarding.profile_links import ProfileKind, ProfileLink
from kiosk.domain.onboarding.status import StepProgress, StepStatus
from kiosk.domain.text import LocalizedText


@dataclass(frozen=True, slots=True)
class StoreOnboarding:
    """One store with its progress on every step (``version`` 0 where never saved).

    ``states`` counts a saved KakaoTalk channel or payment QR as done
    (``kiosk.domain.onboarding.status.effective_status``); ``store.version`` is what a
    code change is saved against.
    """

    store: StoreDetail
    checklist: Checklist
    progress: Mapping[str, StepProgress]

    @property
    def states(self) -> dict[str, StepStatus]:
        return statuses(
            self.checklist,
            self.progress,
            has_kakao=bool(self.store.kakao_channel_id),
            has_payment=bool(self.store.payment_qr_payload),
        )

    def tally(self) -> Tally:
        return tally(self.states)

    def next_step(self) -> Step | None:
        return next_step(self.checklist, self.states)

    def step(self, key: str) -> StepProgress:
        return self.progress.get(key, StepProgress(key))

    def profile_links(self) -> list[ProfileLink]:
        """The recorded profile links, in checklist order (for "find us on")."""
        links: list[ProfileLink] = []
        for step in self.checklist.steps:
            kind = step.records.profile
            saved = self.step(step.key)
            if kind is not None and saved.link and saved.status is not StepStatus.SKIPPED:
                links.append(ProfileLink(ProfileKind(kind), saved.link))
        return links


@dataclass(frozen=True, slots=True)
class StoreRow:
    """One store's line in the market view: every step's status and the day it was done."""

    store_id: int
    stall_number: str
    name: LocalizedText
    category: Category
    states: Mapping[str, StepStatus]
    done_on: Mapping[str, date | None]

    def tally(self) -> Tally:
        return tally(self.states)


@dataclass(frozen=True, slots=True)
class StepCount:
    """How many stores are at each status of one step."""

    step: Step
    done: int
    doing: int
    todo: int
    skipped: int

    @property
    def applicable(self) -> int:
        return self.done + self.doing + self.todo

    @property
    def share(self) -> float:
        return self.done / self.applicable if self.applicable else 1.0


@dataclass(frozen=True, slots=True)
class MarketProgress:
    """A market's active stores (in stall order) with their progress."""

    market: MarketInfo
    checklist: Checklist
    stores: tuple[StoreRow, ...]

    def step_counts(self) -> list[StepCount]:
        counts: list[StepCount] = []
        for step in self.checklist.steps:
            values = [row.states.get(step.key, StepStatus.TODO) for row in self.stores]
            counts.append(
                StepCount(
                    step,
                    done=values.count(StepStatus.DONE),
                    doing=values.count(StepStatus.DOING),
                    todo=values.count(StepStatus.TODO),
                    skipped=values.count(StepStatus.SKIPPED),
                )
            )
        return counts

    def furthest_behind(self, limit: int = 5) -> list[StoreRow]:
        """The stores with the smallest share done (fewest steps done first on a tie)."""
        order = {row.store_id: index for index, row in enumerate(self.stores)}
        ranked = sorted(
            self.stores,
            key=lambda row: (row.tally().share, row.tally().done, order[row.store_id]),
        )
        return ranked[:limit]

    def overall(self) -> Tally:
        done = applicable = doing = skipped = 0
        for row in self.stores:
            counted = row.tally()
            done, applicable, doing, skipped = (
                done + counted.done,
                applicable + counted.applicable,
                doing + counted.doing,
                skipped + counted.skipped,
            )
        return Tally(done, applicable, doing, skipped)
