"""The column mapping step's parts: one labelled combo box per field, and the preview table."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.exchange.guess import REQUIRED, RosterPreview, mapped_rows
from kiosk.domain.exchange.mapping import FIELDS
from kiosk.domain.locales import LOCALES, NATIVE_NAMES
from kiosk.domain.messages import N_
from kiosk.i18n import _
from kiosk.ui import theme

#: The fields in the order the step lists them: what a roster usually has first.
FIRST: Final = (
    "stall_number", "name_ko", "category", "phone", "opening_hours", "payment_methods",
    "good_name_ko", "price_won", "unit", "description_ko", "name_en", "active",
)  # fmt: skip
ORDER: Final = (*FIRST, *(f for f in FIELDS if f not in FIRST))

_LABELS: Final[Mapping[str, str]] = {
    "stall_number": N_("Stall number"),
    "category": N_("Category"),
    "name": N_("Name"),
    "description": N_("Description"),
    "phone": N_("Phone"),
    "opening_hours": N_("Opening hours"),
    "payment_methods": N_("Ways to pay"),
    "kakao_channel": N_("KakaoTalk channel"),
    "payment_qr": N_("Payment QR"),
    "active": N_("Open for business"),
    "good_name": N_("Good name"),
    "price_won": N_("Price (won)"),
    "unit": N_("Unit"),
    "sold_out": N_("Sold out"),
}


def field_label(field: str) -> str:
    """The field's name in the current language: ``Name · English`` for a per-language one."""
    for locale in LOCALES:
        suffix = "_" + locale.lower()
        if field.endswith(suffix) and field[: -len(suffix)] in _LABELS:
            return f"{_(_LABELS[field[: -len(suffix)]])} · {NATIVE_NAMES[locale]}"
    return _(_LABELS[field])


def columns_for(width: int) -> int:
    """Label-and-combo pairs side by side at a page *width*."""
    return 4 if width >= 2400 else 3 if width >= 1700 else 2


class FieldGrid(QWidget):
    """A combo box per field holding the file's columns (first "not used");
    ``changed()`` when the manager picks another column.

    Two grids: the usual fields (FIRST), then the rest, so the long per-language
    labels of the rest do not widen the first grid's label columns.
    """

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("import-map-fields")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, theme.GRID, 0)
        column.setSpacing(theme.GRID)
        self._grids = (QGridLayout(), QGridLayout())
        for grid in self._grids:
            grid.setContentsMargins(0, 0, 0, 0)
            grid.setHorizontalSpacing(theme.GRID * 2)
            grid.setVerticalSpacing(theme.GRID)
            column.addLayout(grid)
        column.addStretch(1)
        self.labels: dict[str, QLabel] = {}
        self.boxes: dict[str, QComboBox] = {}
        for field in ORDER:
            label = QLabel()
            box = QComboBox()
            box.setObjectName(f"map-{field}")
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(5)
            box.currentIndexChanged.connect(lambda _i: self.changed.emit())
            label.setBuddy(box)
            self.labels[field], self.boxes[field] = label, box
        self._columns = 0
        self.arrange(3)

    def arrange(self, columns: int) -> None:
        """Lay the pairs out *columns* to a row (the page calls this as its width changes)."""
        if columns == self._columns:
            return
        self._columns = columns
        rest = ORDER[len(FIRST) :]
        for grid, fields in zip(self._grids, (FIRST, rest), strict=True):
            for field in fields:
                grid.removeWidget(self.labels[field])
                grid.removeWidget(self.boxes[field])
            for index, field in enumerate(fields):
                row, pair = divmod(index, columns)
                grid.addWidget(self.labels[field], row, pair * 2)
                grid.addWidget(self.boxes[field], row, pair * 2 + 1)
            for pair in range(4):  # labels as wide as they need, the combos share the rest
                grid.setColumnStretch(pair * 2, 0)
                grid.setColumnStretch(pair * 2 + 1, 1 if pair < columns else 0)

    def row_height(self) -> int:
        return max(box.sizeHint().height() for box in self.boxes.values())

    def height_for(self, rows: int | None = None) -> int:
        """Pixels *rows* rows of pairs take (None: every row of both grids)."""
        cols = max(self._columns, 1)
        if rows is None:
            rows = -(-len(FIRST) // cols) + -(-(len(ORDER) - len(FIRST)) // cols)
        return rows * self.row_height() + (rows - 1) * theme.GRID

    def show_columns(self, headers: Sequence[str], mapping: Mapping[str, str]) -> None:
        """Fill every combo with *headers* and select what *mapping* gives."""
        named = [h for h in dict.fromkeys(headers) if h]
        for field, box in self.boxes.items():
            box.blockSignals(True)
            box.clear()
            box.addItem("", "")
            for header in named:
                box.addItem(header, header)
            box.setCurrentIndex(max(box.findData(mapping.get(field, "")), 0))
            box.blockSignals(False)
        self.retranslate()

    def mapping(self) -> dict[str, str]:
        """field -> header for every field given a column."""
        chosen = {f: box.currentData() for f, box in self.boxes.items()}
        return {f: h for f, h in chosen.items() if isinstance(h, str) and h}

    def retranslate(self) -> None:
        for field, label in self.labels.items():
            mark = " *" if field in REQUIRED else ""
            label.setText(field_label(field) + mark)
        for box in self.boxes.values():
            box.setItemText(0, _("— not used —"))


class PreviewTable(QTableWidget):
    """The roster's first rows as the mapping reads them: a column per mapped field,
    the file's own row numbers down the side."""

    def __init__(self) -> None:
        super().__init__(0, 0)
        self.setObjectName("import-map-preview")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)

    def show_rows(self, preview: RosterPreview | None, mapping: Mapping[str, str]) -> None:
        rows = mapped_rows(preview, mapping) if preview is not None else []
        fields = [f for f in FIELDS if mapping.get(f) and preview and mapping[f] in preview.headers]
        self.clear()
        self.setColumnCount(len(fields))
        self.setRowCount(len(rows))
        self.setHorizontalHeaderLabels([field_label(f) for f in fields])
        self.setVerticalHeaderLabels([str(number) for number, _cells in rows])
        for row, (_number, cells) in enumerate(rows):
            for column, text in enumerate(cells):
                self.setItem(row, column, QTableWidgetItem(text))
