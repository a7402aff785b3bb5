"""Fixtures for the QR tests: offscreen Qt and a QGuiApplication for fonts."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(scope="session")
def gui_app() -> object:
    """A QGuiApplication (fonts need one); reuses pytest-qt's if it already exists."""
    from kiosk.render.guiapp import ensure_gui_app

    return ensure_gui_app()
