"""Save one verified QR code as PNG (300 dpi), SVG or vector PDF, atomically."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize

from kiosk.domain import design
from kiosk.domain.messages import N_, KioskError, define
from kiosk.i18n import _
from kiosk.render.atomic import write_verified
from kiosk.render.output import PdfCanvas, load_png, png_bytes
from kiosk.render.pdf_check import verify_pdf
from kiosk.render.qr import QrMatrix, QrSpec, build_matrix, draw_qr, qr_svg, render_qr_image
from kiosk.render.svg_raster import rasterise_svg
from kiosk.render.verify import QrVerificationError, verify_image

QrFormat = Literal["png", "svg", "pdf"]
PRINT_DPI = design.PRINT_DPI
_DOTS_PER_METER = round(PRINT_DPI / 0.0254)
_PDF_DPI = 1200


UNSUPPORTED_FORMAT = define(
    "output.unsupported_format", N_("unsupported output format {ext!r}; use .png, .svg or .pdf")
)
SVG_DOES_NOT_LOAD = define(
    "verify.svg_does_not_load", N_("verification failed: the SVG file does not load")
)


class QrFormatError(KioskError, ValueError):
    """The output file name has an extension we cannot write."""


@dataclass(frozen=True, slots=True)
class SavedQr:
    """A QR file that was written and decoded back to ``text``."""

    path: Path
    fmt: QrFormat
    text: str
    version: int
    ec: str
    symbol_mm: float
    verified_by: str


def format_for(path: Path) -> QrFormat:
    """Return the format for *path*'s extension (.png, .svg, .pdf) or raise QrFormatError."""
    suffix = path.suffix.lower()
    if suffix == ".png":
        return "png"
    if suffix == ".svg":
        return "svg"
    if suffix == ".pdf":
        return "pdf"
    raise QrFormatError(UNSUPPORTED_FORMAT(ext=path.suffix or path.name))


def _module_px(matrix: QrMatrix) -> int:
    """Integer module size at 300 dpi so the symbol is at least 3 cm wide (the print rule)."""
    return max(8, math.ceil(design.mm_to_px(design.MIN_QR_SYMBOL_MM, PRINT_DPI) / matrix.size))


def _png(matrix: QrMatrix, path: Path) -> str:
    image = render_qr_image(matrix, _module_px(matrix))
    image.setDotsPerMeterX(_DOTS_PER_METER)
    image.setDotsPerMeterY(_DOTS_PER_METER)

    def check(tmp: Path) -> None:
        # The file as written, read back from disk at the size drawn, must decode.
        verify_image(load_png(tmp, width=image.width(), height=image.height()), matrix.spec.text)

    write_verified(path, png_bytes(image), check)
    return _("PNG file decoded with zxing-cpp")


def _svg(matrix: QrMatrix, path: Path) -> str:
    module_mm = _module_px(matrix) / PRINT_DPI * 25.4

    def check(tmp: Path) -> None:
        # The file as written: Qt's SVG renderer rasterises it, zxing-cpp decodes.
        image = rasterise_svg(tmp, min_side=matrix.total * 8)
        if image is None:
            raise QrVerificationError(SVG_DOES_NOT_LOAD())
        verify_image(image, matrix.spec.text)

    write_verified(path, qr_svg(matrix, module_mm).encode("utf-8"), check)
    return _("SVG file rendered by QtSvg and decoded with zxing-cpp")


def _pdf(matrix: QrMatrix, path: Path) -> str:
    module_mm = _module_px(matrix) / PRINT_DPI * 25.4
    module_units = round(module_mm / 25.4 * _PDF_DPI)
    side_mm = matrix.total * module_units / _PDF_DPI * 25.4
    canvas = PdfCanvas(
        QPageLayout(
            QPageSize(QSizeF(side_mm, side_mm), QPageSize.Unit.Millimeter),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        ),
        resolution=_PDF_DPI,
    )
    try:
        draw_qr(canvas.painter, matrix, 0, 0, module_units)
    except BaseException:
        canvas.abandon()
        raise
    data = canvas.finish()
    # The file as written is opened with PDFium, its page rasterised (about 6 pixels
    # per module) and decoded with zxing-cpp.
    width_px = min(4000, matrix.total * 6)
    write_verified(path, data, lambda tmp: verify_pdf(tmp, [[matrix.spec.text]], width_px=width_px))
    return _("PDF file rendered by PDFium and decoded with zxing-cpp")


def save_qr(spec: QrSpec, path: Path) -> SavedQr:
    """Write *spec* to *path* (format from the extension), verified, atomically.

    Raises QrFormatError for an unknown extension, OSError (OutputPathError)
    for a missing or unwritable folder, QrVerificationError if the written
    code does not decode to ``spec.text``; in every error case nothing is
    left at *path*.
    """
    fmt = format_for(path)
    matrix = build_matrix(spec)
    writer = {"png": _png, "svg": _svg, "pdf": _pdf}[fmt]
    how = writer(matrix, path)
    symbol_mm = _module_px(matrix) * matrix.size / PRINT_DPI * 25.4
    return SavedQr(path, fmt, spec.text, matrix.version, spec.ec, round(symbol_mm, 1), how)
