"""Locate shipped files (assets, fonts) from a source checkout or a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def bundle_root() -> Path:
    """Return the folder that holds ``assets/``: the PyInstaller bundle or the repository root."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return _PACKAGE_DIR.parent


def assets_dir() -> Path:
    """Return ``assets/``: inside the package for a wheel install (copied there by setup.py),
    else the PyInstaller bundle or the repository root."""
    packaged = _PACKAGE_DIR / "assets"
    if packaged.is_dir():
        return packaged
    return bundle_root() / "assets"


def fonts_dir() -> Path:
    return assets_dir() / "fonts"


#: The one CJK-capable family used for every script (Noto Sans CJK, SIL OFL 1.1).
FONT_FILES: tuple[str, ...] = ("NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc")

#: Qt family name per locale: the same Noto Sans CJK design with regional glyph forms.
FONT_FAMILIES: dict[str, str] = {
    "ko": "Noto Sans CJK KR",
    "en": "Noto Sans CJK KR",
    "ja": "Noto Sans CJK JP",
    "zh_Hans": "Noto Sans CJK SC",
    "zh_Hant": "Noto Sans CJK TC",
}

#: Face index inside the .ttc files, per locale (for Pillow / fontTools).
TTC_FACE_INDEX: dict[str, int] = {"ko": 0, "en": 0, "ja": 1, "zh_Hans": 2, "zh_Hant": 3}
