"""Leaving an onboarding step never drops a choice; sign-out closes every dialog it left open."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from kiosk import i18n
from kiosk.app import build_shell
from kiosk.domain.access import Secret
from kiosk.domain.onboarding.status import StepStatus
from kiosk.services.app import Services
from kiosk.ui import ops
from kiosk.ui.onboarding import overview, sign_in, step_screen
from kiosk.ui.onboarding.flow import OnboardingFlow, onboarding_flow
from kiosk.ui.shell import Shell
from kiosk.ui.signed_in import close_dialogs

PIN = "582046"
PLAIN_STEP = "kakao_message_support"  # records nothing, no account: no PIN to save it
NOTE = "상인회 사무실에서 신청함"


@pytest.fixture
def flow(qtbot: QtBot, own_services: Services) -> Iterator[OnboardingFlow]:
    """Signed in as Bansong A-2 (no progress, no codes) on the overview."""
    store = next(
        s
        for s in own_services.directory.list_stores(market_slug="bansong")
        if s.stall_number == "A-2"
    )
    own_services.access.set_store_pin(
        actor=own_services.access.console_actor(), store_id=store.id, pin=Secret(PIN)
    )
    i18n.set_locale("ko")
    win = build_shell("ko")
    qtbot.add_widget(win)
    win.use_services(own_services)
    win.resize(1366, 768)
    win.show()
    qtbot.wait_exposed(win)
    _click(win.start_screen.mode_button("onboarding"))
    built = onboarding_flow(win)
    assert win.current_screen_name() == sign_in.SCREEN
    assert built.sign_in.choose_store(store.id)
    for key in [*PIN, "OK"]:
        QTest.mouseClick(built.sign_in.pad.keys[key], Qt.MouseButton.LeftButton)
    assert ops.wait_idle()
    assert win.current_screen_name() == overview.SCREEN
    yield built
    ops.wait_idle()


def _click(button: object) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    assert ops.wait_idle()


def _shell(flow: OnboardingFlow) -> Shell:
    shell = flow._host
    assert isinstance(shell, Shell)
    return shell


def _saved(flow: OnboardingFlow, key: str) -> tuple[StepStatus, str, int]:
    assert flow.state is not None
    saved = flow.state.step(key)
    return saved.status, saved.note, saved.version


def _choose_done(screen: step_screen.OnboardingStepScreen) -> None:
    _click(screen.status_buttons[StepStatus.DONE])


def _type_note(screen: step_screen.OnboardingStepScreen) -> None:
    screen.fields.note_edit.setText(NOTE)


def _next(screen: step_screen.OnboardingStepScreen) -> None:
    _click(screen.next_button)


def _back(screen: step_screen.OnboardingStepScreen) -> None:
    _click(screen.back_button)


Change = Callable[[step_screen.OnboardingStepScreen], None]


@pytest.mark.parametrize(
    ("change", "leave", "saved", "lands_on"),
    [
        (_choose_done, _next, (StepStatus.DONE, ""), step_screen.SCREEN),  # the reported case
        (_choose_done, _back, (StepStatus.DONE, ""), overview.SCREEN),
        (_type_note, _next, (StepStatus.TODO, NOTE), step_screen.SCREEN),
        (_type_note, _back, (StepStatus.TODO, NOTE), overview.SCREEN),
    ],
)
def test_leaving_a_step_saves_a_change_that_needs_no_pin(
    flow: OnboardingFlow,
    change: Change,
    leave: Change,
    saved: tuple[StepStatus, str],
    lands_on: str,
) -> None:
    flow.open_step(PLAIN_STEP)
    screen = flow.step
    change(screen)
    assert screen.is_dirty()
    leave(screen)
    assert _saved(flow, PLAIN_STEP) == (*saved, 1)
    assert _shell(flow).current_screen_name() == lands_on
    shown = screen.message if lands_on == step_screen.SCREEN else flow.overview.message
    assert "저장했습니다" in shown.text()
    assert not screen.leave_question.isVisible()
    assert flow.overview.undo_button.text().startswith("되돌리기")  # the save can be undone


@pytest.mark.parametrize("leave", [_next, _back])
def test_leaving_an_unchanged_step_saves_nothing(flow: OnboardingFlow, leave: Change) -> None:
    flow.open_step(PLAIN_STEP)
    assert not flow.step.is_dirty()
    leave(flow.step)
    assert _saved(flow, PLAIN_STEP) == (StepStatus.TODO, "", 0)
    assert _shell(flow).current_screen_name() != step_screen.SCREEN or (
        flow.step.step() is not None and flow.step.step().key != PLAIN_STEP  # type: ignore[union-attr]
    )


def _type_kakao(flow: OnboardingFlow) -> step_screen.OnboardingStepScreen:
    flow.open_step("kakao_channel")
    screen = flow.step
    QTest.keyClicks(screen.fields.record_edit, "_ZeUTxl")
    screen.fields.owner_edit.setText("010-0000-0102")
    return screen


@pytest.mark.parametrize(("answer", "kept"), [("save", "_ZeUTxl"), ("discard", None)])
def test_leaving_a_code_change_asks_first(
    flow: OnboardingFlow, answer: str, kept: str | None
) -> None:
    screen = _type_kakao(flow)
    _back(screen)
    question = screen.leave_question
    assert question.isVisible() and question.save_button.isVisible()
    assert question.save_button.text() == "저장하고 넘어가기"
    assert question.discard_button.text() == "저장하지 않고 넘어가기"
    assert _shell(flow).current_screen_name() == step_screen.SCREEN  # nothing left yet
    if answer == "save":
        _click(question.save_button)
        assert screen.prompt.isVisible()  # the code change asks for the PIN
        QTest.keyClicks(screen.prompt.field, PIN)
        _click(screen.prompt.confirm_button)
    else:
        _click(question.discard_button)
    assert _shell(flow).current_screen_name() == overview.SCREEN
    assert flow.state is not None
    assert (flow.state.store.kakao_channel_id or None) == kept


def test_cancel_stays_on_the_step_with_what_was_typed(flow: OnboardingFlow) -> None:
    screen = _type_kakao(flow)
    _next(screen)
    assert screen.leave_question.isVisible()
    _click(screen.leave_question.cancel_button)
    assert not screen.leave_question.isVisible()
    assert _shell(flow).current_screen_name() == step_screen.SCREEN
    assert screen.fields.record_edit.text() == "_ZeUTxl" and screen.is_dirty()


def test_a_field_that_cannot_be_saved_asks_without_a_save_choice(flow: OnboardingFlow) -> None:
    flow.open_step("instagram")
    screen = flow.step
    screen.fields.record_edit.setText("https://evil.example/x")
    _back(screen)
    assert screen.leave_question.isVisible()
    assert not screen.leave_question.save_button.isVisible()
    assert _shell(flow).current_screen_name() == step_screen.SCREEN
    _click(screen.leave_question.discard_button)
    assert _shell(flow).current_screen_name() == overview.SCREEN
    assert _saved(flow, "instagram") == (StepStatus.TODO, "", 0)


def test_a_refused_note_stays_on_the_step_with_the_reason(flow: OnboardingFlow) -> None:
    flow.open_step(PLAIN_STEP)
    screen = flow.step
    screen.fields.note_edit.setText("비 번 1234")
    _next(screen)
    assert _shell(flow).current_screen_name() == step_screen.SCREEN
    assert screen.message.text().startswith("⚠") and "비밀번호" in screen.message.text()
    assert _saved(flow, PLAIN_STEP) == (StepStatus.TODO, "", 0)


def _visible_dialogs() -> list[QDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def test_idle_sign_out_closes_the_kit_photo_dialog(flow: OnboardingFlow) -> None:
    flow.open_step("zero_pay")
    screen = flow.step
    screen.fields.payload_edit.setPlainText("000201")
    seen: list[str] = []

    def go_idle() -> None:
        dialogs = _visible_dialogs()
        seen.extend(type(d).__name__ for d in dialogs)
        flow.guard.idle.emit()  # what the idle timer does after three minutes

    QTimer.singleShot(200, go_idle)
    QTest.mouseClick(screen.fields.photo_button, Qt.MouseButton.LeftButton)  # blocks
    assert seen == ["QFileDialog"]
    assert _visible_dialogs() == []
    assert QApplication.activeModalWidget() is None
    assert _shell(flow).current_screen_name() == "start-screen"
    assert flow.actor is None and not screen.prompt.isVisible()


def test_sign_out_closes_dialogs_and_prompts(flow: OnboardingFlow, qtbot: QtBot) -> None:
    flow.open_step("kakao_channel")
    screen = flow.step
    QTest.keyClicks(screen.fields.record_edit, "_ZeUTxl")
    _click(screen.save_button)
    assert screen.prompt.isVisible()
    dialog = QFileDialog(screen, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.show()
    flow.sign_out_and_leave()
    assert not dialog.isVisible() and not screen.prompt.isVisible()
    close_dialogs()  # nothing left: a no-op
    assert _visible_dialogs() == []


def test_overview_and_step_screen_tell_one_count(flow: OnboardingFlow) -> None:
    """Skipping a step: "10 of ... steps done (1 skipped)", and the step's number as listed."""
    flow.open_step(PLAIN_STEP)
    _click(flow.step.status_buttons[StepStatus.SKIPPED])
    _click(flow.step.save_button)
    _click(flow.step.back_button)
    assert flow.overview.count_label.text() == "10단계 중 0단계 완료 (해당 없음 1단계 제외)"
    for key, button in flow.overview.step_buttons.items():
        flow.open_step(key)
        number = flow.step.number_label.text().removesuffix("단계")
        assert button.text().startswith(f"{number}. ")
        assert "중" not in flow.step.number_label.text()  # no second total on the step
