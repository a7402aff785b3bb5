"""The manager's store table: one market's stores, searchable, sortable and filtered."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from kiosk.domain.categories import CATEGORY_LABELS, Category
from kiosk.domain.listing import MarketInfo, StoreDetail
from kiosk.domain.locales import LOCALES, NATIVE_NAMES, LocaleCode
from kiosk.i18n import _, current_locale, translate
from kiosk.services.app import Services
from kiosk.services.values import Change
from kiosk.ui import ops, theme
from kiosk.ui.manager.page_frame import ManagerPage, row_layout
from kiosk.ui.manager.store_table import STORE_ROLE, Column, StoreFilter, StoreTableModel
from kiosk.ui.widgets.flow_layout import FlowLayout

SCREEN = "manager-stores"
#: Narrower than this (a portrait screen) the store filters take two rows.
FILTERS_IN_ONE_ROW = 1300


class ManagerStoresScreen(ManagerPage):
    """``edit_requested(StoreDetail)`` / ``add_requested(market_slug)`` open the store form;
    ``stands_requested(market_slug, store_ids or None)`` the stand print screen for the
    chosen stores or the whole market; ``this_pc_requested(StoreDetail)`` makes the
    chosen store this PC's stall."""

    edit_requested = Signal(object)
    add_requested = Signal(str)
    stands_requested = Signal(str, object)
    this_pc_requested = Signal(object)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(SCREEN, "stores", parent)
        self._services = services
        self._markets: list[MarketInfo] = []
        self._market: str | None = None
        self._load = ops.OpSlot(self)

        self.market_box = QComboBox()
        self.market_box.setMinimumWidth(theme.GRID * 30)
        # As wide as the longest market name ("Bansong Big M" was cut in English).
        self.market_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.market_box.currentIndexChanged.connect(self._on_market_changed)
        self.search = QLineEdit()
        self.search.setObjectName("store-search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._apply_filters)
        self.add_button = QPushButton()
        self.add_button.setProperty("kind", "primary")
        self.add_button.setObjectName("add-stall")
        self.add_button.clicked.connect(self._on_add)
        self.add(
            row_layout(self.market_box, (self.search, 1), self.add_button, spacing=theme.GRID * 2)
        )

        self.missing_box = QComboBox()
        self.missing_box.currentIndexChanged.connect(self._apply_filters)
        self.category_box = QComboBox()
        self.category_box.currentIndexChanged.connect(self._apply_filters)
        self.no_codes = QCheckBox()
        self.no_codes.toggled.connect(self._apply_filters)
        self.inactive = QCheckBox()
        self.inactive.toggled.connect(self._apply_filters)
        self.count_label = QLabel()
        self.count_label.setProperty("role", "muted")
        for box in (self.missing_box, self.category_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # The pickers, then the check boxes and the count: one row on a wide screen, two
        # rows on a narrow (portrait) one, so no picker is squeezed under its text.
        filters = QHBoxLayout()
        filters.setSpacing(theme.GRID * 3)
        filters.addLayout(row_layout(self.missing_box, self.category_box, spacing=theme.GRID * 3))
        checks = (self.no_codes, self.inactive, None, self.count_label)
        filters.addLayout(row_layout(*checks, spacing=theme.GRID * 3), 1)
        self.add(filters)
        self.stack_below(filters, FILTERS_IN_ONE_ROW)

        self.add(self._build_table(), 1)
        self.hint = QLabel()
        self.hint.setProperty("role", "muted")
        self.hint.setWordWrap(True)
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("edit-stall")
        self.edit_button.clicked.connect(self._on_edit)
        self.chosen_stands = QPushButton()
        self.chosen_stands.setObjectName("print-chosen-stands")
        self.chosen_stands.clicked.connect(self._on_chosen_stands)
        self.market_stands = QPushButton()
        self.market_stands.setObjectName("print-market-stands")
        self.market_stands.clicked.connect(self._on_market_stands)
        self.this_pc = QPushButton()
        self.this_pc.setObjectName("set-this-pc-stall")
        self.this_pc.clicked.connect(self._on_this_pc)
        buttons = (self.chosen_stands, self.market_stands, self.this_pc, self.edit_button)
        # The hint on its own line and the buttons wrapping to a second row: in one row with
        # the hint they were squeezed until their words were cut (English at 1366x768).
        self.add(self.hint)
        actions = FlowLayout(spacing=theme.GRID * 2)
        for button in buttons:
            actions.addWidget(button)
        self.add(actions)
        self.retranslate()

    def _build_table(self) -> QTableView:
        """The stores of the market, sortable, filtered by the rows above."""
        self.model = StoreTableModel()
        self.proxy = StoreFilter()
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("manager-store-table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.STALL, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(theme.TOUCH)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._on_double_clicked)
        return self.table

    # Data ----------------------------------------------------------------------------------
    def current_market(self) -> str | None:
        return self._market

    def reload(self) -> None:
        """Markets and the chosen market's stores, read in the background."""
        services = self._services
        wanted = self._market

        def work() -> tuple[list[MarketInfo], str | None, list[StoreDetail], set[int]]:
            markets = services.directory.list_markets()
            slugs = [m.slug for m in markets]
            slug = wanted if wanted in slugs else (slugs[0] if slugs else None)
            if slug is None:
                return markets, None, [], set()
            stores = services.directory.list_store_details(market_slug=slug, active_only=False)
            pins = services.access.stores_with_pin(store_ids=[s.id for s in stores])
            return markets, slug, stores, pins

        self._load.run(work, on_done=self._on_loaded, name="manager-stores")

    def refresh_for(self, change: object) -> None:
        if isinstance(change, Change) and change.touches_market(self._market):
            self.reload()

    def select_market(self, slug: str) -> None:
        self._market = slug
        self.reload()

    def stores_shown(self) -> list[StoreDetail]:
        return [
            self.proxy.data(self.proxy.index(row, 0), STORE_ROLE)
            for row in range(self.proxy.rowCount())
        ]

    def set_filters(
        self,
        *,
        text: str = "",
        missing: LocaleCode | None = None,
        no_codes: bool = False,
        inactive: bool = False,
        category: Category | None = None,
    ) -> None:
        """Set the filter controls (as a person would) and apply them."""
        self.search.setText(text)
        self.missing_box.setCurrentIndex(self.missing_box.findData(missing or ""))
        self.no_codes.setChecked(no_codes)
        self.inactive.setChecked(inactive)
        self.category_box.setCurrentIndex(self.category_box.findData(category or ""))
        self._apply_filters()

    def retranslate(self) -> None:
        self.header.retranslate()
        self.header.set_title(_("Stores"))
        self.search.setPlaceholderText(_("Search by stall number or name"))
        self.add_button.setText("+ " + _("Add a stall"))
        self.edit_button.setText(_("Edit the chosen store"))
        self.chosen_stands.setText(_("Stands of the chosen stores"))
        self.market_stands.setText(_("Stands of the whole market"))
        self.this_pc.setText(_("Make it this PC's stall"))
        self.no_codes.setText(_("No QR code"))
        self.inactive.setText(_("Closed stalls only"))
        self.hint.setText(_("Double-click a row to edit the store and its goods."))
        self._fill_filter_boxes()
        self.model.relabel()
        self._fill_markets()
        self._update_count()

    # Internals ------------------------------------------------------------------------------
    def _fill_filter_boxes(self) -> None:
        missing = self.missing_box.currentData()
        self.missing_box.blockSignals(True)
        self.missing_box.clear()
        self.missing_box.addItem(_("All languages complete or not"), "")
        for code in LOCALES:
            self.missing_box.addItem(
                _("Missing: {language}").format(language=NATIVE_NAMES[code]), code
            )
        self.missing_box.setCurrentIndex(max(0, self.missing_box.findData(missing or "")))
        self.missing_box.blockSignals(False)
        category = self.category_box.currentData()
        self.category_box.blockSignals(True)
        self.category_box.clear()
        self.category_box.addItem(_("All categories"), "")
        for item in Category:
            self.category_box.addItem(
                translate(CATEGORY_LABELS[item], current_locale()), item.value
            )
        self.category_box.setCurrentIndex(max(0, self.category_box.findData(category or "")))
        self.category_box.blockSignals(False)

    def _fill_markets(self) -> None:
        self.market_box.blockSignals(True)
        self.market_box.clear()
        for market in self._markets:
            self.market_box.addItem(market.name.get(current_locale()), market.slug)
        if self._market is not None:
            self.market_box.setCurrentIndex(self.market_box.findData(self._market))
        self.market_box.blockSignals(False)

    def _on_loaded(
        self, result: tuple[list[MarketInfo], str | None, list[StoreDetail], set[int]]
    ) -> None:
        self._markets, self._market, stores, pins = result
        self._fill_markets()
        self.model.set_stores(stores, pins)
        self._update_count()

    def _apply_filters(self) -> None:
        missing = self.missing_box.currentData()
        category = self.category_box.currentData()
        self.proxy.set_filters(
            text=self.search.text(),
            missing=missing or None,
            no_codes=self.no_codes.isChecked(),
            inactive=self.inactive.isChecked(),
            category=Category(category) if category else None,
        )
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(
            _("{shown} of {total} stores").format(
                shown=self.proxy.rowCount(), total=self.model.rowCount()
            )
        )

    def _on_market_changed(self, _index: int) -> None:
        slug = self.market_box.currentData()
        if isinstance(slug, str) and slug != self._market:
            self.select_market(slug)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        store = self.proxy.data(index, STORE_ROLE)
        if isinstance(store, StoreDetail):
            self.edit_requested.emit(store)

    def _on_edit(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._on_double_clicked(rows[0])

    def chosen_stores(self) -> list[StoreDetail]:
        """The stores whose rows are selected, in table order."""
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        found = [self.proxy.data(index, STORE_ROLE) for index in rows]
        return [store for store in found if isinstance(store, StoreDetail)]

    def _on_chosen_stands(self) -> None:
        chosen = self.chosen_stores()
        if self._market is not None and chosen:
            self.stands_requested.emit(self._market, frozenset(s.id for s in chosen))

    def _on_market_stands(self) -> None:
        if self._market is not None:
            self.stands_requested.emit(self._market, None)

    def _on_this_pc(self) -> None:
        chosen = self.chosen_stores()
        if chosen:
            self.this_pc_requested.emit(chosen[0])

    def _on_add(self) -> None:
        if self._market is not None:
            self.add_requested.emit(self._market)
