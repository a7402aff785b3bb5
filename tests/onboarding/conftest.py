"""Onboarding fixtures: a private checklist folder, demo services, a merchant signed in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.data.db import Database
from kiosk.i18n import current_locale, set_locale
from kiosk.services.app import Services


@pytest.fixture(autouse=True)
def english_messages() -> Iterator[None]:
    """Messages render in English here (the app's default language is Korean)."""
    previous = current_locale()
    set_locale("en")
    yield
    set_locale(previous)


@pytest.fixture(autouse=True)
def checklist_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The replacement / last-good / this-PC files go to a folder of the test's own."""
    folder = tmp_path / "checklists"
    folder.mkdir()
    monkeypatch.setenv("KIOSK_CHECKLIST_DIR", str(folder))
    return folder


@pytest.fixture
def services(db: Database) -> Iterator[Services]:
    """The demo markets (with their demo progress) on SQLite and on PostgreSQL."""
    opened = Services(db)
    opened.listings.load_demo()
    yield opened
