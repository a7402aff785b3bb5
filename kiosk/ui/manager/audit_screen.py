"""The audit log for the manager: who, when, on which PC, what changed; filtered."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)

from kiosk.domain.access import Actor
from kiosk.domain.audit import AuditAction, AuditEntry
from kiosk.domain.listing import MarketInfo
from kiosk.i18n import N_, _, current_locale
from kiosk.services.app import Services
from kiosk.ui import ops, theme
from kiosk.ui.manager.page_frame import ManagerPage
from kiosk.ui.widgets.flow_layout import FlowLayout

SCREEN = "manager-audit"
_Index = QModelIndex | QPersistentModelIndex


def actor_text(entry: AuditEntry) -> str:
    """Who, in the reader's language (the log keeps a fixed English label)."""
    return str(entry.who())


def subject_text(entry: AuditEntry) -> str:
    """The subject, with the log's fixed words for sign-ins in the reader's language."""
    return str(entry.shown_subject())


#: The action filter: a label and the actions it shows.
ACTION_GROUPS: dict[str, tuple[AuditAction, ...]] = {
    "all": (),
    "edits": (
        AuditAction.STORE_CREATED,
        AuditAction.STORE_CHANGED,
        AuditAction.LISTINGS_IMPORTED,
        AuditAction.STORES_IMPORTED,
    ),
    "codes": (AuditAction.STORE_CODES,),
    "markets": (
        AuditAction.MARKET_CREATED,
        AuditAction.MARKET_CHANGED,
        AuditAction.MARKET_SITE,
        AuditAction.MARKET_REMOVED,
        AuditAction.DATABASE_RESTORED,
        AuditAction.PROMOTION_ADDED,
        AuditAction.PROMOTION_REMOVED,
        AuditAction.PROMOTION_CHANGED,
        AuditAction.HOME_MARKET_SET,
        AuditAction.SYNONYMS_CHANGED,
        AuditAction.MARKETS_IMPORTED,
        AuditAction.RATE_SET,
        AuditAction.RATE_REMOVED,
        AuditAction.RATE_MAX_AGE,
        AuditAction.HOLIDAY_ADDED,
        AuditAction.HOLIDAY_REMOVED,
    ),
    "sign-in": (
        AuditAction.SIGN_IN_FAILED,
        AuditAction.LOCKED_OUT,
        AuditAction.SIGN_IN,
        AuditAction.PASSWORD_SET,
        AuditAction.PIN_SET,
    ),
}


ACTION_LABELS: dict[AuditAction, str] = {
    AuditAction.STORE_CREATED: N_("Store added"),
    AuditAction.STORE_CHANGED: N_("Store changed"),
    AuditAction.STORE_CODES: N_("QR codes changed"),
    AuditAction.MARKET_CREATED: N_("Market added"),
    AuditAction.MARKET_CHANGED: N_("Market renamed"),
    AuditAction.MARKET_REMOVED: N_("Market removed"),
    AuditAction.MARKET_SITE: N_("Market website address set"),
    AuditAction.PASSWORD_SET: N_("Manager password set"),
    AuditAction.PIN_SET: N_("Store PIN set"),
    AuditAction.SIGN_IN: N_("Signed in"),
    AuditAction.SIGN_IN_FAILED: N_("Wrong PIN or password"),
    AuditAction.LOCKED_OUT: N_("Locked after wrong tries"),
    AuditAction.ONBOARDING_STEP: N_("Onboarding step saved"),
    AuditAction.LISTINGS_IMPORTED: N_("Listings imported"),
    AuditAction.DATABASE_RESTORED: N_("Database restored from a backup"),
    AuditAction.PROMOTION_ADDED: N_("Promotion added"),
    AuditAction.PROMOTION_REMOVED: N_("Promotion removed"),
    AuditAction.PROMOTION_CHANGED: N_("Promotion changed"),
    AuditAction.HOME_MARKET_SET: N_("This PC's home market set"),
    AuditAction.SYNONYMS_CHANGED: N_("Search words changed"),
    AuditAction.MARKETS_IMPORTED: N_("Markets imported from the national list"),
    AuditAction.STORES_IMPORTED: N_("Stores imported from the store registry"),
    AuditAction.RATE_SET: N_("Exchange rate set"),
    AuditAction.RATE_REMOVED: N_("Exchange rate removed"),
    AuditAction.RATE_MAX_AGE: N_("Exchange rates shown for (days) changed"),
    AuditAction.HOLIDAY_ADDED: N_("Market holiday added"),
    AuditAction.HOLIDAY_REMOVED: N_("Market holiday removed"),
}


