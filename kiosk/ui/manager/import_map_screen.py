"""Match a roster's columns to the app's fields before an import (a file that is not the template).

Each field gets a combo box of the file's columns, started from the market's
remembered mapping or guessed from the headers; the first rows show as they
would be read. "Check the file" hands the mapping back to the Import page,
which checks every row (row-numbered problems) and imports all or nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QWidget

from kiosk.domain.exchange.guess import RosterPreview, missing_fields, shared_headers
from kiosk.i18n import _, ngettext
from kiosk.ui import theme
from kiosk.ui.manager.import_map_fields import FieldGrid, PreviewTable, columns_for, field_label
from kiosk.ui.manager.page_frame import ManagerPage, row_layout, status_line

SCREEN = "manager-import-map"
#: Rows of combo boxes in view on a short window (the rest scroll); a tall one shows all.
SHOWN_ROWS = 3
#: Page heights from which every field is in view.
TALL = 900


class ImportMapScreen(ManagerPage):
    """``mapped(dict)`` (field -> the file's header) on "Check the file"; ``closed()`` on
    Cancel. Nothing is written here."""

    mapped = Signal(object)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(SCREEN, "exchange", parent, spacing=theme.GRID + theme.GRID // 2)
        self._preview: RosterPreview | None = None
        self._market = ""
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.hint = QLabel()
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        self.fields = FieldGrid()
        self.fields.changed.connect(self._on_changed)
        self.field_scroll = QScrollArea()
        self.field_scroll.setObjectName("import-map-scroll")
        self.field_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.field_scroll.setWidgetResizable(True)
        self.field_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.field_scroll.setWidget(self.fields)
        self.preview = PreviewTable()
        self.message = status_line("import-map-message")
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancel-import-map")
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.check_button = QPushButton()
        self.check_button.setObjectName("check-import-map")
        self.check_button.setProperty("kind", "primary")
        self.check_button.clicked.connect(self._on_check_clicked)
        gap = theme.GRID * 2
        self.add(self.heading)
        self.add(self.hint)
        self.add(self.field_scroll)
        self.add(self.preview, 1)
        self.add(row_layout((self.message, 1), self.cancel_button, self.check_button, spacing=gap))
        self.retranslate()

    # State -------------------------------------------------------------------------------------
    def set_actor(self, actor: object) -> None:
        if actor is None:
            self._preview = None
            self.fields.show_columns((), {})
            self._on_changed()

    def show_preview(self, preview: RosterPreview, market: str) -> None:
        """Start the step for *preview* (a new file); the same preview again keeps the choice."""
        self._market = market
        if preview is not self._preview:
            self._preview = preview
            self.fields.show_columns(preview.headers, preview.mapping)
        self.retranslate()

    def mapping(self) -> dict[str, str]:
        return self.fields.mapping()

    def set_column(self, field: str, header: str) -> None:
        """Choose *header* ("" for not used) for *field*, as the manager would."""
        box = self.fields.boxes[field]
        box.setCurrentIndex(max(box.findData(header), 0))

    def retranslate(self) -> None:
        self.header.retranslate()
        self.header.set_title("")
        preview = self._preview
        name = preview.source if preview is not None else ""
        self.heading.setText(_("Match the columns of {file}").format(file=name))
        if preview is not None and preview.remembered:
            text = _(
                "Row 1 is not the app's template. The columns are set as at the last import "
                "for {market}; change any that differ. Fields marked * are needed."
            )
        else:
            text = _(
                "Row 1 is not the app's template. For each field, choose the column of your "
                "file that holds it (guessed from the headers). Fields marked * are needed; "
                "{market} keeps your choice for the next import."
            )
        self.hint.setText(text.format(market=self._market))
        self.cancel_button.setText(_("Cancel"))
        self.check_button.setText(_("Check the file"))
        self.fields.retranslate()
        self._on_changed()

    # Internals ---------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        self.fields.arrange(columns_for(event.size().width()))
        super().resizeEvent(event)
        self._fit_scroll(event.size().height())

    def _fit_scroll(self, height: int) -> None:
        """SHOWN_ROWS whole rows of combos on a short page, every row on a tall one."""
        self.field_scroll.setFixedHeight(
            self.fields.height_for(None if height >= TALL else SHOWN_ROWS)
        )

    def _on_changed(self) -> None:
        mapping = self.fields.mapping()
        self.preview.show_rows(self._preview, mapping)
        missing = missing_fields(mapping)
        shared = shared_headers(mapping)
        if self._preview is None:
            text = ""
        elif missing:
            names = ", ".join(field_label(f) for f in missing)
            text = "⚠ " + ngettext(
                "Choose a column for: %(fields)s. The import needs it.",
                "Choose a column for: %(fields)s. The import needs them.",
                len(missing),
            ) % {"fields": names}
        elif shared:
            header, fields = next(iter(shared.items()))
            text = "⚠ " + _(
                'The column "{column}" is chosen for {fields}; one column fills one field.'
            ).format(column=header, fields=", ".join(field_label(f) for f in fields))
        else:
            text = _("The table shows the first rows as they will be read.")
        self.message.setText(text)
        self.check_button.setEnabled(self._preview is not None and not missing and not shared)

    def _on_check_clicked(self) -> None:
        if self._preview is not None and self.check_button.isEnabled():
            self.mapped.emit(self.fields.mapping())

    def _on_cancel_clicked(self) -> None:
        self.closed.emit()
