"""One line of a price list: product name … price / unit, with a word when sold out."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from kiosk.ui import theme
from kiosk.ui.widgets.elided_label import ElidedLabel
from kiosk.ui.widgets.status_pill import StatusPill


def price_with_unit(price: str, unit: str) -> str:
    """``₩12,000 / 근``; without a unit just the price."""
    unit = unit.strip()
    return f"{price} / {unit}" if unit else price


class PriceRow(QWidget):
    """Name on the left (elided when long), price in accent bold on the right.

    Sold-out goods keep their price (muted, struck through) and get a "Sold out"
    pill, so the status is a word and not colour alone.
    """

    def __init__(
        self,
        name: str,
        price_text: str,
        *,
        sold_out: bool = False,
        sold_out_label: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, theme.GRID, 0, theme.GRID)
        layout.setSpacing(theme.GRID * 2)
        self.name_label = ElidedLabel(name, "product")
        self.price_label = QLabel(price_text)
        self.price_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.price_label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.sold_out_pill = StatusPill(sold_out_label or "-", "warning")
        layout.addWidget(self.name_label, 1)
        layout.addWidget(self.sold_out_pill)
        layout.addWidget(self.price_label)
        self.set_sold_out(sold_out, sold_out_label)

    @property
    def sold_out(self) -> bool:
        return self.sold_out_pill.isVisibleTo(self)

    def set_sold_out(self, sold_out: bool, label: str) -> None:
        self.sold_out_pill.setVisible(sold_out)
        if sold_out:
            self.sold_out_pill.set_text(label)
        theme.set_role(self.price_label, "price-sold-out" if sold_out else "price")
