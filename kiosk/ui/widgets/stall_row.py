"""This PC's stall on the start screen: "물결 수제어묵 (A-3)", its store and stand in a tap."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from kiosk.domain.listing import StoreDetail
from kiosk.domain.locales import LocaleCode
from kiosk.i18n import _, current_locale
from kiosk.ui import theme

if TYPE_CHECKING:
    from kiosk.services.app import Services
    from kiosk.ui.shell import Shell


def stall_text(store: StoreDetail, locale: LocaleCode) -> str:
    """The stall as its merchant says it: "물결 수제어묵 (A-3)"."""
    return f"{store.name.get(locale)} ({store.stall_number})"


class StallRow(QWidget):
    """Hidden until ``set_store``; ``task_chosen(task, store_id, market_slug)`` on a tap.

    task is "" (my store: the goods) or "stands" (print the stand). Either asks the
    store's PIN first, once per visit.
    """

    task_chosen = Signal(str, int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("this-pc-stall")
        self.setStyleSheet(theme.stylesheet("merchant"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(theme.GRID * 2)
        self.caption = QLabel()
        self.caption.setProperty("role", "muted")
        self.store_button = QPushButton()
        self.store_button.setObjectName("this-pc-stall-store")
        self.store_button.setProperty("kind", "choice-large")
        self.store_button.setMinimumHeight(theme.TOUCH_MERCHANT)
        self.stands_button = QPushButton()
        self.stands_button.setObjectName("this-pc-stall-stands")
        self.stands_button.setProperty("kind", "primary")
        self.stands_button.setMinimumHeight(theme.TOUCH_MERCHANT)
        self.store_button.clicked.connect(lambda: self._on_tap(""))
        self.stands_button.clicked.connect(lambda: self._on_tap("stands"))
        row.addWidget(self.caption)
        row.addWidget(self.store_button, 1)
        row.addWidget(self.stands_button)
        self._store: StoreDetail | None = None
        self.hide()
        self.retranslate()

    def set_store(self, store: StoreDetail | None) -> None:
        """Show *store* as this PC's stall (None hides the row)."""
        self._store = store
        self.retranslate()
        self.setVisible(store is not None)

    def store(self) -> StoreDetail | None:
        return self._store

    def retranslate(self) -> None:
        self.caption.setText(_("This PC's stall:"))
        store = self._store
        self.store_button.setText(stall_text(store, current_locale()) if store else "")
        self.stands_button.setText(_("Print the stand"))

    def _on_tap(self, task: str) -> None:
        if self._store is not None:
            self.task_chosen.emit(task, self._store.id, self._store.market_slug)


def show_this_pc_stall(shell: Shell, services: Services) -> None:
    """Read this PC's stall in the background and show it on *shell*'s start screen."""
    from kiosk.ui import ops

    def show(store: StoreDetail | None) -> None:
        if shell.stall_row is None:
            if store is None:
                return
            shell.stall_row = StallRow()
            shell.stall_row.task_chosen.connect(
                lambda task, store_id, slug: open_stall_task(shell, task, store_id, slug)
            )
            shell.start_screen.add_row(shell.stall_row)
        shell.stall_row.set_store(store)

    ops.run_op(
        shell,
        services.directory.this_pc_store,
        on_done=show,
        on_error=lambda _exc: None,
        name="this-pc-stall",
    )


def open_stall_task(shell: Shell, task: str, store_id: int, market_slug: str) -> None:
    """The merchant mode's *task* for this PC's stall (its PIN first, once per visit)."""
    from kiosk.ui.modes import available_modes

    for mode in available_modes():
        if mode.key == "merchant":
            mode.open_task(shell, task=task, store_id=store_id, market_slug=market_slug)
            return
