"""Register the bundled Noto Sans CJK fonts with Qt and pick the family per locale."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from kiosk.resources import FONT_FAMILIES, FONT_FILES, fonts_dir

_registered: list[str] | None = None


def register_fonts() -> list[str]:
    """Load the bundled fonts once (needs a QGuiApplication); return the families Qt found.

    Raises RuntimeError if a bundled font file is missing or unreadable, because
    without it Korean, Japanese and Chinese would render as empty boxes.
    """
    global _registered
    if _registered is not None:
        return _registered
    families: list[str] = []
    for name in FONT_FILES:
        path = fonts_dir() / name
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            raise RuntimeError(f"cannot load bundled font {path}")
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    _registered = sorted(set(families))
    return _registered


def family_for(locale: str) -> str:
    """Return the Noto Sans CJK family with the right regional glyph forms for *locale*."""
    return FONT_FAMILIES.get(locale, FONT_FAMILIES["ko"])


def font_for(locale: str, pixel_size: int, *, bold: bool = False) -> QFont:
    """Return a font of *pixel_size* px in the bundled family for *locale*."""
    register_fonts()
    font = QFont(family_for(locale))
    font.setPixelSize(pixel_size)
    font.setBold(bold)
    return font
