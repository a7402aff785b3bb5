"""Store detail for tourists: name, description, stall, hours, ways to pay, goods, QR codes."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.categories import CATEGORY_LABELS
from kiosk.domain.formatting import format_price
from kiosk.domain.listing import ProductInfo, StoreDetail
from kiosk.domain.locales import LocaleCode
from kiosk.domain.payments import PAYMENT_LABELS, PaymentMethod
from kiosk.domain.units import localize_unit, unit_notes
from kiosk.i18n import N_, _, current_locale
from kiosk.services.values import StoreCodes
from kiosk.ui import theme
from kiosk.ui.tourist.profiles_panel import ProfilesPanel
from kiosk.ui.tourist.qr_panel import NARROW_SIDE, WIDE_SIDE, StoreQrPanel
from kiosk.ui.widgets.elided_label import ElidedLabel
from kiosk.ui.widgets.flow_layout import FlowLayout
from kiosk.ui.widgets.price_row import PriceRow, price_with_unit
from kiosk.ui.widgets.status_pill import StatusPill

#: From this screen width on the QR codes head the side column at full size; below it
#: they go under the store facts at a smaller size, so the price list keeps its width.
WIDE_QR_MIN_WIDTH = 1600
#: The QR sizes the store page may show; a code is verified at each before it is shown.
QR_SIDES: tuple[int, ...] = (WIDE_SIDE, NARROW_SIDE)


def _card() -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setProperty("surface", "card")
    layout = QVBoxLayout(frame)
    pad = theme.GRID * 4
    layout.setContentsMargins(pad, pad, pad, pad)
    layout.setSpacing(theme.GRID * 2)
    return frame, layout


def _clear(layout: QVBoxLayout | FlowLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()  # deleteLater runs only in the event loop; never paint it again
            widget.deleteLater()


def _show_now(layout: QVBoxLayout) -> None:
    """Show freshly added widgets at once (a layout would only queue their show)."""
    for row in range(layout.count()):
        item = layout.itemAt(row)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.show()


class StoreDetailScreen(QWidget):
    """One store in the current language; rebuilt by ``show_store`` and ``retranslate``.

    The store's own QR codes (KakaoTalk add-friend, payment) are ``qr_panel``: on a
    wide screen it heads a side column, on a narrow one it sits under the store facts.
    Other screens' cards go into the side column with ``add_side_card``. The column
    takes no room while nothing in it is shown.
    ``store_shown`` is emitted with each StoreDetail shown, so such cards can follow.
    """

    back_requested = Signal()
    store_shown = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("store-detail")
        self._store: StoreDetail | None = None
        self.price_rows: list[PriceRow] = []
        # Labels of the built page and how each shows itself in a locale: a language
        # switch re-labels in place instead of rebuilding (issue "City scale": < 20 ms).
        self._relabel: list[Callable[[LocaleCode], None]] = []
        self._shape: tuple[object, ...] | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(theme.GRID * 5, theme.GRID * 3, theme.GRID * 5, theme.GRID * 3)
        outer.setSpacing(theme.GRID * 2)
        top = QHBoxLayout()
        top.setSpacing(theme.GRID * 4)
        self.back_button = QPushButton()
        self.back_button.setProperty("kind", "back")
        self.back_button.clicked.connect(self._on_back_clicked)
        self.name_label = ElidedLabel("", "display")
        top.addWidget(self.back_button)
        top.addWidget(self.name_label, 1)
        outer.addLayout(top)
        self.subline_label = ElidedLabel("", "muted")
        outer.addWidget(self.subline_label)

        body = QWidget()
        columns = QHBoxLayout(body)
        columns.setContentsMargins(0, theme.GRID, 0, 0)
        columns.setSpacing(theme.GRID * 3)
        about, self._about = _card()
        goods, self._goods = _card()
        left = QWidget()
        self._left = QVBoxLayout(left)
        self._left.setContentsMargins(0, 0, 0, 0)
        self._left.setSpacing(theme.GRID * 3)
        self._left.addWidget(about)
        self.profiles_panel = ProfilesPanel()  # "find us online": Smart Place, Instagram, ...
        self._left.addWidget(self.profiles_panel)
        columns.addWidget(left, 2, Qt.AlignmentFlag.AlignTop)
        columns.addWidget(goods, 3, Qt.AlignmentFlag.AlignTop)
        self.side_panel = QWidget()
        self._side = QVBoxLayout(self.side_panel)
        self._side.setContentsMargins(0, 0, 0, 0)
        self._side.setSpacing(theme.GRID * 3)
        self.qr_panel = StoreQrPanel()
        self._side.addWidget(self.qr_panel)
        self.side_panel.hide()
        columns.addWidget(self.side_panel, 0, Qt.AlignmentFlag.AlignTop)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.retranslate()

    # Public API ----------------------------------------------------------------------
    def current_store(self) -> StoreDetail | None:
        return self._store

    def add_side_card(self, widget: QWidget) -> None:
        """Add a card (e.g. a verified QR code) to the right-hand column."""
        self._side.addWidget(widget)
        widget.show()
        self._update_side()

    def show_store(self, codes: StoreCodes) -> None:
        """Show a store with its codes, verified beforehand off the GUI thread.

        Build *codes* with ``verified_store_codes(store, sides=QR_SIDES)``.
        """
        self._store = codes.store
        self._rebuild()
        self.qr_panel.show_codes(codes)
        self.profiles_panel.show_codes(codes)
        self._update_side()
        self.store_shown.emit(codes.store)

    def retranslate(self) -> None:
        """Show the page in the current language (``kiosk.i18n``).

        When the page has the same parts in that language (a description or not, the
        same number of unit notes) its labels are re-labelled in place; else it is rebuilt.
        """
        locale = current_locale()
        self.back_button.setText("‹  " + _("All stores"))
        store = self._store
        if store is not None and self._shape == _shape(store, locale):
            self._label_header(store, locale)
            for relabel in self._relabel:
                relabel(locale)
        else:
            self._rebuild()
        self.qr_panel.retranslate()
        self.profiles_panel.retranslate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place_qr_panel(wide=event.size().width() >= WIDE_QR_MIN_WIDTH)
        super().resizeEvent(event)

    # Building --------------------------------------------------------------------------
    def _place_qr_panel(self, *, wide: bool) -> None:
        if wide == self.qr_panel.is_wide() and self.qr_panel.parentWidget() is not None:
            return
        visible = self.qr_panel.isVisibleTo(self)
        profiles = self.profiles_panel.isVisibleTo(self)
        for panel in (self.qr_panel, self.profiles_panel):
            self._left.removeWidget(panel)
            self._side.removeWidget(panel)
        if wide:  # the codes head the side column, the "find us online" codes under them
            self._side.insertWidget(0, self.qr_panel)
            self._side.insertWidget(1, self.profiles_panel)
        else:  # under the store facts
            self._left.addWidget(self.qr_panel)
            self._left.addWidget(self.profiles_panel)
        self.qr_panel.set_wide(wide)
        self.qr_panel.setVisible(visible)
        self.profiles_panel.setVisible(profiles)
        self._update_side()

    def _update_side(self) -> None:
        shown = any(
            (item := self._side.itemAt(index)) is not None
            and (widget := item.widget()) is not None
            and widget.isVisibleTo(self.side_panel)
            for index in range(self._side.count())
        )
        self.side_panel.setVisible(shown)

    def _label(self, label: QLabel, text: Callable[[LocaleCode], str]) -> None:
        """Set *label* to *text(locale)* now and again on every language switch."""

        def relabel(locale: LocaleCode) -> None:
            label.setText(text(locale))

        relabel(current_locale())
        self._relabel.append(relabel)

    def _label_header(self, store: StoreDetail, loc: LocaleCode) -> None:
        self.name_label.setText(store.name.get(loc))
        self.subline_label.setText(
            "  ·  ".join((store.market_name.get(loc), _(CATEGORY_LABELS[store.category])))
        )

    def _rebuild(self) -> None:
        _clear(self._about)
        _clear(self._goods)
        self.price_rows = []
        self._relabel = []
        store = self._store
        self._shape = _shape(store, current_locale()) if store is not None else None
        if store is None:
            self.name_label.setText("")
            self.subline_label.setText("")
            return
        loc = current_locale()
        self._label_header(store, loc)
        self._build_about(store, loc)
        self._build_goods(store, loc)
        _show_now(self._about)
        _show_now(self._goods)

    def _build_about(self, store: StoreDetail, loc: LocaleCode) -> None:
        if store.description.get(loc):
            text = QLabel()
            text.setProperty("role", "lead")
            text.setWordWrap(True)
            self._label(text, store.description.get)
            self._about.addWidget(text)
        facts = QGridLayout()
        facts.setContentsMargins(0, 0, 0, 0)
        facts.setHorizontalSpacing(theme.GRID * 3)
        facts.setVerticalSpacing(theme.GRID * 2)
        rows: list[tuple[str, Callable[[LocaleCode], str]]] = [
            (N_("Stall"), lambda _loc: store.stall_number),
            (N_("Opening hours"), store.opening_hours.format),
        ]
        if store.phone:
            rows.append((N_("Phone"), lambda _loc: store.phone))
        for row, (field, value) in enumerate(rows):
            name = QLabel()
            name.setProperty("role", "field")
            self._label(name, partial(_translated, field))
            shown = QLabel()
            shown.setProperty("role", "value")
            shown.setWordWrap(True)
            self._label(shown, partial(_or_not_given, value))
            facts.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            facts.addWidget(shown, row, 1)
        facts.setColumnStretch(1, 1)
        holder = QWidget()
        holder.setLayout(facts)
        self._about.addWidget(holder)

        pay_title = QLabel()
        pay_title.setProperty("role", "heading")
        self._label(pay_title, lambda _loc: _("Ways to pay"))
        self._about.addWidget(pay_title)
        pills = QWidget()
        flow = FlowLayout(pills, spacing=theme.GRID + theme.GRID // 2)
        for method in store.payment_methods:
            pill = StatusPill("✓ " + _(PAYMENT_LABELS[method]), "ok")
            self._relabel.append(partial(_relabel_pill, pill, method))
            flow.addWidget(pill)
        if not store.payment_methods:
            none = QLabel()
            none.setProperty("role", "muted")
            self._label(none, lambda _loc: _("Ask at the stall."))
            flow.addWidget(none)
        self._about.addWidget(pills)

    def _build_goods(self, store: StoreDetail, loc: LocaleCode) -> None:
        title = QLabel()
        title.setProperty("role", "heading")
        self._label(title, lambda _loc: _("Goods and prices"))
        self._goods.addWidget(title)
        if not store.products:
            empty = QLabel()
            self._label(empty, lambda _loc: _("This store has not listed its goods yet."))
            empty.setProperty("role", "muted")
            empty.setWordWrap(True)
            self._goods.addWidget(empty)
            return
        sold_out = _("Sold out")
        for number, product in enumerate(store.products):
            if number:
                rule = QFrame()
                rule.setProperty("surface", "rule")
                self._goods.addWidget(rule)
            row = PriceRow(
                product.name.get(loc),
                price_with_unit(
                    format_price(product.price_won, loc), localize_unit(product.unit, loc)
                ),
                sold_out=product.sold_out,
                sold_out_label=sold_out,
            )
            self.price_rows.append(row)
            self._relabel.append(partial(_relabel_row, row, product))
            self._goods.addWidget(row)
        units = tuple(product.unit for product in store.products)
        for index, _note in enumerate(unit_notes(units, loc)):
            footnote = QLabel()
            footnote.setProperty("role", "caption")
            footnote.setWordWrap(True)
            self._label(footnote, partial(_unit_note, units, index))
            self._goods.addWidget(footnote)

    def _on_back_clicked(self) -> None:
        self.back_requested.emit()


def _shape(store: StoreDetail, loc: LocaleCode) -> tuple[object, ...]:
    """What decides which parts the page has in *loc* (same shape: re-label in place)."""
    notes = unit_notes((product.unit for product in store.products), loc)
    return (store.id, store.version, bool(store.description.get(loc)), len(notes))


def _translated(message: str, _locale: LocaleCode) -> str:
    return _(message)


def _or_not_given(value: Callable[[LocaleCode], str], locale: LocaleCode) -> str:
    return value(locale) or _("Not given")


def _relabel_pill(pill: StatusPill, method: PaymentMethod, _locale: LocaleCode) -> None:
    pill.set_text("✓ " + _(PAYMENT_LABELS[method]))


def _unit_note(units: tuple[str, ...], index: int, locale: LocaleCode) -> str:
    return unit_notes(units, locale)[index]


def _relabel_row(row: PriceRow, product: ProductInfo, loc: LocaleCode) -> None:
    row.name_label.setText(product.name.get(loc))
    row.price_label.setText(
        price_with_unit(format_price(product.price_won, loc), localize_unit(product.unit, loc))
    )
    row.set_sold_out(product.sold_out, _("Sold out"))
