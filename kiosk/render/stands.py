"""Table stands (A6 card, A5, A4 poster): one page per store with its verified QR codes.

The page design is kiosk.render.stand_page (on A6; A5 and the A4 poster are it
scaled x1.41 and x2, so their codes print larger). Every QR is verified before it
is drawn: the same vector drawing code is rasterised and decoded with zxing-cpp
(see kiosk.render.verify), and a written PDF is opened again and decoded.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF
from PySide6.QtGui import QPageLayout, QPageSize

from kiosk.domain import design
from kiosk.domain.listing import StoreDetail
from kiosk.domain.messages import N_, KioskError, define
from kiosk.domain.qr.kakao import KakaoChannelError
from kiosk.domain.qr.payment import PaymentQrError
from kiosk.domain.qr.store_codes import kakao_code_spec, payment_code_spec
from kiosk.domain.site import stall_page_spec
from kiosk.domain.text import LocalizedText
from kiosk.render import stands_text
from kiosk.render.atomic import check_output_dir, write_verified
from kiosk.render.guiapp import ensure_gui_app
from kiosk.render.output import PdfCanvas
from kiosk.render.pdf_check import Box, PageMarks, verify_pdf_marks
from kiosk.render.qr import QrMatrix, build_matrix
from kiosk.render.stand_page import (
    DPI,
    PAGE_W,
    ExtraCode,
    Placed,
    StandDrawer,
    StandPage,
    StandSize,
    draw_stand,
    mm,
)
from kiosk.render.verify import verify_matrix

__all__ = ["ExtraCode", "StandPage", "StandSize", "draw_stand", "mm"]

STORE_REFUSED = define("stands.store_refused", N_("store {store}: {reason}"))
NOTHING_TO_PRINT = define(
    "stands.nothing_to_print",
    N_("no active store has a KakaoTalk channel or payment QR to print"),
)


class StandsError(KioskError, ValueError):
    """Stands cannot be printed (no store with a QR, or a store's QR data is refused)."""


@dataclass(frozen=True, slots=True)
class StandSet:
    """The verified stand pages of some stores of one market, ready to preview, print or write."""

    market_name: LocalizedText
    pages: tuple[StandPage, ...]


@dataclass(frozen=True, slots=True)
class StandsResult:
    path: Path
    pages: int
    codes_verified: int


def _store_label(store: StoreDetail) -> str:
    return f"{store.stall_number} {store.name.get('ko')}".strip()


def store_codes(store: StoreDetail) -> tuple[QrMatrix | None, QrMatrix | None]:
    """Validated KakaoTalk and payment QR matrices of *store* (None where it has none).

    Raises StandsError naming the store when its stored data is refused.
    """
    try:
        kakao_spec, payment_spec = kakao_code_spec(store), payment_code_spec(store)
    except (KakaoChannelError, PaymentQrError) as exc:
        raise StandsError(STORE_REFUSED(store=_store_label(store), reason=exc.message)) from None
    kakao = build_matrix(kakao_spec) if kakao_spec is not None else None
    payment = build_matrix(payment_spec) if payment_spec is not None else None
    return kakao, payment


def printable_stores(
    stores: Sequence[StoreDetail], page_urls: Mapping[int, str] | None = None
) -> list[StoreDetail]:
    """Active stores with at least one QR (KakaoTalk channel, payment payload, stall page)."""
    pages = page_urls or {}
    return [
        s
        for s in stores
        if s.active and (s.kakao_channel_id or s.payment_qr_payload or s.id in pages)
    ]


def prepare_pages(
    stores: Sequence[StoreDetail], page_urls: Mapping[int, str] | None = None
) -> list[StandPage]:
    """The stand pages of the printable *stores*, every code verified (decoded back).

    *page_urls* (store id -> the stall's page on the market's website) adds a "stall
    page" code to each of those stands. Raises StandsError naming a store whose data
    is refused, or when none has a code.
    """
    printable = printable_stores(stores, page_urls)
    if not printable:
        raise StandsError(NOTHING_TO_PRINT())
    verified: set[str] = set()
    pages: list[StandPage] = []
    for store in printable:
        kakao, payment = store_codes(store)
        for matrix in (kakao, payment):
            if matrix is not None and matrix.spec.text not in verified:
                verify_matrix(matrix)
                verified.add(matrix.spec.text)
        extra = _page_code(page_urls, store.id)
        if extra and kakao is not None and payment is not None:
            # Three codes at the 3 cm print rule do not fit the A6 card (nor its scaled A5
            # and A4): the stall page gets a card of its own, right after the stand.
            pages += [StandPage(store, kakao, payment), StandPage(store, None, None, extra)]
        else:
            pages.append(StandPage(store, kakao, payment, extra))
    return pages


def _page_code(page_urls: Mapping[int, str] | None, store_id: int) -> tuple[ExtraCode, ...]:
    """The stall page's code (error correction M), decoded back before it is used."""
    url = (page_urls or {}).get(store_id)
    if not url:
        return ()
    matrix = build_matrix(stall_page_spec(url))
    verify_matrix(matrix)
    return (ExtraCode(matrix, stands_text.PAGE_HEADING, stands_text.PAGE_LINES),)


def _points(rect: QRectF) -> Box:
    """*rect* in the PDF writer's device units (DPI) as a Box in PDF points."""
    k = 72 / DPI
    return (rect.left() * k, rect.top() * k, rect.right() * k, rect.bottom() * k)


def page_marks(texts: Sequence[str], placed: Placed) -> PageMarks:
    """What the check of the written file reads on a page drawn with *placed*: the band of
    its codes (at their smallest module) and the header band, which must show ink."""
    band = placed.codes[0][0]
    for rect, _ in placed.codes[1:]:
        band = band.united(rect)
    module_pt = min(rect.width() / total for rect, total in placed.codes) * 72 / DPI
    return PageMarks(tuple(texts), _points(band), module_pt, _points(placed.header))


def page_scale(size: StandSize) -> float:
    """How much larger than the A6 design the *size* page is (1, ~1.41, 2)."""
    return design.STAND_SIZES_MM[size][0] / PAGE_W


def page_layout(size: StandSize) -> QPageLayout:
    page_id = {
        "a6": QPageSize.PageSizeId.A6,
        "a5": QPageSize.PageSizeId.A5,
        "a4": QPageSize.PageSizeId.A4,
    }[size]
    return QPageLayout(QPageSize(page_id), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))


