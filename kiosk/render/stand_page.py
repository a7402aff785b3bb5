"""One stand page, drawn: the header, the codes two per row, payment methods and footer.

Designed on A6 in 300-dpi device units (kiosk.render.stands scales it to A5 and
A4). Every helper can run ``dry`` to measure first; the type and a lone code then
shrink until the page fits above its footer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from kiosk.domain import design
from kiosk.domain.listing import StoreDetail
from kiosk.domain.locales import LOCALES, LocaleCode
from kiosk.domain.text import LocalizedText
from kiosk.render import stands_text as copy
from kiosk.render.fonts import font_for
from kiosk.render.qr import QrMatrix, draw_qr
from kiosk.render.text_layer import TextLayer

StandSize = Literal["a6", "a5", "a4"]
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


@dataclass(frozen=True, slots=True)
class ExtraCode:
    """A further code on the stand (after KakaoTalk and payment): its heading and print lines."""

    matrix: QrMatrix
    heading: str
    lines: dict[LocaleCode, str]


@dataclass(frozen=True, slots=True)
class StandPage:
    """One stand page: the store and its verified codes (None where it has none)."""

    store: StoreDetail
    kakao: QrMatrix | None
    payment: QrMatrix | None
    extra: tuple[ExtraCode, ...] = ()

    def texts(self) -> list[str]:
        """What the page's codes hold, in drawing order (checked in the written file)."""
        kept = [m for m in (self.kakao, self.payment) if m is not None]
        return [m.spec.text for m in kept] + [code.matrix.spec.text for code in self.extra]


@dataclass(slots=True)
class Placed:
    """Where a drawn stand put its header band and its codes (each with its quiet zone and
    modules across), in the painter's device units: what the check of a written file reads."""

    header: QRectF = field(default_factory=QRectF)
    codes: list[tuple[QRectF, int]] = field(default_factory=list)


def mm(value: float) -> float:
    return value * DPI / 25.4


#: Text flags as plain ints: combining Qt's flag enums costs more than the drawing.
_V_CENTER = Qt.AlignmentFlag.AlignVCenter.value
_WORD_WRAP = Qt.TextFlag.TextWordWrap.value
_WRAP_ANYWHERE = Qt.TextFlag.TextWrapAnywhere.value


def _px(points: float) -> int:
    return round(points * DPI / 72)


class _Painter:
    """Text and box helpers on an A6 page in 300-dpi device units.

    With ``dry`` set nothing is drawn but every helper returns the same
    geometry, so a page can be measured first and its type shrunk to fit.
    Fonts and text measures are kept for the painter's life: the pages of one
    document repeat the same paragraphs (five languages under each code), so each
    is laid out once per font and width, not once a page.
    """

    def __init__(self, painter: QPainter, text_layer: TextLayer | None = None) -> None:
        self.p = painter
        self.text_layer = text_layer
        self.dry = False
        self.text_scale = 1.0
        self.placed: Placed | None = None
        self._fonts: dict[tuple[str, int, bool], QFont] = {}
        self._sizes: dict[tuple[int, float, int, str], tuple[float, float]] = {}
        self._elided: dict[tuple[int, float, str], str] = {}
        self._advances: dict[tuple[int, str], float] = {}

    def font(self, locale: LocaleCode, points: float, bold: bool = False) -> QFont:
        key = (locale, _px(points * self.text_scale), bold)
        font = self._fonts.get(key)
        if font is None:
            font = self._fonts[key] = font_for(locale, key[1], bold=bold)
        return font

    def advance(self, font: QFont, text: str) -> float:
        """The width of *text* on one line in *font* (kept: *font* comes from ``font``)."""
        key = (id(font), text)
        width = self._advances.get(key)
        if width is None:
            metrics = QFontMetricsF(font, self.p.device())
            width = self._advances[key] = metrics.horizontalAdvance(text)
        return width

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
        key = (id(font), rect.width(), text)
        elided = self._elided.get(key)
        if elided is None:
            metrics = QFontMetricsF(font, self.p.device())
            elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
            self._elided[key] = elided
        self.p.setFont(font)
        self.p.setPen(color)
        self.p.drawText(rect, align.value | _V_CENTER, elided)
        if self.text_layer is not None:
            self.text_layer.drawn(font, elided, width=rect.width(), flags=align.value | _V_CENTER)

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
        """Word-wrapped paragraph at (x, y), never cut at the side; return the y below it."""
        flags = align.value | _WORD_WRAP
        bound_w, bound_h = self._size(font, text, width=width, flags=flags)
        if bound_w > width + 0.5:  # one word wider than the line: break inside it
            flags = align.value | _WRAP_ANYWHERE
            bound_w, bound_h = self._size(font, text, width=width, flags=flags)
        if not self.dry:
            self.p.setFont(font)
            self.p.setPen(color)
            self.p.drawText(QRectF(x, y, width, bound_h), flags, text)
            if self.text_layer is not None:
                self.text_layer.drawn(font, text, width=width, flags=flags)
        return y + bound_h

    def _size(self, font: QFont, text: str, *, width: float, flags: int) -> tuple[float, float]:
        """Width and height of the painter's bounding rectangle of *text* wrapped in *width*:
        measured once (the dry runs that fit each page and the drawing ask for the same
        paragraphs, and every page for the same print copy)."""
        key = (id(font), width, flags, text)
        size = self._sizes.get(key)
        if size is None:
            self.p.setFont(font)
            bound = self.p.boundingRect(QRectF(0, 0, width, mm(40)), flags, text)
            size = self._sizes[key] = (bound.width(), bound.height())
        return size

    def band(self, rect: QRectF, fill: QColor, text: str, color: QColor, points: float) -> None:
        if self.dry:
            return
        self.p.setPen(Qt.PenStyle.NoPen)
        self.p.setBrush(fill)
        self.p.drawRoundedRect(rect, mm(1.5), mm(1.5))
        self.line(
            text, rect, self.font("ko", points, bold=True), color, Qt.AlignmentFlag.AlignHCenter
        )


