"""Text that always fits its box: wrapped, shrunk step by step, elided as a last resort."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter

from kiosk.ui import theme

_WRAP = Qt.TextFlag.TextWordWrap.value
_ANYWHERE = Qt.TextFlag.TextWrapAnywhere.value
#: Each step down is this much smaller (until the smallest size allowed).
SHRINK = 0.88
#: Fits remembered: a loop shows the same few dozen texts again and again, so after the
#: first round a slide is drawn without measuring anything (bounded: no growth over a day).
FITS_KEPT = 2048

_fits_kept: OrderedDict[tuple[object, ...], tuple[QFont, int, str]] = OrderedDict()


def _fits(metrics: QFontMetrics, box: QRect, text: str, flags: int) -> bool:
    used = metrics.boundingRect(box, flags, text)
    return used.width() <= box.width() and used.height() <= box.height()


def fit_font(
    locale: str, box: QRect, text: str, *, largest: int, smallest: int, bold: bool = False
) -> tuple[QFont, int, str]:
    """The font, wrap flags and text to draw *text* inside *box*: the largest size from
    *largest* down to *smallest* that fits wrapped at words, then at any character; at the
    smallest size the text is cut with "…" until it fits (never drawn outside *box*)."""
    key = (locale, box.width(), box.height(), text, largest, smallest, bold)
    found = _fits_kept.get(key)
    if found is None:
        found = _fit(locale, box, text, largest=largest, smallest=smallest, bold=bold)
        _fits_kept[key] = found
        if len(_fits_kept) > FITS_KEPT:
            _fits_kept.popitem(last=False)
    else:
        _fits_kept.move_to_end(key)
    return found


def _fit(
    locale: str, box: QRect, text: str, *, largest: int, smallest: int, bold: bool
) -> tuple[QFont, int, str]:
    size = largest
    while True:
        font = theme.ui_font(locale, size, bold=bold)
        metrics = QFontMetrics(font)
        if _fits(metrics, box, text, _WRAP):
            return font, _WRAP, text
        if size <= smallest:
            break
        size = max(smallest, int(size * SHRINK))
    if _fits(metrics, box, text, _ANYWHERE):
        return font, _ANYWHERE, text
    low, high = 0, len(text)
    while low < high:  # the longest start of the text that fits with the ellipsis
        middle = (low + high + 1) // 2
        if _fits(metrics, box, text[:middle].rstrip() + "…", _ANYWHERE):
            low = middle
        else:
            high = middle - 1
    return font, _ANYWHERE, text[:low].rstrip() + "…"


def draw_fitted(
    painter: QPainter,
    box: QRect,
    text: str,
    *,
    locale: str,
    largest: int,
    smallest: int,
    colour: str,
    bold: bool = False,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
    draw: bool = True,
) -> int:
    """Draw *text* fitted into *box* (or with *draw* False only measure it); return the
    height it takes."""
    if not text or box.width() <= 0 or box.height() <= 0:
        return 0
    font, flags, shown = fit_font(locale, box, text, largest=largest, smallest=smallest, bold=bold)
    every = flags | align.value
    if not draw:
        return min(QFontMetrics(font).boundingRect(box, every, shown).height(), box.height())
    painter.setFont(font)
    painter.setPen(QColor(colour))
    used = painter.boundingRect(box, every, shown)
    painter.drawText(box, every, shown)
    return min(used.height(), box.height())
