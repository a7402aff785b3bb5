"""Table stands (A6) and posters (A4): one PDF page per store with its verified QR codes.

Layout is designed on A6 at 300 dpi device units; the A4 poster is the same
page scaled 2x (A4 is twice A6 on each side), so its QR codes print at ~2x.
Every QR is verified before it is drawn: the same vector drawing code is
rasterised and decoded with zxing-cpp (see kiosk.render.verify).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
)

from kiosk.domain import design
from kiosk.domain.listing import StoreDetail
from kiosk.domain.locales import LOCALES, LocaleCode
from kiosk.domain.messages import N_, KioskError, define
from kiosk.domain.qr.kakao import KakaoChannelError
from kiosk.domain.qr.payment import PaymentQrError
from kiosk.domain.qr.store_codes import kakao_code_spec, payment_code_spec
from kiosk.domain.text import LocalizedText
from kiosk.render import stands_text as copy
from kiosk.render.atomic import check_output_dir, write_verified
from kiosk.render.fonts import font_for
from kiosk.render.guiapp import ensure_gui_app
from kiosk.render.output import PdfCanvas
from kiosk.render.pdf_check import verify_pdf
from kiosk.render.qr import QrMatrix, build_matrix, draw_qr
from kiosk.render.verify import verify_matrix

StandSize = Literal["a6", "a4"]
DPI = design.PRINT_DPI
PAGE_W, PAGE_H = design.STAND_SIZES_MM["a6"]  # the A4 poster is this page scaled
MARGIN = design.STAND_MARGIN_MM
# Colours from the design tokens (docs/architecture.md, "Design tokens").
PAPER = QColor(design.PAPER)
INK = QColor(design.INK)
MUTED = QColor(design.MUTED)
PRIMARY = QColor(design.PRIMARY)
ACCENT = QColor(design.ACCENT)
KAKAO = QColor(design.KAKAO)
WHITE = QColor(design.WHITE)
#: Printed symbol width without quiet zone: 2 mm over the 3 cm print rule on A6
#: (twice that on the A4 poster).
MIN_SYMBOL_MM = design.MIN_QR_SYMBOL_MM + 2.0
SINGLE_SYMBOL_MM = 48.0
#: (text scale, symbol mm of a lone QR code) tried in order until a page fits above its
#: footer: the type shrinks a little first, then a lone code (never below MIN_SYMBOL_MM).
FIT_STEPS: tuple[tuple[float, float], ...] = (
    (1.0, SINGLE_SYMBOL_MM),
    (0.92, SINGLE_SYMBOL_MM),
    (0.85, SINGLE_SYMBOL_MM),
    (0.85, 44.0),
    (0.85, 40.0),
    (0.78, 40.0),
    (0.78, 36.0),
    (0.72, 36.0),
    (0.72, MIN_SYMBOL_MM),
)


STORE_REFUSED = define("stands.store_refused", N_("store {store}: {reason}"))
NOTHING_TO_PRINT = define(
    "stands.nothing_to_print",
    N_("no active store has a KakaoTalk channel or payment QR to print"),
)


class StandsError(KioskError, ValueError):
    """Stands cannot be printed (no store with a QR, or a store's QR data is refused)."""


@dataclass(frozen=True, slots=True)
class StandsResult:
    path: Path
    pages: int
    codes_verified: int


@dataclass(frozen=True, slots=True)
class _StoreCodes:
    store: StoreDetail
    kakao: QrMatrix | None
    payment: QrMatrix | None


def mm(value: float) -> float:
    return value * DPI / 25.4


def _px(points: float) -> int:
    return round(points * DPI / 72)


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


class _Painter:
    """Text and box helpers on an A6 page in 300-dpi device units.

    With ``dry`` set nothing is drawn but every helper returns the same
    geometry, so a page can be measured first and its type shrunk to fit.
    """

    def __init__(self, painter: QPainter) -> None:
        self.p = painter
        self.dry = False
        self.text_scale = 1.0
        self._fonts: dict[tuple[str, int, bool], QFont] = {}

    def font(self, locale: LocaleCode, points: float, bold: bool = False) -> QFont:
        key = (locale, _px(points * self.text_scale), bold)
        if key not in self._fonts:
            self._fonts[key] = font_for(locale, key[1], bold=bold)
        return self._fonts[key]

    def line(
        self,
        text: str,
        rect: QRectF,
        font: QFont,
        color: QColor,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> None:
        """One line, elided at the end rather than clipped mid-glyph."""
        if self.dry:
            return
        metrics = QFontMetricsF(font, self.p.device())
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        self.p.setFont(font)
        self.p.setPen(color)
        self.p.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), elided)

    def wrapped(
        self,
        text: str,
        font: QFont,
        *,
        x: float,
        y: float,
        width: float,
        color: QColor = INK,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignHCenter,
    ) -> float:
        """Word-wrapped paragraph at (x, y); return the y below it."""
        flags = int(align | Qt.TextFlag.TextWordWrap)
        self.p.setFont(font)
        bound = self.p.boundingRect(QRectF(x, y, width, mm(40)), flags, text)
        if not self.dry:
            self.p.setPen(color)
            self.p.drawText(QRectF(x, y, width, bound.height()), flags, text)
        return y + bound.height()

    def band(self, rect: QRectF, fill: QColor, text: str, color: QColor, points: float) -> None:
        if self.dry:
            return
        self.p.setPen(Qt.PenStyle.NoPen)
        self.p.setBrush(fill)
        self.p.drawRoundedRect(rect, mm(1.5), mm(1.5))
        self.line(
            text, rect, self.font("ko", points, bold=True), color, Qt.AlignmentFlag.AlignHCenter
        )


