"""What a mode may ask of the window it lives in: the small ``ModeHost`` protocol."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from kiosk.services.app import Services


class HostEvents(QObject):
    """Signals every screen may listen to; all are emitted on the GUI thread.

    ``changed(Change)``: data changed (on this PC); screens showing it refresh.
    ``services_ready(Services)`` / ``services_failed(str)``: the database opened or not.
    ``went_home()``: the start screen is showing again (signed-in roles sign out).
    ``connection(bool)``: the database server answers again (True) or went away (False).
    """

    changed = Signal(object)
    went_home = Signal()
    services_ready = Signal(object)
    services_failed = Signal(str)
    connection = Signal(bool)


class ModeHost(Protocol):
    """The shell as seen from a mode package (no mode imports the shell module).

    The language is not here: ``kiosk.i18n`` holds it and the shell calls every
    screen's ``retranslate()`` when it changes (``kiosk.ui.language``).
    """

    events: HostEvents

    def add_screen(self, name: str, widget: QWidget) -> None: ...

    def has_screen(self, name: str) -> bool: ...

    def screen_widget(self, name: str) -> QWidget: ...

    def show_screen(self, name: str) -> None: ...

    def current_screen_name(self) -> str: ...

    def go_home(self) -> None: ...

    def services(self) -> Services | None: ...

    def load_error(self) -> str: ...

    def when_services(
        self, ready: Callable[[Services], None], failed: Callable[[str], None]
    ) -> None: ...

    def open_when_ready(self, open_mode: Callable[[], None]) -> None:
        """Run *open_mode* now if the data is open; else show "Loading stores…" (or why
        the database cannot open) and run it once open, if that screen still shows."""
        ...


def ready_services(host: ModeHost) -> Services:
    """The host's open ``Services``; a mode is built only after they are (``open_when_ready``)."""
    services = host.services()
    if services is None:
        raise RuntimeError("a mode is built once the database is open (open_when_ready)")
    return services
