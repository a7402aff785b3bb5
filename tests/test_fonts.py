"""Every character we ship (catalogs, demo data) has a glyph in the bundled Noto Sans CJK face."""

from __future__ import annotations

import dataclasses
import enum
import os
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from fontTools.ttLib import TTCollection  # type: ignore[import-untyped]

from kiosk.domain.locales import LOCALES
from kiosk.resources import FONT_FAMILIES, FONT_FILES, TTC_FACE_INDEX, fonts_dir
from tests.factories.fresh_python import python_output

ROOT = Path(__file__).resolve().parent.parent
DEMO_SLUGS = ("bansong", "dongmun")
SAMPLES = {"Hangul": "한글 반송큰시장", "kana": "ひらがな カタカナ", "hanzi": "市场 市場 海鲜 海鮮"}


@cache
def _cmap(font_file: str, face: int) -> frozenset[int]:
    collection = TTCollection(str(fonts_dir() / font_file), lazy=True)
    return frozenset(collection.fonts[face].getBestCmap())


def _needs_glyph(char: str) -> bool:
    return not char.isspace() and not unicodedata.category(char).startswith("C")


def _missing(text: str, locale: str) -> set[str]:
    """Characters of *text* without a glyph in the Regular or Bold face for *locale*."""
    face = TTC_FACE_INDEX[locale]
    missing = set()
    for font_file in FONT_FILES:
        cmap = _cmap(font_file, face)
        missing |= {c for c in text if _needs_glyph(c) and ord(c) not in cmap}
    return missing


def _describe(missing: dict[str, set[str]]) -> str:
    lines = []
    for where, chars in sorted(missing.items()):
        names = ", ".join(f"{c!r} U+{ord(c):04X} {unicodedata.name(c, '?')}" for c in sorted(chars))
        lines.append(f"{where}: {names}")
    return "\n".join(lines)


def _walk(value: object, path: str, locale: str | None) -> Iterator[tuple[str, str, str | None]]:
    """Yield (path, string, locale) for every string inside a demo object."""
    if isinstance(value, enum.Enum):
        return
    if isinstance(value, str):
        yield path, value, locale
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _walk(getattr(value, f.name), f"{path}.{f.name}", locale)
    elif isinstance(value, dict):
        localized = set(value) <= set(LOCALES)
        for key, item in value.items():
            yield from _walk(item, f"{path}[{key}]", str(key) if localized else locale)
    elif isinstance(value, list | tuple | set | frozenset):
        for index, item in enumerate(value):
            yield from _walk(item, f"{path}[{index}]", locale)


def test_missing_glyph_is_detected() -> None:
    # The check itself must see a gap: U+1F600 (emoji) is not in Noto Sans CJK.
    assert _missing("김치 \U0001f600", "ko") == {"\U0001f600"}
    assert _missing("김치 ✓ ₩", "ko") == set()


@pytest.mark.parametrize("locale", LOCALES)
def test_catalog_characters_have_glyphs(locale: str) -> None:
    po = ROOT / "i18n" / locale / "LC_MESSAGES" / "kiosk.po"
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    missing: dict[str, set[str]] = {}
    checked = 0
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple | list) else [message.string]
        for text in strings:
            checked += len(text or "")
            gap = _missing(text or "", locale)
            if gap:
                missing[f"{po.name} ({locale}) {message.id!r}"] = gap
    assert checked > 0, f"{po} has no translated text"
    assert not missing, "characters without a glyph:\n" + _describe(missing)


@pytest.mark.parametrize("slug", DEMO_SLUGS)
def test_demo_data_characters_have_glyphs(slug: str) -> None:
    from kiosk.data.seed import demo_markets
    from kiosk.domain.hours_text import hours_cell

    market = next(m for m in demo_markets() if m.slug == slug)
    module_name = f"kiosk/data/demo/{slug}.csv"
    hours = [hours_cell(store.hours) for store in market.stores]
    missing: dict[str, set[str]] = {}
    seen_locales: set[str] = set()
    for path, text, locale in [*_walk(market, "MARKET", None), *_walk(hours, "hours", None)]:
        # Text that is not per-locale (phone, hours, units) is shown in every locale's face.
        for face_locale in [locale] if locale else list(LOCALES):
            seen_locales.add(face_locale)
            gap = _missing(text, face_locale)
            if gap:
                missing[f"{module_name} {path} ({face_locale})"] = gap
    assert seen_locales == set(LOCALES)
    assert not missing, "characters without a glyph:\n" + _describe(missing)


