"""Stores from the SEMAS registry: the market's candidates to accept or skip, then added at once.

The file is scanned off the GUI thread; nothing is written until "Add N stores",
and then all the accepted shops or none (the service's one transaction).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QLineEdit, QPushButton, QWidget

from kiosk.domain.access import Actor
from kiosk.domain.listing import MarketInfo
from kiosk.i18n import _, current_locale, ngettext
from kiosk.services.app import Services
from kiosk.services.values import EntryKind, StoresPlan
from kiosk.ui import ops, theme
from kiosk.ui.manager.page_frame import ManagerPage, row_layout, status_line
from kiosk.ui.manager.public_stores_table import CandidateTable

SCREEN = "manager-public-stores"


class ManagerPublicStoresScreen(ManagerPage):
    """``changed()`` after stores were added; ``closed()`` on Cancel (nothing written)."""

    changed = Signal()
    closed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(SCREEN, "exchange", parent)
        self._services = services
        self._actor: Actor | None = None
        self._markets: list[MarketInfo] = []
        self._plan: StoresPlan | None = None
        self._slot = ops.OpSlot(self)
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.market_box = QComboBox()
        self.market_box.setObjectName("public-market")
        self.market_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.market_box.currentIndexChanged.connect(lambda _i: self._forget_plan())
        self.building = QLineEdit()
        self.building.setObjectName("public-building")
        self.choose_button = QPushButton()
        self.choose_button.setObjectName("choose-semas")
        self.choose_button.setProperty("kind", "primary")
        self.choose_button.clicked.connect(self._on_choose_clicked)
        self.hint = QLabel()
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        self.summary = status_line("public-summary", "hint")
        self.table = CandidateTable()
        self.accept_all = QPushButton()
        self.accept_all.setObjectName("accept-all")
        self.accept_all.clicked.connect(lambda: self._set_all(True))
        self.skip_all = QPushButton()
        self.skip_all.setObjectName("skip-all")
        self.skip_all.clicked.connect(lambda: self._set_all(False))
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancel-public")
        self.cancel_button.clicked.connect(self.cancel)
        self.add_button = QPushButton()
        self.add_button.setObjectName("add-public")
        self.add_button.setProperty("kind", "primary")
        self.add_button.clicked.connect(self.apply)
        self.table.itemChanged.connect(lambda _item: self._count())
        self.message = status_line("public-message")
        gap = theme.GRID * 2
        top = row_layout(self.heading, self.market_box, (self.building, 1), spacing=gap)
        self.add(top)
        self.stack_below(top, theme.GRID * 150)  # portrait: the building field was 72 px wide
        self.add(row_layout((self.hint, 1), self.choose_button, spacing=gap))
        self.add(self.summary)
        self.add(self.table, 1)
        buttons = (self.accept_all, self.skip_all, (self.message, 1), self.cancel_button)
        self.add(row_layout(*buttons, self.add_button, spacing=gap))
        self.retranslate()

    # State -------------------------------------------------------------------------------------
    def set_actor(self, actor: Actor | None) -> None:
        self._actor = actor
        if actor is None:
            self._forget_plan()
            self.message.clear()

    def plan(self) -> StoresPlan | None:
        return self._plan

    def current_market(self) -> str | None:
        slug = self.market_box.currentData()
        return slug if isinstance(slug, str) else None

    def reload(self, select: str | None = None) -> None:
        """Load the markets and show *select* (else the one shown); forgets any plan."""
        wanted = select or self.current_market()
        self._forget_plan()
        self.message.clear()
        self._slot.run(
            self._services.directory.list_markets,
            on_done=lambda found: self._on_markets(found, wanted),
            name="public-markets",
        )

    # Actions (the file dialog calls these; tests call them directly) -----------------------------
    def check_file(self, path: Path) -> None:
        """Scan *path* (a SEMAS CSV) for the chosen market's shops; nothing is written."""
        services, actor, market = self._services, self._actor, self.current_market()
        if actor is None or market is None:
            return
        building = self.building.text().strip()
        self._forget_plan()
        self.message.setText(_("Checking {file}…").format(file=path.name))

        def work() -> StoresPlan:
            return services.public.check_stores(
                actor=actor, path=path, market_slug=market, building=building
            )

        self._slot.run(work, on_done=self._on_checked, on_error=self._on_failed, name="semas")

    def apply(self) -> None:
        """Add the accepted shops, all or none."""
        services, actor, plan = self._services, self._actor, self._plan
        if actor is None or plan is None:
            return
        accepted = self.table.accepted()
        if not accepted:
            return

        def work() -> object:
            return services.public.apply_stores(actor=actor, plan=plan, accepted=accepted)

        self._slot.run(work, on_done=self._on_applied, on_error=self._on_failed, name="semas-add")

    def cancel(self) -> None:
        """Drop the candidates (nothing was written) and go back."""
        self._slot.cancel()
        self._forget_plan()
        self.message.clear()
        self.closed.emit()

    def retranslate(self) -> None:
        self.header.retranslate()
        self.header.set_title("")
        self.heading.setText(_("Shops from the public registry"))
        self.building.setPlaceholderText(
            _("Building name, for a market without coordinates (optional)")
        )
        self.hint.setText(
            _(
                "Choose the store registry file (소상공인 상가(상권)정보 CSV). Its shops within "
                "150 m of the market, or whose address names it, are listed. Nothing is "
                "written until you press Add."
            )
        )
        self.choose_button.setText(_("Choose a registry file…"))
        self.accept_all.setText(_("Accept all"))
        self.skip_all.setText(_("Skip all"))
        self.cancel_button.setText(_("Cancel"))
        self.table.retranslate()
        self._fill_markets()
        self._count()

    # Internals -------------------------------------------------------------------------------
    def _fill_markets(self) -> None:
        current = self.current_market()
        self.market_box.blockSignals(True)
        self.market_box.clear()
        for market in self._markets:
            self.market_box.addItem(market.name.get(current_locale()), market.slug)
        index = self.market_box.findData(current)
        self.market_box.setCurrentIndex(max(index, 0))
        self.market_box.blockSignals(False)

    def _on_markets(self, found: list[MarketInfo], wanted: str | None) -> None:
        self._markets = found
        self._fill_markets()
        index = self.market_box.findData(wanted)
        if index >= 0:
            self.market_box.setCurrentIndex(index)

    def _on_choose_clicked(self) -> None:
        if self._actor is None:
            return
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.choose_button.text(), str(Path.home()), _("CSV files (*.csv)")
        )
        if chosen:
            self.check_file(Path(chosen))

    def _forget_plan(self) -> None:
        self._plan = None
        self.table.show_plan(None)
        self.summary.clear()
        self._count()

    def _set_all(self, accepted: bool) -> None:
        self.table.set_all(accepted)
        self._count()

    def _count(self) -> None:
        count = len(self.table.accepted()) if self._plan is not None else 0
        self.add_button.setText(
            ngettext("Add %(n)d store", "Add %(n)d stores", count) % {"n": count}
        )
        self.add_button.setEnabled(count > 0)
        has_rows = self.table.rowCount() > 0
        self.accept_all.setEnabled(has_rows)
        self.skip_all.setEnabled(has_rows)

    def _on_checked(self, plan: StoresPlan) -> None:
        self._plan = plan
        self.table.show_plan(plan)
        found = len(plan.entries)
        text = _(
            "{file}: {rows}, {found} — {new} new, {updated} to update, "
            "{same} already saved, {nowhere} with no location."
        ).format(
            file=plan.source,
            rows=ngettext("%(n)d row read", "%(n)d rows read", plan.rows) % {"n": plan.rows},
            found=ngettext("%(n)d shop found", "%(n)d shops found", found) % {"n": found},
            new=plan.count(EntryKind.NEW),
            updated=plan.count(EntryKind.UPDATED),
            same=plan.count(EntryKind.UNCHANGED),
            nowhere=len(plan.no_location),
        )
        if plan.gone:
            text += "\n" + _("Saved but no longer in the registry (kept): {stores}").format(
                stores=", ".join(plan.gone[:8]) + (" …" if len(plan.gone) > 8 else "")
            )
        self.summary.setText(text)
        self.message.setText("" if plan.entries else _("No shop of this market is in the file."))
        self._count()

    def _on_applied(self, count: object) -> None:
        self._forget_plan()
        n = count if isinstance(count, int) else 0
        added = ngettext("%(n)d store added or updated.", "%(n)d stores added or updated.", n)
        self.message.setText("✓ " + added % {"n": n})
        self.changed.emit()

    def _on_failed(self, exc: Exception) -> None:
        from kiosk.domain.messages import KioskError
        from kiosk.services.values import PublicImportRefused

        if not isinstance(exc, KioskError):
            raise exc
        if isinstance(exc, PublicImportRefused):
            lines = [str(problem) for problem in exc.problems[:12]]
        else:
            lines = [str(exc)]
        head = _("Nothing was written.")
        self.message.setText("⚠ " + head + "\n" + "\n".join(lines))
