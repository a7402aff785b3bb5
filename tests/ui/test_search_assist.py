"""The search help widget: chips in the reader's language, four keyboard layouts, one signal."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk import i18n
from kiosk.domain.locales import LocaleCode
from kiosk.ui.widgets.search_assist import SearchAssist


def _assist(qtbot: QtBot, locale: LocaleCode) -> tuple[SearchAssist, list[str]]:
    i18n.set_locale(locale)
    assist = SearchAssist()
    qtbot.add_widget(assist)
    chosen: list[str] = []
    assist.text_chosen.connect(chosen.append)
    return assist, chosen


def _tap(button: object) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("locale", "first"),
    [("ko", "귤"), ("en", "tangerine"), ("ja", "みかん"), ("zh_Hans", "橘子"), ("zh_Hant", "橘子")],
)
def test_chips_speak_the_readers_language(qtbot: QtBot, locale: LocaleCode, first: str) -> None:
    assist, chosen = _assist(qtbot, locale)
    assert assist.chip_buttons[0].text() == first
    _tap(assist.chip_buttons[0])
    assert chosen == [first]
    assert all(chip.minimumSizeHint().height() >= 48 for chip in assist.chip_buttons)


def test_the_hangul_keyboard_composes_and_backspace_takes_a_jamo(qtbot: QtBot) -> None:
    assist, chosen = _assist(qtbot, "ko")
    _tap(assist.keyboard_button)
    assert assist.keyboard.isVisibleTo(assist) and assist.keyboard.layout_name == "hangul"
    for key in "ㄱㅠㄹ":
        _tap(assist.keyboard.key_buttons[key])
    assert chosen[-1] == "귤"
    _tap(assist.keyboard.back_button)
    assert chosen[-1] == "규"
    _tap(assist.keyboard.shift_button)
    assert "ㄲ" in assist.keyboard.key_buttons
    _tap(assist.keyboard.key_buttons["ㄲ"])
    assert chosen[-1] == "귞" and "ㄱ" in assist.keyboard.key_buttons  # shift is for one key


def test_kana_latin_and_the_chinese_choice_list(qtbot: QtBot) -> None:
    assist, chosen = _assist(qtbot, "ja")
    keyboard = assist.keyboard
    assert keyboard.layout_name == "kana"
    for key in ("み", "か", "ん"):
        keyboard.press(key)
    assert chosen[-1] == "みかん"
    keyboard.press("か")
    keyboard.press("゛")
    assert chosen[-1] == "みかんが"
    keyboard.clear()
    _tap(keyboard.layout_buttons["latin"])
    for key in "kimchi":
        _tap(keyboard.key_buttons[key])
    assert chosen[-1] == "kimchi"
    keyboard.clear()
    _tap(keyboard.layout_buttons["chinese"])
    assert "橘子" in keyboard.key_buttons
    _tap(keyboard.key_buttons["橘子"])
    _tap(keyboard.key_buttons["支付宝"])
    assert chosen[-1] == "橘子 支付宝"
    assert all(b.minimumSizeHint().height() >= 48 for b in keyboard.key_buttons.values())


def test_the_keyboard_goes_on_from_the_search_box(qtbot: QtBot) -> None:
    assist, chosen = _assist(qtbot, "en")
    assist.set_text("fish")
    assist.keyboard.press(" ")
    assist.keyboard.press("c")
    assert chosen[-1] == "fish c"
    i18n.set_locale("zh_Hant")
    assist.retranslate()
    assert assist.keyboard.layout_name == "chinese" and "魷魚" in assist.keyboard.key_buttons
