"""Stands on screen and on paper: a preview image of one page, and printing on a QPrinter.

Painting on a QPrinter may run in a worker thread (Qt allows QPainter on QImage,
QPrinter and QPdfWriter outside the GUI thread), so a whole market prints without
holding the screen. Codes are verified (decoded back) by ``prepare_pages`` first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from kiosk.domain import design
from kiosk.domain.messages import N_, KioskError, define
from kiosk.domain.text import LocalizedText
from kiosk.render.stand_page import DPI, PAGE_H, PAGE_W, StandPage, StandSize, draw_stand
from kiosk.render.stands import page_layout

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
PRINT_STOPPED = define(
    "stand_print.stopped", N_("Printing stopped after {done} of {total} stands.")
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


def has_printer() -> bool:
    """True when the system knows at least one printer."""
    return bool(QPrinterInfo.availablePrinterNames())


def prepare_printer(printer: QPrinter, *, size: StandSize, copies: int) -> None:
    """Page size and copies on *printer* (before the print dialog shows them)."""
    printer.setPageLayout(page_layout(size))
    printer.setFullPage(True)
    printer.setCopyCount(max(1, copies))


def print_stands(
    printer: QPrinter,
    pages: Sequence[StandPage],
    market_name: LocalizedText,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Print *pages* on *printer* (its page size and copies already set); return sheets sent.

    *progress(done, total)* after each stand may raise to stop: the printer job is
    then aborted. Raises StandPrintError when the printer cannot start or fails.
    """
    copies = 1
    if not printer.supportsMultipleCopies():  # the driver cannot: we send each copy
        copies = max(1, printer.copyCount())
        printer.setCopyCount(1)
    dpi = printer.resolution()
    width_px = printer.pageLayout().fullRectPixels(dpi).width()
    a6_px = PAGE_W * DPI / design.MM_PER_INCH
    painter = QPainter()
    if not painter.begin(printer):
        raise StandPrintError(PRINTER_FAILED())
    sent = 0
    try:
        painter.scale(width_px / a6_px, width_px / a6_px)
        for index, page in enumerate(pages):
            for _copy in range(copies):
                if sent and not printer.newPage():
                    raise StandPrintError(PRINTER_FAILED())
                draw_stand(painter, page, market_name)
                sent += 1
            if progress is not None:
                progress(index + 1, len(pages))
    except BaseException:
        printer.abort()
        painter.end()
        raise
    if not painter.end() or printer.printerState() == QPrinter.PrinterState.Error:
        raise StandPrintError(PRINTER_FAILED())
    return sent
