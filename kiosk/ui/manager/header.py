"""The bar on top of every manager screen: back to start, the page title, pages, sign out."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.i18n import _
from kiosk.ui import theme
from kiosk.ui.widgets.back_button import BackButton
from kiosk.ui.widgets.elided_label import ElidedLabel

#: Page keys in the order of their buttons.
PAGES: tuple[str, ...] = ("stores", "markets", "promotions", "progress", "audit", "exchange")


class ManagerHeader(QWidget):
    """``page_chosen(key)`` for Stores, Markets, Promotions, Onboarding, Audit log and
    Import-Export-Backup; ``sign_out_requested``.

    A page with a change not saved sets ``leave_guard``: every way out (back, a
    page, sign out) goes through it, and it calls the way out once settled.
    """

    page_chosen = Signal(str)
    sign_out_requested = Signal()
    back_requested = Signal()

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._current = current
        self.leave_guard: Callable[[Callable[[], None]], None] | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.GRID)
        self._top = QHBoxLayout()
        self._top.setSpacing(theme.GRID * 2)
        self._below = QHBoxLayout()  # the pages, when one row is too narrow (portrait)
        column.addLayout(self._top)
        column.addLayout(self._below)
        self.back_button = BackButton(lambda: self._leave(self.back_requested.emit))
        # A long store name is elided, so the page buttons always keep their room.
        self.title = ElidedLabel("", "heading")
        self._top.addWidget(self.back_button)
        self._top.addWidget(self.title, 1)
        self._top.addStretch(0)  # takes the room when the title steps aside (_arrange)
        self.page_buttons: dict[str, QPushButton] = {}
        self._pages = QWidget()
        pages = QHBoxLayout(self._pages)
        pages.setContentsMargins(0, 0, 0, 0)
        pages.setSpacing(theme.GRID)  # six pages and sign-out fit 1366 px in every language
        for key in PAGES:
            button = QPushButton()
            button.setProperty("kind", "choice")
            button.setCheckable(True)
            button.setChecked(key == current)
            button.clicked.connect(lambda _checked=False, k=key: self._on_page(k))
            pages.addWidget(button)
            self.page_buttons[key] = button
        self._top.addWidget(self._pages)
        self.sign_out_button = QPushButton()
        self.sign_out_button.setObjectName("sign-out")
        self.sign_out_button.clicked.connect(lambda: self._leave(self.sign_out_requested.emit))
        self._top.addSpacing(theme.GRID * 2)
        self._top.addWidget(self.sign_out_button)
        self._below.addStretch(1)
        self.retranslate()

    def set_title(self, text: str) -> None:
        self.title.setText(text)
        self._arrange()

    def pages_below(self) -> bool:
        """True when the page buttons have a row of their own (a narrow, portrait screen)."""
        return self._below.indexOf(self._pages) >= 0

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def changeEvent(self, event: QEvent) -> None:
        """The language's font came after the words (a new width for every button)."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            QTimer.singleShot(0, self._arrange)  # once the buttons have their new size hints

    def _arrange(self) -> None:
        """One row when back, pages and sign-out fit, else the pages on a row below; the
        title only when it fits whole (the checked page names the page too), never "E…"."""
        ends = self.back_button.sizeHint().width() + self.sign_out_button.sizeHint().width()
        pages = self._pages.sizeHint().width()
        gap = theme.GRID * 2  # between the row's items, and the spacing before sign-out
        below = self.width() < ends + pages + gap * 6
        if below != self.pages_below():
            (self._top if below else self._below).removeWidget(self._pages)
            if below:
                self._below.insertWidget(0, self._pages)
            else:
                self._top.insertWidget(self._top.indexOf(self.sign_out_button) - 1, self._pages)
        used = ends + (gap * 5 if below else gap * 6 + pages)
        need = self.title.fontMetrics().horizontalAdvance(self.title.text()) + theme.GRID
        self.title.setVisible(self.width() - used >= need)

    def retranslate(self) -> None:
        self.back_button.setText("‹  " + _("Start"))
        labels = {
            "stores": _("Stores"),
            "markets": _("Markets"),
            "promotions": _("Promotions"),
            "progress": _("Onboarding"),
            "audit": _("Audit log"),
            "exchange": _("Excel and backup"),
        }
        for key, button in self.page_buttons.items():
            button.setText(labels[key])
        self.sign_out_button.setText(_("Sign out"))
        self._arrange()

    def _on_page(self, key: str) -> None:
        for other, button in self.page_buttons.items():
            button.setChecked(other == self._current)
        if key != self._current:
            self._leave(lambda: self.page_chosen.emit(key))

    def _leave(self, go: Callable[[], None]) -> None:
        guard = self.leave_guard
        if guard is None:
            go()
        else:
            guard(go)
