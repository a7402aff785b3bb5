"""안내판 인쇄: the stand as it will print, its size and copies, then Print (or save as a file)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Collection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.messages import N_
from kiosk.i18n import _, current_locale
from kiosk.ui import ops, theme
from kiosk.ui.widgets.back_button import BackButton
from kiosk.ui.widgets.stand_job import Progress, StandJob
from kiosk.ui.widgets.stand_words import plain_error

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent
    from PySide6.QtPrintSupport import QPrinter

    from kiosk.services.app import Services
    from kiosk.services.values import StandSet
    from kiosk.ui.host import ModeHost

SCREEN = "stand-print"
SIZES: tuple[tuple[str, str], ...] = (
    ("a6", N_("A6 card (counter)")),
    ("a5", N_("A5")),
    ("a4", N_("A4 poster")),
)
MAX_COPIES = 20


def ask_print_dialog(printer: QPrinter, parent: QWidget) -> bool:
    """The system print dialog for *printer*; True when the merchant pressed Print there.

    Tests replace this function to count taps up to the dialog.
    """
    from PySide6.QtPrintSupport import QPrintDialog

    dialog = QPrintDialog(printer, parent)
    return dialog.exec() == QPrintDialog.DialogCode.Accepted


def ask_save_path(parent: QWidget, suggested: str) -> Path | None:
    """Where to save the stands (Qt's own dialog, so signing out can close it)."""
    from PySide6.QtWidgets import QFileDialog

    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        _("Save the stand as a file"),
        str(Path.home() / suggested),
        _("Printable file") + " (*.pdf)",
        options=QFileDialog.Option.DontUseNativeDialog,
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")


def stand_screen(host: ModeHost, services: Services) -> StandPrintScreen:
    """The host's stand print screen, added on first use."""
    if not host.has_screen(SCREEN):
        host.add_screen(SCREEN, StandPrintScreen(services))
    screen = host.screen_widget(SCREEN)
    assert isinstance(screen, StandPrintScreen)
    return screen


class StandPrintScreen(QWidget):
    """One task: print the stands of one store (merchant) or of many (manager).

    ``open_stands`` loads and verifies the stands in the background; the preview
    shows the first one at the chosen size. Print opens the system print dialog
    (``ask_print_dialog``) and prints in the background with a progress bar and
    Stop; "Save as a file" writes a checked file atomically. Every fault ends in
    one plain sentence in the status line. Printing and saving run in a child
    process (``in_child``; kiosk.ui.widgets.stand_child), else in a worker thread.
    """

    #: Print and save in a child process (the screen never waits on Qt's PDF engine); a
    #: frozen build has no ``python -m`` to start one, so it uses a worker thread.
    in_child = not getattr(sys, "frozen", False)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(SCREEN)
        self.setStyleSheet(theme.stylesheet("merchant"))
        self._services = services
        self._stands: StandSet | None = None
        self._back: Callable[[], None] = lambda: None
        self._size = "a6"
        self._copies = 1
        self._slot = ops.OpSlot(self)
        self._status: tuple[str, str] = ("", "")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(theme.GRID * 5, theme.GRID * 2, theme.GRID * 5, theme.GRID * 2)
        outer.setSpacing(theme.GRID * 2)
        top = QHBoxLayout()
        self.back_button = BackButton(self._on_back)
        self.title = QLabel()
        self.title.setProperty("role", "heading")
        top.addWidget(self.back_button)
        top.addWidget(self.title, 1)
        outer.addLayout(top)
        body = QHBoxLayout()
        body.setSpacing(theme.GRID * 4)
        self.preview = QLabel()
        self.preview.setObjectName("stand-preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.preview.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        body.addWidget(self.preview, 2)
        body.addLayout(self._build_choices(), 3)
        outer.addLayout(body, 1)
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(30)
        self._redraw.timeout.connect(self._draw_preview)
        self.retranslate()

    def _build_choices(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(theme.GRID * 2)
        self.what = QLabel()
        self.what.setObjectName("stand-what")
        self.what.setProperty("role", "value")
        self.what.setWordWrap(True)
        self.size_label, self.copies_label = QLabel(), QLabel()
        self.size_group = QButtonGroup(self)
        sizes = QHBoxLayout()
        self.size_buttons: dict[str, QPushButton] = {}
        for key, _label in SIZES:
            button = QPushButton()
            button.setObjectName(f"stand-size-{key}")
            button.setProperty("kind", "choice")
            button.setCheckable(True)
            button.setChecked(key == self._size)
            button.clicked.connect(lambda _c=False, k=key: self.set_size(k))
            self.size_group.addButton(button)
            self.size_buttons[key] = button
            sizes.addWidget(button)
        copies = QHBoxLayout()
        self.fewer, self.more = QPushButton("−"), QPushButton("+")
        self.count = QLabel()
        self.count.setObjectName("stand-copies")
        self.count.setProperty("role", "value")
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count.setMinimumWidth(theme.GRID * 12)
        self.fewer.clicked.connect(lambda: self.set_copies(self._copies - 1))
        self.more.clicked.connect(lambda: self.set_copies(self._copies + 1))
        for widget in (self.fewer, self.count, self.more):
            copies.addWidget(widget)
        copies.addStretch(1)
        self.print_button = QPushButton()
        self.print_button.setObjectName("stand-print-button")
        self.print_button.setProperty("kind", "primary")
        self.print_button.clicked.connect(self._on_print)
        self.save_button = QPushButton()
        self.save_button.setObjectName("stand-save-button")
        self.save_button.clicked.connect(self._on_save)
        actions = QHBoxLayout()
        actions.addWidget(self.print_button, 2)
        actions.addWidget(self.save_button, 1)
        self.status = QLabel()
        self.status.setObjectName("stand-status")
        self.status.setProperty("role", "lead")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.job = StandJob(self)
        self.job.running_changed.connect(self._on_running)
        for role, label in (("field", self.size_label), ("field", self.copies_label)):
            label.setProperty("role", role)
        for item in (self.what, self.size_label, sizes, self.copies_label, copies):
            if isinstance(item, QWidget):
                column.addWidget(item)
            else:
                column.addLayout(item)
        column.addStretch(1)
        column.addLayout(actions)
        column.addWidget(self.job.bar)
        column.addWidget(self.status)
        return column

    # Data -----------------------------------------------------------------------------------
    def open_stands(
        self,
        *,
        market_slug: str,
        store_ids: Collection[int] | None,
        back: Callable[[], None],
    ) -> None:
        """Load (and verify) the stands of *store_ids* (None: the whole market) and show them."""
        services = self._services
        self._back = back
        self._stands = None
        self.preview.clear()
        self.what.setText("")
        self._set_status(_("Preparing the stand…"), "")
        self._update_buttons()

        def work() -> StandSet:
            return services.codes.stands(market_slug=market_slug, store_ids=store_ids)

        self._slot.run(work, on_done=self._on_loaded, on_error=self._on_failed, name="stands")

    def stands(self) -> StandSet | None:
        return self._stands

    def set_size(self, size: str) -> None:
        self._size = size
        self.size_buttons[size].setChecked(True)
        self._redraw.start()

    def paper_size(self) -> str:
        return self._size

    def set_copies(self, copies: int) -> None:
        self._copies = max(1, min(MAX_COPIES, copies))
        self.count.setText(str(self._copies))
        self.fewer.setEnabled(self._copies > 1)
        self.more.setEnabled(self._copies < MAX_COPIES)

    def status_text(self) -> str:
        return self.status.text()

    def retranslate(self) -> None:
        self.back_button.setText("‹  " + _("Back"))
        self.title.setText(_("Print the stand"))
        self.size_label.setText(_("Size"))
        self.copies_label.setText(_("How many of each"))
        for key, label in SIZES:
            self.size_buttons[key].setText(_(label))
        self.print_button.setText(_("Print"))
        self.save_button.setText(_("Save as a file"))
        self.fewer.setAccessibleName(_("Fewer"))
        self.more.setAccessibleName(_("More"))
        self.job.retranslate()
        self.set_copies(self._copies)
        self._show_what()

    # Printing and saving ------------------------------------------------------------------
    def print_stands(self) -> None:
        """Print: the system dialog, then the stands in the background."""
        from kiosk.ui.widgets import stand_paper

        stands = self._stands
        if stands is None or self.job.is_running():
            return
        if not stand_paper.has_printer():
            self._set_status(str(stand_paper.no_printer_error()), "error")
            return
        printer = stand_paper.new_printer(size=self._size, copies=self._copies)  # type: ignore[arg-type]
        if not ask_print_dialog(printer, self):
            self._set_status(_("Printing was cancelled. Nothing was printed."), "")
            return
        self._set_status(_("Printing…"), "")
        if self.in_child:
            from kiosk.ui.widgets.stand_child import for_stands

            settings = stand_paper.printer_settings(printer)
            job = for_stands(
                "print",
                stands,
                size=self._size,
                copies=1,
                locale=current_locale(),
                printer=settings,
            )
            self.job.start_child(job, on_done=self._on_printed, on_error=self._on_failed)
            return

        def work(progress: Progress) -> int:
            return stand_paper.print_on(printer, stands, progress)

        self.job.start(work, on_done=self._on_printed, on_error=self._on_failed)

    def save_stands(self, path: Path | None = None) -> None:
        """Save as a checked file at *path* (asked when None); written whole or not at all."""
        from kiosk.services.app import Codes

        stands = self._stands
        if stands is None or self.job.is_running():
            return
        if path is None:
            path = ask_save_path(self, _suggested_name(stands))
            if path is None:
                return
        size, copies = self._size, self._copies
        self._set_status(_("Saving…"), "")
        if self.in_child:
            from kiosk.ui.widgets.stand_child import for_stands

            job = for_stands(
                "save", stands, size=size, copies=copies, locale=current_locale(), out=path
            )
            self.job.start_child(job, on_done=self._on_saved, on_error=self._on_failed)
            return

        def work(progress: Progress) -> Any:
            return Codes.write_stands(stands, path, size=size, copies=copies, progress=progress)  # type: ignore[arg-type]

        self.job.start(work, on_done=self._on_saved, on_error=self._on_failed)

    # Internals ------------------------------------------------------------------------------
    def _set_status(self, text: str, kind: str) -> None:
        self._status = (kind, text)
        self.status.setText(("⚠ " if kind == "error" else "✓ " if kind == "ok" else "") + text)

    def _show_what(self) -> None:
        stands = self._stands
        if stands is None:
            return
        if len(stands.pages) == 1:
            store = stands.pages[0].store
            self.what.setText(f"{store.name.get(current_locale())} ({store.stall_number})")
        else:
            self.what.setText(_("{count} stores").format(count=len(stands.pages)))

    def _update_buttons(self) -> None:
        ready = self._stands is not None and not self.job.is_running()
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)
        for button in self.size_buttons.values():
            button.setEnabled(not self.job.is_running())

    def _draw_preview(self) -> None:
        from kiosk.ui.widgets import stand_paper

        stands = self._stands
        height = self.preview.height()
        if stands is None or height < theme.GRID * 10:
            return
        width = min(self.preview.width(), round(height * 105 / 148))
        pixmap = stand_paper.preview(stands, 0, size=self._size, width_px=width)  # type: ignore[arg-type]
        self.preview.setPixmap(pixmap)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._redraw.start()

    # Handlers ---------------------------------------------------------------------------------
    def _on_back(self) -> None:
        if self.job.is_running():
            self.job.stop()
        self._back()

    def _on_loaded(self, stands: StandSet) -> None:
        self._stands = stands
        self._set_status("", "")
        self._show_what()
        self._update_buttons()
        self._draw_preview()

    def _on_running(self, _running: bool) -> None:
        self._update_buttons()

    def _on_printed(self, sheets: int) -> None:
        self._set_status(_("Sent to the printer: {count} sheets.").format(count=sheets), "ok")

    def _on_saved(self, result: object) -> None:
        path = getattr(result, "path", None)
        name = path.name if isinstance(path, Path) else str(result)
        self._set_status(_("Saved: {name}").format(name=name), "ok")

    def _on_failed(self, exc: Exception) -> None:
        self._set_status(plain_error(exc), "error")
        self.status.setToolTip(str(exc))

    def _on_print(self) -> None:
        self.print_stands()

    def _on_save(self) -> None:
        self.save_stands()


def _suggested_name(stands: StandSet) -> str:
    if len(stands.pages) == 1:
        store = stands.pages[0].store
        return f"{store.stall_number} {store.name.get('ko')}.pdf".strip()
    return f"{stands.market_name.get('ko')}.pdf"