def _draw_header(d: _Painter, store: StoreDetail, market_name: LocalizedText) -> float:
    x, width = mm(MARGIN), mm(PAGE_W - 2 * MARGIN)
    if not d.dry:
        d.p.fillRect(QRectF(0, 0, mm(PAGE_W), mm(14)), PRIMARY)
    market = market_name.get("ko")
    english = market_name.get("en")
    title = market if english == market else f"{market} · {english}"
    d.line(title, QRectF(x, mm(2), width, mm(5.5)), d.font("ko", 10, bold=True), WHITE)
    d.line(
        copy.STALL.format(number=store.stall_number),
        QRectF(x, mm(7.5), width, mm(5)),
        d.font("ko", 9),
        WHITE,
    )
    d.line(store.name.get("ko"), QRectF(x, mm(16), width, mm(10)), d.font("ko", 22, bold=True), INK)
    y = mm(26.5)
    if store.name.has("en") and store.name.get("en") != store.name.get("ko"):
        d.line(store.name.get("en"), QRectF(x, y, width, mm(6)), d.font("en", 12), MUTED)
        y += mm(6)
    return y + mm(1.5)


@dataclass(frozen=True, slots=True)
class _Column:
    matrix: QrMatrix
    heading: str
    fill: QColor
    text_color: QColor
    lines: dict[LocaleCode, str]


def _draw_column(
    d: _Painter, col: _Column, *, x: float, y: float, width: float, symbol_mm: float
) -> float:
    matrix = col.matrix
    d.band(QRectF(x, y, width, mm(6.5)), col.fill, col.heading, col.text_color, 9.5)
    y += mm(7.5)
    module = math.ceil(mm(symbol_mm) / matrix.size)
    while module > 1 and matrix.total * module > width:
        module -= 1
    side = matrix.total * module
    if not d.dry:
        draw_qr(d.p, matrix, round(x + (width - side) / 2), round(y), module)
    y += side + mm(0.5)
    for locale in LOCALES:
        size = 8.0 if locale == "ko" else 7.0
        font = d.font(locale, size, bold=locale == "ko")
        y = d.wrapped(col.lines[locale], font, x=x, y=y, width=width)
        y += mm(0.4)
    return y


def _draw_methods(d: _Painter, store: StoreDetail, y: float) -> float:
    if not store.payment_methods:
        return y
    x0, right = mm(MARGIN), mm(PAGE_W - MARGIN)
    d.line(
        copy.METHODS_HEADING,
        QRectF(x0, y, right - x0, mm(4.5)),
        d.font("ko", 8.5, bold=True),
        PRIMARY,
    )
    y += mm(5)
    font = d.font("ko", 7.5)
    metrics = QFontMetricsF(font, d.p.device())
    x, height = x0, mm(5.2)
    for method in store.payment_methods:
        text = copy.method_badge(method)
        w = min(metrics.horizontalAdvance(text) + mm(5), right - x0)
        if x + w > right:
            x, y = x0, y + height + mm(1.2)
        rect = QRectF(x, y, w, height)
        if not d.dry:
            d.p.setPen(PRIMARY)
            d.p.setBrush(WHITE)
            d.p.drawRoundedRect(rect, height / 2, height / 2)
        d.line(text, rect.adjusted(mm(2), 0, -mm(2), 0), font, INK, Qt.AlignmentFlag.AlignHCenter)
        x += w + mm(1.5)
    return y + height


