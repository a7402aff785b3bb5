"""Merchant mode: one store's KakaoTalk and Zero Pay QR codes, checked, saved and printed."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.ui.host import ModeHost


def open_mode(host: ModeHost) -> None:
    """Show the merchant QR screen (the start screen's "My store's QR codes")."""
    from kiosk.ui.merchant.qr_screen import open_merchant_qr

    open_merchant_qr(host)