class AuditTableModel(QAbstractTableModel):
    """When, who, PC, action, market, what, changes (field: old -> new)."""

    def __init__(self) -> None:
        super().__init__()
        self._entries: list[AuditEntry] = []

    def set_entries(self, entries: list[AuditEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entries(self) -> list[AuditEntry]:
        return list(self._entries)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = [_("When"), _("Who"), _("PC"), _("What happened"), _("Market"), _("Subject"),
                  _("Changes (field: old -> new)")]  # fmt: skip
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        values = (
            entry.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
            actor_text(entry),
            entry.pc,
            _(ACTION_LABELS[entry.action]),
            entry.market_slug or "",
            subject_text(entry),
            entry.summary(),
        )
        return values[index.column()] if 0 <= index.column() < len(values) else None


class ManagerAuditScreen(ManagerPage):
    """Filters (market, since a day, kind of action) over the newest 1,000 entries."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(SCREEN, "audit", parent)
        self._services = services
        self._actor: Actor | None = None
        self._markets: list[MarketInfo] = []
        self._slot = ops.OpSlot(self)
        self.market_box = QComboBox()
        self.since_title = QLabel()
        self.since_title.setProperty("role", "field")
        self.since = QDateEdit()
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.since.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.since.setMinimumHeight(theme.TOUCH)
        self.since.setDate(QDate.currentDate().addDays(-30))
        self.action_box = QComboBox()
        self.count_label = QLabel()
        self.count_label.setProperty("role", "muted")
        for box in (self.market_box, self.action_box):  # as wide as their longest item
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # One row that wraps on a narrow (portrait) screen instead of squeezing the pickers.
        filters = FlowLayout(spacing=theme.GRID * 2)
        for widget in (self.market_box, self.since_title, self.since, self.action_box):
            filters.addWidget(widget)
        filters.addWidget(self.count_label)
        for label in (self.since_title, self.count_label):
            label.setMinimumHeight(theme.TOUCH)  # centred on the pickers' line
        self.add(filters)
        self.add(self._build_table(), 1)
        self.market_box.currentIndexChanged.connect(self.reload)
        self.action_box.currentIndexChanged.connect(self.reload)
        self.since.dateChanged.connect(self.reload)
        self.retranslate()

    def _build_table(self) -> QTableView:
        """The entries, newest first, one line each."""
        self.model = AuditTableModel()
        self.table = QTableView()
        self.table.setObjectName("audit-table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return self.table

    def set_actor(self, actor: Actor | None) -> None:
        self._actor = actor
        if actor is None:
            self.model.set_entries([])

    def set_filters(
        self, *, market: str | None = None, since: QDate | None = None, group: str = "all"
    ) -> None:
        self.market_box.setCurrentIndex(max(0, self.market_box.findData(market or "")))
        if since is not None:
            self.since.setDate(since)
        self.action_box.setCurrentIndex(max(0, self.action_box.findData(group)))
        self.reload()

    def reload(self, *_args: object) -> None:
        services, actor = self._services, self._actor
        if actor is None:
            return
        market = self.market_box.currentData() or None
        group = self.action_box.currentData() or "all"
        day = self.since.date()
        since = datetime(day.year(), day.month(), day.day()).astimezone().astimezone(UTC)

        def work() -> tuple[list[MarketInfo], list[AuditEntry]]:
            entries = services.audit.audit_log(
                actor=actor, market_slug=market, since=since, actions=ACTION_GROUPS[group]
            )
            return services.directory.list_markets(), entries

        self._slot.run(work, on_done=self._on_loaded, on_error=self._on_failed, name="audit")

    def retranslate(self) -> None:
        self.header.retranslate()
        self.header.set_title(_("Audit log"))
        self.since_title.setText(_("Since"))
        labels = {
            "all": _("Everything"),
            "edits": _("Store edits"),
            "codes": _("QR code changes"),
            "markets": _("Markets"),
            "sign-in": _("Sign-ins, PINs and lockouts"),
        }
        current = self.action_box.currentData()
        self.action_box.blockSignals(True)
        self.action_box.clear()
        for key, label in labels.items():
            self.action_box.addItem(label, key)
        self.action_box.setCurrentIndex(max(0, self.action_box.findData(current or "all")))
        self.action_box.blockSignals(False)
        self._fill_markets()
        self._update_count()

    def _fill_markets(self) -> None:
        current = self.market_box.currentData()
        self.market_box.blockSignals(True)
        self.market_box.clear()
        self.market_box.addItem(_("All markets"), "")
        for market in self._markets:
            self.market_box.addItem(market.name.get(current_locale()), market.slug)
        self.market_box.setCurrentIndex(max(0, self.market_box.findData(current or "")))
        self.market_box.blockSignals(False)

    def _update_count(self) -> None:
        self.count_label.setText(_("{count} entries").format(count=self.model.rowCount()))

    def _on_loaded(self, result: tuple[list[MarketInfo], list[AuditEntry]]) -> None:
        self._markets, entries = result
        self._fill_markets()
        self.model.set_entries(entries)
        self._update_count()

    def _on_failed(self, exc: Exception) -> None:
        from kiosk.domain.access import AccessError

        if not isinstance(exc, AccessError):
            raise exc
        self.count_label.setText("⚠ " + str(exc))
