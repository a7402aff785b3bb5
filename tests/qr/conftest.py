"""Fixtures for the QR tests: offscreen Qt and a QGuiApplication for fonts."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator

import pytest

from kiosk.i18n import current_locale, set_locale


@pytest.fixture(autouse=True)
def english_messages() -> Iterator[None]:
    """Messages are checked in English, the source language (the app default is Korean)."""
    before = current_locale()
    set_locale("en")
    yield
    set_locale(before)


@pytest.fixture(scope="session")
def gui_app() -> object:
    """A QGuiApplication (fonts need one); reuses pytest-qt's if it already exists."""
    from kiosk.render.guiapp import ensure_gui_app

    return ensure_gui_app()
