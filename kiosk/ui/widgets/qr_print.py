"""Print one verified QR code on a page: a title, the code at least 3 cm wide, caption lines."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtPrintSupport import QPrinter

from kiosk.domain.design import INK, MIN_QR_SYMBOL_MM, meets_print_rule
from kiosk.i18n import _
from kiosk.render.fonts import family_for
from kiosk.render.text_layer import TextLayer
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
    # Printed to a PDF file (the print dialog's "print to file"): what each glyph shows,
    # so that the file's text layer reads back what is printed (kiosk.render.text_layer).
    to_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
    pdf_file = Path(printer.outputFileName()) if to_file and printer.outputFileName() else None
    text_layer = TextLayer(printer) if pdf_file is not None else None

    def text(rect: QRectF, flags: int, line: str, font: QFont) -> float:
        painter.setFont(font)
        drawn = painter.boundingRect(rect, flags, line)
        painter.drawText(drawn, flags, line)
        if text_layer is not None:
            text_layer.drawn(font, line, width=drawn.width(), flags=flags)
        return drawn.height()

    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(_("The printer could not be started."))
    try:
        painter.setPen(QColor(INK))
        width = float(page.width())
        wrap = int(Qt.TextFlag.TextWordWrap)
        y = text(QRectF(0, 0, width, page.height()), wrap, title, _font(locale, 22, bold=True))
        y += 8 * px_per_mm
        side = module_mm * matrix.total * px_per_mm
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.drawImage(QRectF((width - side) / 2, y, side, side), verified.image)
        y += side + 6 * px_per_mm
        body = _font(locale, 14)
        flags = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignHCenter)
        for line in lines:
            y += text(QRectF(0, y, width, page.height()), flags, line, body) + 3 * px_per_mm
    finally:
        ended = painter.end()
    if ended and text_layer is not None and pdf_file is not None:
        text_layer.repair_file(pdf_file)
    return symbol_mm
