"""Exchange rates: the manager types the won for one yen, yuan, dollar... and how long it shows."""

from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.access import Actor
from kiosk.domain.currency import RateCard, RateError, reference_text, seoul_today
from kiosk.domain.formatting import format_price
from kiosk.domain.locales import LocaleCode
from kiosk.i18n import _, current_locale, translate
from kiosk.services.app import Services
from kiosk.ui import ops, theme
from kiosk.ui.manager.page_frame import ManagerPage, row_layout, status_line
from kiosk.ui.widgets.flow_layout import FlowLayout

SCREEN = "manager-rates"
#: The currencies offered first (any ISO 4217 code may be typed).
COMMON = ("JPY", "CNY", "TWD", "USD", "HKD", "EUR", "SGD", "GBP", "AUD", "THB")
#: What the preview shows: 15,000원 as a tourist of each language would see it.
PREVIEW_WON = 15_000
_PREVIEW: tuple[LocaleCode, ...] = ("ja", "zh_Hans", "zh_Hant", "en")


class ManagerRatesScreen(ManagerPage):
    """The rates on the left (date, age, shown or too old); on the right one rate's form,
    the maximum age, and a preview of 15,000원 in each tourist's currency.

    Each field shows its own problem under it (``RateError.field``); nothing is saved then.
    """

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(SCREEN, "rates", parent)  # opened from Markets: no page button of its own
        self._services = services
        self._actor: Actor | None = None
        self._card = RateCard()
        self._load_slot = ops.OpSlot(self)  # a newer load replaces an older one
        self._save_slot = ops.OpSlot(self)  # never cancelled by a load (a change reloads)
        body = QHBoxLayout()
        body.setSpacing(theme.GRID * 4)
        body.addLayout(self._build_table(), 3)
        body.addLayout(self._build_form(), 2)
        self.add(body, 1)
        # Portrait: the form under the table (beside it the rate's placeholder was cut).
        self.stack_below(body, theme.GRID * 150)
        self.message = status_line("rates-message")
        self.add(self.message)
        self.retranslate()

    def _build_table(self) -> QVBoxLayout:
        left = QVBoxLayout()
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("rates-table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._on_selected)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("remove-rate")
        self.remove_button.clicked.connect(self.remove)
        self.preview_title = QLabel()
        self.preview_title.setProperty("role", "field")
        self.preview = QLabel()
        self.preview.setObjectName("rates-preview")
        self.preview.setProperty("role", "body")
        self.preview.setWordWrap(True)
        left.addWidget(self.table, 1)
        left.addLayout(row_layout(None, self.remove_button))
        left.addWidget(self.preview_title)
        left.addWidget(self.preview)
        return left

    def _build_form(self) -> QVBoxLayout:
        form = QVBoxLayout()
        form.setSpacing(theme.GRID)
        self.form_title = QLabel()
        self.form_title.setProperty("role", "heading")
        grid = QGridLayout()
        grid.setHorizontalSpacing(theme.GRID * 2)
        grid.setVerticalSpacing(theme.GRID // 2)
        self.currency = QComboBox()
        self.currency.setObjectName("rate-currency")
        self.currency.setEditable(True)
        self.currency.addItems(COMMON)
        self.rate = QLineEdit()
        self.rate.setObjectName("rate-won")
        self.rate.returnPressed.connect(self.save)
        self.day = QLineEdit()
        self.day.setObjectName("rate-date")
        self.titles: dict[str, QLabel] = {}
        self.problems: dict[str, QLabel] = {}
        for line, (key, widget) in enumerate(
            (("currency", self.currency), ("rate", self.rate), ("date", self.day))
        ):
            self.titles[key] = QLabel()
            self.titles[key].setProperty("role", "field")
            self.problems[key] = status_line(f"rate-{key}-problem", "hint")
            # As high as its field: left to the grid, the title was drawn 23 px high and cut.
            self.titles[key].setMinimumHeight(theme.GRID * 6)
            grid.addWidget(self.titles[key], line * 2, 0)
            grid.addWidget(widget, line * 2, 1)
            grid.addWidget(self.problems[key], line * 2 + 1, 1)
        self.save_button = QPushButton()
        self.save_button.setObjectName("save-rate")
        self.save_button.setProperty("kind", "primary")
        self.save_button.clicked.connect(self.save)
        self.age_title = QLabel()
        self.age_title.setProperty("role", "heading")
        self.age = QLineEdit()
        self.age.setObjectName("rate-max-age")
        self.age.setFixedWidth(theme.GRID * 12)
        self.age_unit = QLabel()
        self.age_unit.setProperty("role", "lead")
        self.save_age = QPushButton()
        self.save_age.setObjectName("save-max-age")
        self.save_age.clicked.connect(self.save_max_age)
        self.problems["max_age"] = status_line("rate-max_age-problem", "hint")
        self.age_hint = status_line("rate-age-hint", "hint")
        form.addWidget(self.form_title)
        form.addLayout(grid)
        form.addLayout(row_layout(None, self.save_button))
        form.addSpacing(theme.GRID * 2)
        form.addWidget(self.age_title)
        age_row = FlowLayout(spacing=theme.GRID * 2)  # wraps in portrait, never squeezes Save
        for widget in (self.age, self.age_unit, self.save_age):
            age_row.addWidget(widget)
        form.addLayout(age_row)
        form.addWidget(self.problems["max_age"])
        form.addWidget(self.age_hint)
        form.addStretch(1)
        return form

    def set_actor(self, actor: Actor | None) -> None:
        self._actor = actor

    def card(self) -> RateCard:
        return self._card

    def reload(self) -> None:
        self._load_slot.run(self._services.rates.rate_card, on_done=self._on_loaded, name="rates")

    def save(self) -> None:
        services, actor = self._services, self._actor
        if actor is None:
            return
        currency, rate, typed_day = self.currency.currentText(), self.rate.text(), self.day.text()
        self._clear_problems()
        try:
            as_of = date.fromisoformat(typed_day.strip()) if typed_day.strip() else None
        except ValueError:
            self._show_problem("date", _("Type the date as 2026-12-01."))
            return

        def work() -> object:
            return services.rates.set_rate(actor=actor, currency=currency, rate=rate, as_of=as_of)

        self._save_slot.run(
            work, on_done=self._on_saved, on_error=self._on_failed, name="save-rate"
        )

    def save_max_age(self) -> None:
        services, actor, days = self._services, self._actor, self.age.text()
        if actor is None:
            return
        self._clear_problems()
        self._save_slot.run(
            lambda: services.rates.set_max_age(actor=actor, days=days),
            on_done=self._on_saved,
            on_error=self._on_failed,
            name="save-max-age",
        )

    def remove(self) -> None:
        services, actor, code = self._services, self._actor, self._selected()
        if actor is None or code is None:
            return
        self._save_slot.run(
            lambda: services.rates.remove_rate(actor=actor, currency=code),
            on_done=self._on_saved,
            on_error=self._on_failed,
            name="remove-rate",
        )

    def retranslate(self) -> None:
        self.header.retranslate()
        self.header.set_title(_("Exchange rates"))
        self.table.setHorizontalHeaderLabels(
            [_("Currency"), _("Won for 1"), _("Date of the rate"), _("Shown to tourists")]
        )
        self.remove_button.setText(_("Remove rate"))
        self.form_title.setText(_("Enter a rate"))
        self.titles["currency"].setText(_("Currency"))
        self.titles["rate"].setText(_("Won for 1"))
        self.titles["date"].setText(_("Date of the rate"))
        self.rate.setPlaceholderText(_("e.g. 9.05 for 1 yen"))
        self.day.setPlaceholderText(_("today"))
        self.save_button.setText(_("Save rate"))
        self.age_title.setText(_("Show a rate for"))
        self.age_unit.setText(_("days after its date"))
        self.save_age.setText(_("Save"))
        self.age_hint.setText(
            _("Older rates are hidden, so tourists never see a stale price. Rates are typed "
              "here, never fetched from the internet.")
        )  # fmt: skip
        self.preview_title.setText(
            _("{price} as tourists see it").format(
                price=format_price(PREVIEW_WON, current_locale())
            )
        )
        self._fill()

    # Internals -------------------------------------------------------------------------------
    def _selected(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        item = self.table.item(rows[0].row(), 0) if rows else None
        return item.text() if item is not None else None

    def _fill(self) -> None:
        today = seoul_today()
        card = self._card
        self.table.setRowCount(len(card.rates))
        for row, rate in enumerate(card.rates):
            age = (today - rate.as_of).days
            shown = (
                "✓ " + _("Yes")
                if 0 <= age <= card.max_age_days
                else "✗ " + _("No, {days} days old").format(days=age)
            )
            cells = (rate.currency, format(rate.won_per_unit, "f"), rate.as_of.isoformat(), shown)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.remove_button.setEnabled(self._selected() is not None)
        self.age.setText(str(card.max_age_days))
        shown_to = [
            found
            for loc in _PREVIEW
            if (
                found := reference_text(
                    PREVIEW_WON, loc, card, today, partial(translate, locale=loc)
                )
            )
        ]
        self.preview.setText("\n".join(shown_to) or _("No rate is shown now."))

    def _clear_problems(self) -> None:
        for label in self.problems.values():
            label.setText("")
        self.message.setText("")

    def _show_problem(self, field: str, text: str) -> None:
        self.problems.get(field, self.message).setText("⚠ " + text)

    def _on_loaded(self, card: RateCard) -> None:
        self._card = card
        self._fill()

    def _on_selected(self) -> None:
        code = self._selected()
        self.remove_button.setEnabled(code is not None)
        rate = self._card.get(code) if code else None
        if rate is not None:
            self.currency.setCurrentText(rate.currency)
            self.rate.setText(format(rate.won_per_unit, "f"))
            self.day.setText("")

    def _on_saved(self, _value: object) -> None:
        self.message.setText("✓ " + _("Saved."))
        self.rate.setText("")
        self.reload()

    def _on_failed(self, exc: Exception) -> None:
        from kiosk.domain.messages import KioskError

        if isinstance(exc, RateError):
            self._show_problem(exc.field, str(exc))
        elif isinstance(exc, KioskError):
            self.message.setText("⚠ " + str(exc))
        else:
            raise exc
