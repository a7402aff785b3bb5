"""Registry of the modes the start screen offers; each mode adds itself, nothing is a dummy."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.ui.main_window import MainWindow


class Mode:
    """One big button on the start screen.

    ``title``/``subtitle`` are English source strings marked with ``N_()``;
    the start screen translates them. ``open`` receives the main window and
    shows the mode's first screen (``window.add_screen`` / ``window.show_screen``).
    Lower ``order`` comes first. (A plain class, not a dataclass: this module is
    imported before the first frame and ``dataclasses`` costs ~3 ms.)
    """

    __slots__ = ("key", "open", "order", "subtitle", "title")

    def __init__(
        self,
        *,
        key: str,
        title: str,
        subtitle: str,
        open: Callable[[MainWindow], None],
        order: int = 100,
    ) -> None:
        if not key or not title:
            raise ValueError("a mode needs a key and a title")
        self.key = key
        self.title = title
        self.subtitle = subtitle
        self.open = open
        self.order = order

    def __repr__(self) -> str:
        return f"Mode(key={self.key!r}, title={self.title!r}, order={self.order})"


_modes: dict[str, Mode] = {}


def register_mode(mode: Mode) -> None:
    """Add *mode* (or replace the one with the same key) to the start screen."""
    _modes[mode.key] = mode


def unregister_mode(key: str) -> None:
    _modes.pop(key, None)


def available_modes() -> list[Mode]:
    """Registered modes in display order."""
    return sorted(_modes.values(), key=lambda mode: (mode.order, mode.key))
