"""The directory's category filter: "All categories" and the categories a market has."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from kiosk.domain.categories import CATEGORY_LABELS, Category
from kiosk.i18n import _
from kiosk.ui import theme


class CategoryFilter(QComboBox):
    """A combo box of categories in the enum's order, first "All categories" (no filter)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(theme.GRID * 24)

    def current(self) -> Category | None:
        """The chosen category, or None for all."""
        data = self.currentData()
        return Category(data) if data else None

    def offer(self, present: list[Category]) -> None:
        """Offer only *present* categories, keeping the choice when it is still offered
        (without emitting a change: the list follows the market, the user did not choose)."""
        chosen = self.current()
        self.blockSignals(True)
        self.clear()
        self.addItem("", "")
        for category in present:
            self.addItem("", category.value)
        index = self.findData(chosen.value) if chosen is not None else 0
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(False)
        self.retranslate()

    def retranslate(self) -> None:
        """Label every row in the current language (call after ``kiosk.i18n.set_locale``)."""
        for row in range(self.count()):
            code = self.itemData(row)
            label = _(CATEGORY_LABELS[Category(code)]) if code else _("All categories")
            self.setItemText(row, label)
