"""Errors the services raise, re-exported so the UI need not reach into kiosk.data."""

from __future__ import annotations

from kiosk.data.errors import (
    DatabaseOpenError,
    NotFoundError,
    SchemaTooNewError,
    StaleVersionError,
)

__all__ = ["DatabaseOpenError", "NotFoundError", "SchemaTooNewError", "StaleVersionError"]
