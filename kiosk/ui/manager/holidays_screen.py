"""Market holidays: the days a whole market is closed, listed, added with a date picker, removed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.access import Actor
from kiosk.domain.currency import seoul_today
from kiosk.domain.listing import MarketInfo
from kiosk.domain.locales import BABEL_LOCALES
from kiosk.domain.market_holidays import NAME_LIMIT, HolidayError, MarketHoliday
from kiosk.i18n import _, current_locale
from kiosk.services.app import Services
from kiosk.ui import ops, theme
from kiosk.ui.manager.page_frame import ManagerPage, row_layout, status_line

SCREEN = "manager-holidays"


def holiday_line(holiday: MarketHoliday) -> str:
    """``2027-02-07 (일)  설날 연휴``: the date, its weekday in the current language, the name."""
    from babel.dates import format_date

    weekday = format_date(holiday.day, "EEE", locale=BABEL_LOCALES[current_locale()])
    return f"{holiday.day.isoformat()} ({weekday})  {holiday.name}".rstrip()


class ManagerHolidaysScreen(ManagerPage):
    """One market's coming holidays on the left; on the right a date picker, a name, Add.

    A refused date or name is told under its field (``HolidayError.field``) and nothing
    is saved. Remove takes the chosen line away at once (adding it again is one click).
    """

    changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        # Reached from the Markets page; no header button of its own.
        super().__init__(SCREEN, "holidays", parent)
        self._services = services
        self._actor: Actor | None = None
        self._holidays: list[MarketHoliday] = []
        self._slot = ops.OpSlot(self)  # loads: a newer one replaces an older one
        self._save_slot = ops.OpSlot(self)  # never cancelled by a load (a change reloads)
        self.market = QComboBox()
        self.market.setObjectName("holidays-market")
        self.market.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.market.currentIndexChanged.connect(self._on_market)
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.hint = QLabel()
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        self.add(row_layout(self.heading, (self.market, 0), None, spacing=theme.GRID * 2))
        self.add(self.hint)
        body = QHBoxLayout()
        body.setSpacing(theme.GRID * 4)
        body.addLayout(self._build_list(), 3)
        body.addLayout(self._build_form(), 2)
        self.add(body, 1)
        self.stack_below(body, theme.GRID * 140)  # portrait: the form under the list
        self.message = status_line("holidays-message")
        self.add(self.message)
        self.retranslate()

    def _build_list(self) -> QVBoxLayout:
        left = QVBoxLayout()
        self.list_title = QLabel()
        self.list_title.setProperty("role", "field")
        self.days = QListWidget()
        self.days.setObjectName("holidays-list")
        self.days.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("remove-holiday")
        self.remove_button.clicked.connect(self.remove)
        left.addLayout(row_layout(self.list_title, None, self.remove_button))
        left.addWidget(self.days, 1)
        return left

    def _build_form(self) -> QVBoxLayout:
        form = QVBoxLayout()
        form.setSpacing(theme.GRID)
        self.form_title = QLabel()
        self.form_title.setProperty("role", "heading")
        self.day = QDateEdit()
        self.day.setObjectName("holiday-date")
        self.day.setCalendarPopup(True)  # the date picker
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.set_date(seoul_today())
        self.name = QLineEdit()
        self.name.setObjectName("holiday-name")
        self.name.setMaxLength(NAME_LIMIT)
        self.name.returnPressed.connect(self.add_holiday)
        grid = QGridLayout()
        grid.setHorizontalSpacing(theme.GRID * 2)
        grid.setVerticalSpacing(theme.GRID // 2)
        self.titles: dict[str, QLabel] = {}
        self.problems: dict[str, QLabel] = {}
        for line, (key, widget) in enumerate((("date", self.day), ("name", self.name))):
            self.titles[key] = QLabel()
            self.titles[key].setProperty("role", "field")
            self.titles[key].setMinimumHeight(theme.GRID * 6)
            self.problems[key] = status_line(f"holiday-{key}-problem", "hint")
            grid.addWidget(self.titles[key], line * 2, 0)
            grid.addWidget(widget, line * 2, 1)
            grid.addWidget(self.problems[key], line * 2 + 1, 1)
        grid.setColumnStretch(1, 1)
        self.add_button = QPushButton()
        self.add_button.setObjectName("add-holiday")
        self.add_button.setProperty("kind", "primary")
        self.add_button.clicked.connect(self.add_holiday)
        form.addWidget(self.form_title)
        form.addLayout(grid)
        form.addLayout(row_layout(None, self.add_button))
        form.addStretch(1)
        return form

    # API --------------------------------------------------------------------------------------
    def set_actor(self, actor: Actor | None) -> None:
        self._actor = actor

    def holidays(self) -> list[MarketHoliday]:
        return list(self._holidays)

    def current_slug(self) -> str | None:
        slug = self.market.currentData()
        return slug if isinstance(slug, str) else None

    def reload(self, select: str | None = None) -> None:
        """Load the markets, then the chosen one's holidays (*select*, else the one shown)."""
        wanted = select or self.current_slug()
        self._slot.run(
            self._services.directory.list_markets,
            on_done=lambda found: self._on_markets(found, wanted),
            name="holiday-markets",
        )

    def set_date(self, day: date) -> None:
        self.day.setDate(QDate(day.year, day.month, day.day))

    def add_holiday(self) -> None:
        services, actor, slug = self._services, self._actor, self.current_slug()
        if actor is None or slug is None:
            return
        picked = self.day.date()
        day = date(picked.year(), picked.month(), picked.day())
        name = self.name.text()
        self._clear_problems()

        def work() -> MarketHoliday:
            return services.holidays.add_holiday(actor=actor, market_slug=slug, day=day, name=name)

        self._save_slot.run(work, on_done=self._on_added, on_error=self._on_failed, name="holiday")

    def remove(self) -> None:
        services, actor, slug = self._services, self._actor, self.current_slug()
        row = self.days.currentRow()
        if actor is None or slug is None or not 0 <= row < len(self._holidays):
            return
        day = self._holidays[row].day
        self._clear_problems()

        def work() -> MarketHoliday:
            return services.holidays.remove_holiday(actor=actor, market_slug=slug, day=day)

        self._save_slot.run(
            work, on_done=self._on_removed, on_error=self._on_failed, name="holiday"
        )

    def retranslate(self) -> None:
        self.header.retranslate()
        self.header.set_title("")  # the page buttons need the room; the heading is below
        self.heading.setText(_("Market holidays"))
        self.hint.setText(
            _("On these days the whole market is closed: the kiosk, the attract loop and the "
              "phone pages say \u201cMarket holiday\u201d instead of open or closed.")
        )  # fmt: skip
        self.list_title.setText(_("Coming holidays"))
        self.remove_button.setText(_("Remove holiday"))
        self.form_title.setText(_("Add a holiday"))
        self.titles["date"].setText(_("Date"))
        self.titles["name"].setText(_("Name or reason"))
        self.name.setPlaceholderText(_("e.g. 설날, 추석"))
        self.add_button.setText(_("Add holiday"))
        self._fill()

    # Internals --------------------------------------------------------------------------------
    def _fill(self) -> None:
        self.days.clear()
        for holiday in self._holidays:
            item = QListWidgetItem(holiday_line(holiday))
            item.setData(Qt.ItemDataRole.UserRole, holiday.day.isoformat())
            self.days.addItem(item)
        if not self._holidays:
            empty = QListWidgetItem(_("No holidays: the market keeps its usual days."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.days.addItem(empty)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(0 <= self.days.currentRow() < len(self._holidays))

    def _clear_problems(self) -> None:
        for label in self.problems.values():
            label.setText("")
        self.message.setText("")

    def _load_holidays(self) -> None:
        slug = self.current_slug()
        if slug is None:
            self._holidays = []
            self._fill()
            return
        services, today = self._services, seoul_today()
        self._slot.run(
            lambda: services.holidays.list_holidays(market_slug=slug, since=today),
            on_done=self._on_holidays,
            name="holidays",
        )

    def _on_markets(self, markets: list[MarketInfo], wanted: str | None) -> None:
        self.market.blockSignals(True)
        self.market.clear()
        for market in markets:
            self.market.addItem(market.name.get(current_locale()), market.slug)
        index = self.market.findData(wanted) if wanted else -1
        self.market.setCurrentIndex(index if index >= 0 else 0)
        self.market.blockSignals(False)
        self._load_holidays()

    def _on_market(self, _index: int) -> None:
        self._clear_problems()
        self._load_holidays()

    def _on_holidays(self, found: list[MarketHoliday]) -> None:
        self._holidays = found
        self._fill()

    def _on_added(self, holiday: MarketHoliday) -> None:
        self.message.setText("✓ " + _("Added {line}.").format(line=holiday_line(holiday)))
        self.name.setText("")
        self._load_holidays()
        self.changed.emit()

    def _on_removed(self, holiday: MarketHoliday) -> None:
        self.message.setText("✓ " + _("Removed {line}.").format(line=holiday_line(holiday)))
        self._load_holidays()
        self.changed.emit()

    def _on_failed(self, exc: Exception) -> None:
        from kiosk.domain.messages import KioskError

        if isinstance(exc, HolidayError):
            self.problems.get(exc.field, self.message).setText("⚠ " + str(exc))
        elif isinstance(exc, KioskError):
            self.message.setText("⚠ " + str(exc))
        else:
            raise exc
