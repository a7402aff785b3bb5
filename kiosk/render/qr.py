"""QR symbols: matrix from the ``qrcode`` library, drawn crisply with QPainter or as SVG text.

Rules (docs/architecture.md, domain facts): quiet zone of at least 4 modules, integer
module size in device pixels, payment QR at error correction M with no logo,
KakaoTalk QR at level H with a centred channel mark covering ~12% of the
symbol (20% failed to decode for a short URL; the limit is ~15%).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPolygonF, qGray

from kiosk.domain import design
from kiosk.domain.qr.symbols import (
    LOGO_AREA,
    QUIET_ZONE,
    EcLevel,
    QrMatrix,
    QrSpec,
    build_matrix,
    cleared,
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
    for x, y, w in matrix.runs:
        path.addRect(QRectF(x * module, y * module, w * module, module))
    return path


class _RunRects(dict[bytes, QRect]):
    """One unit-module rectangle per dark run (x, y, width as three bytes), made on first use.

    The 600 codes of 300 stands have ~287,000 runs but only ~5,300 distinct ones (finder
    patterns, timing lines, the same short runs everywhere): looking a run up costs a
    fifth of making its QRect (benchmarks/bench_qr.py).
    """

    def __missing__(self, run: bytes) -> QRect:
        if len(self) >= _RUN_RECTS_KEPT:
            self.clear()
        rect = self[run] = QRect(run[0], run[1], run[2], 1)
        return rect


_RUN_RECTS = _RunRects()
_RUN_RECTS_KEPT = 50_000


def _unit_rects(matrix: QrMatrix) -> list[QRect]:
    """The dark runs of *matrix* as rectangles one unit a module.

    Drawn with ``drawRects`` under a scaled painter: ~7x faster than filling a path of the
    same runs, and Qt's PDF writer emits one short ``re`` per run (a third less PDF).
    """
    b = matrix.run_bytes
    return list(
        map(_RUN_RECTS.__getitem__, map(bytes, zip(b[0::3], b[1::3], b[2::3], strict=True)))
    )


def draw_qr(painter: QPainter, matrix: QrMatrix, x: float, y: float, module: float) -> QRectF:
    """Draw the symbol with its quiet zone at (x, y); return the rectangle it covers.

    Uses filled rectangles only (one per dark run), so PDF output stays vector. Pass an
    integer *module* in device pixels for crisp raster output.
    """
    total = matrix.total * module
    outer = QRectF(x, y, total, total)
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.fillRect(outer, QColor(PAPER))
    painter.translate(x + QUIET_ZONE * module, y + QUIET_ZONE * module)
    painter.save()
    painter.scale(module, module)
    # Each rectangle antialiased on its own would leave hairlines between the rows on a
    # scaled preview; aliased, they meet exactly. (A PDF gets all of them as one path
    # and one fill, so a viewer shows no seams either.)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setBrush(QColor(INK))
    painter.drawRects(_unit_rects(matrix))
    painter.restore()
    _draw_mark(painter, matrix, module)
    painter.restore()
    return outer


def _draw_mark(painter: QPainter, matrix: QrMatrix, module: float) -> None:
    """The channel mark in the cleared box; *painter* at the symbol's corner (no quiet zone)."""
    if matrix.logo_box is None:
        return
    start, side = matrix.logo_box
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.translate(start * module, start * module)
    tile, bubble, tail = _mark_shapes(side * module)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setBrush(QColor(KAKAO_YELLOW))
    painter.drawRoundedRect(tile, side * module * 0.18, side * module * 0.18)
    painter.setBrush(QColor(INK))
    painter.drawEllipse(bubble)
    painter.drawPolygon(tail)
    painter.restore()


#: Grey levels of the dark and light modules (both colours are greys).
_DARK_GREY = qGray(QColor(INK).rgb())
_LIGHT_GREY = qGray(QColor(PAPER).rgb())
_GREYS = bytes([_LIGHT_GREY, _DARK_GREY]) + bytes(254)


def render_qr_image(matrix: QrMatrix, module_px: int = 8) -> QImage:
    """Raster image of the symbol and quiet zone at an integer module size.

    Grayscale without a logo (zxing-cpp rejects 1-bit images, docs/architecture.md, known
    traps); RGB with the yellow channel mark. The modules are one grey pixel each, scaled
    up by whole pixels (the same squares ``draw_qr`` fills, without a shape per run).
    """
    if module_px < 1:
        raise ValueError("module size must be at least 1 px")
    n, total = matrix.size, matrix.total
    light = bytes([_LIGHT_GREY]) * (QUIET_ZONE * total)
    edge = bytes([_LIGHT_GREY]) * QUIET_ZONE
    grid = cleared(matrix.modules, n, matrix.logo_box).translate(_GREYS)
    rows = [edge + grid[y * n : (y + 1) * n] + edge for y in range(n)]
    pixels = light + b"".join(rows) + light
    small = QImage(pixels, total, total, total, QImage.Format.Format_Grayscale8)
    if matrix.logo_box is not None:
        small = small.convertToFormat(QImage.Format.Format_RGB32)
    side = total * module_px
    mode = Qt.TransformationMode.FastTransformation
    image = small.scaled(side, side, Qt.AspectRatioMode.IgnoreAspectRatio, mode).copy()
    if matrix.logo_box is not None:
        painter = QPainter(image)
        try:
            painter.translate(QUIET_ZONE * module_px, QUIET_ZONE * module_px)
            _draw_mark(painter, matrix, module_px)
        finally:
            painter.end()
    return image


def qr_svg(matrix: QrMatrix, module_mm: float = 1.0) -> str:
    """SVG document of the symbol: one path of dark rectangles, drawn on a module grid."""
    total = matrix.total
    parts = [f"M{x + QUIET_ZONE} {y + QUIET_ZONE}h{w}v1h-{w}z" for x, y, w in matrix.runs]
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
