"""Persistence: SQLAlchemy 2 models, sessions, repositories, migrations and demo data (no Qt)."""
