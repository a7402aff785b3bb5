"""Two PCs on one database (SQLite file, PostgreSQL): a stale step save is refused, nothing lost."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from onboarding_helpers import PIN, merchant, store_at

from kiosk.domain.access import CodeProof, Secret
from kiosk.domain.onboarding.status import OnboardingConflict, StepStatus
from kiosk.services.app import Services
from kiosk.services.onboarding.progress import StepDraft
from kiosk.services.qr.store_codes import check_kakao


@pytest.fixture
def two_pcs(database_url: str) -> Iterator[tuple[Services, Services]]:
    first = Services.open(database_url, seed_demo=True)
    second = Services.open(database_url)
    try:
        yield first, second
    finally:
        first.close()
        second.close()


def test_stale_step_save_is_refused_and_names_the_other_change(
    two_pcs: tuple[Services, Services],
) -> None:
    office, stall_pc = two_pcs
    store_id = store_at(office, "bansong", "B-2")
    manager = office.access.console_actor()
    seller = merchant(stall_pc, store_id)
    seen_by_office = office.onboarding.store_onboarding(actor=manager, store_id=store_id)
    seen_by_stall = stall_pc.onboarding.store_onboarding(actor=seller, store_id=store_id)
    stall_pc.onboarding.save_onboarding_step(
        actor=seller, base=seen_by_stall, step="onnuri_mobile",
        draft=StepDraft(StepStatus.DOING, note="서류 챙김"),
    )  # fmt: skip
    with pytest.raises(OnboardingConflict) as caught:
        office.onboarding.save_onboarding_step(
            actor=manager, base=seen_by_office, step="onnuri_mobile",
            draft=StepDraft(StepStatus.SKIPPED, note="해당 없음"),
        )  # fmt: skip
    assert caught.value.current.status is StepStatus.DOING
    assert caught.value.current.note == "서류 챙김"
    text = str(caught.value)
    assert "another PC" in text and "Nothing of yours was saved" in text
    now = office.onboarding.store_onboarding(actor=manager, store_id=store_id)
    assert now.step("onnuri_mobile").note == "서류 챙김" and now.step("onnuri_mobile").version == 1
    # After looking at the other change, saving again at the new version works.
    office.onboarding.save_onboarding_step(
        actor=manager, base=now, step="onnuri_mobile", draft=StepDraft(StepStatus.SKIPPED)
    )


def test_first_save_of_a_step_on_two_pcs_at_once(two_pcs: tuple[Services, Services]) -> None:
    one, two = two_pcs
    store_id = store_at(one, "dongmun", "A-3")
    a, b = one.access.console_actor(), two.access.console_actor()
    base_a = one.onboarding.store_onboarding(actor=a, store_id=store_id)
    base_b = two.onboarding.store_onboarding(actor=b, store_id=store_id)
    assert base_a.step("qr_stand").version == base_b.step("qr_stand").version == 0
    one.onboarding.save_onboarding_step(
        actor=a, base=base_a, step="qr_stand", draft=StepDraft(StepStatus.DONE)
    )
    with pytest.raises(OnboardingConflict):
        two.onboarding.save_onboarding_step(
            actor=b, base=base_b, step="qr_stand", draft=StepDraft(StepStatus.DOING)
        )
    assert (
        two.onboarding.store_onboarding(actor=b, store_id=store_id).states["qr_stand"]
        is StepStatus.DONE
    )


def test_stale_code_step_writes_neither_code_nor_step(two_pcs: tuple[Services, Services]) -> None:
    office, stall_pc = two_pcs
    store_id = store_at(office, "bansong", "B-2")
    seller = merchant(stall_pc, store_id)
    manager = office.access.console_actor()
    old = stall_pc.onboarding.store_onboarding(actor=seller, store_id=store_id)
    office.onboarding.save_onboarding_step(
        actor=manager, base=office.onboarding.store_onboarding(actor=manager, store_id=store_id),
        step="kakao_channel", draft=StepDraft(StepStatus.DOING, note="채널 이름 고르는 중"),
    )  # fmt: skip
    with pytest.raises(OnboardingConflict):
        stall_pc.onboarding.save_code_step(
            actor=seller, base=old, step="kakao_channel", code=check_kakao("_ZeUTxl"),
            draft=StepDraft(StepStatus.DONE), proof=CodeProof("pin", Secret(PIN)),
        )  # fmt: skip
    fresh = stall_pc.onboarding.store_onboarding(actor=seller, store_id=store_id)
    assert fresh.store.kakao_channel_id is None
    assert fresh.step("kakao_channel").note == "채널 이름 고르는 중"
