"""The one signal that tells widgets to re-label; ``kiosk.i18n`` alone holds the language."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kiosk import i18n


class LanguageEvents(QObject):
    """``changed(code)`` after ``kiosk.i18n.set_locale``; read the code with
    ``i18n.current_locale()`` wherever it is needed (widgets keep no copy)."""

    changed = Signal(str)


_events: LanguageEvents | None = None


def language_events() -> LanguageEvents:
    """The application's one ``LanguageEvents``, fed by a ``kiosk.i18n`` listener."""
    global _events
    if _events is None:
        _events = LanguageEvents()
        i18n.add_listener(_events.changed.emit)
    return _events
