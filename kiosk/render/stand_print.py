"""Stands on screen and on paper: a preview image of one page, and painting on a paged device.

``paint_stands`` paints on any QPagedPaintDevice (the UI hands it a QPrinter; this
module never imports QtPrintSupport, which pulls in widgets). Painting may run in
a worker thread (Qt allows QPainter on QImage, QPrinter and QPdfWriter outside the
GUI thread), so a whole market prints without holding the screen. Codes are
verified (decoded back) by ``prepare_pages`` first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtGui import QColor, QImage, QPagedPaintDevice, QPainter

from kiosk.domain import design
from kiosk.domain.messages import N_, KioskError, define
from kiosk.domain.text import LocalizedText
from kiosk.render.stand_page import (
    DPI,
    PAGE_H,
    PAGE_W,
    StandDrawer,
    StandPage,
    StandSize,
    draw_stand,
)
from kiosk.render.text_layer import TextLayer

NO_PRINTER = define(
    "stand_print.no_printer",
    N_(
        "No printer was found. Check that the printer is switched on and connected, "
        "or save the stand as a file and print it elsewhere."
    ),
)
PRINTER_FAILED = define(
    "stand_print.printer_failed",
    N_(
        "The printer did not print. Check its paper and cable, then press Print again. "
        "Nothing was printed."
    ),
)


class StandPrintError(KioskError, OSError):
    """The printer is missing or failed; the message says so in plain words."""


def stand_preview(
    page: StandPage, market_name: LocalizedText, *, size: StandSize, width_px: int
) -> QImage:
    """One stand drawn *width_px* wide for the screen, in the proportions of *size*."""
    width_mm, height_mm = design.STAND_SIZES_MM[size]
    height_px = round(width_px * height_mm / width_mm)
    image = QImage(width_px, height_px, QImage.Format.Format_RGB32)
    image.fill(QColor(design.PAPER))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        a6_px = PAGE_W * DPI / design.MM_PER_INCH
        painter.scale(width_px / a6_px, width_px / a6_px)
        draw_stand(painter, page, market_name)
    finally:
        painter.end()
    assert abs(PAGE_W / PAGE_H - width_mm / height_mm) < 0.01  # every size is A-series
    return image


def paint_stands(
    device: QPagedPaintDevice,
    pages: Sequence[StandPage],
    market_name: LocalizedText,
    *,
    copies: int = 1,
    progress: Callable[[int, int], None] | None = None,
    pdf_file: Path | None = None,
) -> int:
    """Paint *pages* (each *copies* times) on *device*, its page layout already set; return
    the sheets painted.

    *progress(done, total)* after each stand may raise to stop (the painter is ended
    and the exception passes on). Raises StandPrintError when painting cannot start.
    *pdf_file*: the file *device* (a printer printing to PDF) writes; its text layer is
    repaired when it is written (kiosk.render.text_layer), else it stays as Qt wrote it.
    """
    width_px = device.pageLayout().fullRectPixels(device.logicalDpiX()).width()
    a6_px = PAGE_W * DPI / design.MM_PER_INCH
    painter = QPainter()
    if not painter.begin(device):
        raise StandPrintError(PRINTER_FAILED())
    sent = 0
    text_layer = TextLayer(device) if pdf_file is not None else None
    try:
        painter.scale(width_px / a6_px, width_px / a6_px)
        drawer = StandDrawer(painter, text_layer)
        for index, page in enumerate(pages):
            for _copy in range(max(1, copies)):
                if sent and not device.newPage():
                    raise StandPrintError(PRINTER_FAILED())
                drawer.draw(page, market_name)
                sent += 1
            if progress is not None:
                progress(index + 1, len(pages))
    finally:
        ended = painter.end()
    if not ended:
        raise StandPrintError(PRINTER_FAILED())
    if text_layer is not None and pdf_file is not None:
        text_layer.repair_file(pdf_file)
    return sent
