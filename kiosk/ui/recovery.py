"""At start: the daily backup in the background, and the offer to restore the latest good
backup when the database fails its check (``Services.open_checked``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from kiosk.i18n import _
from kiosk.ui import ops

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from kiosk.services.app import Services

#: Asks the person at the PC a yes/no question (title, text); a test passes its own answer.
Ask = Callable[["QWidget", str, str], bool]


def ask_with_dialog(parent: QWidget, title: str, text: str) -> bool:
    from PySide6.QtWidgets import QMessageBox

    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    answer = QMessageBox.question(parent, title, text, buttons, QMessageBox.StandardButton.Yes)
    return answer == QMessageBox.StandardButton.Yes


def start_daily_backup(owner: QWidget, services: Services) -> None:
    """The automatic backup when the newest is over a day old; a failure is only logged."""

    def failed(exc: Exception) -> None:
        from kiosk.services.values import write_error_log

        write_error_log(exc, context="daily backup")

    ops.run_op(owner, services.backups.daily_backup, on_done=lambda _result: None, on_error=failed,
               name="daily-backup")  # fmt: skip


def offer_restore(
    owner: QWidget,
    exc: Exception,
    database_url: str | None,
    *,
    on_done: Callable[[Services], None],
    on_error: Callable[[Exception], None],
    ask: Ask | None = None,
) -> bool:
    """If *exc* says the database is damaged and a good backup exists, ask to restore it.

    Returns True when the restore was started (its result goes to *on_done* /
    *on_error*); False to report *exc* as usual.
    """
    from kiosk.services.values import DamagedDatabase

    if not isinstance(exc, DamagedDatabase) or exc.backup is None:
        return False
    backup = exc.backup.path
    question = "\n\n".join(
        [str(exc), _("Restore this backup now? The damaged file is kept beside it.")]
    )
    if not (ask or ask_with_dialog)(owner, _("The database is damaged"), question):
        return False

    def work() -> Services:
        from kiosk.services.app import Services

        return Services.recover_from_backup(database_url, backup=backup)

    ops.run_op(owner, work, on_done=on_done, on_error=on_error, name="recover")
    return True
