"""Stamps that tell a reader whether data it holds is still current."""

from __future__ import annotations

import uuid


def new_search_stamp() -> str:
    """A fresh random stamp (32 hex digits): equal stamps mean the same search data."""
    return uuid.uuid4().hex
