"""Register the bundled Noto Sans CJK fonts with Qt and pick the family per locale."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont

from kiosk.render import font_folder
from kiosk.resources import FONT_FAMILIES, FONT_FILES, fonts_dir

_registered: list[str] | None = None


def register_fonts() -> list[str]:
    """Load the bundled fonts once (needs a QGuiApplication); return the families Qt found.

    On Linux the fonts folder is handed to fontconfig, which keeps what it learnt of the
    fonts in its cache; elsewhere, or when that does not give Qt the families, each file
    goes through ``QFontDatabase.addApplicationFont`` (docs/architecture.md, known traps:
    "Registering the CJK fonts").

    Raises RuntimeError if a bundled font file is missing or unreadable, because
    without it Korean, Japanese and Chinese would render as empty boxes.
    """
    global _registered
    if _registered is not None:
        return _registered
    folder = fonts_dir()
    for name in FONT_FILES:
        if not (folder / name).is_file():
            raise RuntimeError(f"cannot load bundled font {folder / name}")
    families = _through_fontconfig_cache(folder)
    if families is None:
        from PySide6.QtGui import QFontDatabase

        families = []
        for name in FONT_FILES:
            font_id = QFontDatabase.addApplicationFont(str(folder / name))
            if font_id < 0:
                raise RuntimeError(f"cannot load bundled font {folder / name}")
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    _registered = sorted(set(families))
    return _registered


def _through_fontconfig_cache(folder: Path) -> list[str] | None:
    """Add *folder* to fontconfig's application fonts; the families Qt then lists, or None.

    ``addApplicationFont`` has fontconfig read every face's character map again at each
    start (~10 ms for the eight faces, the largest part of start-up after Python's own);
    a folder added here is read from fontconfig's cache (written on the first start).
    ``kiosk.app`` hands the folder over on a worker thread before it imports Qt
    (``kiosk.render.font_folder``). None where there is no fontconfig (Windows, macOS)
    or Qt does not list all our families (its font list was built before the folder was
    added): then the caller registers the files with Qt.
    """
    if not font_folder.taken(folder):
        return None
    wanted = set(FONT_FAMILIES.values())
    if font_folder.before_qt(folder):
        # Handed over before Qt was imported: the font list Qt makes later has them (and
        # QFontDatabase, with its enums, is not built before the first frame).
        return sorted(wanted)
    from PySide6.QtGui import QFontDatabase

    if not wanted <= set(QFontDatabase.families()):
        return None
    return sorted(wanted)


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
