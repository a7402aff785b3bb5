"""Check a written PDF file itself: it parses to the end and every page's QR codes decode.

The file is opened with PDFium (pypdfium2), a reader independent of Qt's PDF
writer; each page is rasterised and zxing-cpp must find exactly the codes that
were drawn on it (docs/architecture.md, "Domain facts": every QR the app
prints has been decoded back).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.domain.messages import N_, define
from kiosk.render.verify import QrVerificationError, read_drawn

#: Pixel width a page is rasterised at for decoding: a >= 3 cm code on an A6 page
#: gets about 4 pixels per module (an A4 poster, twice the size, gets the same).
PAGE_WIDTH_PX = 800
#: Pixels a module gets where only the codes of a page are rasterised (verify_pdf_marks).
CHECK_PX_PER_MODULE = 4
#: A drawn mark is rasterised at one pixel a point; it must show ink of two tones at least
#: this far apart (a blank or missing drawing is one flat tone).
MARK_CONTRAST = 64

PDF_DOES_NOT_OPEN = define(
    "verify.pdf_does_not_open", N_("verification failed: the PDF file does not open ({reason})")
)
PDF_NOT_COMPLETE = define(
    "verify.pdf_not_complete", N_("verification failed: the PDF file does not end properly")
)
PDF_PAGE_COUNT = define(
    "verify.pdf_page_count",
    N_("verification failed: the PDF has {found} pages, expected {expected}"),
)
PDF_PAGE_CODES = define(
    "verify.pdf_page_codes",
    N_("verification failed: page {page} of the PDF holds {found} of its {expected} QR codes"),
)
PDF_PAGE_BLANK = define(
    "verify.pdf_page_blank", N_("verification failed: page {page} of the PDF is not drawn")
)

#: (left, top, right, bottom) in PDF points from the page's top-left corner.
Box = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class PageMarks:
    """Where one page's codes are and what they hold, and a mark that must be drawn."""

    texts: tuple[str, ...]
    codes: Box  # every code of the page with its quiet zone
    module_pt: float  # the smallest module of those codes
    drawn: Box  # e.g. a stand's header band and its lettering


class PdfCheckError(QrVerificationError):
    """The written PDF does not open, has the wrong pages, or a QR code on it does not decode."""


@contextmanager
def _opened(path: Path, pages: int) -> Iterator[Any]:
    """The PDF at *path* open in PDFium, after checking it ends and has *pages* pages (any
    number when *pages* is negative)."""
    import pypdfium2

    data = path.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise PdfCheckError(PDF_NOT_COMPLETE())
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        raise PdfCheckError(PDF_DOES_NOT_OPEN(reason=str(exc))) from None
    try:
        if pages >= 0 and len(document) != pages:
            raise PdfCheckError(PDF_PAGE_COUNT(found=len(document), expected=pages))
        yield document
    finally:
        document.close()


def page_count(path: Path) -> int:
    """How many pages PDFium reads in the PDF at *path*; PdfCheckError if it does not open."""
    with _opened(path, -1) as document:
        return len(document)


def verify_pages(path: Path, pages: int) -> None:
    """Check that the PDF at *path* ends properly and opens in PDFium with *pages* pages."""
    with _opened(path, pages):
        pass


def _check_codes(image: object, expected: Sequence[str], page: int) -> int:
    results = read_drawn(image)  # the app drew the page: upright, dark on light
    found = {bytes(r.bytes) for r in results if r.valid}
    wanted = {text.encode("utf-8") for text in expected}
    if found != wanted:
        raise PdfCheckError(
            PDF_PAGE_CODES(page=page, found=len(found & wanted), expected=len(wanted))
        )
    return len(wanted)


def verify_pdf(path: Path, pages: Sequence[Sequence[str]], *, width_px: int = PAGE_WIDTH_PX) -> int:
    """Check that the PDF at *path* has ``len(pages)`` pages and page i holds exactly the QR
    codes ``pages[i]`` (compared byte for byte, as UTF-8); return the number of codes decoded.

    Each page is rasterised whole, *width_px* wide. Raises PdfCheckError naming what is wrong.
    """
    decoded = 0
    with _opened(path, len(pages)) as document:
        for index, expected in enumerate(pages):
            page = document[index]
            try:
                bitmap = page.render(scale=width_px / page.get_width(), grayscale=True)
                image = bitmap.to_pil()
            finally:
                page.close()
            decoded += _check_codes(image, expected, index + 1)
    return decoded


def _render(page: Any, box: Box, scale: float) -> Any:
    """*box* of *page* rasterised in grey at *scale* pixels a point (PDFium draws only it)."""
    width, height = page.get_width(), page.get_height()
    left, top = max(0.0, box[0]), max(0.0, box[1])
    right, bottom = min(width, box[2]), min(height, box[3])
    crop = (left, height - bottom, width - right, top)  # what PDFium cuts off each side
    return page.render(scale=scale, grayscale=True, crop=crop).to_pil()


def verify_pdf_marks(
    path: Path, pages: Sequence[PageMarks], *, px_per_module: int = CHECK_PX_PER_MODULE
) -> int:
    """Like verify_pdf, but only what must be checked is rasterised on each page: its codes
    at *px_per_module* pixels a module (zxing-cpp must find exactly ``texts``, byte for
    byte) and its ``drawn`` mark at one pixel a point (it must show ink: the page is
    drawn). Return the number of codes decoded; raise PdfCheckError naming what is wrong.

    PDFium still parses each page whole; about half the work of rasterising it all
    (benchmarks/bench_qr.py).
    """
    decoded = 0
    with _opened(path, len(pages)) as document:
        for index, marks in enumerate(pages):
            page = document[index]
            try:
                codes = _render(page, marks.codes, px_per_module / marks.module_pt)
                mark = _render(page, marks.drawn, 1.0)
            finally:
                page.close()
            darkest, lightest = mark.getextrema()
            if lightest - darkest < MARK_CONTRAST:
                raise PdfCheckError(PDF_PAGE_BLANK(page=index + 1))
            decoded += _check_codes(codes, marks.texts, index + 1)
    return decoded
