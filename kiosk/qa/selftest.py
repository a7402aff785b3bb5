"""Self-test: every screen in every language must paint real text, with glyphs, unclipped."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TextIO

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontInfo, QFontMetrics, QImage, QRawFont
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLabel, QLineEdit, QWidget

from kiosk.domain.locales import LocaleCode
from kiosk.qa.tour import tour_window, walk
from kiosk.ui import theme
from kiosk.ui.shell import Shell
from kiosk.ui.widgets.elided_label import ElidedLabel

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
    """
    raw = QRawFont.fromFont(widget.font())
    return "".join(
        sorted({ch for ch in text if not ch.isspace() and not raw.supportsCharacter(ord(ch))})
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


def _is_clipped(widget: QWidget) -> bool:
    """A one-line label or button whose text is wider than the room it got."""
    if isinstance(widget, ElidedLabel):
        return False
    if isinstance(widget, QLabel) and not widget.wordWrap() and widget.text():
        width = QFontMetrics(widget.font()).horizontalAdvance(widget.text())
        return width > widget.contentsRect().width() + 1
    if isinstance(widget, QAbstractButton) and widget.text() and not widget.layout():
        return widget.sizeHint().width() > widget.width() + 1
    return False


def widget_problems(root: QWidget) -> list[str]:
    """Font checks on visible widgets: bundled family, a glyph per character, no clipping."""
    problems: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        texts = [text for text in _texts(widget) if text]
        if not texts:
            continue
        family = QFontInfo(widget.font()).family()
        if not family.startswith(FAMILY_PREFIX):
            problems.append(f"{type(widget).__name__} uses font {family!r}, not {FAMILY_PREFIX}")
        for text in texts:
            missing = _missing_glyphs(text, widget)
            if missing:
                problems.append(f"no glyph for {missing!r} in {family!r} ({text[:30]!r})")
        if _is_clipped(widget):
            problems.append(f"text clipped: {texts[0][:40]!r} in {type(widget).__name__}")
    return problems


def check_window(window: Shell) -> list[str]:
    """All problems of what *window* shows right now (empty list: it passes)."""
    current = window.centralWidget()
    problems = widget_problems(current) if current is not None else ["no central widget"]
    return problems + image_problems(window.grab().toImage())


def run_self_test(
    *,
    make_shell: Callable[[LocaleCode], Shell],
    database_url: str | None = None,
    stream: TextIO = sys.stdout,
) -> int:
    """Print ``PASS <screen> <locale> <WxH>`` or ``FAIL ...: reason`` per screen; 0 if all pass."""
    failures = count = 0
    with tour_window(database_url, make_shell) as window:
        for shot in walk(window):
            count += 1
            size = window.size()
            problems = check_window(window)
            if (size.width(), size.height()) != (shot.width, shot.height):
                problems.append(f"window is {size.width()}x{size.height()}")
            if problems:
                failures += 1
                print(f"FAIL {shot.label}: {'; '.join(problems)}", file=stream)
            else:
                print(f"PASS {shot.label}", file=stream)
    if count == 0:
        print("FAIL no screens were rendered", file=stream)
        return 1
    print(f"{count - failures} of {count} screens passed", file=stream)
    return 1 if failures else 0
