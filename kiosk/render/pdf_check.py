"""Check a written PDF file itself: it parses to the end and every page's QR codes decode.

The file is opened with PDFium (pypdfium2), a reader independent of Qt's PDF
writer; each page is rasterised and zxing-cpp must find exactly the codes that
were drawn on it (docs/architecture.md, "Domain facts": every QR the app
prints has been decoded back).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kiosk.domain.messages import N_, define
from kiosk.render.verify import QrVerificationError, read_drawn

#: Pixel width a page is rasterised at for decoding: a >= 3 cm code on an A6 page
#: gets about 4 pixels per module (an A4 poster, twice the size, gets the same).
PAGE_WIDTH_PX = 800

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


class PdfCheckError(QrVerificationError):
    """The written PDF does not open, has the wrong pages, or a QR code on it does not decode."""


def verify_pdf(path: Path, pages: Sequence[Sequence[str]], *, width_px: int = PAGE_WIDTH_PX) -> int:
    """Check that the PDF at *path* has ``len(pages)`` pages and page i holds exactly the QR
    codes ``pages[i]`` (compared byte for byte, as UTF-8); return the number of codes decoded.

    Raises PdfCheckError naming what is wrong.
    """
    import pypdfium2

    data = path.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise PdfCheckError(PDF_NOT_COMPLETE())
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        raise PdfCheckError(PDF_DOES_NOT_OPEN(reason=str(exc))) from None
    decoded = 0
    try:
        if len(document) != len(pages):
            raise PdfCheckError(PDF_PAGE_COUNT(found=len(document), expected=len(pages)))
        for index, expected in enumerate(pages):
            page = document[index]
            try:
                width_pt = page.get_width()
                bitmap = page.render(scale=width_px / width_pt, grayscale=True)
                image = bitmap.to_pil()
            finally:
                page.close()
            results = read_drawn(image)  # the app drew the page: upright, dark on light
            found = {bytes(r.bytes) for r in results if r.valid}
            wanted = {text.encode("utf-8") for text in expected}
            if found != wanted:
                raise PdfCheckError(
                    PDF_PAGE_CODES(page=index + 1, found=len(found & wanted), expected=len(wanted))
                )
            decoded += len(wanted)
    finally:
        document.close()
    return decoded
