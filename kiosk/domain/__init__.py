"""Pure-Python rules: locales, listings, QR payloads, formatting (no Qt, no SQLAlchemy)."""
