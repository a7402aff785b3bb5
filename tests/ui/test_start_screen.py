"""Start screen: one big button per registered mode, and languages by native name."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.app import register_modes
from kiosk.domain.locales import LOCALES, NATIVE_NAMES
from kiosk.i18n import N_, translate
from kiosk.ui.modes import Mode, available_modes, register_mode, unregister_mode
from kiosk.ui.shell import Shell
from kiosk.ui.start_screen import StartScreen


@pytest.fixture
def screen(qtbot: QtBot) -> StartScreen:
    register_modes()
    widget = StartScreen()
    qtbot.add_widget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.wait_exposed(widget)
    return widget


@pytest.fixture
def extra_mode() -> Iterator[Mode]:
    mode = Mode(key="test-extra", title=N_("Extra"), subtitle="", package="json", order=99)
    register_mode(mode)
    yield mode
    unregister_mode(mode.key)


def test_buttons_come_only_from_the_registry(screen: StartScreen) -> None:
    assert screen.mode_keys() == [mode.key for mode in available_modes()]
    assert screen.mode_keys() == ["tourist", "merchant", "onboarding", "manager"]
    assert "signage" not in screen.mode_keys()  # not built yet: no dummy button


def test_four_modes_fit_a_small_screen(screen: StartScreen) -> None:
    """The tourists' button spans the width; the three staff modes share the row under it."""
    tourist, merchant, onboarding, manager = (screen.mode_button(k) for k in screen.mode_keys())
    assert merchant.y() == onboarding.y() == manager.y() > tourist.y()
    for button in (tourist, merchant, onboarding, manager):
        assert button.geometry().bottom() <= screen.height()
        assert button.height() >= button.minimumSizeHint().height()


def test_a_mode_registered_later_appears_after_rebuild(
    screen: StartScreen, extra_mode: Mode
) -> None:
    assert extra_mode.key not in screen.mode_keys()
    screen.rebuild_modes()
    assert screen.mode_keys()[-1] == extra_mode.key
    assert screen.mode_button(extra_mode.key).title() == translate("Extra", "ko")


def test_mode_needs_key_and_title() -> None:
    with pytest.raises(ValueError, match="a key, a title and a package"):
        Mode(key="", title="", subtitle="", package="")


def test_pressing_anywhere_on_the_big_button_chooses_the_mode(
    qtbot: QtBot, screen: StartScreen
) -> None:
    button = screen.mode_button("tourist")
    title_label = button.findChildren(type(screen._welcome))[0]
    with qtbot.waitSignal(screen.mode_chosen) as blocker:
        # on the title text itself: the label must not swallow the press
        qtbot.mouseClick(title_label, Qt.MouseButton.LeftButton)
    assert blocker.args == ["tourist"]


def test_languages_are_native_names_without_flags(qtbot: QtBot, screen: StartScreen) -> None:
    bar = screen.language_bar
    assert [bar.button(code).text() for code in LOCALES] == [NATIVE_NAMES[c] for c in LOCALES]
    assert bar.current() == "ko"
    with qtbot.waitSignal(screen.locale_chosen) as blocker:
        qtbot.mouseClick(bar.button("ja"), Qt.MouseButton.LeftButton)
    assert blocker.args == ["ja"]


def test_each_language_name_is_set_in_its_own_glyph_forms(screen: StartScreen) -> None:
    bar = screen.language_bar
    assert bar.button("ja").font().family() == "Noto Sans CJK JP"
    assert bar.button("zh_Hans").font().family() == "Noto Sans CJK SC"
    assert bar.button("zh_Hant").font().family() == "Noto Sans CJK TC"
    assert bar.button("ko").font().family() == "Noto Sans CJK KR"


def test_start_screen_has_no_top_bar(window: Shell) -> None:
    window.go_home()
    assert window.current_screen_name() == "start-screen"
    assert window._top_bar is None or not window._top_bar.isVisible()


def test_portrait_and_landscape_layouts_follow_the_screen_shape(
    qtbot: QtBot, screen: StartScreen
) -> None:
    from kiosk.qa.selftest import widget_problems

    tourist, merchant = screen.mode_button("tourist"), screen.mode_button("merchant")
    bar = screen.language_bar
    assert not screen.is_portrait()
    assert bar.button("ko").y() == bar.button("en").y()  # the languages in a row
    screen.resize(1080, 1920)
    qtbot.waitUntil(lambda: tourist.height() >= 320)
    assert screen.is_portrait()
    qtbot.waitUntil(lambda: bar.button("ko").x() == bar.button("en").x())  # a list
    assert bar.button("ko").y() < bar.button("en").y()
    assert bar.button("ko").width() > screen.width() // 2  # large buttons, the column wide
    assert merchant.geometry().bottom() <= screen.height()
    assert widget_problems(screen, tourist=True) == []
    screen.resize(1366, 768)
    qtbot.waitUntil(lambda: not screen.is_portrait())
    qtbot.waitUntil(lambda: tourist.height() < 320)
    assert widget_problems(screen, tourist=True) == []


def test_subtitles_keep_their_height_after_a_resize_and_a_language_change(
    qtbot: QtBot, window: Shell
) -> None:
    """Korean at 1366x768 right after another language at 1920x1080: the staff buttons'
    wrapped subtitles were cut in half (the inner layout missed the resize)."""
    from PySide6.QtWidgets import QApplication

    from kiosk.qa.selftest import widget_problems
    from kiosk.qa.tour import settle
    from kiosk.ui.tourist.flow import tourist_flow

    window.resize(1920, 1080)
    window.set_locale("zh_Hant")
    window.show_screen("start-screen")
    settle()
    tourist_flow(window).open_directory()  # the start screen hidden while the rest changes
    settle()
    window.resize(1366, 768)
    window.set_locale("ko")
    window.show_screen("start-screen")
    settle()
    QApplication.processEvents()
    cut = [p for p in widget_problems(window.start_screen) if "wrapped text cut" in p]
    assert cut == []
