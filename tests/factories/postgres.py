"""Scratch PostgreSQL databases for tests and benchmarks: made on a superuser URL, dropped after."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager


def sqlalchemy_url(url: str) -> str:
    """*url* (``postgresql://`` or ``postgresql+psycopg://``) with the app's driver, psycopg 3."""
    from sqlalchemy import make_url

    return make_url(url).set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


def libpq_url(url: str) -> str:
    """*url* as libpq and ``psycopg.connect`` read it (``postgresql://``, no driver name)."""
    from sqlalchemy import make_url

    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@contextmanager
def scratch_database(admin_url: str, prefix: str = "kiosk_test") -> Iterator[str]:
    """A new, empty database on *admin_url*'s server, as a SQLAlchemy URL (psycopg 3);
    dropped afterwards even while connections to it are open (``WITH (FORCE)``)."""
    from sqlalchemy import create_engine, make_url
    from sqlalchemy.pool import NullPool

    base = make_url(sqlalchemy_url(admin_url))
    name = f"{prefix}_{uuid.uuid4().hex[:16]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()
