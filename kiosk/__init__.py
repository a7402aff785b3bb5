"""Market Kiosk: onboarding, QR codes and a tourist display for traditional-market stalls."""

from kiosk.deferred_imports import defer_unused_imports

__version__ = "0.1.0"

defer_unused_imports()
