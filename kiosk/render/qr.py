"""QR symbols: matrix from the ``qrcode`` library, drawn crisply with QPainter or as SVG text.

Rules (docs/architecture.md, domain facts): quiet zone of at least 4 modules, integer
module size in device pixels, payment QR at error correction M with no logo,
KakaoTalk QR at level H with a centred channel mark covering ~12% of the
symbol (20% failed to decode for a short URL; the limit is ~15%).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPolygonF

from kiosk.domain import design
from kiosk.domain.qr.symbols import (
    LOGO_AREA,
    QUIET_ZONE,
    EcLevel,
    QrMatrix,
    QrSpec,
    build_matrix,
    kakao_spec,
    payment_spec,
)

# Colours from the design tokens (docs/architecture.md, "Design tokens").
INK = design.QR_DARK
PAPER = design.QR_LIGHT
KAKAO_YELLOW = design.KAKAO

__all__ = [
    "LOGO_AREA",
    "QUIET_ZONE",
    "EcLevel",
    "QrMatrix",
    "QrSpec",
    "build_matrix",
    "draw_qr",
    "kakao_spec",
    "payment_spec",
    "qr_path",
    "qr_svg",
    "render_qr_image",
]


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

    Grayscale without a logo (zxing-cpp rejects 1-bit images, docs/architecture.md, known
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
