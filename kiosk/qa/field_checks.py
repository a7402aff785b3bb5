"""Self-test check of fields: a picker item or a line edit text or placeholder that does not fit."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QToolButton,
    QWidget,
)

#: A property marking a line edit meant for long free text that scrolls sideways (a
#: description, a web address, a note): only its placeholder must fit, not what is typed.
FREE_TEXT = "free-text"
#: A picker with at most this many items is a short fixed list (a filter, a kind, the
#: markets): every item must fit, since each one is shown once picked. Longer lists
#: (stores, days) are checked on the item shown.
SHORT_LIST = 12
#: Pixels Qt keeps between a line edit's frame and its text on each side (QLineEdit's
#: horizontal margin).
_TEXT_MARGIN = 2


def combo_text_room(combo: QComboBox) -> QRect:
    """The rectangle *combo* paints its current item's text in (its style's edit field)."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    return combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )


def line_edit_text_room(edit: QLineEdit) -> QRect:
    """The rectangle *edit* paints its text in: inside its frame and text margins, less the
    room Qt keeps for each shown action button (the clear button) on either side."""
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    room = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    room = room.marginsRemoved(edit.textMargins())
    left = right = 0
    for child in edit.findChildren(QToolButton):
        if child.parentWidget() is not edit or not child.isVisibleTo(edit):
            continue
        # Qt keeps the button's width (icon + 6) and a quarter of its icon as margin.
        taken = child.width() + max(0, child.width() - 6) // 4
        if child.geometry().center().x() < edit.width() // 2:
            left += taken
        else:
            right += taken
    return room.adjusted(left, 0, -right, 0)


def _too_wide(widget: QWidget, text: str, room: int, *, ink: bool = False) -> int | None:
    """The width *text* needs in *widget*'s font, when that is more than *room*: its
    advance (what a line edit elides or scrolls by), or with *ink* the extent of its glyphs
    (what a picker sizes itself to and clips)."""
    metrics = widget.fontMetrics()
    needed = metrics.boundingRect(text).width() if ink else metrics.horizontalAdvance(text)
    return needed if needed > room + 1 else None


def combo_problems(combo: QComboBox) -> list[str]:
    """The shown item (or, in a short fixed list, any item) wider than the picker's text room."""
    if combo.isEditable():
        return []  # its line edit is checked as a line edit
    room = combo_text_room(combo).width()
    if not combo.iconSize().isEmpty() and not combo.itemIcon(combo.currentIndex()).isNull():
        room -= combo.iconSize().width() + 4
    if combo.count() <= SHORT_LIST:
        texts = [combo.itemText(index) for index in range(combo.count())]
    else:
        texts = [combo.currentText()]
    problems = []
    for text in sorted({t for t in texts if t}, key=len, reverse=True):
        needed = _too_wide(combo, text, room, ink=True)
        if needed is None:
            continue
        shown = "shown item" if text == combo.currentText() else f"item {text!r}"
        problems.append(f"picker {shown} cut: needs {needed} px wide, has {room}")
        break  # one line per picker: the widest item that does not fit
    return problems


def line_edit_problems(edit: QLineEdit) -> list[str]:
    """A placeholder (of an empty field) or a text wider than the field.

    Typed text counts unless the field is marked ``FREE_TEXT`` (it scrolls sideways by
    design) or hides what is typed (a password); a picker's or a date's own edit field
    counts as the picker it belongs to.
    """
    room = line_edit_text_room(edit).width() - 2 * _TEXT_MARGIN
    text = edit.text()
    if not text:
        placeholder = edit.placeholderText()
        needed = _too_wide(edit, placeholder, room) if placeholder else None
        if needed is None:
            return []
        return [f"placeholder text cut: needs {needed} px wide, has {room}"]
    if edit.property(FREE_TEXT) or edit.echoMode() != QLineEdit.EchoMode.Normal:
        return []
    if isinstance(edit.parentWidget(), QAbstractSpinBox):
        return []  # a number or a date: the spin box's size hint covers its range
    needed = _too_wide(edit, text, room)
    return [] if needed is None else [f"field text cut: needs {needed} px wide, has {room}"]


def field_problems(widget: QWidget) -> list[str]:
    """Text of a picker or a line edit that does not fit in it (empty for other widgets)."""
    if isinstance(widget, QComboBox):
        return combo_problems(widget)
    if isinstance(widget, QLineEdit):
        return line_edit_problems(widget)
    return []
