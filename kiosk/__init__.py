"""Market Kiosk: onboarding, QR codes and a tourist display for traditional-market stalls."""

__version__ = "0.1.0"
