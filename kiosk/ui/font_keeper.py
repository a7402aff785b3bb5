"""Keeps every font the screens draw with loaded, so Qt's font cache never drops and reloads it."""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

#: Fonts kept at most: the screens use about 40 (roles x weights x five regional families);
#: the bound keeps a shrink-to-fit text that tries many sizes from filling memory.
MAX_KEPT = 256

_kept: dict[str, QFont] = {}
#: The scopes (a screen in a font, a language) whose widgets were walked already.
_walked: set[Hashable] = set()


def keep_fonts(scope: Hashable | None = None) -> int:
    """Hold a copy of each widget's font, its glyph engine loaded; return how many are kept.

    Qt's font cache frees an engine nobody holds once the cache passes a few MiB,
    which five Noto Sans CJK families pass at once: every screen change and language
    switch then loaded the same faces again from the font files (FreeType faces, new
    mappings of the files, HarfBuzz tables), which made a kiosk grow by tens of MiB a
    day and cost most of a store page's time. A font held here keeps its engine.

    A *scope* is walked once: its widgets are built again with the same roles, so
    their fonts are kept already, and walking every widget (two Qt calls each) on
    each screen change and language switch cost milliseconds for nothing new.
    """
    if scope is not None:
        if scope in _walked:
            return len(_kept)
        _walked.add(scope)
    for widget in QApplication.allWidgets():
        if len(_kept) >= MAX_KEPT:
            break
        font = widget.font()
        key = font.key()
        if key not in _kept:
            QFontMetrics(font).height()  # loads the engine while the copy holds it
            _kept[key] = QFont(font)
    return len(_kept)


def kept_count() -> int:
    return len(_kept)
