"""Import / Export / Backup: listings files in and out of Excel, and backups (manager only).

Import is two steps: a checked file shows what it would change (the dry run),
and only "Import these changes" writes it, all of it or none. File dialogs
live only here, behind the manager's sign-in; the tourist never reaches them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.access import Actor, CodeProof
from kiosk.domain.exchange.plan import ImportPlan, PlanKind
from kiosk.domain.listing import MarketInfo
from kiosk.domain.locales import LocaleCode
from kiosk.i18n import _
from kiosk.services.app import Services
from kiosk.ui import ops, theme
from kiosk.ui.manager.header import ManagerHeader
from kiosk.ui.widgets.proof_prompt import ProofPrompt

SCREEN = "manager-exchange"
#: Stores named per kind in the dry-run summary (the rest are counted).
SHOWN = 12


def _card(title: QLabel, beside: QWidget | None = None) -> tuple[QFrame, QVBoxLayout]:
    """A card with a heading (and *beside* it, on the right, e.g. the market chooser)."""
    card = QFrame()
    card.setProperty("surface", "card")
    column = QVBoxLayout(card)
    pad = theme.GRID * 2
    column.setContentsMargins(pad, pad, pad, pad)
    column.setSpacing(theme.GRID)
    title.setProperty("role", "heading")
    heading = QHBoxLayout()
    heading.addWidget(title)
    heading.addStretch(1)
    if beside is not None:
        heading.addWidget(beside)
    column.addLayout(heading)
    return card, column


def plan_summary(plan: ImportPlan, market: str) -> str:
    """The dry run in the current language: counts, then the stores it names."""
    lines = [
        _("{file} → {market}").format(file=plan.source, market=market),
        _("Stores: {new} new, {updated} changed, {same} unchanged, {off} deactivated").format(
            new=plan.count(PlanKind.NEW),
            updated=plan.count(PlanKind.UPDATED),
            same=plan.count(PlanKind.UNCHANGED),
            off=plan.count(PlanKind.DEACTIVATED),
        ),
        _("Goods: {new} new, {changed} changed, {removed} removed").format(
            new=plan.new_goods, changed=plan.changed_goods, removed=plan.removed_goods
        ),
    ]
    labels = {
        PlanKind.NEW: _("New store"),
        PlanKind.UPDATED: _("Changed"),
        PlanKind.DEACTIVATED: _("Deactivated"),
    }
    for store in plan.changed()[:SHOWN]:
        name = f"{store.stall} {store.listing.name.get('ko', '')}".strip()
        detail = (
            "; ".join(str(c) for c in store.changes[:3]) if store.kind is PlanKind.UPDATED else ""
        )
        lines.append(f"• {labels[store.kind]}: {name}" + (f" — {detail}" if detail else ""))
    rest = len(plan.changed()) - SHOWN
    if rest > 0:
        lines.append(_("… and {count} more stores").format(count=rest))
    if plan.kept_texts:
        lines.append(
            _(
                "{count} texts were kept as saved: the CSV's Korean encoding (CP949) had "
                "turned them into '?'. Save as \"CSV UTF-8\" or .xlsx to change them."
            ).format(count=plan.kept_texts)
        )
    if plan.missing and not plan.deactivate_missing:
        lines.append(
            _("Not in the file, kept open: {stalls}").format(
                stalls=", ".join(plan.missing[:SHOWN]) + (" …" if len(plan.missing) > SHOWN else "")
            )
        )
    if not plan.changes_anything:
        lines.append(_("Nothing would change."))
    return "\n".join(lines)


class ManagerExchangeScreen(QWidget):
    """``changed()`` after an import or a restore (the stores table reloads)."""

    changed = Signal()

    def __init__(self, locale: LocaleCode, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(SCREEN)
        self._locale: LocaleCode = locale
        self._services: Services | None = None
        self._actor: Actor | None = None
        self._markets: list[MarketInfo] = []
        self._plan: ImportPlan | None = None
        self._file: Path | None = None
        self._armed_restore: Path | None = None
        self._backups: list[Path] = []
        self._slot = ops.OpSlot(self)
        self._side = ops.OpSlot(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(theme.GRID * 5, theme.GRID * 2, theme.GRID * 5, theme.GRID * 2)
        outer.setSpacing(theme.GRID * 2)
        self.header = ManagerHeader("exchange")
        outer.addWidget(self.header)
        self.market_box = QComboBox()
        self.market_box.setObjectName("exchange-market")
        self.market_box.setMinimumWidth(theme.GRID * 32)
        self.market_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.market_box.currentIndexChanged.connect(self._on_market_changed)

        top = QHBoxLayout()
        top.setSpacing(theme.GRID * 3)
        self.export_title = QLabel()
        export_card, export_column = _card(self.export_title, self.market_box)
        self.export_hint = QLabel()
        self.export_hint.setProperty("role", "hint")
        self.export_hint.setWordWrap(True)
        self.export_xlsx = QPushButton()
        self.export_xlsx.setObjectName("export-xlsx")
        self.export_xlsx.setProperty("kind", "primary")
        self.export_xlsx.clicked.connect(lambda: self._on_export_clicked("xlsx"))
        self.export_csv = QPushButton()
        self.export_csv.setObjectName("export-csv")
        self.export_csv.clicked.connect(lambda: self._on_export_clicked("csv"))
        self.template_button = QPushButton()
        self.template_button.setObjectName("export-template")
        self.template_button.clicked.connect(lambda: self._on_export_clicked("template"))
        export_column.addWidget(self.export_hint)
        export_buttons = QHBoxLayout()
        export_buttons.setSpacing(theme.GRID)
        for button in (self.export_xlsx, self.export_csv):
            export_buttons.addWidget(button)
        export_column.addLayout(export_buttons)
        top.addWidget(export_card, 1)

        self.backup_title = QLabel()
        backup_card, backup_column = _card(self.backup_title)
        self.backup_state = QLabel()
        self.backup_state.setObjectName("backup-state")
        self.backup_state.setProperty("role", "hint")
        self.backup_state.setWordWrap(True)
        self.backup_state.setTextFormat(Qt.TextFormat.PlainText)
        self.backup_button = QPushButton()
        self.backup_button.setObjectName("backup-now")
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("restore-backup")
        self.restore_button.clicked.connect(self._on_restore_clicked)
        backup_column.addWidget(self.backup_state)
        backup_buttons = QHBoxLayout()
        backup_buttons.setSpacing(theme.GRID)
        backup_buttons.addWidget(self.backup_button)
        backup_buttons.addWidget(self.restore_button)
        backup_column.addLayout(backup_buttons)
        top.addWidget(backup_card, 1)
        outer.addLayout(top)

        self.import_title = QLabel()
        import_card, import_column = _card(self.import_title)
        self.import_hint = QLabel()
        self.import_hint.setProperty("role", "hint")
        self.import_hint.setWordWrap(True)
        row = QHBoxLayout()
        row.setSpacing(theme.GRID * 2)
        self.choose_button = QPushButton()
        self.choose_button.setObjectName("choose-import")
        self.choose_button.setProperty("kind", "primary")
        self.choose_button.clicked.connect(self._on_choose_clicked)
        self.deactivate = QCheckBox()
        self.deactivate.setObjectName("deactivate-missing")
        self.deactivate.toggled.connect(self._on_deactivate_toggled)
        self.import_button = QPushButton()
        self.import_button.setObjectName("apply-import")
        self.import_button.setProperty("kind", "primary")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self._on_import_clicked)
        row.addWidget(self.choose_button)
        row.addWidget(self.template_button)
        row.addStretch(1)
        row.addWidget(self.import_button)
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("import-summary")
        self.summary.setReadOnly(True)
        self.proof = ProofPrompt()
        self.proof.switch_button.hide()
        self.proof.confirmed.connect(self._on_proof)
        import_column.addWidget(self.import_hint)
        import_column.addLayout(row)
        import_column.addWidget(self.deactivate)
        import_column.addWidget(self.summary, 1)
        import_column.addWidget(self.proof)
        outer.addWidget(import_card, 1)

        self.message = QLabel()
        self.message.setObjectName("exchange-message")
        self.message.setProperty("role", "lead")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self.message)
        self.retranslate(locale)

    # State -------------------------------------------------------------------------------------
    def set_services(self, services: Services) -> None:
        self._services = services

    def set_actor(self, actor: Actor | None) -> None:
        self._actor = actor
        if actor is None:
            self._forget_plan()
            self._file = None
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
        if services is None:
            return
        self._side.run(
            lambda: (services.directory.list_markets(), services.backups.latest_backups()),
            on_done=self._on_loaded,
            name="exchange-load",
        )

    # Actions (the file dialogs call these; tests call them directly) -----------------------------
    def export_to(self, path: Path, *, template: bool = False) -> None:
        services, actor, market = self._services, self._actor, self.current_market()
        if services is None or actor is None or (market is None and not template):
            return

        def work() -> object:
            return services.exchange.export_listings(
                actor=actor, market_slug=market or "", out=path, template=template
            )

        self._slot.run(work, on_done=self._on_exported, on_error=self._on_failed, name="export")

    def check_file(self, path: Path) -> None:
        """The dry run of *path* for the chosen market; shows what it would change."""
        services, actor, market = self._services, self._actor, self.current_market()
        if services is None or actor is None:
            return
        self._file = path
        self._forget_plan()
        deactivate = self.deactivate.isChecked()
        self.summary.setPlainText(_("Checking {file}…").format(file=path.name))

        def work() -> ImportPlan:
            return services.exchange.check_import(
                actor=actor, path=path, market_slug=market, deactivate_missing=deactivate
            )

        self._slot.run(work, on_done=self._on_checked, on_error=self._on_check_failed, name="check")

    def apply_import(self, proof: CodeProof | None = None) -> None:
        services, actor, plan = self._services, self._actor, self._plan
        if services is None or actor is None or plan is None:
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
        if services is None or actor is None:
            return

        def work() -> object:
            return services.backups.backup_database(actor=actor)

        self._slot.run(work, on_done=self._on_backed_up, on_error=self._on_failed, name="backup")

    def restore_from(self, path: Path) -> None:
        """First call checks the backup and asks; a second call with the same file restores."""
        services, actor = self._services, self._actor
        if services is None or actor is None:
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

    def retranslate(self, locale: LocaleCode) -> None:
        self._locale = locale
        self.header.retranslate()
        self.header.set_title(_("Import / Export / Backup"))
        self.export_title.setText(_("Export"))
        self.export_hint.setText(
            _("A market's stores and goods, to edit in Excel and import again.")
        )
        self.export_xlsx.setText(_("Excel (.xlsx)…"))
        self.export_csv.setText(_("CSV (.csv)…"))
        self.template_button.setText(_("Empty template…"))
        self.backup_title.setText(_("Backup"))
        self.backup_button.setText(_("Back up now"))
        self.import_title.setText(_("Import"))
        self.import_hint.setText(
            _(
                "The file is checked first; nothing is written until you press Import. "
                "Stores are matched by stall number."
            )
        )
        self.choose_button.setText(_("Choose a file to check…"))
        self.deactivate.setText(_("Deactivate stores that are not in the file"))
        self.import_button.setText(_("Import these changes"))
        self.proof.retranslate()
        self.proof.question.setText(_("The file changes QR codes: enter the manager password."))
        self._retitle_restore()
        self._show_backups(self._backups)

    # Dialogs -----------------------------------------------------------------------------------
    def _on_export_clicked(self, kind: str) -> None:
        market = self.current_market() or "market"
        if kind == "template":
            name, pattern = "listings-template.xlsx", _("Excel workbook (*.xlsx);;CSV (*.csv)")
        elif kind == "xlsx":
            name, pattern = f"{market}.xlsx", _("Excel workbook (*.xlsx)")
        else:
            name, pattern = f"{market}.csv", _("CSV (*.csv)")
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.export_title.text(), str(Path.home() / name), pattern
        )
        if chosen:
            self.export_to(Path(chosen), template=kind == "template")

    def _on_choose_clicked(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.import_title.text(),
            str(Path.home()),
            _("Listings files (*.xlsx *.csv)"),
        )
        if chosen:
            self.check_file(Path(chosen))

    def _retitle_restore(self) -> None:
        armed = self._armed_restore
        self.restore_button.setText(
            _("Restore {file} now").format(file=armed.name) if armed else _("Restore a backup…")
        )

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
        return market.name.get(self._locale) if market is not None else slug

    def _on_loaded(self, loaded: tuple[list[MarketInfo], list[Path]]) -> None:
        markets, backups = loaded
        current = self.current_market()
        self._markets = markets
        self.market_box.blockSignals(True)
        self.market_box.clear()
        for market in markets:
            self.market_box.addItem(market.name.get(self._locale), market.slug)
        index = self.market_box.findData(current) if current else 0
        self.market_box.setCurrentIndex(max(index, 0))
        self.market_box.blockSignals(False)
        self._show_backups(backups)

    def _show_backups(self, backups: list[Path]) -> None:
        self._backups = backups
        services = self._services
        if services is not None and not services.url.startswith("sqlite"):
            self.backup_state.setText(
                _("This database is on a PostgreSQL server: back it up there with pg_dump.")
            )
            self.backup_button.setEnabled(False)
            self.restore_button.setEnabled(False)
            return
        self.backup_button.setEnabled(True)
        self.restore_button.setEnabled(True)
        if not backups:
            self.backup_state.setText(_("No backup yet. One is made every day at start."))
            return
        from kiosk.services.app import Backups

        self.backup_state.setText(
            _("Newest backup: {when} ({count} kept in {folder})").format(
                when=Backups.taken_at(backups[0]), count=len(backups), folder=backups[0].parent
            )
        )

    def _on_market_changed(self, _index: int) -> None:
        self._forget_plan()
        self.summary.clear()

    def _on_deactivate_toggled(self, _checked: bool) -> None:
        if self._file is not None and self._plan is not None:
            self.check_file(self._file)

    def _on_exported(self, result: object) -> None:
        from kiosk.services.values import ExportResult

        if isinstance(result, ExportResult):
            self.message.setText(
                "✓ "
                + _("Saved {stores} stores and {goods} goods to {file}").format(
                    stores=result.stores, goods=result.goods, file=result.path
                )
            )

    def _on_checked(self, plan: ImportPlan) -> None:
        self._plan = plan
        self.summary.setPlainText(plan_summary(plan, self._market_name(plan.market_slug)))
        self.import_button.setEnabled(plan.changes_anything)
        self.message.setText(
            _('Checked. Press "Import these changes" to write them.')
            if plan.changes_anything
            else _("Checked: the file matches the database.")
        )

    def _on_check_failed(self, exc: Exception) -> None:
        from kiosk.domain.messages import KioskError
        from kiosk.services.values import ImportRefused

        if not isinstance(exc, KioskError):
            raise exc
        if isinstance(exc, ImportRefused):
            lines = [str(line) for line in exc.lines()]
            head = _("{count} problems; nothing was imported. Fix them in the file:").format(
                count=len(exc.problems)
            )
            self.summary.setPlainText("\n".join(["⚠ " + head, *lines]))
        else:
            self.summary.setPlainText("⚠ " + str(exc))
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
