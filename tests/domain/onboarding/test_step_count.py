"""One count of steps: done of the steps that apply (skipped ones named); a number is a place."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.domain.onboarding.checklist import Tally, tally
from kiosk.domain.onboarding.checklist_file import read_checklist
from kiosk.domain.onboarding.status import StepStatus

D, G, T, S = StepStatus.DONE, StepStatus.DOING, StepStatus.TODO, StepStatus.SKIPPED


@pytest.mark.parametrize(
    ("states", "counted"),
    [
        ([T] * 11, Tally(done=0, applicable=11, doing=0, skipped=0)),
        ([D] * 8 + [S] + [T] * 2, Tally(done=8, applicable=10, doing=0, skipped=1)),  # the report
        ([D, G, S, S, T], Tally(done=1, applicable=3, doing=1, skipped=2)),
        ([S, S], Tally(done=0, applicable=0, doing=0, skipped=2)),
        ([], Tally(done=0, applicable=0, doing=0, skipped=0)),
    ],
)
def test_tally_counts_done_of_the_steps_that_apply(
    states: list[StepStatus], counted: Tally
) -> None:
    got = tally({f"s{i}": status for i, status in enumerate(states)})
    assert got == counted
    assert got.applicable + got.skipped == len(states)  # every step is in one of the two


def test_a_steps_number_is_its_place_in_the_list() -> None:
    path = Path(__file__).resolve().parents[3] / "kiosk" / "data" / "checklist.toml"
    checklist = read_checklist(path.read_bytes(), source=str(path))
    keys = checklist.step_keys()
    assert [checklist.number(key) for key in keys] == list(range(1, len(keys) + 1))