def _layout(
    d: _Painter, codes: _StoreCodes, market_name: LocalizedText, *, single_mm: float
) -> float:
    """Draw (or measure, when dry) everything above the footer; return the bottom y."""
    y = _draw_header(d, codes.store, market_name)
    columns: list[_Column] = []
    if codes.kakao is not None:
        columns.append(_Column(codes.kakao, copy.KAKAO_HEADING, KAKAO, INK, copy.KAKAO_CTA))
    if codes.payment is not None:
        columns.append(_Column(codes.payment, copy.PAY_HEADING, PRIMARY, WHITE, copy.PAY_HOWTO))
    gap = mm(4)
    content = mm(PAGE_W - 2 * MARGIN)
    width = content if len(columns) == 1 else (content - gap) / 2
    symbol = single_mm if len(columns) == 1 else MIN_SYMBOL_MM
    bottom = y
    for index, col in enumerate(columns):
        x = mm(MARGIN) + index * (width + gap)
        bottom = max(bottom, _draw_column(d, col, x=x, y=y, width=width, symbol_mm=symbol))
    return _draw_methods(d, codes.store, bottom + mm(1.5))


def _draw_page(d: _Painter, codes: _StoreCodes, market_name: LocalizedText) -> bool:
    """Draw one page; return whether its content fitted above the footer."""
    footer_top = mm(PAGE_H - (11.5 if codes.payment is not None else 4))
    # Shrink the type, then a lone QR code (to >= 3 cm), until the page fits above the footer.
    fits = False
    for text_scale, single_mm in FIT_STEPS:
        d.dry, d.text_scale = True, text_scale
        if _layout(d, codes, market_name, single_mm=single_mm) <= footer_top:
            fits = True
            break
    d.dry = False
    d.p.fillRect(QRectF(0, 0, mm(PAGE_W), mm(PAGE_H)), PAPER)
    _layout(d, codes, market_name, single_mm=single_mm)
    if codes.payment is not None:
        footer = QRectF(mm(MARGIN), footer_top + mm(1), mm(PAGE_W - 2 * MARGIN), mm(4.5))
        d.line(copy.LAMINATE[0], footer, d.font("ko", 7.5, bold=True), ACCENT)
        d.line(copy.LAMINATE[1], footer.translated(0, mm(4.5)), d.font("en", 7.5), ACCENT)
    return fits


def printable_stores(stores: Sequence[StoreDetail]) -> list[StoreDetail]:
    """Active stores with at least one QR (KakaoTalk channel or payment payload)."""
    return [s for s in stores if s.active and (s.kakao_channel_id or s.payment_qr_payload)]


def render_stands(
    stores: Sequence[StoreDetail],
    market_name: LocalizedText,
    out: Path,
    *,
    size: StandSize = "a6",
    progress: Callable[[int, int], None] | None = None,
) -> StandsResult:
    """Write one stand page per printable store to *out* (PDF), atomically.

    Every store's QR data is validated and each code verified (rasterised and
    decoded) before anything is drawn; a refused store raises StandsError
    naming it, and no file appears at *out*. The PDF is drawn in memory and
    written with the one writer (kiosk.render.atomic): the written file must
    open in PDFium with one page per store and every code decoding, else the
    old *out* stays and OutputPathError / PdfCheckError names the cause.
    """
    ensure_gui_app()
    check_output_dir(out)  # before any drawing; the writer checks again
    printable = printable_stores(stores)
    if not printable:
        raise StandsError(NOTHING_TO_PRINT())
    verified: set[str] = set()
    pages: list[_StoreCodes] = []
    for store in printable:
        kakao, payment = store_codes(store)
        for matrix in (kakao, payment):
            if matrix is not None and matrix.spec.text not in verified:
                verify_matrix(matrix)
                verified.add(matrix.spec.text)
        pages.append(_StoreCodes(store, kakao, payment))
    scale = design.STAND_SIZES_MM[size][0] / PAGE_W  # 2.0 for the A4 poster
    page_id = QPageSize.PageSizeId.A4 if size == "a4" else QPageSize.PageSizeId.A6
    canvas = PdfCanvas(
        QPageLayout(QPageSize(page_id), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)),
        resolution=DPI,
        title=market_name.get("ko"),
    )
    try:
        canvas.painter.scale(scale, scale)
        draw = _Painter(canvas.painter)
        for index, codes in enumerate(pages):
            if index:
                canvas.new_page()
            _draw_page(draw, codes, market_name)
            if progress is not None:
                progress(index + 1, len(pages))
    except BaseException:
        canvas.abandon()
        raise
    data = canvas.finish()
    # The file as written is opened with PDFium: every page must be there and every
    # QR code drawn on it must decode (kiosk.render.pdf_check).
    expected = [
        [m.spec.text for m in (codes.kakao, codes.payment) if m is not None] for codes in pages
    ]
    write_verified(out, data, lambda tmp: verify_pdf(tmp, expected))
    return StandsResult(out, len(pages), len(verified))
