"""Registry of the modes the start screen offers; each names the package that opens it."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.ui.host import ModeHost


class Mode:
    """One big button on the start screen, and the one lazy import behind it.

    ``title``/``subtitle`` are English source strings marked with ``N_()``; the
    start screen translates them. ``package`` is a module with
    ``open_mode(host: ModeHost)``; it is imported when the button is first
    pressed, so start-up cost does not grow with the number of modes. Lower
    ``order`` comes first. (A plain class: ``dataclasses`` costs ~3 ms at start.)
    """

    __slots__ = ("key", "order", "package", "subtitle", "title")

    def __init__(
        self, *, key: str, title: str, subtitle: str, package: str, order: int = 100
    ) -> None:
        if not key or not title or not package:
            raise ValueError("a mode needs a key, a title and a package")
        self.key = key
        self.title = title
        self.subtitle = subtitle
        self.package = package
        self.order = order

    def open(self, host: ModeHost) -> None:
        """Import the mode's package (first time only) and show its first screen."""
        module = importlib.import_module(self.package)
        module.open_mode(host)

    def open_task(self, host: ModeHost, **task: object) -> bool:
        """Open a task of the mode (``open_task(host, **task)`` in its package); False when
        the package has none."""
        module = importlib.import_module(self.package)
        opener = getattr(module, "open_task", None)
        if opener is None:
            return False
        opener(host, **task)
        return True

    def __repr__(self) -> str:
        return f"Mode(key={self.key!r}, package={self.package!r}, order={self.order})"


_modes: dict[str, Mode] = {}


def register_mode(mode: Mode) -> None:
    """Add *mode* (or replace the one with the same key) to the start screen."""
    _modes[mode.key] = mode


def unregister_mode(key: str) -> None:
    _modes.pop(key, None)


def available_modes() -> list[Mode]:
    """Registered modes in display order."""
    return sorted(_modes.values(), key=lambda mode: (mode.order, mode.key))
