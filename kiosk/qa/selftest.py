"""Self-test: every screen, language and size paints real, legible text, nothing cut off."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontInfo, QImage, QRawFont
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLabel, QLineEdit, QWidget

from kiosk.domain.locales import LOCALES, LocaleCode
from kiosk.domain.screen_size import SUPPORTED
from kiosk.qa.allowed import allowed_reason
from kiosk.qa.checks import describe, screen_problems, shown_widgets
from kiosk.qa.tour import SIZES, Shot, tour_window, walk
from kiosk.ui import theme
from kiosk.ui.shell import START, Shell
from kiosk.ui.tourist.flow import DETAIL, DIRECTORY

#: The screens a tourist touches (besides any ``tourist-*`` or ``signage*`` screen).
TOURIST_SCREENS = frozenset({START, DIRECTORY, DETAIL})

#: A screen with fewer distinct colours than this is blank or nearly so.
MIN_COLOURS = 24
#: Share of dark "ink" pixels (text) a screen with words on it always exceeds.
MIN_INK_SHARE = 0.002
#: Only the bundled family renders every script; anything else means boxes somewhere.
FAMILY_PREFIX = "Noto Sans CJK"
_SAMPLE = 480  # images are scaled to this width before counting


def image_problems(image: QImage) -> list[str]:
    """Pixel checks: enough colours and enough ink that the screen is not blank."""
    small = image.scaledToWidth(_SAMPLE, Qt.TransformationMode.FastTransformation).convertToFormat(
        QImage.Format.Format_RGB32
    )
    paper = QColor(theme.PAPER).rgb() & 0xFFFFFF
    colours: set[int] = set()
    ink = other = 0
    for y in range(small.height()):
        for x in range(small.width()):
            rgb = small.pixel(x, y) & 0xFFFFFF
            colours.add(rgb)
            if rgb != paper:
                other += 1
            if (rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF) < 3 * 96:
                ink += 1
    total = small.width() * small.height()
    problems = []
    if len(colours) < MIN_COLOURS:
        problems.append(f"only {len(colours)} colours: the screen looks blank")
    if ink / total < MIN_INK_SHARE:
        problems.append(f"almost no dark text pixels ({ink / total:.2%})")
    if other == 0:
        problems.append("every pixel is the background colour")
    return problems


def _missing_glyphs(text: str, widget: QWidget) -> str:
    """Characters the widget's own font has no glyph for.

    QRawFont is the one resolved font file; QFontMetrics.inFontUcs4 would also
    count fallback fonts, which is exactly what we must not rely on. Code points
    go in as ints: PySide's str-to-QChar conversion misreports e.g. 简 (U+7B80).
    Format characters (category Cf, e.g. the word joiner U+2060 that keeps a name on one
    line) draw nothing by design, so they need no glyph.
    """
    import unicodedata

    raw = QRawFont.fromFont(widget.font())
    return "".join(
        sorted(
            {
                ch
                for ch in text
                if not ch.isspace()
                and unicodedata.category(ch) != "Cf"
                and not raw.supportsCharacter(ord(ch))
            }
        )
    )


def _texts(widget: QWidget) -> list[str]:
    if isinstance(widget, QLabel | QAbstractButton):
        return [widget.text()]
    if isinstance(widget, QLineEdit):
        return [widget.text(), widget.placeholderText()]
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        return [
            str(model.data(model.index(row, 0)) or "") for row in range(min(model.rowCount(), 50))
        ]
    return []


def font_problems(root: QWidget) -> list[str]:
    """Font checks on visible widgets: the bundled family and a glyph per character."""
    problems: list[str] = []
    for widget in shown_widgets(root):
        texts = [text for text in _texts(widget) if text]
        if not texts:
            continue
        family = QFontInfo(widget.font()).family()
        if not family.startswith(FAMILY_PREFIX):
            problems.append(f"{describe(widget)}: uses font {family!r}, not {FAMILY_PREFIX}")
        for text in texts:
            missing = _missing_glyphs(text, widget)
            if missing:
                problems.append(f"{describe(widget)}: no glyph for {missing!r} in {family!r}")
    return problems


def widget_problems(
    root: QWidget,
    *,
    window: QWidget | None = None,
    tourist: bool = False,
    fold: bool = True,
    image: QImage | None = None,
) -> list[str]:
    """Fonts, text cut off, contrast, outlines, (on *tourist* screens) touch targets and
    (with *fold*) QR codes out of view, of what *root* shows inside *window* (default: itself)."""
    window = window or root
    if image is None:
        image = window.grab().toImage()
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    return font_problems(root) + screen_problems(root, window, image, tourist=tourist, fold=fold)


def is_tourist_screen(screen: str) -> bool:
    """Screens a tourist touches (48 px targets): start, directory, store page, the loop."""
    return screen in TOURIST_SCREENS or screen.startswith(("tourist-", "signage"))


def check_window(window: Shell, shot: Shot | None = None) -> list[str]:
    """All problems of what *window* shows right now (empty list: it passes)."""
    current = window.centralWidget()
    if current is None:
        return ["no central widget"]
    tourist = shot is not None and is_tourist_screen(shot.screen)
    fold = shot is None or (shot.width, shot.height) in SUPPORTED
    image = window.grab().toImage()
    problems = widget_problems(current, window=window, tourist=tourist, fold=fold, image=image)
    return problems + image_problems(image)


def report(shot: Shot, problems: Sequence[str], stream: TextIO) -> bool:
    """Print the screen's ``PASS`` line, or one ``FAIL <screen> <locale> <WxH>: <problem>``
    line per problem; a problem on the allow-list (kiosk.qa.allowed) prints as ``KNOWN``.
    Return True when the screen passed."""
    failing = [p for p in problems if allowed_reason(shot.screen, p) is None]
    for problem in failing:
        print(f"FAIL {shot.label}: {problem}", file=stream)
    if not failing:
        print(f"PASS {shot.label}", file=stream)
    for problem in problems:
        reason = allowed_reason(shot.screen, problem)
        if reason is not None:
            print(f"KNOWN {shot.label}: {problem} (allowed for now: {reason})", file=stream)
    return not failing


def run_self_test(
    *,
    make_shell: Callable[[LocaleCode], Shell],
    database_url: str | None = None,
    stream: TextIO = sys.stdout,
    sizes: Sequence[tuple[int, int]] = SIZES,
    locales: Sequence[LocaleCode] = LOCALES,
) -> int:
    """Check every screen, language and size (see ``report`` for the lines printed);
    return 0 if every screen passes."""
    failures = count = 0
    with tour_window(database_url, make_shell) as window:
        for shot in walk(window, sizes=sizes, locales=locales):
            count += 1
            size = window.size()
            problems = check_window(window, shot)
            if (size.width(), size.height()) != (shot.width, shot.height):
                problems.append(f"window is {size.width()}x{size.height()}")
            if not report(shot, problems, stream):
                failures += 1
    if count == 0:
        print("FAIL no screens were rendered", file=stream)
        return 1
    print(f"{count - failures} of {count} screens passed", file=stream)
    return 1 if failures else 0
