"""Moved to kiosk.ui.widgets.store_picker (kept until the QR screen imports it from there)."""

from kiosk.ui.widgets.store_picker import StorePicker, store_label

__all__ = ["StorePicker", "store_label"]
