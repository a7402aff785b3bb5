"""The Import / Export / Backup page's Import card, and the dry run's summary in words."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.exchange.csv_file import CSV_ENCODINGS, CsvEncoding
from kiosk.domain.exchange.plan import ImportPlan, PlanKind
from kiosk.i18n import _, ngettext
from kiosk.ui import theme
from kiosk.ui.manager.exchange_export import CardPanel
from kiosk.ui.widgets.proof_prompt import ProofPrompt

#: Stores named per kind in the dry-run summary (the rest are counted).
SHOWN = 12


class EncodingChoice(QWidget):
    """A CSV file that reads two ways: one button per reading of its first differing line.

    ``chosen(encoding)`` with ``utf-8`` or ``cp949``; hidden until :meth:`ask`.
    """

    chosen = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("encoding-choice")
        self._line = 0
        self._readings: dict[CsvEncoding, str] = {}
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.buttons = {code: QPushButton() for code in CSV_ENCODINGS}
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.question)
        for code, button in self.buttons.items():
            button.setObjectName(f"encoding-{code}")
            button.clicked.connect(lambda _checked=False, c=code: self.chosen.emit(c))
            column.addWidget(button)
        self.hide()

    def ask(self, line: int, readings: Mapping[CsvEncoding, str]) -> None:
        self._line, self._readings = line, dict(readings)
        self.retranslate()
        self.show()

    def retranslate(self) -> None:
        self.question.setText(
            _(
                "This CSV file reads two ways, and the texts differ. Which is line {line} "
                "as you typed it?"
            ).format(line=self._line)
        )
        self.buttons["utf-8"].setText(
            _("UTF-8: {text}").format(text=self._readings.get("utf-8", ""))
        )
        self.buttons["cp949"].setText(
            _("Korean Excel CSV (CP949): {text}").format(text=self._readings.get("cp949", ""))
        )


class ImportPanel(CardPanel):
    """Choose a file (or save the empty template), see the dry run, then import it."""

    def __init__(self) -> None:
        super().__init__()
        self.hint = QLabel()
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        self.choose_button = QPushButton()
        self.choose_button.setObjectName("choose-import")
        self.choose_button.setProperty("kind", "primary")
        self.template_button = QPushButton()
        self.template_button.setObjectName("export-template")
        self.public_button = QPushButton()
        self.public_button.setObjectName("open-public-stores")
        self.columns_button = QPushButton()
        self.columns_button.setObjectName("change-columns")
        self.columns_button.hide()
        self.deactivate = QCheckBox()
        self.deactivate.setObjectName("deactivate-missing")
        self.import_button = QPushButton()
        self.import_button.setObjectName("apply-import")
        self.import_button.setProperty("kind", "primary")
        self.import_button.setEnabled(False)
        row = QHBoxLayout()
        row.setSpacing(theme.GRID * 2)
        row.addWidget(self.choose_button)
        row.addWidget(self.template_button)
        row.addWidget(self.columns_button)
        row.addStretch(1)
        row.addWidget(self.import_button)
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("import-summary")
        self.summary.setReadOnly(True)
        self.proof = ProofPrompt()
        self.proof.switch_button.hide()
        self.encoding = EncodingChoice()
        self.column.addWidget(self.hint)
        self.column.addLayout(row)
        options = QHBoxLayout()
        options.addWidget(self.deactivate)
        options.addStretch(1)
        options.addWidget(self.public_button)
        self.column.addLayout(options)
        self.column.addWidget(self.encoding)
        self.column.addWidget(self.summary, 1)
        self.column.addWidget(self.proof)

    def retranslate(self) -> None:
        self.title.setText(_("Import"))
        self.template_button.setText(_("Empty template…"))
        self.public_button.setText(_("Shops from the public registry…"))
        self.columns_button.setText(_("Change the columns…"))
        self.hint.setText(
            _(
                "The file is checked first; nothing is written until you press Import. "
                "Stores are matched by stall number."
            )
        )
        self.choose_button.setText(_("Choose a file to check…"))
        self.deactivate.setText(_("Deactivate stores that are not in the file"))
        self.import_button.setText(_("Import these changes"))
        self.proof.retranslate()
        self.encoding.retranslate()
        self.proof.question.setText(_("The file changes QR codes: enter the manager password."))

    def failure_text(self, exc: Exception) -> str:
        """What the summary says about a check that failed (a CSV read two ways asks)."""
        from kiosk.domain.exchange.csv_file import AmbiguousEncoding
        from kiosk.domain.messages import KioskError
        from kiosk.services.values import ImportRefused

        if not isinstance(exc, KioskError):
            raise exc
        if isinstance(exc, AmbiguousEncoding):
            self.encoding.ask(exc.line, exc.readings)
            return "⚠ " + _("Choose how to read {file}.").format(file=exc.name)
        if isinstance(exc, ImportRefused):
            lines = [str(line) for line in exc.lines()]
            n = len(exc.problems)
            head = ngettext(
                "%(n)d problem; nothing was imported. Fix it in the file:",
                "%(n)d problems; nothing was imported. Fix them in the file:",
                n,
            ) % {"n": n}
            return "\n".join(["⚠ " + head, *lines])
        return "⚠ " + str(exc)


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
        lines.append(
            ngettext("… and %(n)d more store", "… and %(n)d more stores", rest) % {"n": rest}
        )
    lines.extend(_plan_notes(plan))
    return "\n".join(lines)


def _plan_notes(plan: ImportPlan) -> list[str]:
    """Texts kept as saved, stores kept open, or that nothing would change."""
    lines = []
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
    return lines
