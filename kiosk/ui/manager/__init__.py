"""Manager mode: sign in, then every store's listing, the markets and the audit log."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.ui.host import ModeHost


def open_mode(host: ModeHost) -> None:
    """Show the manager sign-in (or the stores, while still signed in)."""
    from kiosk.ui.manager.flow import manager_flow

    host.open_when_ready(lambda: manager_flow(host).open())
