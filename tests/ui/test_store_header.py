"""The store page's header: names wrap only between words, a long name gets a row of its own,
the back button and the market line keep their room; directory cards elide at a word."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.domain.text import WORD_JOINER, keep_together, without_joiners
from kiosk.i18n import set_locale
from kiosk.ui import theme
from kiosk.ui.tourist.store_detail import StoreDetailScreen
from kiosk.ui.tourist.store_header import StoreHeader

LONG_JA = "済州ミカン色農園 東門市場本店 直売所 ハルラボン専門"
PARTS = ("東門在来市場", "済州みかん")


def _header(qtbot: QtBot, width: int, *, portrait: bool = False) -> StoreHeader:
    header = StoreHeader()
    qtbot.add_widget(header)
    header.set_back_text("‹  すべてのお店")
    header.set_shape(name_role="display", portrait=portrait)
    header.resize(width, 300)
    header.show()
    qtbot.wait_exposed(header)
    return header


def _settle(qtbot: QtBot) -> None:
    QApplication.processEvents()
    qtbot.wait(1)


def test_a_short_name_stands_in_one_row_with_the_back_button_and_the_market(
    qtbot: QtBot,
) -> None:
    header = _header(qtbot, 1840)
    header.set_names("ミカン色農園", "귤빛 농원", PARTS)
    _settle(qtbot)
    assert not header.names_on_own_row()
    assert header.name_label.text() == keep_together("ミカン色農園")
    assert header.name_label.name() == "ミカン色農園"
    assert header.name_label.shown_lines() == [keep_together("ミカン色農園")]
    top = header.back_button.geometry().center().y()
    assert abs(header.name_label.geometry().center().y() - top) <= 2


def test_portrait_puts_the_names_on_their_own_row(qtbot: QtBot) -> None:
    header = _header(qtbot, 1000, portrait=True)
    header.set_names("ミカン色農園", "귤빛 농원", PARTS)
    _settle(qtbot)
    assert header.names_on_own_row()
    assert header.name_label.geometry().top() > header.back_button.geometry().bottom()


@pytest.mark.parametrize("width", [1286, 1000])
def test_a_long_name_wraps_between_its_words_on_a_row_of_its_own(qtbot: QtBot, width: int) -> None:
    header = _header(qtbot, width)
    header.set_names(LONG_JA, "제주 귤빛 농원 동문시장 본점 직판장", PARTS)
    _settle(qtbot)
    assert header.names_on_own_row()
    lines = [without_joiners(line) for line in header.name_label.shown_lines()]
    assert len(lines) == 2 and not header.name_label.is_elided()
    words = LONG_JA.split(" ")
    for line in lines:  # every line is whole words: no proper noun split
        assert set(line.split(" ")) <= set(words), line
    back = header.back_button
    assert back.width() >= back.sizeHint().width()  # never squeezed
    subline = header.subline_label
    widest = max(subline.fontMetrics().horizontalAdvance(part) for part in PARTS)
    assert subline.width() >= widest
    assert not header.korean_label.is_elided()


def test_the_name_label_never_gets_narrower_than_its_longest_word(qtbot: QtBot) -> None:
    header = _header(qtbot, 1366)
    header.set_names(LONG_JA, "", PARTS)
    metrics = header.name_label.fontMetrics()
    longest = max(metrics.horizontalAdvance(word) for word in LONG_JA.split(" "))
    assert header.name_label.minimumSizeHint().width() >= longest


def test_the_store_page_shows_the_name_kept_together(qtbot: QtBot) -> None:
    set_locale("ja")
    screen = StoreDetailScreen()
    qtbot.add_widget(screen)
    assert screen.name_label is screen.header.name_label
    screen.header.set_names("ミカン色農園", "귤빛 농원", PARTS)
    assert WORD_JOINER in screen.name_label.text()
    set_locale("ko")


def test_a_directory_card_name_ends_after_a_whole_word(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QRect

    from kiosk.ui.widgets import store_card

    drawn: list[str] = []
    original = store_card._text

    def spy(painter: QPainter, rect: QRect, text: str, font: QFont, color: str) -> int:
        drawn.append(text)
        return original(painter, rect, text, font, color)

    image = QImage(800, 100, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    font = theme.ui_font("en", 24)
    monkeypatch.setattr(store_card, "_text", spy)
    store_card._name(painter, QRect(0, 0, 260, 40), "Tangerine Glow Orchard Main Shop", font)
    store_card._name(painter, QRect(0, 0, 700, 40), "Tangerine Glow Orchard", font)
    painter.end()
    assert drawn[0].endswith("…") and drawn[0] in {"Tangerine Glow…", "Tangerine…"}
    assert drawn[1] == "Tangerine Glow Orchard"
