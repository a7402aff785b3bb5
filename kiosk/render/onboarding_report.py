"""A store's printable onboarding report (A4 PDF): done steps with dates, what is left, its codes.

Every QR code (the store's KakaoTalk and payment codes, its profile links, the
official page of each step left) is verified before it is drawn, and the
written file is opened with PDFium and each page's codes decoded back
(docs/architecture.md, "Domain facts": every QR the app prints is decoded back).
Its text layer reads back what is printed (kiosk.render.text_layer).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter

from kiosk.domain import design
from kiosk.domain.locales import LocaleCode
from kiosk.domain.onboarding.checklist import Step
from kiosk.domain.onboarding.progress import StoreOnboarding
from kiosk.domain.onboarding.status import STATUS_LABELS, STATUS_MARKS, StepStatus
from kiosk.domain.qr.symbols import QrSpec
from kiosk.i18n import N_, translate
from kiosk.render.atomic import check_output_dir, write_verified
from kiosk.render.fonts import font_for
from kiosk.render.guiapp import ensure_gui_app
from kiosk.render.output import PdfCanvas
from kiosk.render.pdf_check import verify_pdf
from kiosk.render.qr import QrMatrix, build_matrix, draw_qr
from kiosk.render.verify import verify_matrix

DPI = design.PRINT_DPI
PAGE_W, PAGE_H = design.STAND_SIZES_MM["a4"]
MARGIN = 15.0
#: Store codes print a little over the 3 cm rule; official-page codes at the rule.
STORE_CODE_MM = design.MIN_QR_SYMBOL_MM + 4.0
PAGE_CODE_MM = design.MIN_QR_SYMBOL_MM
#: Rasterised width for the PDFium check: ~5 px per mm, 4+ px per module for these codes.
CHECK_WIDTH_PX = 1050
INK = QColor(design.INK)
MUTED = QColor(design.MUTED)
PRIMARY = QColor(design.PRIMARY)
WHITE = QColor(design.WHITE)
LINE = QColor(design.LINE)
SOFT = QColor(design.SOFT)

# Section headings and labels (translated into the report's language when drawn).
TITLE = N_("Digital onboarding report")
PRINTED = N_("Printed on {day}")
PROGRESS = N_("{done} of {total} steps done")
CODES = N_("Your codes")
DONE_HEADING = N_("Done")
LEFT_HEADING = N_("Still to do")
SKIPPED_HEADING = N_("Not applicable")
BRING = N_("Bring:")
OFFICIAL_PAGE = N_("Official page")
IN_THIS_APP = N_("In this app")
MINUTES = N_("about {minutes} minutes")
HELPED = N_("helped by {name}")


@dataclass(frozen=True, slots=True)
class ReportCode:
    """One code printed in "Your codes": what it is (caption) and what it encodes."""

    caption: str
    spec: QrSpec


@dataclass(frozen=True, slots=True)
class ReportResult:
    path: Path
    pages: int
    codes_verified: int


def mm(value: float) -> float:
    return value * DPI / 25.4


def _px(points: float) -> int:
    return round(points * DPI / 72)


@dataclass
class _Doc:
    """The canvas, the cursor and the codes drawn on each page (for the PDFium check)."""

    canvas: PdfCanvas
    locale: LocaleCode
    y: float = 0.0
    page_codes: list[list[str]] = field(default_factory=lambda: [[]])
    fonts: dict[tuple[int, bool], QFont] = field(default_factory=dict)

    @property
    def p(self) -> QPainter:
        return self.canvas.painter

    def t(self, text: str) -> str:
        return translate(text, self.locale)

    def font(self, points: float, bold: bool = False) -> QFont:
        key = (_px(points), bold)
        if key not in self.fonts:
            self.fonts[key] = font_for(self.locale, key[0], bold=bold)
        return self.fonts[key]

    def page_break(self, needed: float) -> None:
        if self.y + needed <= mm(PAGE_H - MARGIN):
            return
        self.canvas.new_page()
        self.page_codes.append([])
        self._paper()
        self.y = mm(MARGIN)

    def _paper(self) -> None:
        self.p.fillRect(QRectF(0, 0, mm(PAGE_W), mm(PAGE_H)), WHITE)

    def height(self, text: str, font: QFont, width: float) -> float:
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        metrics = QFontMetricsF(font, self.p.device())
        return metrics.boundingRect(QRectF(0, 0, width, mm(200)), flags, text).height()

    def text(self, text: str, font: QFont, *, x: float, width: float, color: QColor = INK) -> float:
        """A word-wrapped paragraph at the cursor; return its height (the cursor is not moved)."""
        height = self.height(text, font, width)
        self.p.setPen(color)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        # Recorded for the file's text layer (copy, search, reading aloud).
        self.canvas.draw_text(QRectF(x, self.y, width, height), flags, text, font)
        return height

    def code(self, matrix: QrMatrix, *, x: float, y: float, symbol_mm: float) -> float:
        module = max(1, math.ceil(mm(symbol_mm) / matrix.size))
        draw_qr(self.p, matrix, round(x), round(y), module)
        self.page_codes[-1].append(matrix.spec.text)
        return float(matrix.total * module)


def _header(doc: _Doc, onboarding: StoreOnboarding, printed_on: date) -> None:
    store = onboarding.store
    left, width = mm(MARGIN), mm(PAGE_W - 2 * MARGIN)
    doc.p.fillRect(QRectF(0, 0, mm(PAGE_W), mm(30)), PRIMARY)
    doc.y = mm(6)
    doc.text(doc.t(TITLE), doc.font(18, True), x=left, width=width, color=WHITE)
    doc.y = mm(17)
    market = store.market_name.get(doc.locale)
    day = doc.t(PRINTED).format(day=printed_on.isoformat())
    doc.text(f"{market}  ·  {day}", doc.font(10), x=left, width=width, color=WHITE)
    doc.y = mm(36)
    name = f"{store.stall_number}  {store.name.get(doc.locale)}"
    doc.y += doc.text(name, doc.font(20, True), x=left, width=width) + mm(2)
    counted = onboarding.tally()
    line = doc.t(PROGRESS).format(done=counted.done, total=counted.applicable)
    doc.y += doc.text(line, doc.font(13, True), x=left, width=width, color=PRIMARY) + mm(2)
    bar = QRectF(left, doc.y, width, mm(6))
    doc.p.setPen(Qt.PenStyle.NoPen)
    doc.p.setBrush(SOFT)
    doc.p.drawRoundedRect(bar, mm(3), mm(3))
    if counted.done:
        doc.p.setBrush(PRIMARY)
        doc.p.drawRoundedRect(QRectF(left, doc.y, width * counted.share, mm(6)), mm(3), mm(3))
    doc.y += mm(11)


def _heading(doc: _Doc, text: str) -> None:
    doc.page_break(mm(20))
    left, width = mm(MARGIN), mm(PAGE_W - 2 * MARGIN)
    doc.y += doc.text(text, doc.font(14, True), x=left, width=width, color=PRIMARY) + mm(1)
    doc.p.setPen(LINE)
    doc.p.drawLine(
        QRectF(left, doc.y, width, 0).topLeft(), QRectF(left, doc.y, width, 0).topRight()
    )
    doc.y += mm(3)


def _codes(doc: _Doc, codes: Sequence[tuple[ReportCode, QrMatrix]]) -> None:
    if not codes:
        return
    _heading(doc, doc.t(CODES))
    per_row = 4
    cell = mm(PAGE_W - 2 * MARGIN) / per_row
    for start in range(0, len(codes), per_row):
        row = codes[start : start + per_row]
        doc.page_break(mm(STORE_CODE_MM + 30))
        module = [max(1, math.ceil(mm(STORE_CODE_MM) / m.size)) for _c, m in row]
        side = max(m.total * px for (_c, m), px in zip(row, module, strict=True))
        tallest = 0.0
        top = doc.y
        for column, (code, matrix) in enumerate(row):
            x = mm(MARGIN) + column * cell
            drawn = doc.code(matrix, x=x, y=top + (side - matrix.total * module[column]) / 2,
                             symbol_mm=STORE_CODE_MM)  # fmt: skip
            doc.y = top + max(side, drawn) + mm(1)
            caption = doc.text(code.caption, doc.font(9, True), x=x, width=cell - mm(4))
            tallest = max(tallest, doc.y - top + caption)
        doc.y = top + tallest + mm(5)


def _done(doc: _Doc, onboarding: StoreOnboarding, steps: Sequence[Step]) -> None:
    _heading(doc, doc.t(DONE_HEADING))
    left, width = mm(MARGIN), mm(PAGE_W - 2 * MARGIN)
    for step in steps:
        saved = onboarding.step(step.key)
        parts = [f"{STATUS_MARKS[StepStatus.DONE]} {step.title.get(doc.locale)}"]
        if saved.completed_on is not None:
            parts.append(saved.completed_on.isoformat())
        if saved.helper:
            parts.append(doc.t(HELPED).format(name=saved.helper))
        line = "  ·  ".join(parts)
        doc.page_break(doc.height(line, doc.font(11), width) + mm(2))
        doc.y += doc.text(line, doc.font(11), x=left, width=width) + mm(2)
    doc.y += mm(3)


def _left(
    doc: _Doc, onboarding: StoreOnboarding, steps: Sequence[tuple[Step, QrMatrix | None]]
) -> None:
    _heading(doc, doc.t(LEFT_HEADING))
    left = mm(MARGIN)
    text_width = mm(PAGE_W - 2 * MARGIN - PAGE_CODE_MM - 12)
    code_x = mm(PAGE_W - MARGIN - PAGE_CODE_MM - 4)
    for step, matrix in steps:
        status = onboarding.states[step.key]
        title = f"{STATUS_MARKS[status]} {step.title.get(doc.locale)}"
        title += (
            f"  ({doc.t(STATUS_LABELS[status])}, {doc.t(MINUTES).format(minutes=step.minutes)})"
        )
        lines = [(title, doc.font(12, True), INK)]
        if step.documents:
            bring = doc.t(BRING) + " " + ", ".join(d.get(doc.locale) for d in step.documents)
            lines.append((bring, doc.font(10.5), INK))
        where = step.url or doc.t(IN_THIS_APP)
        lines.append((f"{doc.t(OFFICIAL_PAGE)}: {where}", doc.font(9.5), MUTED))
        heights = [doc.height(text, font, text_width) + mm(1) for text, font, _c in lines]
        block = max(sum(heights), mm(PAGE_CODE_MM + 10) if matrix is not None else 0.0)
        doc.page_break(block + mm(4))
        top = doc.y
        for (text, font, color), height in zip(lines, heights, strict=True):
            doc.text(text, font, x=left, width=text_width, color=color)
            doc.y += height
        if matrix is not None:
            doc.code(matrix, x=code_x, y=top, symbol_mm=PAGE_CODE_MM)
        doc.y = top + block + mm(4)


def render_report(
    onboarding: StoreOnboarding,
    *,
    codes: Sequence[ReportCode],
    out: Path,
    locale: LocaleCode = "ko",
    printed_on: date,
) -> ReportResult:
    """Draw the report of *onboarding* in *locale* and write it to *out* (PDF), verified.

    Raises QrVerificationError before drawing when a code does not decode back,
    PdfCheckError / OutputPathError when the written file does not check out
    (the old *out* stays).
    """
    ensure_gui_app()
    check_output_dir(out)
    verified: set[str] = set()

    def checked(spec: QrSpec) -> QrMatrix:
        matrix = build_matrix(spec)
        if spec.text not in verified:
            verify_matrix(matrix)
            verified.add(spec.text)
        return matrix

    store_codes = [(code, checked(code.spec)) for code in codes]
    states = onboarding.states
    done = [s for s in onboarding.checklist.steps if states[s.key] is StepStatus.DONE]
    left = [
        (s, checked(QrSpec(s.url, "M")) if s.url else None)
        for s in onboarding.checklist.steps
        if states[s.key] in (StepStatus.TODO, StepStatus.DOING)
    ]
    skipped = [s for s in onboarding.checklist.steps if states[s.key] is StepStatus.SKIPPED]
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)
    )
    canvas = PdfCanvas(layout, resolution=DPI, title=onboarding.store.name.get(locale))
    doc = _Doc(canvas, locale)
    try:
        doc.p.fillRect(QRectF(0, 0, mm(PAGE_W), mm(PAGE_H)), WHITE)
        _header(doc, onboarding, printed_on)
        _codes(doc, store_codes)
        if done:
            _done(doc, onboarding, done)
        if left:
            _left(doc, onboarding, left)
        if skipped:
            _heading(doc, doc.t(SKIPPED_HEADING))
            names = ", ".join(s.title.get(locale) for s in skipped)
            width = mm(PAGE_W - 2 * MARGIN)
            doc.page_break(doc.height(names, doc.font(10.5), width))
            doc.text(names, doc.font(10.5), x=mm(MARGIN), width=width, color=MUTED)
    except BaseException:
        canvas.abandon()
        raise
    data = canvas.finish()  # its text layer repaired (kiosk.render.text_layer)
    pages = doc.page_codes
    write_verified(out, data, lambda tmp: verify_pdf(tmp, pages, width_px=CHECK_WIDTH_PX))
    return ReportResult(out, len(pages), sum(len(set(p)) for p in pages))
