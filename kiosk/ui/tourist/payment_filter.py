"""The directory's "pay with" filter: any way to pay, stores taking Alipay+, or foreign cards."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QComboBox, QWidget

from kiosk.domain.directory_card import PAYMENT_FILTER_LABELS, PaymentFilter
from kiosk.domain.payments import PaymentMethod
from kiosk.i18n import _
from kiosk.ui import theme
from kiosk.ui.widgets.pictograms import payment_pixmap


class PaymentFilterBox(QComboBox):
    """First "Any way to pay" (no filter), then one row per ``PaymentFilter`` with its pictogram."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("payment-filter")
        side = theme.LEAD
        self.setIconSize(QSize(side, side))
        self.addItem("", "")
        for wanted in PaymentFilter:
            self.addItem(QIcon(payment_pixmap(wanted.method, side, theme.INK)), "", wanted.value)
        self.retranslate()

    def current(self) -> PaymentFilter | None:
        """The chosen filter, or None for any way to pay."""
        data = self.currentData()
        return PaymentFilter(data) if data else None

    def current_method(self) -> PaymentMethod | None:
        wanted = self.current()
        return wanted.method if wanted is not None else None

    def clear_choice(self) -> None:
        """Back to any way to pay, without emitting a change (a market switch or idle reset)."""
        self.blockSignals(True)
        self.setCurrentIndex(0)
        self.blockSignals(False)

    def retranslate(self) -> None:
        for row in range(self.count()):
            code = self.itemData(row)
            label = _(PAYMENT_FILTER_LABELS[PaymentFilter(code)]) if code else _("Any way to pay")
            self.setItemText(row, label)
