"""Onboarding mode: a merchant's digital checklist, one step at a time, after the store PIN."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.ui.host import ModeHost


def open_mode(host: ModeHost) -> None:
    """Show the store choice and PIN (or the checklist, while still signed in)."""
    from kiosk.ui.onboarding.flow import onboarding_flow

    host.open_when_ready(lambda: onboarding_flow(host).open())
