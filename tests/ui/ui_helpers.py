"""Helpers for UI tests: a store's codes verified the way the tourist flow does it."""

from __future__ import annotations

from kiosk.domain.listing import StoreDetail
from kiosk.services.store_codes import StoreCodes, verified_store_codes
from kiosk.ui.tourist.store_detail import QR_SIDES


def codes_of(store: StoreDetail) -> StoreCodes:
    """What ``TouristFlow.open_store`` hands the store page (verified at both sizes)."""
    return verified_store_codes(store, sides=QR_SIDES)