def _other_names(store: StoreDetail) -> str:
    """The store's name in the tourist languages it has (each once, Korean left out)."""
    korean = store.name.get("ko")
    seen: list[str] = []
    for locale in LOCALES[1:]:
        if store.name.has(locale):
            name = store.name.get(locale)
            if name != korean and name not in seen:
                seen.append(name)
    return " · ".join(seen)


def _draw_header(d: _Painter, store: StoreDetail, market_name: LocalizedText) -> float:
    x, width = mm(MARGIN), mm(PAGE_W - 2 * MARGIN)
    if not d.dry:
        band = QRectF(0, 0, mm(PAGE_W), mm(14))
        d.p.fillRect(band, PRIMARY)
        if d.placed is not None:
            d.placed.header = d.p.transform().mapRect(band)
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
    # A long name wraps onto more lines (never cut); the page then shrinks to fit.
    left = Qt.AlignmentFlag.AlignLeft
    y = d.wrapped(
        store.name.get("ko"), d.font("ko", 22, bold=True), x=x, y=mm(16), width=width, align=left
    )
    others = _other_names(store)
    if others:
        font = d.font("en", 12)
        y = d.wrapped(others, font, x=x, y=y, width=width, color=MUTED, align=left)
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
        drawn = draw_qr(d.p, matrix, round(x + (width - side) / 2), round(y), module)
        if d.placed is not None:
            d.placed.codes.append((d.p.transform().mapRect(drawn), matrix.total))
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
    x, height = x0, mm(5.2)
    for method in store.payment_methods:
        text = copy.method_badge(method)
        w = min(d.advance(font, text) + mm(5), right - x0)
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


def _columns(codes: StandPage) -> list[_Column]:
    columns: list[_Column] = []
    if codes.kakao is not None:
        columns.append(_Column(codes.kakao, copy.KAKAO_HEADING, KAKAO, INK, copy.KAKAO_CTA))
    if codes.payment is not None:
        columns.append(_Column(codes.payment, copy.PAY_HEADING, PRIMARY, WHITE, copy.PAY_HOWTO))
    for extra in codes.extra:
        columns.append(_Column(extra.matrix, extra.heading, ACCENT, WHITE, extra.lines))
    return columns


def _missing_note(codes: StandPage) -> str:
    """The stand says which of the two usual codes the store does not have yet."""
    if codes.kakao is None and codes.payment is None:
        return ""  # the stall page's own card (kiosk.render.stands.prepare_pages)
    if codes.kakao is None:
        return copy.NO_KAKAO
    if codes.payment is None:
        return copy.NO_PAYMENT
    return ""


def _layout(
    d: _Painter, codes: StandPage, market_name: LocalizedText, *, single_mm: float
) -> float:
    """Draw (or measure, when dry) everything above the footer; return the bottom y."""
    y = _draw_header(d, codes.store, market_name)
    columns = _columns(codes)
    gap = mm(4)
    content = mm(PAGE_W - 2 * MARGIN)
    for row_start in range(0, len(columns), 2):
        row = columns[row_start : row_start + 2]
        width = content if len(row) == 1 else (content - gap) / 2
        symbol = single_mm if len(columns) == 1 else MIN_SYMBOL_MM
        bottom = y
        for index, col in enumerate(row):
            x = mm(MARGIN) + index * (width + gap)
            bottom = max(bottom, _draw_column(d, col, x=x, y=y, width=width, symbol_mm=symbol))
        y = bottom + mm(1.5)
    note = _missing_note(codes)
    if note:
        y = d.wrapped(note, d.font("ko", 7.5), x=mm(MARGIN), y=y, width=content, color=MUTED)
        y += mm(1)
    return _draw_methods(d, codes.store, y)


def _draw_page(d: _Painter, codes: StandPage, market_name: LocalizedText) -> bool:
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


class StandDrawer:
    """Draws stand pages on one painter, already scaled to A6 at 300 dpi units, keeping
    fonts and text measures from page to page (the painter's transform must stay).
    *text_layer*, when given, is told every text drawn (a PDF's text layer)."""

    def __init__(self, painter: QPainter, text_layer: TextLayer | None = None) -> None:
        self._d = _Painter(painter, text_layer)

    def draw(
        self, page: StandPage, market_name: LocalizedText, placed: Placed | None = None
    ) -> bool:
        """Draw *page*; True when it fitted. *placed*, when given, is told where the header
        and the codes went."""
        self._d.placed = placed
        return _draw_page(self._d, page, market_name)


def draw_stand(
    painter: QPainter, page: StandPage, market_name: LocalizedText, placed: Placed | None = None
) -> bool:
    """Draw one *page* on *painter* (see StandDrawer); True when it fitted."""
    return StandDrawer(painter).draw(page, market_name, placed)
