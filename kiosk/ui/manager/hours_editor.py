"""Opening hours as data in the store form: open/close per weekday and a monthly closing day."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.hours import (
    WEEKDAYS,
    WEEKS,
    DayHours,
    MonthlyClosure,
    OpeningHours,
    format_minutes,
    parse_time,
)
from kiosk.domain.messages import N_, Message, define
from kiosk.domain.store_edit.draft import Problem
from kiosk.i18n import _
from kiosk.ui import theme

#: Raw state: per day (open, "HH:MM", "HH:MM"), the monthly weekday (-1 none) and its weeks.
HoursState = tuple[tuple[tuple[bool, str, str], ...], int, tuple[int, ...]]

_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
BAD_TIME = define(
    "edit.bad_time", N_("{field}: write the times as HH:MM, for example 09:00 and 18:00.")
)


def _week_label(week: int) -> str:
    return _("last") if week == -1 else str(week)


class HoursEditor(QWidget):
    """Seven rows (open?, from, to) and "closed on the [1][2][3][4][5][last] [weekday]".

    ``edited`` on any change; ``parse()`` returns the hours or the problems.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filling = False
        self._note = ""
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.GRID)
        # One column per weekday (name, open?, from, to): compact enough to leave the
        # goods in view on a 1366x768 screen.
        grid = QGridLayout()
        grid.setHorizontalSpacing(theme.GRID)
        grid.setVerticalSpacing(theme.GRID // 2)
        self.from_label, self.to_label = QLabel(), QLabel()
        grid.addWidget(self.from_label, 2, 0)
        grid.addWidget(self.to_label, 3, 0)
        self.day_labels: list[QLabel] = []
        self.open_boxes: list[QCheckBox] = []
        self.opens: list[QLineEdit] = []
        self.closes: list[QLineEdit] = []
        time_style = f"padding: 0 {theme.GRID // 2}px; font-size: {theme.BODY}px;"
        for day in WEEKDAYS:
            label = QLabel()
            label.setProperty("role", "field")
            box = QCheckBox()
            opens, closes = QLineEdit(), QLineEdit()
            for edit in (opens, closes):
                edit.setFixedWidth(theme.GRID * 9)
                edit.setStyleSheet(time_style)
                edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
                edit.textChanged.connect(self._on_edited)
            box.toggled.connect(self._on_toggled)
            grid.addWidget(label, 0, day + 1, Qt.AlignmentFlag.AlignHCenter)
            grid.addWidget(box, 1, day + 1, Qt.AlignmentFlag.AlignHCenter)
            grid.addWidget(opens, 2, day + 1)
            grid.addWidget(closes, 3, day + 1)
            self.day_labels.append(label)
            self.open_boxes.append(box)
            self.opens.append(opens)
            self.closes.append(closes)
        grid.setColumnStretch(8, 1)
        column.addLayout(grid)
        self.monthly_label = QLabel()
        self.monthly_label.setProperty("role", "hint")
        self.monthly_label.setWordWrap(True)
        self.monthly_day = QComboBox()
        # As wide as its longest entry ("（毎月の定休日なし）"), never cut at the edge.
        self.monthly_day.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.monthly_day.currentIndexChanged.connect(self._on_edited)
        heading = QHBoxLayout()
        heading.setSpacing(theme.GRID * 2)
        heading.addWidget(self.monthly_label, 1)
        heading.addWidget(self.monthly_day)
        column.addLayout(heading)
        monthly = QHBoxLayout()
        monthly.setSpacing(theme.GRID)
        self.week_buttons: dict[int, QPushButton] = {}
        for week in WEEKS:
            button = QPushButton()
            button.setProperty("kind", "choice")
            button.setCheckable(True)
            button.toggled.connect(self._on_edited)
            monthly.addWidget(button)
            self.week_buttons[week] = button
        monthly.addStretch(1)
        column.addLayout(monthly)
        self.note_label = QLabel()
        self.note_label.setProperty("role", "muted")
        self.note_label.setWordWrap(True)
        self.note_label.hide()
        column.addWidget(self.note_label)
        self.retranslate()

    def retranslate(self) -> None:
        names = [_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")]
        for day, label in enumerate(self.day_labels):
            label.setText(names[day])
            self.open_boxes[day].setAccessibleName(_("Open on {day}").format(day=names[day]))
        self.from_label.setText(_("from"))
        self.to_label.setText(_("to"))
        self.monthly_label.setText(_("Also closed every month on the"))
        for week, button in self.week_buttons.items():
            button.setText(_week_label(week))
        index = self.monthly_day.currentIndex()
        self.monthly_day.blockSignals(True)
        self.monthly_day.clear()
        self.monthly_day.addItem(_("(no monthly closing day)"), -1)
        for day, name in enumerate(names):
            self.monthly_day.addItem(name, day)
        self.monthly_day.setCurrentIndex(max(0, index))
        self.monthly_day.blockSignals(False)
        self._show_note()

    # State ---------------------------------------------------------------------------------
    def state(self) -> HoursState:
        days = tuple(
            (self.open_boxes[d].isChecked(), self.opens[d].text(), self.closes[d].text())
            for d in WEEKDAYS
        )
        weekday = self.monthly_day.currentData()
        weeks = tuple(w for w, b in self.week_buttons.items() if b.isChecked())
        return days, weekday if isinstance(weekday, int) else -1, weeks

    def set_state(self, state: HoursState) -> None:
        days, weekday, weeks = state
        self._filling = True
        try:
            for d, (is_open, opens, closes) in enumerate(days):
                self.open_boxes[d].setChecked(is_open)
                self.opens[d].setText(opens)
                self.closes[d].setText(closes)
                self.opens[d].setEnabled(is_open)
                self.closes[d].setEnabled(is_open)
            self.monthly_day.setCurrentIndex(max(0, self.monthly_day.findData(weekday)))
            for week, button in self.week_buttons.items():
                button.setChecked(week in weeks)
        finally:
            self._filling = False

    def set_hours(self, hours: OpeningHours) -> None:
        """Show *hours*; a closed day keeps the usual hours ready for when it opens again."""
        usual = next((d for d in hours.days if d is not None), DayHours(540, 1080))
        days = tuple(
            (d is not None, format_minutes((d or usual).opens), format_minutes((d or usual).closes))
            for d in hours.days
        )
        weekday = hours.monthly[0].weekday if hours.monthly else -1
        weeks = tuple(m.week for m in hours.monthly if m.weekday == weekday)
        self._note = hours.note
        self.set_state((days, weekday, weeks))
        self._show_note()

    def parse(self) -> tuple[OpeningHours | None, list[Problem]]:
        """The hours in the fields, or the problems (each names the day)."""
        from kiosk.domain.store_edit.draft import FIELD_IN_LOCALE, field_label

        days: list[DayHours | None] = []
        problems: list[Problem] = []
        for d, (is_open, opens, closes) in enumerate(self.state()[0]):
            if not is_open:
                days.append(None)
                continue
            try:
                days.append(DayHours(parse_time(opens), parse_time(closes)))
            except ValueError:
                day_name = _(_DAY_NAMES[d])
                label = FIELD_IN_LOCALE(field=field_label("opening_hours"), locale=day_name)
                problems.append(Problem(f"opening_hours.{d}", _bad_time(label)))
                days.append(None)
        _days, weekday, weeks = self.state()
        monthly = tuple(MonthlyClosure(w, weekday) for w in weeks) if weekday >= 0 else ()
        if problems:
            return None, problems
        note = self._note if not any(days) else ""
        return OpeningHours(tuple(days), monthly, note), []

    def _show_note(self) -> None:
        self.note_label.setVisible(bool(self._note))
        if self._note:
            self.note_label.setText(_("Written before: {text}").format(text=self._note))

    def _on_toggled(self) -> None:
        for d in WEEKDAYS:
            is_open = self.open_boxes[d].isChecked()
            self.opens[d].setEnabled(is_open)
            self.closes[d].setEnabled(is_open)
        self._on_edited()

    def _on_edited(self, *_args: object) -> None:
        if not self._filling:
            self.edited.emit()


def _bad_time(label: Message) -> Message:
    return BAD_TIME(field=label)
