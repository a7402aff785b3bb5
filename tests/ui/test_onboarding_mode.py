"""Onboarding mode tried as a new user would: stall, PIN, the KakaoTalk step in Korean, undo,
refused input, a change from another PC, a profile link on the store page, the manager's export."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from ui_helpers import shown_shell

from kiosk.app import build_shell
from kiosk.domain.access import Secret
from kiosk.domain.onboarding.status import StepStatus
from kiosk.services.app import Services
from kiosk.services.changes import Change, ChangeKind
from kiosk.services.onboarding.progress import StepDraft
from kiosk.ui import ops
from kiosk.ui.manager import onboarding_progress
from kiosk.ui.manager.flow import manager_flow
from kiosk.ui.onboarding import overview, sign_in, step_screen
from kiosk.ui.onboarding.flow import OnboardingFlow, onboarding_flow
from kiosk.ui.shell import Shell
from kiosk.ui.tourist.flow import tourist_flow

PIN = "582046"
PASSWORD = "market-office-2026"


@pytest.fixture
def store_id(own_services: Services) -> int:
    """Bansong A-2: no codes and no progress at all (a merchant who never used the app)."""
    store = next(
        s
        for s in own_services.directory.list_stores(market_slug="bansong")
        if s.stall_number == "A-2"
    )
    own_services.access.set_store_pin(
        actor=own_services.access.console_actor(), store_id=store.id, pin=Secret(PIN)
    )
    return store.id


@pytest.fixture
def shell(qtbot: QtBot, own_services: Services) -> Iterator[Shell]:
    yield from shown_shell(qtbot, own_services, "ko")


@pytest.fixture
def flow(shell: Shell) -> OnboardingFlow:
    QTest.mouseClick(shell.start_screen.mode_button("onboarding"), Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    assert shell.current_screen_name() == sign_in.SCREEN
    return onboarding_flow(shell)


def _sign_in(flow: OnboardingFlow, store_id: int, pin: str = PIN) -> None:
    assert flow.sign_in.choose_store(store_id)
    for digit in pin:
        QTest.mouseClick(flow.sign_in.pad.keys[digit], Qt.MouseButton.LeftButton)
    QTest.mouseClick(flow.sign_in.pad.keys["OK"], Qt.MouseButton.LeftButton)
    assert ops.wait_idle()


def _click(button: object) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    assert ops.wait_idle()


def test_new_merchant_opens_a_kakaotalk_channel_in_korean(
    flow: OnboardingFlow, shell: Shell, own_services: Services, store_id: int
) -> None:
    _sign_in(flow, store_id)
    assert shell.current_screen_name() == overview.SCREEN
    assert flow.overview.count_label.text() == "11단계 중 0단계 완료"
    assert flow.overview.next_title.text() == "카카오톡 채널 만들기"
    _click(flow.overview.start_button)
    assert shell.current_screen_name() == step_screen.SCREEN
    screen = flow.step
    assert screen.number_label.text() == "1단계"
    assert screen.save_button.isVisible() and screen.next_button.isVisible()
    for button in (screen.save_button, screen.next_button, *screen.status_buttons.values()):
        assert button.height() >= 48 and button.isVisible()
        assert button.geometry().bottom() < screen.height()  # in view at 1366x768
    QTest.keyClicks(screen.fields.record_edit, "_ZeUTxl")
    screen.fields.refresh_preview()
    assert screen.fields.preview.is_verified()
    screen.fields.owner_edit.setText("010-0000-0102")
    _click(screen.status_buttons[StepStatus.DONE])
    _click(screen.save_button)
    assert screen.prompt.isVisible()  # a code change asks for the PIN again
    QTest.keyClicks(screen.prompt.field, PIN)
    _click(screen.prompt.confirm_button)
    assert "저장했습니다" in screen.message.text()
    assert flow.state is not None and flow.state.store.kakao_channel_id == "_ZeUTxl"
    assert flow.state.tally().done == 1
    assert flow.overview.count_label.text() == "11단계 중 1단계 완료"
    # The tourist store page shows the channel's verified add-friend code.
    tourist = tourist_flow(shell)
    tourist.open_store(store_id)
    assert ops.wait_idle()
    card = tourist.detail.qr_panel.kakao_card
    assert card.is_verified() and card.verified() is not None
    assert card.verified().text == "https://pf.kakao.com/_ZeUTxl/friend"  # type: ignore[union-attr]


def test_a_refused_channel_id_keeps_the_step_open(
    flow: OnboardingFlow, own_services: Services, store_id: int
) -> None:
    _sign_in(flow, store_id)
    flow.open_step("kakao_channel")
    screen = flow.step
    screen.fields.record_edit.setText("https://pf.kakao.com@evil.example/_ZeUTxl")
    screen.choose_status(StepStatus.DONE)
    screen.request_save()
    assert ops.wait_idle()
    assert screen.fields.record_error.isVisible()
    assert screen.fields.record_error.text().startswith("⚠ 카카오톡 채널 이름이 아닙니다.")
    assert "evil.example" in screen.fields.record_error.toolTip()  # the technical reason
    assert not screen.prompt.isVisible()
    state = own_services.onboarding.store_onboarding(
        actor=own_services.access.console_actor(), store_id=store_id
    )
    assert state.store.kakao_channel_id is None and state.step("kakao_channel").version == 0


def test_undo_puts_the_last_change_back(flow: OnboardingFlow, store_id: int) -> None:
    _sign_in(flow, store_id)
    flow.open_step("marketing_class")
    screen = flow.step
    screen.fields.helper_edit.setText("구청 교육")
    screen.choose_status(StepStatus.DONE)
    screen.request_save()
    assert ops.wait_idle()
    assert flow.state is not None and flow.state.states["marketing_class"] is StepStatus.DONE
    assert screen.undo_button.isVisible()
    _click(screen.undo_button)
    assert flow.state.states["marketing_class"] is StepStatus.TODO
    assert flow.state.step("marketing_class").helper == ""
    assert not screen.undo_button.isVisible()


def test_a_change_from_another_pc_is_not_overwritten(
    flow: OnboardingFlow, shell: Shell, own_services: Services, store_id: int
) -> None:
    _sign_in(flow, store_id)
    flow.open_step("onnuri_mobile")
    other_pc = Services.open(own_services.url)
    try:
        console = other_pc.access.console_actor()
        seen = other_pc.onboarding.store_onboarding(actor=console, store_id=store_id)
        other_pc.onboarding.save_onboarding_step(
            actor=console, base=seen, step="onnuri_mobile",
            draft=StepDraft(StepStatus.SKIPPED, note="사무실에서 해당 없음으로 표시"),
        )  # fmt: skip
    finally:
        other_pc.close()
    # Live refresh tells this PC; the open step still saves at the version it showed.
    shell.events.changed.emit(Change(ChangeKind.ONBOARDING, "bansong", frozenset({store_id})))
    assert ops.wait_idle()
    screen = flow.step
    screen.fields.note_edit.setText("서류 챙김")
    screen.choose_status(StepStatus.DOING)
    screen.request_save()
    assert ops.wait_idle()
    assert screen.message.property("message") == "error"
    assert "다른 PC" in screen.message.text()
    assert screen.fields.note_edit.text() == "서류 챙김"  # nothing typed is lost
    state = own_services.onboarding.store_onboarding(
        actor=own_services.access.console_actor(), store_id=store_id
    )
    assert state.step("onnuri_mobile").status is StepStatus.SKIPPED
    screen.request_save()  # after seeing it, saving again is a choice
    assert ops.wait_idle()
    assert flow.state is not None and flow.state.step("onnuri_mobile").note == "서류 챙김"


def test_profile_link_shows_on_the_tourist_page(
    flow: OnboardingFlow, shell: Shell, store_id: int
) -> None:
    _sign_in(flow, store_id)
    flow.open_step("instagram")
    screen = flow.step
    screen.fields.record_edit.setText("@demo_rocky_shore")
    screen.choose_status(StepStatus.DONE)
    screen.request_save()
    assert ops.wait_idle()
    assert flow.state is not None and flow.state.step("instagram").link == (
        "https://www.instagram.com/demo_rocky_shore/"
    )
    tourist = tourist_flow(shell)
    tourist.open_store(store_id)
    assert ops.wait_idle()
    cards = tourist.detail.profiles_panel.cards
    assert [c.caption_label.text() for c in cards] == ["Instagram"]
    assert cards[0].is_verified()


def test_this_pc_remembers_the_store(
    flow: OnboardingFlow, shell: Shell, own_services: Services, store_id: int
) -> None:
    flow.sign_in.choose_store(store_id)
    flow.sign_in.remember.setChecked(True)
    _sign_in(flow, store_id)
    assert own_services.onboarding.remembered_store() == store_id
    _click(flow.overview.sign_out_button)
    fresh = build_shell("ko")
    try:
        fresh.use_services(own_services)
        onboarding_flow(fresh).open()
        assert ops.wait_idle()
        assert onboarding_flow(fresh).sign_in.store_id() == store_id
    finally:
        fresh.close()


def test_manager_sees_progress_and_exports_it(
    shell: Shell, own_services: Services, tmp_path: Path
) -> None:
    actor = own_services.access.set_first_manager_password(
        password=Secret(PASSWORD),
        setup_code=Secret(
            own_services.access.issue_setup_code(actor=own_services.access.console_actor())
        ),
    )
    manager = manager_flow(shell)
    manager.sign_in_as(actor)
    manager.show_page("progress")
    assert ops.wait_idle()
    assert shell.current_screen_name() == onboarding_progress.SCREEN
    page = manager.progress
    assert page.steps_table.rowCount() == 11
    assert page.behind_table.rowCount() == onboarding_progress.BEHIND
    assert page.behind_table.item(0, 2).text().startswith("0/")
    out = tmp_path / "bansong.csv"
    page.export_to(out)
    assert ops.wait_idle()
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert str(out) in page.message.text()
    page.category_box.setCurrentIndex(page.category_box.findData("seafood"))
    assert ops.wait_idle()
    progress = page.progress()
    assert progress is not None
    assert {row.category.value for row in progress.stores} == {"seafood"}
