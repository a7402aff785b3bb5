"""The promotion editor's fields: texts in five languages, where, dates, days, hours, picture."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.locales import LOCALES, NATIVE_NAMES, LocaleCode
from kiosk.domain.promotions import MAX_TEXT, MAX_TITLE, PromotionKind
from kiosk.i18n import _
from kiosk.ui import theme
from kiosk.ui.manager.promotion_table import day_names, kind_text
from kiosk.ui.widgets.elided_label import ElidedLabel

#: The fields that have their own error line, by the draft's field name (before any dot).
ERROR_KEYS = ("texts", "ends_on", "weekdays", "window", "image")


def field_title() -> QLabel:
    label = QLabel()
    label.setProperty("role", "field")
    return label


def error_label(name: str) -> QLabel:
    """A problem shown next to its field (hidden while there is none)."""
    label = QLabel()
    label.setObjectName(f"promotion-error-{name}")
    label.setProperty("role", "body")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
    edit.setMinimumHeight(theme.TOUCH)
    edit.setDate(QDate.currentDate())
    return edit


def _time_edit(name: str, at: QTime) -> QTimeEdit:
    edit = QTimeEdit()
    edit.setObjectName(name)
    edit.setDisplayFormat("HH:mm")
    edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
    edit.setMinimumHeight(theme.TOUCH)
    edit.setTime(at)
    return edit


class PromotionFormFields:
    """Mixed into the editor screen: ``build_texts`` (left), ``build_schedule`` (right),
    ``retranslate_fields``."""

    def build_texts(self) -> QVBoxLayout:
        """What it is (promotion or announcement), then a row per language: its native name,
        the title and the text."""
        column = QVBoxLayout()
        column.setSpacing(theme.GRID)
        self.kind = QComboBox()
        self.kind.setObjectName("promotion-kind")
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.kind_title = field_title()
        column.addLayout(self._row([self.kind_title, self.kind], stretch=False))
        grid = QGridLayout()
        grid.setHorizontalSpacing(theme.GRID * 2)
        grid.setVerticalSpacing(theme.GRID)
        self.title_head, self.text_head = field_title(), field_title()
        grid.addWidget(self.title_head, 0, 1)
        grid.addWidget(self.text_head, 0, 2)
        self.titles: dict[LocaleCode, QLineEdit] = {}
        self.texts: dict[LocaleCode, QLineEdit] = {}
        for line, code in enumerate(LOCALES, start=1):
            grid.addWidget(QLabel(NATIVE_NAMES[code]), line, 0)
            self.titles[code], self.texts[code] = QLineEdit(), QLineEdit()
            self.titles[code].setObjectName(f"promotion-title-{code}")
            self.titles[code].setMaxLength(MAX_TITLE * 2)  # the check names the limit
            self.texts[code].setObjectName(f"promotion-text-{code}")
            self.texts[code].setMaxLength(MAX_TEXT * 2)
            self.texts[code].setProperty("free-text", True)  # a sentence: it may scroll
            grid.addWidget(self.titles[code], line, 1)
            grid.addWidget(self.texts[code], line, 2)
        # Titles first: a text is a sentence that may scroll, a title must show whole.
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)
        column.addLayout(grid)
        self.errors: dict[str, QLabel] = {key: error_label(key) for key in ERROR_KEYS}
        self.texts_hint = QLabel()
        self.texts_hint.setProperty("role", "hint")
        self.texts_hint.setWordWrap(True)
        column.addWidget(self.errors["texts"])
        column.addWidget(self.texts_hint)
        column.addStretch(1)
        return column

    def build_schedule(self) -> QGridLayout:
        """Where, dates, weekdays, hours and picture: a title and its field per row."""
        grid = QGridLayout()
        grid.setHorizontalSpacing(theme.GRID * 2)
        grid.setVerticalSpacing(theme.GRID)
        self.where = QComboBox()
        self.where.setObjectName("promotion-where")
        # Not as wide as the longest of the market's stores: that took the titles' room.
        self.where.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.where.setMinimumContentsLength(24)
        self.starts, self.ends = _date_edit("promotion-start"), _date_edit("promotion-end")
        self.dash = QLabel("–")
        self.all_days_note = QLabel()
        self.all_days_note.setProperty("role", "hint")
        self.all_days_note.setWordWrap(True)
        self.day_buttons = [QPushButton() for _day in range(7)]
        for day, button in enumerate(self.day_buttons):
            button.setObjectName(f"promotion-day-{day}")
            button.setProperty("kind", "choice")
            button.setCheckable(True)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.hours_box = QPushButton()  # a toggle as big as the day buttons
        self.hours_box.setObjectName("promotion-hours")
        self.hours_box.setProperty("kind", "choice")
        self.hours_box.setCheckable(True)
        self.shows_from = _time_edit("promotion-from", QTime(18, 0))
        self.shows_until = _time_edit("promotion-until", QTime(21, 0))
        for edit in (self.shows_from, self.shows_until):  # used only with "Only from"
            edit.setEnabled(False)
            self.hours_box.toggled.connect(edit.setEnabled)
        self.choose_image = QPushButton()
        self.choose_image.setObjectName("promotion-choose-image")
        self.drop_image = QPushButton()
        self.drop_image.setObjectName("promotion-drop-image")
        self.thumbnail = QLabel()
        self.thumbnail.setFixedSize(theme.TOUCH * 2, theme.TOUCH)
        self.image_label = ElidedLabel("", "hint")
        self.image_label.setObjectName("promotion-image-name")
        self.row_titles = [field_title() for _row in range(5)]
        rows: list[QLayout] = [
            self._row([self.where], stretch=True),
            self._row([self.starts, self.dash, self.ends], stretch=False),
            self._days(),
            self._row([self.hours_box, self.shows_from, QLabel("–"), self.shows_until],
                      stretch=False),
            self._row([self.choose_image, self.drop_image], stretch=False),
        ]  # fmt: skip
        picture = QHBoxLayout()
        picture.setSpacing(theme.GRID)
        picture.addWidget(self.thumbnail)
        picture.addWidget(self.image_label, 1)
        under = {1: "ends_on", 2: "weekdays", 3: "window", 4: "image"}
        line = 0
        for index, row in enumerate(rows):
            self.row_titles[index].setMinimumHeight(theme.TOUCH)  # centred on the first line
            grid.addWidget(self.row_titles[index], line, 0, Qt.AlignmentFlag.AlignTop)
            grid.addLayout(row, line, 1)
            line += 1
            if index == 4:
                grid.addLayout(picture, line, 1)
                line += 1
            if index in under:
                grid.addWidget(self.errors[under[index]], line, 1)
                line += 1
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(line, 1)
        return grid

    def _days(self) -> QGridLayout:
        """Monday to Thursday over Friday to Sunday, and what none chosen means."""
        days = QGridLayout()
        days.setSpacing(theme.GRID)
        for day, button in enumerate(self.day_buttons):
            days.addWidget(button, day // 4, day % 4)
        days.addWidget(self.all_days_note, 1, 3)
        return days

    @staticmethod
    def _row(widgets: Sequence[QWidget], *, stretch: bool) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(theme.GRID)
        for widget in widgets:
            row.addWidget(widget, 1 if stretch else 0)
        if not stretch:
            row.addStretch(1)
        return row

    def show_thumbnail(self, data: bytes | None) -> None:
        pixmap = QPixmap()
        shown = data is not None and pixmap.loadFromData(data)
        self.thumbnail.setVisible(shown)
        if not shown:
            self.thumbnail.clear()
            return
        self.thumbnail.setPixmap(
            pixmap.scaled(
                self.thumbnail.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def retranslate_fields(self) -> None:
        self.title_head.setText(_("Title"))
        self.text_head.setText(_("Text"))
        self.texts_hint.setText(
            _("At least one language; a language left empty shows English, else Korean.")
        )
        self.kind_title.setText(_("Kind"))
        titles = [_("Where"), _("Dates"), _("Days"), _("Hours"), _("Picture")]
        for label, text in zip(self.row_titles, titles, strict=True):
            label.setText(text)
        kind = self.kind.currentData()
        self.kind.blockSignals(True)
        self.kind.clear()
        for item in PromotionKind:
            self.kind.addItem(kind_text(item), item.value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.kind.blockSignals(False)
        for button, name in zip(self.day_buttons, day_names(), strict=True):
            button.setText(name)
        self.all_days_note.setText(_("None chosen: every day."))
        self.hours_box.setText(_("Only from"))
        self.choose_image.setText(_("Choose a picture…"))
        self.drop_image.setText(_("No picture"))
