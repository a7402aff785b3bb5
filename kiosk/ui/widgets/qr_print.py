"""Print one verified QR code on a page: a title, the code at least 3 cm wide, caption lines."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtPrintSupport import QPrinter

from kiosk.domain.design import INK, MIN_QR_SYMBOL_MM, meets_print_rule
from kiosk.i18n import _
from kiosk.render.fonts import family_for
from kiosk.render.verify import VerifiedQr

#: Printed symbol width we aim for (quiet zone excluded): width >= scan distance / 10, so
#: 5 cm scans from half a metre at the counter; never below the 3 cm rule
#: (docs/architecture.md, "Domain facts").
PRINT_SYMBOL_MM = 50.0


class PrintError(OSError):
    """The printer could not be started or the page is too small for a 3 cm code."""


def _font(locale: str, points: float, *, bold: bool = False) -> QFont:
    font = QFont(family_for(locale))
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def print_qr(
    printer: QPrinter,
    verified: VerifiedQr,
    *,
    title: str,
    lines: Sequence[str] = (),
    locale: str = "ko",
) -> float:
    """Paint *verified* (the image zxing-cpp decoded) on one page; return the symbol width in mm.

    The image is scaled without smoothing, so modules stay sharp-edged squares.
    Raises PrintError when painting cannot start or the page is narrower than a
    3 cm symbol with its quiet zone.
    """
    dpi = printer.resolution()
    px_per_mm = dpi / 25.4
    page = printer.pageLayout().paintRectPixels(dpi)
    matrix = verified.matrix
    per_module_mm = PRINT_SYMBOL_MM / matrix.size
    fit_mm = page.width() / px_per_mm / matrix.total
    module_mm = min(per_module_mm, fit_mm)
    symbol_mm = module_mm * matrix.size
    if not meets_print_rule(symbol_mm):
        raise PrintError(
            _(
                "The page is too small: the code would be {mm:.0f} mm wide; it needs {min:.0f} mm."
            ).format(mm=symbol_mm, min=MIN_QR_SYMBOL_MM)
        )
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(_("The printer could not be started."))
    try:
        painter.setPen(QColor(INK))
        width = float(page.width())
        y = 0.0
        painter.setFont(_font(locale, 22, bold=True))
        title_rect = painter.boundingRect(
            QRectF(0, y, width, page.height()), int(Qt.TextFlag.TextWordWrap), title
        )
        painter.drawText(title_rect, int(Qt.TextFlag.TextWordWrap), title)
        y += title_rect.height() + 8 * px_per_mm
        side = module_mm * matrix.total * px_per_mm
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.drawImage(QRectF((width - side) / 2, y, side, side), verified.image)
        y += side + 6 * px_per_mm
        painter.setFont(_font(locale, 14))
        flags = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignHCenter)
        for line in lines:
            rect = painter.boundingRect(QRectF(0, y, width, page.height()), flags, line)
            painter.drawText(rect, flags, line)
            y += rect.height() + 3 * px_per_mm
    finally:
        painter.end()
    return symbol_mm
