"""The bar on top of every manager screen: back to start, the page title, pages, sign out."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

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
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(theme.GRID * 2)
        self.back_button = BackButton(lambda: self._leave(self.back_requested.emit))
        # A long store name is elided, so the page buttons always keep their room.
        self.title = ElidedLabel("", "heading")
        row.addWidget(self.back_button)
        row.addWidget(self.title, 1)
        row.addStretch(0)  # takes the room when the title steps aside (_fit_title)
        self.page_buttons: dict[str, QPushButton] = {}
        pages = QHBoxLayout()
        pages.setSpacing(theme.GRID)  # six pages and sign-out fit 1366 px in every language
        for key in PAGES:
            button = QPushButton()
            button.setProperty("kind", "choice")
            button.setCheckable(True)
            button.setChecked(key == current)
            button.clicked.connect(lambda _checked=False, k=key: self._on_page(k))
            pages.addWidget(button)
            self.page_buttons[key] = button
        row.addLayout(pages)
        self.sign_out_button = QPushButton()
        self.sign_out_button.setObjectName("sign-out")
        self.sign_out_button.clicked.connect(lambda: self._leave(self.sign_out_requested.emit))
        row.addSpacing(theme.GRID * 2)
        row.addWidget(self.sign_out_button)
        self.retranslate()

    def set_title(self, text: str) -> None:
        self.title.setText(text)
        self._fit_title()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_title()

    def _fit_title(self) -> None:
        """Show the page title only when it fits whole (the checked page button names the
        page too), so a narrow screen never shows a title cut to "E…"."""
        pages = list(self.page_buttons.values())
        others = [self.back_button, *pages, self.sign_out_button]
        # Six gaps of two grid steps around the title, the pages and sign-out; one between pages.
        gaps = theme.GRID * 2 * 6 + theme.GRID * (len(pages) - 1)
        used = sum(w.sizeHint().width() for w in others) + gaps
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
        self._fit_title()

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
