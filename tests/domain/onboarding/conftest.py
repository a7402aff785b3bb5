"""Fixtures for the onboarding domain tests: messages checked in English."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kiosk.i18n import current_locale, set_locale


@pytest.fixture(autouse=True)
def english_messages() -> Iterator[None]:
    """Messages render in English here (the app's default language is Korean)."""
    previous = current_locale()
    set_locale("en")
    yield
    set_locale(previous)
