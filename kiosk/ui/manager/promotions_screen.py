"""One market's promotions and announcements for the manager: what shows now; add, edit, remove."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from kiosk.domain.access import Actor
from kiosk.domain.listing import MarketInfo, StoreSummary
from kiosk.domain.promotions import SEOUL, Promotion
from kiosk.i18n import _, current_locale
from kiosk.services.app import Services
from kiosk.services.values import Change
from kiosk.ui import ops, theme
from kiosk.ui.manager.page_frame import ManagerPage, row_layout, status_line
from kiosk.ui.manager.promotion_table import PROMOTION_ROLE, Column, PromotionTableModel

SCREEN = "manager-promotions"
#: What one load brings: the markets, the market shown, its promotions and its stores.
Loaded = tuple[list[MarketInfo], str | None, list[Promotion], dict[int, StoreSummary]]


def seoul_now() -> datetime:
    return datetime.now(SEOUL)


class ManagerPromotionsScreen(ManagerPage):
    """``edit_requested(Promotion)`` and ``add_requested(market_slug)`` open the editor.

    Removing asks a second time (the same row); every change is the manager's and is
    audited by the services. ``clock`` tells the "Now" column the time (tests set it).
    """

    edit_requested = Signal(object)
    add_requested = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(SCREEN, "promotions", parent)
        self._services = services
        self._actor: Actor | None = None
        self._markets: list[MarketInfo] = []
        self._market: str | None = None
        self._stores: dict[int, StoreSummary] = {}
        self._armed_remove: int | None = None
        self.clock: Callable[[], datetime] = seoul_now
        self._load = ops.OpSlot(self)
        self._write = ops.OpSlot(self)
        self.market_box = QComboBox()
        self.market_box.setObjectName("promotions-market")
        self.market_box.setMinimumWidth(theme.GRID * 30)
        self.market_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.market_box.currentIndexChanged.connect(self._on_market_changed)
        self.count_label = QLabel()
        self.count_label.setProperty("role", "muted")
        self.add_button = QPushButton()
        self.add_button.setObjectName("add-promotion")
        self.add_button.setProperty("kind", "primary")
        self.add_button.clicked.connect(self._on_add)
        self.add(row_layout(self.market_box, self.count_label, None, self.add_button, spacing=16))
        self.add(self._build_table(), 1)
        self.hint = QLabel()
        self.hint.setProperty("role", "muted")
        self.hint.setWordWrap(True)
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("edit-promotion")
        self.edit_button.clicked.connect(self._on_edit)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("remove-promotion")
        self.remove_button.clicked.connect(self.remove_chosen)
        self.add(row_layout((self.hint, 1), self.edit_button, self.remove_button, spacing=16))
        self.message = status_line("promotions-message")
        self.add(self.message)
        self._minute = QTimer(self)  # "Now" follows the clock while the list shows
        self._minute.setInterval(60_000)
        self._minute.timeout.connect(self._on_minute)
        self._minute.start()
        self.retranslate()

    def _build_table(self) -> QTableView:
        self.model = PromotionTableModel()
        self.table = QTableView()
        self.table.setObjectName("promotions-table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(theme.TOUCH)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        return self.table

    # Data ----------------------------------------------------------------------------------
    def set_actor(self, actor: Actor | None) -> None:
        self._actor = actor
        if actor is None:
            self.model.set_rows([], {}, self.clock())

    def current_market(self) -> str | None:
        return self._market

    def select_market(self, slug: str) -> None:
        self._market = slug
        self.reload()

    def reload(self) -> None:
        """The markets, then the chosen market's promotions and stores, read in the background."""
        services, wanted = self._services, self._market

        def work() -> Loaded:
            markets = services.directory.list_markets()
            slugs = [m.slug for m in markets]
            slug = wanted if wanted in slugs else (slugs[0] if slugs else None)
            if slug is None:
                return markets, None, [], {}
            found = services.promotions.list_promotions(slug)
            stores = services.directory.list_stores(market_slug=slug, include_inactive=True)
            return markets, slug, found, {s.id: s for s in stores}

        self._load.run(work, on_done=self._on_loaded, name="manager-promotions")

    def refresh_for(self, change: object) -> None:
        if isinstance(change, Change) and change.touches_market(self._market):
            self.reload()

    def chosen(self) -> Promotion | None:
        rows = self.table.selectionModel().selectedRows()
        promo = self.model.data(rows[0], PROMOTION_ROLE) if rows else None
        return promo if isinstance(promo, Promotion) else None

    def choose(self, promotion_id: int) -> None:
        for row, promo in enumerate(self.model.promotions()):
            if promo.id == promotion_id:
                self.table.selectRow(row)

    def remove_chosen(self) -> None:
        """The first press asks; the second (same promotion) removes it."""
        services, actor, promo = self._services, self._actor, self.chosen()
        if actor is None or promo is None:
            self.message.setText(_("Choose a promotion in the list first."))
            return
        title = promo.title_for(current_locale())
        if self._armed_remove != promo.id:
            self._armed_remove = promo.id
            self.message.setText(
                "⚠ " + _("Remove “{title}”? Press Remove again to confirm.").format(title=title)
            )
            return
        self._armed_remove = None

        def work() -> Promotion:
            return services.promotions.remove_promotion(actor=actor, promotion_id=promo.id)

        self._write.run(work, on_done=self._on_removed, on_error=self._on_failed, name="remove")

    def show_saved(self, promo: Promotion) -> None:
        """Back from the editor: the list again, the saved one chosen."""
        self._market = promo.market_slug
        self.message.setText("✓ " + _("Saved: {title}").format(title=promo.title_for(
            current_locale())))  # fmt: skip
        self._after_load = promo.id
        self.reload()

    def retranslate(self) -> None:
        self.header.retranslate()
        self.header.set_title(_("Promotions and announcements"))
        self.add_button.setText("+ " + _("Add a promotion"))
        self.edit_button.setText(_("Edit"))
        self.remove_button.setText(_("Remove"))
        self.hint.setText(
            _("The kiosk's attract loop shows what is marked “Showing now”. Times are Seoul time.")
        )
        self.model.relabel()
        self._fill_markets()
        self._update_count()

    # Internals ------------------------------------------------------------------------------
    _after_load: int | None = None

    def _fill_markets(self) -> None:
        self.market_box.blockSignals(True)
        self.market_box.clear()
        for market in self._markets:
            self.market_box.addItem(market.name.get(current_locale()), market.slug)
        if self._market is not None:
            self.market_box.setCurrentIndex(self.market_box.findData(self._market))
        self.market_box.blockSignals(False)

    def _update_count(self) -> None:
        rows = self.model.promotions()
        showing = sum(1 for row in range(len(rows)) if self._showing(row))
        self.count_label.setText(
            _("{count} in all, {showing} showing now").format(count=len(rows), showing=showing)
        )
        chosen = self.chosen() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def _showing(self, row: int) -> bool:
        return str(self.model.index(row, Column.NOW).data()).startswith("✓")

    def _on_loaded(self, result: Loaded) -> None:
        self._markets, self._market, found, self._stores = result
        self._armed_remove = None
        self._fill_markets()
        self.model.set_rows(found, self._stores, self.clock())
        if self._after_load is not None:
            self.choose(self._after_load)
            self._after_load = None
        self._update_count()

    def _on_minute(self) -> None:
        if self.isVisible():
            self.model.set_now(self.clock())
            self._update_count()

    def _on_market_changed(self, _index: int) -> None:
        slug = self.market_box.currentData()
        if isinstance(slug, str) and slug != self._market:
            self.message.setText("")
            self.select_market(slug)

    def _on_selection(self, *_args: object) -> None:
        self._armed_remove = None
        self._update_count()

    def _on_double_clicked(self, index: QModelIndex) -> None:
        promo = self.model.data(index, PROMOTION_ROLE)
        if isinstance(promo, Promotion):
            self.edit_requested.emit(promo)

    def _on_edit(self) -> None:
        promo = self.chosen()
        if promo is not None:
            self.edit_requested.emit(promo)

    def _on_add(self) -> None:
        if self._market is not None:
            self.add_requested.emit(self._market)

    def _on_removed(self, gone: Promotion) -> None:
        title = gone.title_for(current_locale())
        self.message.setText("✓ " + _("Removed: {title}").format(title=title))
        self.reload()

    def _on_failed(self, exc: Exception) -> None:
        from kiosk.domain.messages import KioskError

        if not isinstance(exc, KioskError):
            raise exc
        self.message.setText("⚠ " + str(exc))
        self.reload()
