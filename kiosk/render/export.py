"""Save one verified QR code as PNG (300 dpi), SVG or vector PDF, atomically."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from kiosk.domain import design
from kiosk.domain.messages import N_, KioskError, define
from kiosk.i18n import _
from kiosk.render.atomic import COULD_NOT_WRITE, OutputPathError, atomic_output
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


def _write_png(matrix: QrMatrix, tmp: Path) -> str:
    image = render_qr_image(matrix, _module_px(matrix))
    image.setDotsPerMeterX(_DOTS_PER_METER)
    image.setDotsPerMeterY(_DOTS_PER_METER)
    if not image.save(str(tmp)):  # format from the ".png" suffix of the temp name
        raise OutputPathError(COULD_NOT_WRITE(path=tmp))
    # Verify the file as written, read back from disk.
    verify_image(QImage(str(tmp)), matrix.spec.text)
    return _("PNG file decoded with zxing-cpp")


def _write_svg(matrix: QrMatrix, tmp: Path) -> str:
    module_mm = _module_px(matrix) / PRINT_DPI * 25.4
    tmp.write_text(qr_svg(matrix, module_mm), encoding="utf-8")
    # Verify the file as written: Qt's SVG renderer rasterises it, zxing-cpp decodes.
    image = rasterise_svg(tmp, min_side=matrix.total * 8)
    if image is None:
        raise QrVerificationError(SVG_DOES_NOT_LOAD())
    verify_image(image, matrix.spec.text)
    return _("SVG file rendered by QtSvg and decoded with zxing-cpp")


def _write_pdf(matrix: QrMatrix, tmp: Path) -> str:
    module_mm = _module_px(matrix) / PRINT_DPI * 25.4
    module_units = round(module_mm / 25.4 * _PDF_DPI)
    side_mm = matrix.total * module_units / _PDF_DPI * 25.4
    writer = QPdfWriter(str(tmp))
    writer.setResolution(_PDF_DPI)
    writer.setCreator("Market Kiosk")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QSizeF(side_mm, side_mm), QPageSize.Unit.Millimeter),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    painter = QPainter(writer)
    try:
        draw_qr(painter, matrix, 0, 0, module_units)
    finally:
        painter.end()
    if not tmp.read_bytes().startswith(b"%PDF"):
        raise OutputPathError(COULD_NOT_WRITE(path=tmp))
    # What is verified: the same draw_qr() code that painted the PDF vectors is
    # rasterised into a QImage and decoded. The PDF file itself is not
    # rasterised here (no PDF renderer in PySide6-Essentials); the tests do
    # that with pdftoppm.
    verify_image(render_qr_image(matrix, 8), matrix.spec.text)
    return _("PDF drawing rasterised and decoded with zxing-cpp")


def save_qr(spec: QrSpec, path: Path) -> SavedQr:
    """Write *spec* to *path* (format from the extension), verified, atomically.

    Raises QrFormatError for an unknown extension, OSError (OutputPathError)
    for a missing or unwritable folder, QrVerificationError if the written
    code does not decode to ``spec.text``; in every error case nothing is
    left at *path*.
    """
    fmt = format_for(path)
    matrix = build_matrix(spec)
    writer = {"png": _write_png, "svg": _write_svg, "pdf": _write_pdf}[fmt]
    with atomic_output(path) as tmp:
        how = writer(matrix, tmp)
    symbol_mm = _module_px(matrix) * matrix.size / PRINT_DPI * 25.4
    return SavedQr(path, fmt, spec.text, matrix.version, spec.ec, round(symbol_mm, 1), how)
