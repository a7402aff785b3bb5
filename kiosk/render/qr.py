"""QR symbols: matrix from the ``qrcode`` library, drawn crisply with QPainter or as SVG text.

Rules (DESIGN.md, domain facts): quiet zone of at least 4 modules, integer
module size in device pixels, payment QR at error correction M with no logo,
KakaoTalk QR at level H with a centred channel mark covering ~12% of the
symbol (20% failed to decode for a short URL; the limit is ~15%).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import qrcode
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPolygonF
from qrcode.constants import ERROR_CORRECT_H, ERROR_CORRECT_L, ERROR_CORRECT_M, ERROR_CORRECT_Q

from kiosk.domain import design

EcLevel = Literal["L", "M", "Q", "H"]

QUIET_ZONE = 4
#: Share of the symbol area (without quiet zone) the channel mark may clear.
LOGO_AREA = 0.12
# Colours from the design tokens (docs/architecture.md, "Design tokens").
INK = design.QR_DARK
PAPER = design.QR_LIGHT
KAKAO_YELLOW = design.KAKAO

_EC = {"L": ERROR_CORRECT_L, "M": ERROR_CORRECT_M, "Q": ERROR_CORRECT_Q, "H": ERROR_CORRECT_H}


@dataclass(frozen=True, slots=True)
class QrSpec:
    """What to encode and how: ``text`` is encoded as UTF-8 bytes, unchanged."""

    text: str
    ec: EcLevel = "M"
    logo: bool = False

    def __post_init__(self) -> None:
        if self.logo and self.ec != "H":
            raise ValueError("a QR code with a logo needs error correction H")


def kakao_spec(url: str) -> QrSpec:
    """KakaoTalk channel link: level H with the centred channel mark."""
    return QrSpec(url, "H", logo=True)


def payment_spec(payload: str) -> QrSpec:
    """Payment payload: level M, never a logo (FSC 2018 standard caps error correction)."""
    return QrSpec(payload, "M", logo=False)


@dataclass(frozen=True, slots=True)
class QrMatrix:
    """Dark modules of one symbol (no quiet zone) plus the area cleared for the logo."""

    spec: QrSpec
    version: int
    rows: tuple[tuple[bool, ...], ...]
    logo_box: tuple[int, int] | None  # (first module, side) of the cleared square

    @property
    def size(self) -> int:
        return len(self.rows)

    @property
    def total(self) -> int:
        """Modules across including the quiet zone on both sides."""
        return self.size + 2 * QUIET_ZONE

    def runs(self) -> list[tuple[int, int, int]]:
        """Horizontal runs of dark modules as (x, y, width), outside the logo box."""
        result: list[tuple[int, int, int]] = []
        box = self.logo_box
        for y, row in enumerate(self.rows):
            x = 0
            while x < len(row):
                if row[x] and not _in_box(box, x, y):
                    start = x
                    while x < len(row) and row[x] and not _in_box(box, x, y):
                        x += 1
                    result.append((start, y, x - start))
                else:
                    x += 1
        return result


def _in_box(box: tuple[int, int] | None, x: int, y: int) -> bool:
    return box is not None and box[0] <= x < box[0] + box[1] and box[0] <= y < box[0] + box[1]


@lru_cache(maxsize=256)
def build_matrix(spec: QrSpec) -> QrMatrix:
    """Encode *spec* with the smallest version that fits (raises ValueError if none does)."""
    code = qrcode.QRCode(error_correction=_EC[spec.ec], border=0, box_size=1)
    code.add_data(spec.text.encode("utf-8"))
    try:
        code.make(fit=True)
    except (qrcode.exceptions.DataOverflowError, ValueError):  # ValueError: "Invalid version"
        raise ValueError(
            f"text of {len(spec.text.encode('utf-8'))} bytes does not fit in a QR code"
        ) from None
    rows = tuple(tuple(bool(v) for v in row) for row in code.get_matrix())
    box = None
    if spec.logo:
        n = len(rows)
        side = int(math.sqrt(LOGO_AREA) * n)
        if side % 2 != n % 2:  # centred on the module grid
            side -= 1
        box = ((n - side) // 2, side)
    return QrMatrix(spec=spec, version=int(code.version), rows=rows, logo_box=box)


def _mark_shapes(side: float) -> tuple[QRectF, QRectF, QPolygonF]:
    """Channel mark inside a (side x side) square: yellow tile, dark bubble, bubble tail."""
    inset = side * 0.08
    tile = QRectF(inset, inset, side - 2 * inset, side - 2 * inset)
    bubble = QRectF(side * 0.22, side * 0.26, side * 0.56, side * 0.40)
    tail = QPolygonF(
        [
            QPointF(side * 0.34, side * 0.58),
            QPointF(side * 0.30, side * 0.76),
            QPointF(side * 0.48, side * 0.64),
        ]
    )
    return tile, bubble, tail


def qr_path(matrix: QrMatrix, module: float) -> QPainterPath:
    """Dark modules as one vector path in a coordinate system where (0, 0) is the symbol corner."""
    path = QPainterPath()
    for x, y, w in matrix.runs():
        path.addRect(QRectF(x * module, y * module, w * module, module))
    return path


def draw_qr(painter: QPainter, matrix: QrMatrix, x: float, y: float, module: float) -> QRectF:
    """Draw the symbol with its quiet zone at (x, y); return the rectangle it covers.

    Uses filled rectangles/paths only, so PDF output stays vector. Pass an
    integer *module* in device pixels for crisp raster output.
    """
    total = matrix.total * module
    outer = QRectF(x, y, total, total)
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.fillRect(outer, QColor(PAPER))
    painter.translate(x + QUIET_ZONE * module, y + QUIET_ZONE * module)
    painter.fillPath(qr_path(matrix, module), QColor(INK))
    if matrix.logo_box is not None:
        start, side = matrix.logo_box
        painter.translate(start * module, start * module)
        tile, bubble, tail = _mark_shapes(side * module)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(QColor(KAKAO_YELLOW))
        painter.drawRoundedRect(tile, side * module * 0.18, side * module * 0.18)
        painter.setBrush(QColor(INK))
        painter.drawEllipse(bubble)
        painter.drawPolygon(tail)
    painter.restore()
    return outer


def render_qr_image(matrix: QrMatrix, module_px: int = 8) -> QImage:
    """Raster image of the symbol and quiet zone at an integer module size.

    Grayscale without a logo (zxing-cpp rejects 1-bit images, DESIGN.md known
    traps); RGB with the yellow channel mark.
    """
    if module_px < 1:
        raise ValueError("module size must be at least 1 px")
    side = matrix.total * module_px
    fmt = QImage.Format.Format_RGB32 if matrix.logo_box else QImage.Format.Format_Grayscale8
    image = QImage(side, side, fmt)
    image.fill(QColor(PAPER))
    painter = QPainter(image)
    try:
        draw_qr(painter, matrix, 0, 0, module_px)
    finally:
        painter.end()
    return image


def qr_svg(matrix: QrMatrix, module_mm: float = 1.0) -> str:
    """SVG document of the symbol: one path of dark rectangles, drawn on a module grid."""
    total = matrix.total
    parts = [f"M{x + QUIET_ZONE} {y + QUIET_ZONE}h{w}v1h-{w}z" for x, y, w in matrix.runs()]
    size_mm = f"{total * module_mm:g}mm"
    body = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{size_mm}" '
        f'height="{size_mm}" viewBox="0 0 {total} {total}" shape-rendering="crispEdges">',
        f'<rect width="{total}" height="{total}" fill="{PAPER}"/>',
        f'<path fill="{INK}" d="{"".join(parts)}"/>',
    ]
    if matrix.logo_box is not None:
        start, side = matrix.logo_box
        tile, bubble, tail = _mark_shapes(side)
        off = start + QUIET_ZONE
        points = " ".join(
            f"{tail.at(i).x() + off:g},{tail.at(i).y() + off:g}" for i in range(tail.size())
        )
        body += [
            f'<g shape-rendering="geometricPrecision">'
            f'<rect x="{tile.x() + off:g}" y="{tile.y() + off:g}" width="{tile.width():g}" '
            f'height="{tile.height():g}" rx="{side * 0.18:g}" fill="{KAKAO_YELLOW}"/>',
            f'<ellipse cx="{bubble.center().x() + off:g}" cy="{bubble.center().y() + off:g}" '
            f'rx="{bubble.width() / 2:g}" ry="{bubble.height() / 2:g}" fill="{INK}"/>',
            f'<polygon points="{points}" fill="{INK}"/></g>',
        ]
    body.append("</svg>")
    return "\n".join(body) + "\n"
