"""The self-test field check: a picker item, a line edit text or placeholder that does not fit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QComboBox, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.qa.field_checks import FREE_TEXT, SHORT_LIST, line_edit_text_room
from kiosk.qa.selftest import widget_problems

FILTERS = ["전체 가게", "사진이 없는 가게만 보기", "연락처가 없는 가게만 보기"]
PLACEHOLDER = "店名・商品名・決済方法で探す(例:みかん、Alipay)"


def screen(qtbot: QtBot, *widgets: QWidget) -> QWidget:
    """A shown window holding *widgets* in a column (a stretch under them)."""
    root = QWidget()
    qtbot.add_widget(root)
    column = QVBoxLayout(root)
    for widget in widgets:
        column.addWidget(widget)
    column.addStretch(1)
    root.resize(900, 600)
    root.show()
    qtbot.wait_exposed(root)
    return root


def combo(items: list[str], *, width: int | None = None) -> QComboBox:
    box = QComboBox()
    box.setObjectName("missing-filter")
    box.addItems(items)
    if width is not None:
        box.setFixedWidth(width)
    return box


def edit(*, text: str = "", placeholder: str = "", width: int | None = None) -> QLineEdit:
    field = QLineEdit(text)
    field.setObjectName("market-name-en")
    field.setPlaceholderText(placeholder)
    if width is not None:
        field.setFixedWidth(width)
    return field


def test_wide_pickers_and_fields_pass(qtbot: QtBot) -> None:
    root = screen(
        qtbot,
        combo(FILTERS),
        edit(text="Dongmun Traditional Market"),
        edit(placeholder=PLACEHOLDER),
    )
    assert widget_problems(root) == []


def test_a_picker_narrower_than_its_shown_item_fails(qtbot: QtBot) -> None:
    box = combo(FILTERS, width=120)
    box.setCurrentIndex(2)
    problems = widget_problems(screen(qtbot, box))
    assert len(problems) == 1, problems
    assert problems[0].startswith("QComboBox#missing-filter '연락처가 없는 가게만 보기': ")
    assert "picker shown item cut: needs" in problems[0]


def test_a_short_list_fails_on_its_widest_item_while_a_short_one_is_shown(qtbot: QtBot) -> None:
    problems = widget_problems(screen(qtbot, combo(FILTERS, width=160)))
    assert len(problems) == 1, problems
    assert "picker item '연락처가 없는 가게만 보기' cut" in problems[0]


def test_a_long_list_is_judged_on_the_shown_item(qtbot: QtBot) -> None:
    items = ["귤"] * SHORT_LIST + ["동문재래시장 귤빛 농원 제주 감귤"]
    assert widget_problems(screen(qtbot, combo(items, width=160))) == []


def test_a_field_narrower_than_its_text_fails(qtbot: QtBot) -> None:
    field = edit(text="Dongmun Traditional Market", width=120)
    problems = widget_problems(screen(qtbot, field))
    assert len(problems) == 1, problems
    assert problems[0].startswith("QLineEdit#market-name-en 'Dongmun Traditional Market': ")
    assert "field text cut: needs" in problems[0]


def test_a_placeholder_wider_than_its_empty_field_fails(qtbot: QtBot) -> None:
    problems = widget_problems(screen(qtbot, edit(placeholder=PLACEHOLDER, width=240)))
    assert len(problems) == 1, problems
    assert "placeholder text cut: needs" in problems[0]


def test_an_action_button_takes_room_from_the_placeholder(qtbot: QtBot) -> None:
    field = edit(placeholder=PLACEHOLDER)
    root = screen(qtbot, field)
    frame = field.width() - line_edit_text_room(field).width()  # padding, border, margins
    field.setFixedWidth(field.fontMetrics().horizontalAdvance(PLACEHOLDER) + frame + 12)
    assert widget_problems(root) == []
    icon = QPixmap(48, 48)
    icon.fill(Qt.GlobalColor.darkGray)
    field.addAction(QIcon(icon), QLineEdit.ActionPosition.TrailingPosition)
    qtbot.wait(10)
    assert any("placeholder text cut" in p for p in widget_problems(root))


def test_long_free_text_may_scroll_but_its_placeholder_must_fit(qtbot: QtBot) -> None:
    field = edit(text="https://dongmun.example.kr/tourists/ja/index.html", width=160)
    field.setProperty(FREE_TEXT, True)
    root = screen(qtbot, field)
    assert widget_problems(root) == []
    field.clear()
    field.setPlaceholderText(PLACEHOLDER)
    assert any("placeholder text cut" in p for p in widget_problems(root))


def test_a_password_field_is_not_judged_on_its_dots(qtbot: QtBot) -> None:
    field = edit(text="a long secret password of many words", width=120)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    assert widget_problems(screen(qtbot, field)) == []
