"""Helpers for the onboarding tests: find a demo stall, sign its merchant in."""

from __future__ import annotations

from kiosk.domain.access import Actor, Secret
from kiosk.services.app import Services

PIN = "582046"


def store_at(services: Services, market: str, stall: str) -> int:
    found = [
        s.id for s in services.directory.list_stores(market_slug=market) if s.stall_number == stall
    ]
    assert found, f"no stall {stall} in {market}"
    return found[0]


def merchant(services: Services, store_id: int) -> Actor:
    """The merchant of *store_id*, signed in with a PIN the console set."""
    services.access.set_store_pin(
        actor=services.access.console_actor(), store_id=store_id, pin=Secret(PIN)
    )
    return services.access.sign_in_merchant(store_id=store_id, pin=Secret(PIN))


def demo_payload(name: str = "DEMO SHOP", city: str = "BUSAN") -> str:
    """A DEMO EMVCo payload shaped like a static merchant QR (never payable)."""
    from kiosk.domain.qr.emvco import build_payload

    return build_payload(
        [
            ("00", "01"),
            ("01", "11"),
            ("26", "0010A000000677" + "0108DEMO0002"),
            ("52", "5422"),
            ("53", "410"),
            ("58", "KR"),
            ("59", name),
            ("60", city),
        ]
    )
