"""Tourist mode: the store directory and store pages, read-only, in five languages."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.ui.host import ModeHost


def open_mode(host: ModeHost) -> None:
    """Show the store directory (the start screen's "Explore the market")."""
    from kiosk.ui.tourist.flow import tourist_flow

    host.open_when_ready(lambda: tourist_flow(host).open_directory())
