"""The first-run set-up: shown instead of the app on a PC without settings (or unreadable ones)."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from kiosk import settings, settings_file

if TYPE_CHECKING:
    from kiosk.ui.shell import Shell

#: The mode each role opens in once set up (``kiosk.app.register_modes``).
ROLE_MODES = {"kiosk": "tourist", "stall": "merchant", "office": "manager"}


def setup_needed(database_url: str | None = None) -> tuple[bool, str]:
    """(show the set-up, what is wrong with the settings file): no database given, no
    ``KIOSK_DATABASE_URL``, and no settings file or one that cannot be used."""
    if database_url or os.environ.get(settings.DATABASE_URL_ENV, "").strip():
        return False, ""
    if os.environ.get(settings.SKIP_SETUP_ENV, "").strip() == "1":
        return False, ""
    problems = settings.current().file_problems
    if problems:
        return True, "\n".join(problems)
    return not settings_file.settings_path().exists(), ""


def open_setup_if_needed(
    shell: Shell,
    database_url: str | None = None,
    *,
    lock_kiosk: Callable[[], None] | None = None,
) -> bool:
    """Show the set-up on *shell* when :func:`setup_needed`; True when it shows.

    Once finished, the shell opens this PC's database as now written and the mode of its
    role; a PC set up as a tourist screen calls *lock_kiosk* (kiosk mode) instead.
    """
    needed, problem = setup_needed(database_url)
    if not needed:
        return False
    from kiosk.ui.setup.screen import SCREEN, SetupScreen

    screen = SetupScreen(problem)
    shell.add_screen(SCREEN, screen)
    screen.finished.connect(lambda role: _open_role(shell, role, lock_kiosk))
    shell.show_screen(SCREEN)
    return True


def _open_role(shell: Shell, role: str, lock_kiosk: Callable[[], None] | None = None) -> None:
    from kiosk.ui.modes import available_modes

    shell.start_loading(None, seed_demo=False)  # the set-up added the examples if chosen
    if role == "kiosk" and lock_kiosk is not None:
        lock_kiosk()
        return
    key = ROLE_MODES.get(role, "tourist")
    for mode in available_modes():
        if mode.key == key:
            mode.open(shell)
            return
    shell.go_home()
