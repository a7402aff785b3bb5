"""The candidate table of the SEMAS registry review: one row a shop, a checkbox to accept it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from kiosk.domain.categories import CATEGORY_LABELS
from kiosk.i18n import _
from kiosk.services.values import EntryKind, StoresPlan

#: The columns: accept, name, category, stall, road address, what accepting does.
COLUMNS = 6


class CandidateTable(QTableWidget):
    """Shows a plan's entries; new and changed shops start accepted, unchanged ones cannot be."""

    def __init__(self) -> None:
        super().__init__(0, COLUMNS)
        self.setObjectName("public-candidates")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.verticalHeader().hide()
        head = self.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self._ids: list[str] = []
        self._plan: StoresPlan | None = None

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels(
            ["", _("Name"), _("Category"), _("Stall"), _("Address"), _("What it does")]
        )
        if self._plan is not None:
            self.show_plan(self._plan, keep=self.accepted())

    def show_plan(self, plan: StoresPlan | None, keep: set[str] | None = None) -> None:
        """Fill the rows from *plan* (None: empty); *keep* the accepted ids when given."""
        self._plan = plan
        entries = plan.entries if plan is not None else ()
        self.setRowCount(len(entries))
        self._ids = [e.candidate.shop_id for e in entries]
        for row, entry in enumerate(entries):
            c = entry.candidate
            check = QTableWidgetItem()
            writable = entry.kind is not EntryKind.UNCHANGED
            flags = Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
            check.setFlags(flags if writable else Qt.ItemFlag.NoItemFlags)
            on = writable and (keep is None or c.shop_id in keep)
            check.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.setItem(row, 0, check)
            kind = {
                EntryKind.NEW: _("New"),
                EntryKind.UPDATED: _("Update"),
                EntryKind.UNCHANGED: _("Already saved"),
            }[entry.kind]
            if c.place is None:
                kind += " · " + _("no location")
            texts = (c.name, _(CATEGORY_LABELS[c.category]), entry.stall, c.road_address, kind)
            for column, text in enumerate(texts, start=1):
                self.setItem(row, column, QTableWidgetItem(text))

    def accepted(self) -> set[str]:
        """The 상가업소번호 of the rows checked."""
        return {
            shop_id
            for row, shop_id in enumerate(self._ids)
            if (item := self.item(row, 0)) is not None
            and item.checkState() == Qt.CheckState.Checked
        }

    def set_row(self, row: int, accepted: bool) -> None:
        item = self.item(row, 0)
        if item is not None and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            item.setCheckState(Qt.CheckState.Checked if accepted else Qt.CheckState.Unchecked)

    def set_all(self, accepted: bool) -> None:
        for row in range(self.rowCount()):
            self.set_row(row, accepted)
