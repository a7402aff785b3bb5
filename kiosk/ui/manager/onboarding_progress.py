"""Market onboarding progress: completion per step, the stores furthest behind, the export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.access import Actor
from kiosk.domain.categories import CATEGORY_LABELS, Category
from kiosk.domain.listing import MarketInfo
from kiosk.domain.onboarding.progress import MarketProgress
from kiosk.i18n import _, current_locale
from kiosk.services.app import Services
from kiosk.ui import ops, theme
from kiosk.ui.manager.page_frame import ManagerPage, row_layout, status_line

SCREEN = "manager-onboarding"
#: Stores listed as furthest behind.
BEHIND = 8
_BAR = 10


def share_bar(share: float) -> str:
    """``■■■■■■■□□□ 70%``: the share as blocks and a number (never colour alone)."""
    filled = round(share * _BAR)
    return "■" * filled + "□" * (_BAR - filled) + f" {round(share * 100)}%"


class ManagerProgressScreen(ManagerPage):
    """Pick a market (and a category); see each step's completion and who is furthest behind.

    Reads and exports run in background ops; ``export_to(path)`` writes CSV or
    XLSX (by the suffix) without a dialog, the button asks for the file first.
    """

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(SCREEN, "progress", parent)
        self._services = services
        self._actor: Actor | None = None
        self._markets: list[MarketInfo] = []
        self._progress: MarketProgress | None = None
        self._slot = ops.OpSlot(self)
        self._export_slot = ops.OpSlot(self)
        self.market_title, self.category_title = QLabel(), QLabel()
        for label in (self.market_title, self.category_title):
            label.setProperty("role", "field")
        self.market_box = QComboBox()
        self.market_box.setObjectName("progress-market")
        self.market_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.market_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.category_box = QComboBox()
        self.category_box.setObjectName("progress-category")
        self.category_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.category_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.csv_button, self.xlsx_button = QPushButton(), QPushButton()
        self.csv_button.setObjectName("export-progress-csv")
        self.xlsx_button.setObjectName("export-progress-xlsx")
        self.csv_button.clicked.connect(lambda: self._on_export_clicked(".csv"))
        self.xlsx_button.clicked.connect(lambda: self._on_export_clicked(".xlsx"))
        filters = (self.market_title, self.market_box, self.category_title, self.category_box)
        self.add(row_layout(*filters, None, spacing=theme.GRID * 2))
        self.summary = QLabel()
        self.summary.setObjectName("progress-summary")
        self.summary.setProperty("role", "lead")
        self.summary.setWordWrap(True)
        buttons = (self.csv_button, self.xlsx_button)
        self.add(row_layout((self.summary, 1), *buttons, spacing=theme.GRID * 2))
        self.add(self._build_tables(), 1)
        self.message = status_line("progress-message")
        self.add(self.message)
        self.retranslate()

    def _build_tables(self) -> QHBoxLayout:
        """Each step's completion on the left, the stores furthest behind on the right."""
        body = QHBoxLayout()
        body.setSpacing(theme.GRID * 3)
        self.steps_table = _table("progress-steps", 3, stretch=0)
        self.behind_table = _table("progress-behind", 3, stretch=1)
        left, right = QVBoxLayout(), QVBoxLayout()
        self.steps_title, self.behind_title = QLabel(), QLabel()
        for title, table, column in (
            (self.steps_title, self.steps_table, left),
            (self.behind_title, self.behind_table, right),
        ):
            title.setProperty("role", "heading")
            column.addWidget(title)
            column.addWidget(table, 1)
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        return body

    # Data ----------------------------------------------------------------------------------
    def set_actor(self, actor: Actor | None) -> None:
        self._actor = actor

    def progress(self) -> MarketProgress | None:
        return self._progress

    def market(self) -> str | None:
        slug = self.market_box.currentData()
        return slug if isinstance(slug, str) else None

    def category(self) -> Category | None:
        value = self.category_box.currentData()
        return Category(value) if isinstance(value, str) else None

    def load_markets(self) -> None:
        """List the markets (keeping the chosen one), then load its progress."""
        services = self._services
        self._slot.run(
            services.directory.list_markets, on_done=self._on_markets, name="progress-markets"
        )

    def reload(self) -> None:
        services, actor, slug = self._services, self._actor, self.market()
        if actor is None or slug is None:
            return
        category = self.category()

        def work() -> MarketProgress:
            return services.onboarding.market_onboarding(
                actor=actor, market_slug=slug, category=category
            )

        self._slot.run(work, on_done=self._show, on_error=self._on_error, name="progress")

    def export_to(self, path: Path) -> None:
        """Write the shown market's progress to *path* (.csv or .xlsx) in the background."""
        services, actor, slug = self._services, self._actor, self.market()
        if actor is None or slug is None:
            return
        category, locale = self.category(), current_locale()

        def work() -> int:
            return services.onboarding.export_onboarding(
                actor=actor, market_slug=slug, out=path, category=category, locale=locale
            )

        def done(rows: int) -> None:
            self.message.setText(
                _("Saved {path} ({rows} rows, checked after writing).").format(path=path, rows=rows)
            )

        self._export_slot.run(work, on_done=done, on_error=self._on_error, name="export")

    def retranslate(self) -> None:
        self.header.set_title(_("Onboarding progress"))
        self.header.retranslate()
        self.market_title.setText(_("Market"))
        self.category_title.setText(_("Category"))
        self.csv_button.setText(_("Export CSV…"))
        self.xlsx_button.setText(_("Export Excel…"))
        self.steps_title.setText(_("Steps across the market"))
        self.behind_title.setText(_("Furthest behind"))
        self.steps_table.setHorizontalHeaderLabels([_("Step"), _("Done"), _("In progress")])
        self.behind_table.setHorizontalHeaderLabels([_("Stall"), _("Store"), _("Done")])
        self._fill_markets()
        self._fill_categories()
        if self._progress is not None:
            self._show(self._progress)

    # Building --------------------------------------------------------------------------------
    def _on_markets(self, markets: list[MarketInfo]) -> None:
        self._markets = markets
        self._fill_markets()
        self.reload()

    def _fill_markets(self) -> None:
        chosen = self.market()
        self.market_box.blockSignals(True)
        try:
            self.market_box.clear()
            for market in self._markets:
                self.market_box.addItem(market.name.get(current_locale()), market.slug)
            index = self.market_box.findData(chosen) if chosen else 0
            self.market_box.setCurrentIndex(max(0, index))
        finally:
            self.market_box.blockSignals(False)

    def _fill_categories(self) -> None:
        chosen = self.category_box.currentData()
        self.category_box.blockSignals(True)
        try:
            self.category_box.clear()
            self.category_box.addItem(_("All categories"), None)
            for category in Category:
                self.category_box.addItem(_(CATEGORY_LABELS[category]), category.value)
            self.category_box.setCurrentIndex(max(0, self.category_box.findData(chosen)))
        finally:
            self.category_box.blockSignals(False)

    def _show(self, progress: MarketProgress) -> None:
        self._progress = progress
        loc = current_locale()
        overall = progress.overall()
        self.summary.setText(
            _("{stores} stores: {done} of {total} steps done ({share}%).").format(
                stores=len(progress.stores),
                done=overall.done,
                total=overall.applicable,
                share=round(overall.share * 100),
            )
        )
        counts = progress.step_counts()
        self.steps_table.setRowCount(len(counts))
        for row, count in enumerate(counts):
            cells = (
                count.step.title.get(loc),
                f"{share_bar(count.share)}  ({count.done}/{count.applicable})",
                str(count.doing),
            )
            _set_row(self.steps_table, row, cells)
        behind = progress.furthest_behind(BEHIND)
        self.behind_table.setRowCount(len(behind))
        for row, store in enumerate(behind):
            counted = store.tally()
            cells = (
                store.stall_number,
                store.name.get(loc),
                f"{counted.done}/{counted.applicable}",
            )
            _set_row(self.behind_table, row, cells)
        self.message.setText("")

    def _on_error(self, exc: Exception) -> None:
        from kiosk.domain.messages import KioskError

        if not isinstance(exc, KioskError):
            raise exc
        self.message.setText("⚠ " + str(exc))

    def _on_export_clicked(self, suffix: str) -> None:
        slug = self.market() or "market"
        caption = _("Export CSV…") if suffix == ".csv" else _("Export Excel…")
        pattern = "CSV (*.csv)" if suffix == ".csv" else "Excel (*.xlsx)"
        path, _filter = QFileDialog.getSaveFileName(
            self,
            caption,
            str(Path.home() / f"onboarding-{slug}{suffix}"),
            pattern,
            options=QFileDialog.Option.DontUseNativeDialog,
        )
        if path:
            chosen = Path(path)
            self.export_to(chosen if chosen.suffix else chosen.with_suffix(suffix))


def _table(name: str, columns: int, *, stretch: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    for column in range(columns):
        mode = (
            QHeaderView.ResizeMode.Stretch
            if column == stretch
            else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(column, mode)
    table.verticalHeader().setDefaultSectionSize(theme.TOUCH)
    return table


def _set_row(table: QTableWidget, row: int, cells: tuple[str, ...]) -> None:
    for column, text in enumerate(cells):
        item = QTableWidgetItem(text)
        item.setToolTip(text)
        table.setItem(row, column, item)
