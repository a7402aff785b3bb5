"""Persistence: SQLAlchemy 2 models, sessions, repositories, migrations and demo data (no Qt)."""

from kiosk.deferred_imports import defer_unused_imports

defer_unused_imports()  # before SQLAlchemy is imported (kiosk.deferred_imports)
