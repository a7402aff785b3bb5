"""Make sure a QGuiApplication exists (fonts need one), headless when there is no display."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

#: Keeps the application we created alive for the life of the process.
_created: list[QGuiApplication] = []


def ensure_gui_app() -> QCoreApplication:
    """Return the running Qt application, creating an offscreen QGuiApplication if none exists."""
    app = QCoreApplication.instance()
    if app is not None:
        return app
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    created = QGuiApplication(sys.argv[:1] or ["market-kiosk"])
    _created.append(created)
    return created