def stands_pdf(
    pages: Sequence[StandPage],
    market_name: LocalizedText,
    *,
    size: StandSize = "a6",
    copies: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[bytes, list[PageMarks]]:
    """The PDF bytes of *pages* (each *copies* times, in a row) and each PDF page's codes:
    what they hold and where they are.

    *progress(done, total)* is called after each store; it may raise to stop.
    """
    ensure_gui_app()
    scale = page_scale(size)
    canvas = PdfCanvas(page_layout(size), resolution=DPI, title=market_name.get("ko"))
    expected: list[PageMarks] = []
    try:
        canvas.painter.scale(scale, scale)
        drawer = StandDrawer(canvas.painter, canvas.text_layer)
        for index, codes in enumerate(pages):
            for _copy in range(max(1, copies)):
                if expected:
                    canvas.new_page()
                placed = Placed()
                drawer.draw(codes, market_name, placed)
                expected.append(page_marks(codes.texts(), placed))
            if progress is not None:
                progress(index + 1, len(pages))
    except BaseException:
        canvas.abandon()
        raise
    return canvas.finish(), expected  # its text layer repaired (PdfCanvas)


def render_stands(
    stores: Sequence[StoreDetail],
    market_name: LocalizedText,
    out: Path,
    *,
    size: StandSize = "a6",
    copies: int = 1,
    progress: Callable[[int, int], None] | None = None,
    page_urls: Mapping[int, str] | None = None,
) -> StandsResult:
    """Write one stand page per printable store (times *copies*) to *out* (PDF), atomically.

    Every store's QR data is validated and each code verified (rasterised and
    decoded) before anything is drawn; a refused store raises StandsError
    naming it, and no file appears at *out*. The PDF is drawn in memory and
    written with the one writer (kiosk.render.atomic): the written file must
    open in PDFium with one page per store and every code decoding, else the
    old *out* stays and OutputPathError / PdfCheckError names the cause.
    """
    ensure_gui_app()
    check_output_dir(out)  # before any drawing; the writer checks again
    stands = StandSet(market_name, tuple(prepare_pages(stores, page_urls)))
    return write_stands(stands, out, size=size, copies=copies, progress=progress)


def write_stands(
    stands: StandSet,
    out: Path,
    *,
    size: StandSize = "a6",
    copies: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> StandsResult:
    """Write *stands* (each page *copies* times) to *out* as a PDF, checked and atomic."""
    check_output_dir(out)
    data, expected = stands_pdf(
        stands.pages, stands.market_name, size=size, copies=copies, progress=progress
    )
    # The file as written is opened with PDFium: every page must be there, drawn, and every
    # QR code drawn on it must decode (kiosk.render.pdf_check).
    write_verified(out, data, lambda tmp: verify_pdf_marks(tmp, expected))
    codes = {text for page in stands.pages for text in page.texts()}
    return StandsResult(out, len(expected), len(codes))
