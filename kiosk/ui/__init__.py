"""PySide6 widgets: one screen per module, small reusable widgets in ui/widgets/."""

from kiosk.ui.qt_sources import forget_scanned_sources

forget_scanned_sources()
