"""The directory's header: one row of controls, and a slim line naming the market and the count."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.listing import MarketInfo
from kiosk.i18n import _, current_locale
from kiosk.ui import theme
from kiosk.ui.tourist.category_filter import CategoryFilter
from kiosk.ui.tourist.payment_filter import PaymentFilterBox
from kiosk.ui.widgets.elided_label import ElidedLabel
from kiosk.ui.widgets.layout_items import delete_item

#: Below this width (a portrait screen) the search box takes a row of its own.
NARROW_WIDTH = 1200


class DirectoryHeader(QWidget):
    """Back, search, category and way to pay in one row; under it the market's name, city
    and store count, ``extras`` (where other parts of the search add "3 more in 동문재래시장"
    or quick-pick chips) and a button per other market.

    Signals: ``back_requested``, ``search_edited`` (each keystroke), ``filters_changed``
    (category or way to pay chosen), ``market_chosen(slug)`` (by the tourist only).
    """

    back_requested = Signal()
    search_edited = Signal(str)
    filters_changed = Signal()
    market_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(theme.GRID)
        self._controls = QGridLayout()
        self._controls.setHorizontalSpacing(theme.GRID * 2)
        self._controls.setVerticalSpacing(theme.GRID)
        self._narrow: bool | None = None
        self.back_button = QPushButton()
        self.back_button.setProperty("kind", "back")
        self.back_button.clicked.connect(self.back_requested)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("directory-search")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self.search_edited)
        self.category_combo = CategoryFilter()
        self.category_combo.currentIndexChanged.connect(lambda _row: self.filters_changed.emit())
        self.payment_combo = PaymentFilterBox()
        self.payment_combo.currentIndexChanged.connect(lambda _row: self.filters_changed.emit())
        for combo in (self.category_combo, self.payment_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.markets_holder = QWidget()  # a button per other market
        self._market_row = QHBoxLayout(self.markets_holder)
        self._market_row.setContentsMargins(0, 0, 0, 0)
        self._market_row.setSpacing(theme.GRID)
        self._line = QHBoxLayout()
        self._second = QHBoxLayout()  # portrait: the filters and the other markets
        self._second.setSpacing(theme.GRID * 2)
        outer.addLayout(self._controls)

        line = self._line
        line.setSpacing(theme.GRID * 2)
        self.title_label = ElidedLabel("", "heading")
        # As wide as the name while there is room (elided only when there is not).
        self.title_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.city_label = ElidedLabel("", "muted")
        self.city_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.count_label = QLabel()
        self.count_label.setProperty("role", "muted")
        self.extras_holder = QWidget()
        self.extras = QHBoxLayout(self.extras_holder)
        self.extras.setContentsMargins(0, 0, 0, 0)
        self.extras.setSpacing(theme.GRID)
        line.addWidget(self.title_label)
        line.addWidget(self.city_label, 0, Qt.AlignmentFlag.AlignBaseline)
        line.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBaseline)
        line.addWidget(self.extras_holder, 1)
        self._market_buttons: dict[str, QPushButton] = {}
        self._markets: list[MarketInfo] = []
        outer.addLayout(line)
        self._arrange(narrow=False)  # after the line: the other markets go at its end

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(narrow=event.size().width() < NARROW_WIDTH)
        super().resizeEvent(event)

    def _arrange(self, *, narrow: bool) -> None:
        """One row, the other markets at the end of the name's line; on a narrow (portrait)
        screen the search gets the first row beside "back", and the filters and the other
        markets the second."""
        if narrow == self._narrow:
            return
        self._narrow = narrow
        for widget in (*self._control_widgets(), self.markets_holder):
            self._controls.removeWidget(widget)
            self._second.removeWidget(widget)
            self._line.removeWidget(widget)
        while self._second.count():  # the stretch between filters and markets
            delete_item(self._second.takeAt(0))
        self._controls.removeItem(self._second)
        self._controls.addWidget(self.back_button, 0, 0)
        self._controls.addWidget(self.search_edit, 0, 1)
        combos: tuple[QComboBox, ...] = (self.category_combo, self.payment_combo)
        if narrow:
            for combo in combos:
                self._second.addWidget(combo)
            self._second.addStretch(1)
            self._second.addWidget(self.markets_holder)
            self._controls.addLayout(self._second, 1, 0, 1, 4)
        else:
            for column, combo in enumerate(combos, start=2):
                self._controls.addWidget(combo, 0, column)
            self._line.addWidget(self.markets_holder)
        for column in range(4):
            self._controls.setColumnStretch(column, 1 if column == 1 else 0)

    def _control_widgets(self) -> tuple[QWidget, ...]:
        return (
            self.back_button,
            self.search_edit,
            self.category_combo,
            self.payment_combo,
        )

    def set_markets(self, markets: list[MarketInfo], chosen: str | None) -> None:
        """Offer *markets*: a button for each one not on show, beside the market's name."""
        for button in self._market_buttons.values():
            self._market_row.removeWidget(button)
            button.hide()
            button.deleteLater()
        self._market_buttons.clear()
        self._markets = list(markets)
        for market in markets:
            button = QPushButton()
            button.setProperty("kind", "choice")
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _c=False, slug=market.slug: self.market_chosen.emit(slug))
            self._market_row.addWidget(button)
            self._market_buttons[market.slug] = button
        self._label_markets()
        self.show_market(chosen)

    def show_market(self, slug: str | None) -> None:
        """Hide the button of market *slug* (the one on show); show the others'."""
        for market_slug, button in self._market_buttons.items():
            button.setVisible(market_slug != slug)

    def market_buttons(self) -> dict[str, QPushButton]:
        return dict(self._market_buttons)

    def _label_markets(self) -> None:
        for market in self._markets:
            button = self._market_buttons.get(market.slug)
            if button is not None:
                button.setText(market.name.get(current_locale()) + "  ›")

    def clear_filters(self, *, query: str = "") -> None:
        """Category and way to pay back to nothing, the search to *query*, without emitting
        changes."""
        self.search_edit.blockSignals(True)
        self.search_edit.setText(query)
        self.search_edit.blockSignals(False)
        self.category_combo.offer([])
        self.payment_combo.clear_choice()

    def retranslate(self) -> None:
        self.back_button.setText("‹  " + _("Start"))
        self.search_edit.setPlaceholderText(_("Search stores and goods in any language"))
        self._label_markets()
        self.category_combo.retranslate()
        self.payment_combo.retranslate()
