"""The first-run set-up's steps for the tour: shown on the tour's database, nothing written."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from kiosk.services.app import Services
from kiosk.ui.setup.screen import SCREEN, SetupScreen
from kiosk.ui.setup.words import problem_words
from kiosk.ui.shell import Shell

#: What a settings file that cannot be read looks like on the first step.
BAD_FILE = "C:\\Users\\market\\AppData\\Roaming\\MarketKiosk\\settings.toml, line 3, column 9: "
BAD_FILE += "Invalid value"


def setup_screen(window: Shell) -> SetupScreen:
    """The set-up screen on *window* (added the first time)."""
    if not window.has_screen(SCREEN):
        window.add_screen(SCREEN, SetupScreen())
    screen = window.screen_widget(SCREEN)
    assert isinstance(screen, SetupScreen)
    return screen


def walk_setup(window: Shell, services: Services, settle: Callable[[], None]) -> Iterator[str]:
    """Step 1 (alone, the server with a failed test, a bad settings file), 2 and 3: shows
    each and yields its name."""
    screen = setup_screen(window)
    screen.preview(services, 0)
    screen.where.alone.setChecked(True)
    window.show_screen(SCREEN)
    settle()
    yield "alone"
    screen.where.server.setChecked(True)
    fields = {"host": "192.168.0.10", "database": "market", "user": "kiosk", "password": "*" * 8}
    for name, text in fields.items():
        screen.where.fields[name].setText(text)
    screen.where.show_result(problem_words("unreachable"))
    settle()
    yield "server"
    screen.where.alone.setChecked(True)
    screen.where.show_result("")
    screen.where.show_file_problem(BAD_FILE)
    settle()
    yield "bad-file"
    screen.where.show_file_problem("")
    screen.preview(services, 1)
    screen.role_step.buttons["stall"].setChecked(True)
    settle()
    yield "role"
    screen.preview(services, 2)
    settle()
    yield "manager"
    screen.preview(services, 0)
