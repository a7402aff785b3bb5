"""The store page's facts card: stall, hours and open now, phone, ways to pay; the description."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.domain.directory_card import PAYMENT_MARK_LABELS, tourist_order
from kiosk.domain.listing import StoreDetail
from kiosk.domain.locales import LocaleCode
from kiosk.domain.open_now import open_state
from kiosk.domain.payments import PaymentMethod
from kiosk.domain.phones import international
from kiosk.i18n import N_, _, translate
from kiosk.ui import theme
from kiosk.ui.widgets.flow_layout import FlowLayout
from kiosk.ui.widgets.open_text import wrapped_open_text
from kiosk.ui.widgets.pictograms import payment_pixmap

#: ``label(widget, text_of_locale)``: set now and again on every language switch.
Labeller = Callable[[QLabel, Callable[[LocaleCode], str]], None]


def shown_phone(phone: str, locale: LocaleCode) -> str:
    """Korean readers dial the number as stored; everyone else gets it with +82 (kept on
    one line: the space after +82 does not break)."""
    return phone if locale == "ko" else international(phone).replace(" ", "\u00a0")


def open_now_text(store: StoreDetail, locale: LocaleCode, now: datetime | None = None) -> str:
    """``● Open now · until 21:00`` for *store* at *now* (the clock when None), Seoul time;
    a line breaks only between its parts (``wrapped_open_text``)."""
    moment = now if now is not None else datetime.now().astimezone()
    state = open_state(store.opening_hours, moment, holidays=store.market_holidays)
    return wrapped_open_text(state, locale)


#: The page's words for a way to pay: the card's short ones, and the store's own promise
#: for foreign cards.
PAGE_PAYMENT_LABELS = {
    **PAYMENT_MARK_LABELS,
    PaymentMethod.FOREIGN_CARD: N_("Foreign cards accepted"),
    PaymentMethod.ONNURI: N_("Onnuri gift certificate"),
    PaymentMethod.BANK_TRANSFER: N_("Bank transfer"),
}
ALIPAY_NOTE = N_("Alipay+ takes Alipay, AlipayHK and other wallets from abroad.")


class PayMark(QWidget):
    """A way to pay as a pictogram and its name, at body size (never colour alone)."""

    def __init__(self, method: PaymentMethod, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.method = method
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, theme.GRID, 0)
        row.setSpacing(theme.GRID)
        side = theme.BODY + theme.GRID // 2
        self.icon = QLabel()
        self.icon.setPixmap(payment_pixmap(method, side, theme.INK, self.devicePixelRatioF()))
        self.icon.setFixedSize(side, side)
        self.text_label = QLabel()
        self.text_label.setProperty("role", "body")
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.text_label, 0, Qt.AlignmentFlag.AlignVCenter)

    def set_locale(self, locale: LocaleCode) -> None:
        self.text_label.setText(translate(PAGE_PAYMENT_LABELS[self.method], locale))
        self.setAccessibleName(self.text_label.text())


def build_about(
    layout: QVBoxLayout,
    store: StoreDetail,
    loc: LocaleCode,
    label: Labeller,
    relabel: list[Callable[[LocaleCode], None]],
) -> QLabel:
    """Fill *layout* with the store's facts and ways to pay; return the open-now label (the
    clock updates it)."""
    facts = QGridLayout()
    facts.setContentsMargins(0, 0, 0, 0)
    facts.setHorizontalSpacing(theme.GRID * 3)
    facts.setVerticalSpacing(theme.GRID)
    rows: list[tuple[str, Callable[[LocaleCode], str]]] = [
        (N_("Stall"), lambda _loc: store.stall_number),
        (N_("Opening hours"), store.opening_hours.format),
    ]
    if store.phone:
        rows.append((N_("Phone"), partial(shown_phone, store.phone)))
    for row, (field, value) in enumerate(rows):
        name = QLabel()
        name.setProperty("role", "field")
        name.setWordWrap(True)  # "Opening / hours" in a narrow column: the goods keep the width
        label(name, partial(_translated, field))
        shown = QLabel()
        shown.setProperty("role", "value")
        shown.setWordWrap(True)
        label(shown, partial(_or_not_given, value))
        facts.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
        facts.addWidget(shown, row, 1)
    state = QLabel()
    state.setObjectName("open-now")
    state.setWordWrap(True)
    state.setProperty("role", "value")
    label(state, partial(open_now_text, store))
    facts.addWidget(state, len(rows), 1)
    facts.setColumnStretch(1, 1)
    holder = QWidget()
    holder.setLayout(facts)
    layout.addWidget(holder)

    pay_title = QLabel()
    pay_title.setProperty("role", "heading")
    label(pay_title, lambda _loc: _("Ways to pay"))
    layout.addWidget(pay_title)
    marks = QWidget()
    flow = FlowLayout(marks, spacing=theme.GRID)
    for method in tourist_order(store.payment_methods, loc):
        mark = PayMark(method)
        mark.set_locale(loc)
        relabel.append(mark.set_locale)
        flow.addWidget(mark)
    if not store.payment_methods:
        none = QLabel()
        none.setProperty("role", "muted")
        label(none, lambda _loc: _("Ask at the stall."))
        flow.addWidget(none)
    layout.addWidget(marks)
    if PaymentMethod.ALIPAY_PLUS in store.payment_methods:
        note = QLabel()
        note.setProperty("role", "caption")
        note.setWordWrap(True)
        label(note, partial(_translated, ALIPAY_NOTE))
        layout.addWidget(note)
    return state


def build_story(layout: QVBoxLayout, store: StoreDetail, loc: LocaleCode, label: Labeller) -> bool:
    """Put the store's description in *loc* into *layout*; False when it has none there.

    The page places it after the facts (what a tourist needs first comes first), or
    elsewhere when there it would push the facts below the fold."""
    if not store.description.get(loc):
        return False
    text = QLabel()
    text.setObjectName("store-description")
    text.setProperty("role", "body")
    text.setWordWrap(True)
    label(text, store.description.get)
    layout.addWidget(text)
    return True


def _translated(message: str, _locale: LocaleCode) -> str:
    return _(message)


def _or_not_given(value: Callable[[LocaleCode], str], locale: LocaleCode) -> str:
    return value(locale) or _("Not given")
