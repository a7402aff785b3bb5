"""The goods of one store in the store form: five names, price, unit, sold out, order."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.locales import LOCALES, NATIVE_NAMES
from kiosk.domain.prices import MAX_PRICE_WON, parse_won
from kiosk.domain.store_edit.checks import BAD_PRICE
from kiosk.domain.store_edit.draft import Problem, ProductDraft, field_label
from kiosk.i18n import _
from kiosk.ui import theme

#: Raw state of one row: id, the five names, price as typed, unit, sold out.
GoodState = tuple[int | None, tuple[str, ...], str, str, bool]
#: Korean name, price, unit and sold out first (in view on a small screen), then the rest.
PRICE, UNIT, SOLD_OUT = 1, 2, 3
NAME_COLUMNS: dict[str, int] = {"ko": 0} | {
    code: 4 + index for index, code in enumerate(c for c in LOCALES if c != "ko")
}
COLUMNS = len(LOCALES) + 3
_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1


class GoodsEditor(QWidget):
    """A table with one row per good in display order; ``edited`` on any change."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filling = False
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.GRID)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("goods-table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(theme.TOUCH - theme.GRID)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(theme.GRID * 16)
        header.setStretchLastSection(False)
        for section, width in ((0, 20), (PRICE, 14), (UNIT, 9), (SOLD_OUT, 12)):
            header.resizeSection(section, theme.GRID * width)
        self.table.itemChanged.connect(self._on_item_changed)
        column.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.setSpacing(theme.GRID)
        self.add_button = QPushButton()
        self.add_button.setObjectName("add-good")
        self.remove_button = QPushButton()
        self.up_button = QPushButton("↑")
        self.down_button = QPushButton("↓")
        for small in (self.up_button, self.down_button):
            small.setFixedWidth(theme.TOUCH + theme.GRID * 2)
        self.add_button.clicked.connect(self.add_good)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(+1))
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        titles = [""] * COLUMNS
        for code, column in NAME_COLUMNS.items():
            titles[column] = NATIVE_NAMES[code]  # type: ignore[index]
        titles[PRICE], titles[UNIT], titles[SOLD_OUT] = _("Price (won)"), _("Unit"), _("Sold out")
        self.table.setHorizontalHeaderLabels(titles)
        self.add_button.setText("+ " + _("Add a good"))
        self.remove_button.setText(_("Remove"))
        self.up_button.setAccessibleName(_("Move up"))
        self.down_button.setAccessibleName(_("Move down"))

    # State ---------------------------------------------------------------------------------
    def state(self) -> tuple[GoodState, ...]:
        rows: list[GoodState] = []
        for row in range(self.table.rowCount()):
            first = self.table.item(row, 0)
            good_id = first.data(_ID_ROLE) if first is not None else None
            names = tuple(self._text(row, NAME_COLUMNS[code]) for code in LOCALES)
            sold = self.table.item(row, SOLD_OUT)
            sold_out = sold is not None and sold.checkState() == Qt.CheckState.Checked
            rows.append(
                (
                    good_id if isinstance(good_id, int) else None,
                    names,
                    self._text(row, PRICE),
                    self._text(row, UNIT),
                    sold_out,
                )
            )
        return tuple(rows)

    def set_state(self, rows: tuple[GoodState, ...], *, select: int | None = None) -> None:
        self._filling = True
        try:
            self.table.setRowCount(0)
            for good_id, names, price, unit, sold_out in rows:
                row = self.table.rowCount()
                self.table.insertRow(row)
                for code, text in zip(LOCALES, names, strict=True):
                    self.table.setItem(row, NAME_COLUMNS[code], QTableWidgetItem(text))
                first = self.table.item(row, 0)
                if first is not None:
                    first.setData(_ID_ROLE, good_id)
                price_item = QTableWidgetItem(price)
                price_item.setTextAlignment(
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
                self.table.setItem(row, PRICE, price_item)
                self.table.setItem(row, UNIT, QTableWidgetItem(unit))
                sold = QTableWidgetItem()
                sold.setFlags(
                    Qt.ItemFlag.ItemIsUserCheckable
                    | Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                )
                sold.setCheckState(Qt.CheckState.Checked if sold_out else Qt.CheckState.Unchecked)
                self.table.setItem(row, SOLD_OUT, sold)
            if select is not None and 0 <= select < self.table.rowCount():
                self.table.selectRow(select)
        finally:
            self._filling = False

    def set_goods(self, goods: tuple[ProductDraft, ...]) -> None:
        self.set_state(
            tuple(
                (
                    g.id,
                    tuple(g.name.get(code, "") for code in LOCALES),
                    str(g.price_won),
                    g.unit,
                    g.sold_out,
                )
                for g in goods
            )
        )

    def parse(self) -> tuple[tuple[ProductDraft, ...], list[Problem]]:
        goods: list[ProductDraft] = []
        problems: list[Problem] = []
        for number, (good_id, names, price, unit, sold_out) in enumerate(self.state(), start=1):
            won = parse_won(price)
            if won is None:
                label = field_label("price_won", good=number)
                problems.append(
                    Problem(f"goods.{number}.price_won", BAD_PRICE(field=label, max=MAX_PRICE_WON))
                )
                won = 0
            name = {code: text for code, text in zip(LOCALES, names, strict=True) if text.strip()}
            goods.append(ProductDraft(good_id, name, won, unit, sold_out))
        return tuple(goods), problems

    def mark_rows(self, rows: set[int]) -> None:
        """Flag the rows (1-based) that have a problem, in the row header."""
        for row in range(self.table.rowCount()):
            label = f"⚠ {row + 1}" if row + 1 in rows else str(row + 1)
            self.table.setVerticalHeaderItem(row, QTableWidgetItem(label))

    # Actions ---------------------------------------------------------------------------------
    def add_good(self) -> None:
        rows = (*self.state(), (None, ("",) * len(LOCALES), "0", "", False))
        self.set_state(rows, select=len(rows) - 1)
        self.table.setCurrentCell(len(rows) - 1, 0)
        self.edited.emit()

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        rows = list(self.state())
        if 0 <= row < len(rows):
            del rows[row]
            self.set_state(tuple(rows), select=min(row, len(rows) - 1))
            self.edited.emit()

    def move_selected(self, step: int) -> None:
        row = self.table.currentRow()
        rows = list(self.state())
        target = row + step
        if 0 <= row < len(rows) and 0 <= target < len(rows):
            rows[row], rows[target] = rows[target], rows[row]
            self.set_state(tuple(rows), select=target)
            self.table.setCurrentCell(target, self.table.currentColumn())
            self.edited.emit()

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _on_item_changed(self, _item: QTableWidgetItem) -> None:
        if not self._filling:
            self.edited.emit()
