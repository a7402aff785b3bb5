"""PySide6 widgets: one screen per module, small reusable widgets in ui/widgets/."""
