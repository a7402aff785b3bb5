"""The Import / Export / Backup page's top cards: Export (with the market) and Backup."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import _
from kiosk.ui import theme


class CardPanel(QFrame):
    """A card with a heading (``title``) and, on its right, *beside* (e.g. the market chooser);
    the content goes into ``column``."""

    def __init__(self, beside: QComboBox | None = None) -> None:
        super().__init__()
        self.setProperty("surface", "card")
        self.title = QLabel()
        self.column = QVBoxLayout(self)
        pad = theme.GRID * 2
        self.column.setContentsMargins(pad, pad, pad, pad)
        self.column.setSpacing(theme.GRID)
        self.title.setProperty("role", "heading")
        heading = QHBoxLayout()
        heading.addWidget(self.title)
        heading.addStretch(1)
        if beside is not None:
            heading.addWidget(beside)
        self.column.addLayout(heading)


def _hint() -> QLabel:
    label = QLabel()
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    return label


def _button(name: str, *, primary: bool = False) -> QPushButton:
    button = QPushButton()
    button.setObjectName(name)
    if primary:
        button.setProperty("kind", "primary")
    return button


class ExportPanel(CardPanel):
    """Export a market's listings as .xlsx or .csv (the market is chosen beside the heading)."""

    def __init__(self, market_box: QComboBox) -> None:
        super().__init__(market_box)
        self.hint = _hint()
        self.xlsx = _button("export-xlsx", primary=True)
        self.csv = _button("export-csv")
        self.column.addWidget(self.hint)
        buttons = QHBoxLayout()
        buttons.setSpacing(theme.GRID)
        for button in (self.xlsx, self.csv):
            buttons.addWidget(button)
        self.column.addLayout(buttons)

    def retranslate(self) -> None:
        self.title.setText(_("Export"))
        self.hint.setText(_("A market's stores and goods, to edit in Excel and import again."))
        self.xlsx.setText(_("Excel (.xlsx)…"))
        self.csv.setText(_("CSV (.csv)…"))

    def ask_target(self, parent: QWidget, kind: str, market: str) -> Path | None:
        """The file to export *kind* (``xlsx``, ``csv`` or ``template``) to, or None."""
        if kind == "template":
            name, pattern = "listings-template.xlsx", _("Excel workbook (*.xlsx);;CSV (*.csv)")
        elif kind == "xlsx":
            name, pattern = f"{market}.xlsx", _("Excel workbook (*.xlsx)")
        else:
            name, pattern = f"{market}.csv", _("CSV (*.csv)")
        chosen, _filter = QFileDialog.getSaveFileName(
            parent, self.title.text(), str(Path.home() / name), pattern
        )
        return Path(chosen) if chosen else None


class BackupPanel(CardPanel):
    """The newest backup, "Back up now" and the two-press restore."""

    def __init__(self) -> None:
        super().__init__()
        self.state = _hint()
        self.state.setObjectName("backup-state")
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.backup_button = _button("backup-now")
        self.restore_button = _button("restore-backup")
        self.column.addWidget(self.state)
        buttons = QHBoxLayout()
        buttons.setSpacing(theme.GRID)
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        self.column.addLayout(buttons)

    def retranslate(self, armed: Path | None) -> None:
        self.title.setText(_("Backup"))
        self.backup_button.setText(_("Back up now"))
        self.retitle_restore(armed)

    def retitle_restore(self, armed: Path | None) -> None:
        """The restore button names the file a second press restores."""
        self.restore_button.setText(
            _("Restore {file} now").format(file=armed.name) if armed else _("Restore a backup…")
        )

    def show_backups(self, backups: list[Path], *, on_server: bool) -> None:
        """The newest of *backups* (newest first), or why there is none to show."""
        if on_server:
            self.state.setText(
                _("This database is on a PostgreSQL server: back it up there with pg_dump.")
            )
            self.backup_button.setEnabled(False)
            self.restore_button.setEnabled(False)
            return
        self.backup_button.setEnabled(True)
        self.restore_button.setEnabled(True)
        if not backups:
            self.state.setText(_("No backup yet. One is made every day at start."))
            return
        from kiosk.services.app import Backups

        self.state.setText(
            _("Newest backup: {when} ({count} kept in {folder})").format(
                when=Backups.taken_at(backups[0]), count=len(backups), folder=backups[0].parent
            )
        )