@pytest.mark.parametrize("locale", LOCALES)
def test_qt_renders_cjk_with_the_bundled_family(qapp: object, locale: str) -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QColor, QFontInfo, QFontMetrics, QImage, QPainter

    from kiosk.render.fonts import family_for, font_for, register_fonts

    assert FONT_FAMILIES[locale] in register_fonts()
    font = font_for(locale, 48)
    assert QFontInfo(font).family() == family_for(locale)
    metrics = QFontMetrics(font)
    for script, text in SAMPLES.items():
        for char in text.replace(" ", ""):
            assert metrics.inFontUcs4(ord(char)), f"{family_for(locale)} lacks {char!r} ({script})"
        bounds = metrics.tightBoundingRect(text)
        assert bounds.width() > 48 and bounds.height() > 20, f"{script}: empty bounds {bounds}"
        image = QImage(bounds.width() + 40, bounds.height() + 40, QImage.Format.Format_Grayscale8)
        image.fill(QColor(Qt.GlobalColor.white))
        painter = QPainter(image)
        painter.setFont(font)
        painter.setPen(QColor(Qt.GlobalColor.black))
        painter.drawText(QPoint(20 - bounds.left(), 20 - bounds.top()), text)
        painter.end()
        data, stride = bytes(image.constBits()), image.bytesPerLine()
        ink = sum(
            sum(1 for value in data[y * stride : y * stride + image.width()] if value < 128)
            for y in range(image.height())
        )
        # Tofu boxes would be a few thin outlines; real glyphs fill a good share of the area.
        assert ink > 0.05 * bounds.width() * bounds.height(), f"{script} in {locale}: {ink} px"


_REGISTER = """
import sys
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from kiosk.app import application
from kiosk.render import fonts

application(offscreen=True)
if sys.argv[1] == "qt-list-built-first":
    QFontDatabase.families()  # Qt's font list exists before the folder is handed over
print(fonts._through_fontconfig_cache(fonts.fonts_dir()))
print(fonts.register_fonts())
print(sorted({QFontInfo(QFont(name)).family() for name in fonts.register_fonts()}))
print(len(QFontDatabase.applicationFontFamilies(0)))
"""


def _register(how: str) -> list[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", _REGISTER, how],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout.splitlines()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fontconfig is Linux's")
def test_fonts_register_through_the_fontconfig_cache() -> None:
    families = str(sorted(set(FONT_FAMILIES.values())))
    cached, registered, resolved, app_fonts = _register("fresh")
    assert cached == registered == resolved == families
    assert app_fonts == "0"  # no file went through addApplicationFont


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fontconfig is Linux's")
def test_a_folder_handed_over_before_qt_is_trusted_without_asking_qt() -> None:
    """As ``kiosk.app`` starts: the folder reaches fontconfig before Qt is imported, so Qt's
    font list has the families without QFontDatabase being asked (or built)."""
    code = (
        "from kiosk.render import font_folder\n"
        "from kiosk.resources import fonts_dir\n"
        "font_folder.start(fonts_dir())\n"
        "from PySide6.QtGui import QFont, QFontInfo\n"
        "from kiosk.app import application\n"
        "from kiosk.render import fonts\n"
        "application(offscreen=True)\n"
        "import PySide6.QtGui\n"
        "print(font_folder.before_qt(fonts_dir()), fonts.register_fonts())\n"
        "print('QFontDatabase' in vars(PySide6.QtGui))\n"
        "print(sorted({QFontInfo(QFont(name)).family() for name in fonts.register_fonts()}))\n"
    )
    families = sorted(set(FONT_FAMILIES.values()))
    assert python_output(code).splitlines() == [f"True {families}", "False", str(families)]


def test_fonts_fall_back_to_qt_when_its_font_list_came_first() -> None:
    """Qt lists fonts once: a folder handed to fontconfig later is not seen, so each file
    is registered with Qt instead, and every family still resolves to the bundled face."""
    families = str(sorted(set(FONT_FAMILIES.values())))
    cached, registered, resolved, app_fonts = _register("qt-list-built-first")
    assert cached == "None"
    assert registered == resolved == families
    assert app_fonts == "4"


def test_no_fontconfig_off_linux(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Windows and macOS have no fontconfig: nothing starts and the files go through Qt."""
    from kiosk.render import font_folder

    monkeypatch.setattr(sys, "platform", "win32")
    font_folder.start(tmp_path)
    assert not font_folder.taken(tmp_path)
    assert tmp_path not in font_folder._running
