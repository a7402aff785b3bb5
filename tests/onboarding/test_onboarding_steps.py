"""Each step records real data through the services; refused input keeps the step open; undo."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from onboarding_helpers import PIN, demo_payload, merchant, store_at

from kiosk.domain.access import CodeProof, PermissionDenied, Secret, SignInRefused
from kiosk.domain.onboarding.status import OnboardingError, StepStatus
from kiosk.domain.qr.symbols import payment_spec
from kiosk.services.app import Services
from kiosk.services.onboarding.progress import StepDraft
from kiosk.services.qr.input_error import QrInputError
from kiosk.services.qr.store_codes import (
    check_kakao,
    check_payment,
    payment_from_image,
    verified_store_codes,
    write_code_file,
)

PROOF = CodeProof("pin", Secret(PIN))


def _plain_store(services: Services) -> int:
    """A demo store with no codes and no progress at all: bansong A-2."""
    return store_at(services, "bansong", "A-2")


def test_demo_progress_is_varied(services: Services) -> None:
    console = services.access.console_actor()
    progress = services.onboarding.market_onboarding(actor=console, market_slug="bansong")
    shares = {row.stall_number: row.tally() for row in progress.stores}
    assert shares["A-1"].done >= 10 and shares["A-1"].done < shares["A-1"].applicable
    assert shares["A-2"].done == 0 and shares["A-2"].doing == 0
    assert sum(1 for t in shares.values() if t.done == 0) >= 5
    assert sum(1 for t in shares.values() if 0 < t.share < 1) >= 8
    dongmun = services.onboarding.market_onboarding(actor=console, market_slug="dongmun")
    wallets = next(c for c in dongmun.step_counts() if c.step.key == "foreign_wallets")
    assert wallets.done >= 6
    assert dongmun.furthest_behind(3)[0].tally().done == 0


def test_kakao_step_with_a_real_id_saves_it_on_the_store_and_the_store_page_shows_it(
    services: Services,
) -> None:
    store_id = _plain_store(services)
    actor = merchant(services, store_id)
    base = services.onboarding.store_onboarding(actor=actor, store_id=store_id)
    assert base.next_step() is not None and base.next_step().key == "kakao_channel"  # type: ignore[union-attr]
    kakao = check_kakao("https://pf.kakao.com/_ZeUTxl")
    assert kakao is not None
    draft = StepDraft(StepStatus.DONE, account_owner="010-0000-0102", helper="단골 멘토")
    after = services.onboarding.save_code_step(
        actor=actor, base=base, step="kakao_channel", code=kakao, draft=draft, proof=PROOF
    )
    assert after.store.kakao_channel_id == "_ZeUTxl"
    saved = after.step("kakao_channel")
    assert saved.status is StepStatus.DONE and saved.version == 1
    assert saved.account_owner == "010-0000-0102" and saved.completed_on is not None
    assert after.tally().done == 1
    codes = verified_store_codes(services.directory.get_store(store_id=store_id), sides=[200])
    assert codes.kakao[200].text == "https://pf.kakao.com/_ZeUTxl/friend"


def test_code_change_needs_the_pin_and_a_wrong_pin_writes_nothing(services: Services) -> None:
    store_id = _plain_store(services)
    actor = merchant(services, store_id)
    base = services.onboarding.store_onboarding(actor=actor, store_id=store_id)
    kakao = check_kakao("_ZeUTxl")
    draft = StepDraft(StepStatus.DONE)
    with pytest.raises(PermissionDenied):
        services.onboarding.save_code_step(
            actor=actor, base=base, step="kakao_channel", code=kakao, draft=draft
        )
    wrong = CodeProof("pin", Secret("999999"))
    with pytest.raises(SignInRefused):
        services.onboarding.save_code_step(
            actor=actor, base=base, step="kakao_channel", code=kakao, draft=draft, proof=wrong
        )
    again = services.onboarding.store_onboarding(actor=actor, store_id=store_id)
    assert again.store.kakao_channel_id is None
    assert again.step("kakao_channel").version == 0


def test_refused_inputs_keep_the_step_open(services: Services) -> None:
    store_id = _plain_store(services)
    actor = merchant(services, store_id)
    base = services.onboarding.store_onboarding(actor=actor, store_id=store_id)
    with pytest.raises(QrInputError) as bad_id:
        check_kakao("https://pf.kakao.com@evil.example/_ZeUTxl")
    assert "user-info" in str(bad_id.value)
    with pytest.raises(OnboardingError) as no_code:
        services.onboarding.save_code_step(
            actor=actor, base=base, step="kakao_channel", code=None,
            draft=StepDraft(StepStatus.DONE), proof=PROOF,
        )  # fmt: skip
    assert no_code.value.field == "record"
    with pytest.raises(QrInputError):
        check_payment("000201010211" + "5303410" + "6304FFFF")  # wrong CRC
    with pytest.raises(OnboardingError) as bad_link:
        services.onboarding.save_onboarding_step(
            actor=actor, base=base, step="instagram",
            draft=StepDraft(StepStatus.DONE, link="https://instagram.com.evil.example/x"),
        )  # fmt: skip
    assert bad_link.value.field == "link" and "points to" in str(bad_link.value)
    with pytest.raises(OnboardingError) as password:
        services.onboarding.save_onboarding_step(
            actor=actor, base=base, step="smart_place",
            draft=StepDraft(StepStatus.DOING, account_owner="pw: hunter2"),
        )  # fmt: skip
    assert password.value.field == "account_owner"
    with pytest.raises(OnboardingError):
        services.onboarding.save_onboarding_step(
            actor=actor, base=base, step="danggeun_profile", draft=StepDraft(StepStatus.DONE)
        )
    after = services.onboarding.store_onboarding(actor=actor, store_id=store_id)
    assert all(after.step(key).version == 0 for key in after.checklist.step_keys())
    assert after.store.kakao_channel_id is None and after.tally().done == 0


def test_zero_pay_step_from_a_photo_saves_the_payload_byte_for_byte(
    services: Services, tmp_path: Path
) -> None:
    store_id = _plain_store(services)
    actor = merchant(services, store_id)
    payload = demo_payload("GAETBAWI", "BUSAN")
    photo = tmp_path / "kit.png"
    write_code_file(payment_spec(payload), photo)
    code = payment_from_image(photo)
    base = services.onboarding.store_onboarding(actor=actor, store_id=store_id)
    draft = StepDraft(StepStatus.DONE, account_owner="demo@example.com", note="키트 받음")
    after = services.onboarding.save_code_step(
        actor=actor, base=base, step="zero_pay", code=code, draft=draft, proof=PROOF
    )
    assert after.store.payment_qr_payload == payload
    assert after.store.kakao_channel_id is None  # the other code is kept as it was
    assert after.states["zero_pay"] is StepStatus.DONE


def test_profile_link_steps_record_the_checked_link(services: Services) -> None:
    store_id = _plain_store(services)
    actor = merchant(services, store_id)
    state = services.onboarding.store_onboarding(actor=actor, store_id=store_id)
    for step, text in (
        ("smart_place", "https://naver.me/demoTest1"),
        ("instagram", "@demo_test_shop"),
        ("danggeun_profile", "www.daangn.com/kr/local-profile/demo-test/?in=x"),
    ):
        state = services.onboarding.save_onboarding_step(
            actor=actor, base=state, step=step,
            draft=StepDraft(StepStatus.DONE, link=text, account_owner="010-0000-0000"),
        )  # fmt: skip
    links = [
        (link.kind.value, link.url)
        for link in services.onboarding.store_profile_links(store_id=store_id)
    ]
    assert links == [
        ("smart_place", "https://naver.me/demoTest1"),
        ("danggeun", "https://www.daangn.com/kr/local-profile/demo-test/"),
        ("instagram", "https://www.instagram.com/demo_test_shop/"),
    ]
    entries = services.audit.audit_log(
        actor=services.access.console_actor(), store_id=store_id, limit=10
    )
    assert any(c.field == "instagram.link" for e in entries for c in e.changes)


def test_undo_puts_the_step_back_and_a_code_back_with_the_pin(services: Services) -> None:
    store_id = _plain_store(services)
    actor = merchant(services, store_id)
    before = services.onboarding.store_onboarding(actor=actor, store_id=store_id)
    done = services.onboarding.save_onboarding_step(
        actor=actor, base=before, step="marketing_class",
        draft=StepDraft(StepStatus.DONE, helper="구청 교육", note="첫 수업"),
    )  # fmt: skip
    previous = before.step("marketing_class")
    undone = services.onboarding.save_onboarding_step(
        actor=actor, base=done, step="marketing_class",
        draft=StepDraft(previous.status, previous.note, previous.helper, previous.account_owner),
    )  # fmt: skip
    assert undone.step("marketing_class").status is StepStatus.TODO
    assert undone.step("marketing_class").note == "" and undone.step("marketing_class").version == 2
    with_code = services.onboarding.save_code_step(
        actor=actor, base=undone, step="kakao_channel", code=check_kakao("_ZeUTxl"),
        draft=StepDraft(StepStatus.DONE), proof=PROOF,
    )  # fmt: skip
    back = services.onboarding.save_code_step(
        actor=actor, base=with_code, step="kakao_channel", code=None,
        draft=StepDraft(StepStatus.TODO), proof=PROOF,
    )  # fmt: skip
    assert back.store.kakao_channel_id is None
    assert back.states["kakao_channel"] is StepStatus.TODO


def test_a_merchant_cannot_touch_another_store(services: Services) -> None:
    mine = _plain_store(services)
    actor = merchant(services, mine)
    other = store_at(services, "bansong", "A-1")
    with pytest.raises(PermissionDenied):
        services.onboarding.store_onboarding(actor=actor, store_id=other)
    base = services.onboarding.store_onboarding(
        actor=services.access.console_actor(), store_id=other
    )
    with pytest.raises(PermissionDenied):
        services.onboarding.save_onboarding_step(
            actor=actor, base=base, step="qr_stand", draft=StepDraft(StepStatus.DONE)
        )


def test_an_unchanged_save_writes_nothing(services: Services) -> None:
    store_id = store_at(services, "bansong", "A-1")
    console = services.access.console_actor()
    base = services.onboarding.store_onboarding(actor=console, store_id=store_id)
    saved = base.step("qr_stand")
    draft = StepDraft(saved.status, saved.note, saved.helper, saved.account_owner, saved.link)
    after = services.onboarding.save_onboarding_step(
        actor=console, base=base, step="qr_stand", draft=draft
    )
    assert after.step("qr_stand") == replace(saved)
