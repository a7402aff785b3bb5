"""The host's one attract loop screen, built on first use and refreshed by change events."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from kiosk.ui.host import ready_services
from kiosk.ui.signage.loop_screen import SCREEN, AttractLoop

if TYPE_CHECKING:
    from kiosk.ui.host import ModeHost

_loops: weakref.WeakKeyDictionary[QObject, AttractLoop] = weakref.WeakKeyDictionary()


def signage_loop(host: ModeHost) -> AttractLoop:
    """The host's attract loop (added as screen ``SCREEN``), once the data is open."""
    loop = _loops.get(host.events)
    if loop is None:
        loop = AttractLoop(ready_services(host))
        host.add_screen(SCREEN, loop)
        host.events.changed.connect(loop.refresh_for)
        _loops[host.events] = loop
    return loop
