"""Names wrap between words: Korean by Qt itself, Japanese and Chinese names by keep_together."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from kiosk.domain.text import WORD_JOINER, keep_together, without_joiners
from kiosk.ui import theme


def _lines(text: str, width: int, wrap: QTextOption.WrapMode) -> list[str]:
    layout = QTextLayout(text, theme.ui_font("ja", 32))
    option = QTextOption()
    option.setWrapMode(wrap)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines.append(without_joiners(text[line.textStart() : line.textStart() + line.textLength()]))
    layout.endLayout()
    return [line.strip() for line in lines]


WORD = QTextOption.WrapMode.WordWrap


def test_qt_keeps_korean_words_whole(qapp: QApplication) -> None:
    lines = _lines("반송큰시장 동문재래시장에서 귤빛농원을 찾으세요", 150, WORD)
    assert lines == ["반송큰시장", "동문재래시장에서", "귤빛농원을", "찾으세요"]


@pytest.mark.parametrize("name", ["ミカン色農園のお店", "温努里商品券可以使用"])
def test_qt_would_split_a_japanese_or_chinese_name(qapp: QApplication, name: str) -> None:
    assert len(_lines(name, 150, WORD)) > 1  # what keep_together is for


@pytest.mark.parametrize(("name", "width"), [("ミカン色農園", 150), ("温努里商品券", 120),
                                             ("東門市場 ミカン色農園", 200)])  # fmt: skip
def test_kept_together_a_name_breaks_only_at_its_spaces(
    qapp: QApplication, name: str, width: int
) -> None:
    lines = _lines(keep_together(name), width, WORD)
    assert lines == name.split(" ")


def test_a_word_too_long_stays_breakable_and_korean_and_latin_are_untouched() -> None:
    long_word = "露地ミカンロイヤルサイズ大玉"
    assert keep_together(long_word) == long_word
    assert keep_together("귤빛 농원") == "귤빛 농원"
    assert keep_together("Tangerine Farm") == "Tangerine Farm"
    assert keep_together("ミカン色農園").count(WORD_JOINER) == 5
    assert without_joiners(keep_together("東門市場 ミカン色農園")) == "東門市場 ミカン色農園"


def test_the_joiner_draws_nothing(qtbot: QtBot) -> None:
    plain, joined = QLabel("ミカン色農園"), QLabel(keep_together("ミカン色農園"))
    for label in (plain, joined):
        qtbot.add_widget(label)
    assert joined.sizeHint().width() == plain.sizeHint().width()
