"""Merchant mode: sign in with the store PIN, then prices, sold-out goods and the QR codes."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.ui.host import ModeHost


def open_mode(host: ModeHost) -> None:
    """Show the merchant sign-in (the start screen's "My store")."""
    from kiosk.ui.merchant.flow import merchant_flow

    host.open_when_ready(lambda: merchant_flow(host).open())


def open_task(host: ModeHost, *, task: str, store_id: int, market_slug: str) -> None:
    """This PC's stall (the start screen's row): its PIN, then *task* ("stands" or "")."""
    from kiosk.ui.merchant.flow import merchant_flow

    host.open_when_ready(lambda: merchant_flow(host).open_for(store_id, market_slug, task))
