"""Import / Export / Backup: listings files in and out of Excel, and backups (manager only).

Import is a dry run first (a roster's column mapping before it); only "Import these changes"
writes, all or none. File dialogs live only here, behind the manager's sign-in.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QWidget

from kiosk.domain.access import Actor, CodeProof
from kiosk.domain.exchange.csv_file import CSV_ENCODINGS, CsvEncoding
from kiosk.domain.exchange.guess import RosterPreview
from kiosk.domain.exchange.plan import ImportPlan
from kiosk.domain.listing import MarketInfo
from kiosk.i18n import _, current_locale, ngettext
from kiosk.services.app import Services
from kiosk.ui import ops, theme
from kiosk.ui.manager.exchange_export import BackupPanel, ExportPanel
from kiosk.ui.manager.exchange_import import SHOWN, ImportPanel, plan_summary
from kiosk.ui.manager.page_frame import ManagerPage, row_layout, status_line

#: Narrower than this (a portrait screen) the export and backup panels stack.
STACK_BELOW = 1200

__all__ = ["SCREEN", "SHOWN", "ManagerExchangeScreen", "plan_summary"]

SCREEN = "manager-exchange"


class ManagerExchangeScreen(ManagerPage):
    """``changed()`` after an import or a restore (the stores table reloads);
    ``public_requested(market)`` opens the public registry's candidate review;
    ``mapping_requested(preview)`` the column mapping of a file that is not the template."""

    changed = Signal()
    public_requested = Signal(str)
    mapping_requested = Signal(object)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(SCREEN, "exchange", parent)
        self._services = services
        self._actor: Actor | None = None
        self._markets: list[MarketInfo] = []
        self._plan: ImportPlan | None = None
        self._file: Path | None = None
        self._encoding: CsvEncoding | None = None
        self._roster: RosterPreview | None = None
        self._column_map: dict[str, str] | None = None
        self._armed_restore: Path | None = None
        self._backups: list[Path] = []
        self._slot = ops.OpSlot(self)
        self._side = ops.OpSlot(self)
        self.market_box = QComboBox()
        self.market_box.setObjectName("exchange-market")
        self.market_box.setMinimumWidth(theme.GRID * 32)
        self.market_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.export_panel = ExportPanel(self.market_box)
        self.backup_panel = BackupPanel()
        self.import_panel = ImportPanel()
        panels = row_layout((self.export_panel, 1), (self.backup_panel, 1), spacing=theme.GRID * 3)
        self.add(panels)
        self.stack_below(panels, STACK_BELOW)
        self.add(self.import_panel, 1)
        self.message = status_line("exchange-message")
        self.add(self.message)
        # The panels' parts, by the names the page (and its tests) use.
        self.export_xlsx, self.export_csv = self.export_panel.xlsx, self.export_panel.csv
        self.backup_state = self.backup_panel.state
        self.backup_button = self.backup_panel.backup_button
        self.restore_button = self.backup_panel.restore_button
        panel = self.import_panel
        self.template_button, self.choose_button = panel.template_button, panel.choose_button
        self.deactivate, self.import_button = panel.deactivate, panel.import_button
        self.summary, self.proof = panel.summary, panel.proof
        self._connect()
        self.retranslate()

    def _connect(self) -> None:
        self.market_box.currentIndexChanged.connect(self._on_market_changed)
        self.export_xlsx.clicked.connect(lambda: self._on_export_clicked("xlsx"))
        self.export_csv.clicked.connect(lambda: self._on_export_clicked("csv"))
        self.template_button.clicked.connect(lambda: self._on_export_clicked("template"))
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.choose_button.clicked.connect(self._on_choose_clicked)
        self.deactivate.toggled.connect(self._on_deactivate_toggled)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.proof.confirmed.connect(self._on_proof)
        self.import_panel.encoding.chosen.connect(self._on_encoding_chosen)
        self.import_panel.public_button.clicked.connect(
            lambda: self.public_requested.emit(self.current_market() or "")
        )
        self.import_panel.columns_button.clicked.connect(
            lambda: self.mapping_requested.emit(self._roster)
        )

    # State -------------------------------------------------------------------------------------
    def set_actor(self, actor: Actor | None) -> None:
        self._actor = actor
        if actor is None:
            self._forget_plan()
            self._file, self._encoding, self._roster, self._column_map = None, None, None, None
            self.import_panel.encoding.hide()
            self.import_panel.columns_button.hide()
            self._armed_restore = None
            self._retitle_restore()
            self.summary.clear()
            self.message.clear()

    def current_market(self) -> str | None:
        slug = self.market_box.currentData()
        return slug if isinstance(slug, str) else None

    def plan(self) -> ImportPlan | None:
        return self._plan

    def reload(self) -> None:
        services = self._services
        self._side.run(
            lambda: (services.directory.list_markets(), services.backups.latest_backups()),
            on_done=self._on_loaded,
            name="exchange-load",
        )

    # Actions (the file dialogs call these; tests call them directly) -----------------------------
    def export_to(self, path: Path, *, template: bool = False) -> None:
        services, actor, market = self._services, self._actor, self.current_market()
        if actor is None or (market is None and not template):
            return

        def work() -> object:
            return services.exchange.export_listings(
                actor=actor, market_slug=market or "", out=path, template=template
            )

        self._slot.run(work, on_done=self._on_exported, on_error=self._on_failed, name="export")

    def check_file(
        self,
        path: Path,
        encoding: CsvEncoding | None = None,
        column_map: dict[str, str] | None = None,
    ) -> None:
        """The dry run of *path* for the chosen market; shows what it would change.

        *encoding* (``utf-8``/``cp949``) is the reading the manager chose for a CSV file;
        a file that is not the template asks for its *column_map* first.
        """
        services, actor, market = self._services, self._actor, self.current_market()
        if actor is None:
            return
        self._file, self._encoding, self._column_map = path, encoding, column_map
        self.import_panel.encoding.hide()
        self.import_panel.columns_button.setVisible(column_map is not None)
        self._forget_plan()
        deactivate = self.deactivate.isChecked()
        self.summary.setPlainText(_("Checking {file}…").format(file=path.name))

        def work() -> ImportPlan | RosterPreview:
            if column_map is None and market is not None:
                roster = services.exchange.roster_preview(
                    actor=actor, path=path, market_slug=market, encoding=encoding
                )
                if roster is not None:
                    return roster
            return services.exchange.check_import(
                actor=actor,
                path=path,
                market_slug=market,
                deactivate_missing=deactivate,
                encoding=encoding,
                column_map=column_map,
            )

        self._slot.run(work, on_done=self._on_checked, on_error=self._on_check_failed, name="check")

    def check_mapped(self, column_map: dict[str, str]) -> None:
        """The dry run of the roster being mapped, read through *column_map*."""
        if self._file is not None:
            self.check_file(self._file, self._encoding, column_map)

    def apply_import(self, proof: CodeProof | None = None) -> None:
        services, actor, plan = self._services, self._actor, self._plan
        if actor is None or plan is None:
            return
        if plan.touches_codes and proof is None:
            self.proof.ask(kind="password")
            return

        def work() -> object:
            return services.exchange.apply_import(actor=actor, plan=plan, proof=proof)

        self.import_button.setEnabled(False)
        self._slot.run(work, on_done=self._on_imported, on_error=self._on_failed, name="import")

    def backup_now(self) -> None:
        services, actor = self._services, self._actor
        if actor is None:
            return

        def work() -> object:
            return services.backups.backup_database(actor=actor)

        self._slot.run(work, on_done=self._on_backed_up, on_error=self._on_failed, name="backup")

    def restore_from(self, path: Path) -> None:
        """First call checks the backup and asks; a second call with the same file restores."""
        services, actor = self._services, self._actor
        if actor is None:
            return
        if self._armed_restore != path:
            self._armed_restore = None
            self._retitle_restore()

            def check() -> object:
                return services.backups.inspect_backup(source=path)

            self._slot.run(
                check,
                on_done=lambda facts: self._on_restore_checked(path, facts),
                on_error=self._on_failed,
                name="restore-check",
            )
            return
        self._armed_restore = None
        self._retitle_restore()

        def work() -> object:
            return services.backups.restore_database(actor=actor, source=path)

        self._slot.run(work, on_done=self._on_restored, on_error=self._on_failed, name="restore")

    def retranslate(self) -> None:
        self.header.retranslate()
        self.header.set_title(_("Import / Export / Backup"))
        self.export_panel.retranslate()
        self.backup_panel.retranslate(self._armed_restore)
        self.import_panel.retranslate()
        self._show_backups(self._backups)

    # Dialogs -----------------------------------------------------------------------------------
    def _on_export_clicked(self, kind: str) -> None:
        chosen = self.export_panel.ask_target(self, kind, self.current_market() or "market")
        if chosen is not None:
            self.export_to(chosen, template=kind == "template")

    def _on_choose_clicked(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.import_panel.title.text(),
            str(Path.home()),
            _("Listings files (*.xlsx *.csv)"),
        )
        if chosen:
            self.check_file(Path(chosen))

    def _retitle_restore(self) -> None:
        self.backup_panel.retitle_restore(self._armed_restore)

    def _on_restore_clicked(self) -> None:
        if self._armed_restore is not None:
            self.restore_from(self._armed_restore)  # the second press confirms
            return
        backups = self._backups
        start = str(backups[0].parent) if backups else str(Path.home())
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.restore_button.text(), start, _("Backups (*.sqlite3)")
        )
        if chosen:
            self.restore_from(Path(chosen))

    # Results -----------------------------------------------------------------------------------
    def _forget_plan(self) -> None:
        self._plan = None
        self.import_button.setEnabled(False)
        self.proof.close_prompt()

    def _market_name(self, slug: str) -> str:
        market = next((m for m in self._markets if m.slug == slug), None)
        return market.name.get(current_locale()) if market is not None else slug

    def _on_loaded(self, loaded: tuple[list[MarketInfo], list[Path]]) -> None:
        markets, backups = loaded
        current = self.current_market()
        self._markets = markets
        self.market_box.blockSignals(True)
        self.market_box.clear()
        for market in markets:
            self.market_box.addItem(market.name.get(current_locale()), market.slug)
        index = self.market_box.findData(current) if current else 0
        self.market_box.setCurrentIndex(max(index, 0))
        self.market_box.blockSignals(False)
        self._show_backups(backups)

    def _show_backups(self, backups: list[Path]) -> None:
        self._backups = backups
        services = self._services
        on_server = services is not None and not services.url.startswith("sqlite")
        self.backup_panel.show_backups(backups, on_server=on_server)

    def _on_market_changed(self, _index: int) -> None:
        self._forget_plan()
        self.summary.clear()

    def _on_deactivate_toggled(self, _checked: bool) -> None:
        if self._file is not None and self._plan is not None:
            self.check_file(self._file, self._encoding, self._column_map)

    def _on_encoding_chosen(self, encoding: str) -> None:
        chosen = next((code for code in CSV_ENCODINGS if code == encoding), None)
        if self._file is not None and chosen is not None:
            self.check_file(self._file, chosen)

    def _on_exported(self, result: object) -> None:
        from kiosk.services.values import ExportResult

        if isinstance(result, ExportResult):
            stores = ngettext("%(n)d store", "%(n)d stores", result.stores)
            goods = ngettext("%(n)d good", "%(n)d goods", result.goods)
            self.message.setText(
                "✓ "
                + _("Saved {stores} and {goods} to {file}").format(
                    stores=stores % {"n": result.stores},
                    goods=goods % {"n": result.goods},
                    file=result.path,
                )
            )

    def _on_checked(self, plan: ImportPlan | RosterPreview) -> None:
        if isinstance(plan, RosterPreview):
            self._roster = plan
            self.summary.setPlainText(_("Match the columns of {file}").format(file=plan.source))
            self.mapping_requested.emit(plan)
            return
        self._plan = plan
        self.summary.setPlainText(plan_summary(plan, self._market_name(plan.market_slug)))
        self.import_button.setEnabled(plan.changes_anything)
        self.message.setText(
            _('Checked. Press "Import these changes" to write them.')
            if plan.changes_anything
            else _("Checked: the file matches the database.")
        )

    def _on_check_failed(self, exc: Exception) -> None:
        self.summary.setPlainText(self.import_panel.failure_text(exc))
        self.message.setText("⚠ " + _("The file was not imported."))

    def _on_import_clicked(self) -> None:
        self.apply_import()  # (clicked's "checked" argument is not a proof)

    def _on_proof(self, proof: object) -> None:
        if isinstance(proof, CodeProof):
            self.proof.close_prompt()
            self.apply_import(proof)

    def _on_imported(self, _result: object) -> None:
        plan = self._plan
        self._forget_plan()
        if plan is not None:
            self.summary.setPlainText(plan_summary(plan, self._market_name(plan.market_slug)))
        self.message.setText("✓ " + _("Imported. The directory shows the new listings."))
        self.changed.emit()

    def _on_backed_up(self, result: object) -> None:
        path = getattr(result, "path", None)
        self.message.setText("✓ " + _("Backup written: {file}").format(file=path))
        self.reload()

    def _on_restore_checked(self, path: Path, facts: object) -> None:
        self._armed_restore = path
        self._retitle_restore()
        stores = getattr(facts, "stores", 0)
        self.message.setText(
            "⚠ "
            + _(
                "Replace the whole database by {file} ({stores} stores)? The current one is "
                "kept in the backups folder. Press the restore button again to confirm."
            ).format(file=path.name, stores=stores)
        )

    def _on_restored(self, _result: object) -> None:
        self.message.setText("✓ " + _("Restored. Every screen shows the restored data."))
        self.reload()
        self.changed.emit()

    def _on_failed(self, exc: Exception) -> None:
        from kiosk.domain.messages import KioskError

        if not isinstance(exc, KioskError):
            raise exc
        self._armed_restore = None
        self._retitle_restore()
        if self._plan is not None:
            self.import_button.setEnabled(self._plan.changes_anything)
        self.message.setText("⚠ " + str(exc))
