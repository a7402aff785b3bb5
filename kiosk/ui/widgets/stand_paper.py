"""The stand on screen and on the printer: the preview picture and the printing (kiosk.render)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPixmap
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from kiosk.render.stand_print import (
    NO_PRINTER,
    PRINTER_FAILED,
    StandPrintError,
    paint_stands,
    stand_preview,
)
from kiosk.render.stands import page_layout

if TYPE_CHECKING:
    from kiosk.render.stands import StandSize
    from kiosk.services.values import StandSet

__all__ = [
    "StandPrintError",
    "has_printer",
    "new_printer",
    "no_printer_error",
    "preview",
    "print_on",
]


def no_printer_error() -> StandPrintError:
    """ "No printer was found", in plain words."""
    return StandPrintError(NO_PRINTER())


def has_printer() -> bool:
    """True when the system knows at least one printer."""
    return bool(QPrinterInfo.availablePrinterNames())


def preview(stands: StandSet, index: int, *, size: StandSize, width_px: int) -> QPixmap:
    """Stand *index* of *stands* drawn *width_px* wide in the proportions of *size*."""
    page = stands.pages[index]
    return QPixmap.fromImage(stand_preview(page, stands.market_name, size=size, width_px=width_px))


def prepare_printer(printer: QPrinter, *, size: StandSize, copies: int) -> None:
    """Page size and copies on *printer* (before the print dialog shows them)."""
    printer.setPageLayout(page_layout(size))
    printer.setFullPage(True)
    printer.setCopyCount(max(1, copies))


@dataclass(frozen=True, slots=True)
class PrinterSettings:
    """What the print dialog chose, as plain values a child process can rebuild a printer from."""

    name: str
    pdf_file: str  # "" for a real printer
    page_size_id: int
    copies: int
    collate: bool
    duplex: int
    color: int


def printer_settings(printer: QPrinter) -> PrinterSettings:
    pdf = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
    return PrinterSettings(
        name=printer.printerName(),
        pdf_file=printer.outputFileName() if pdf else "",
        page_size_id=printer.pageLayout().pageSize().id().value,
        copies=printer.copyCount(),
        collate=printer.collateCopies(),
        duplex=printer.duplex().value,
        color=printer.colorMode().value,
    )


def build_printer(settings: PrinterSettings) -> QPrinter:
    """The printer *settings* describe (in this process)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if settings.pdf_file:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(settings.pdf_file)
    else:
        printer.setPrinterName(settings.name)
    page = QPageSize(QPageSize.PageSizeId(settings.page_size_id))
    printer.setPageLayout(
        QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )
    printer.setFullPage(True)
    printer.setCopyCount(settings.copies)
    printer.setCollateCopies(settings.collate)
    printer.setDuplex(QPrinter.DuplexMode(settings.duplex))
    printer.setColorMode(QPrinter.ColorMode(settings.color))
    return printer


def new_printer(*, size: StandSize, copies: int) -> QPrinter:
    """A printer set up for *size* pages and *copies* (the print dialog shows both)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_printer(printer, size=size, copies=copies)
    return printer


def print_on(
    printer: QPrinter, stands: StandSet, progress: Callable[[int, int], None] | None = None
) -> int:
    """Print every stand of *stands* on *printer* (may run in a worker); return sheets sent.

    When the driver cannot make copies itself, each copy is sent. A stop (progress
    raising) or a failure aborts the printer's job; StandPrintError says it plainly.
    Printed to a PDF file (the print dialog's "print to file"), the file's text layer
    is repaired as the saved stands' is.
    """
    copies = 1
    if not printer.supportsMultipleCopies():
        copies = max(1, printer.copyCount())
        printer.setCopyCount(1)
    pdf = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName()
    try:
        sent = paint_stands(
            printer,
            stands.pages,
            stands.market_name,
            copies=copies,
            progress=progress,
            pdf_file=Path(printer.outputFileName()) if pdf else None,
        )
    except BaseException:
        printer.abort()
        raise
    if printer.printerState() == QPrinter.PrinterState.Error:
        raise StandPrintError(PRINTER_FAILED())
    return sent
