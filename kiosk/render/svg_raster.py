"""Rasterise an SVG file with QtSvg so zxing-cpp can read the QR code in it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer


def rasterise_svg(source: Path | bytes, *, min_side: int = 1200) -> QImage | None:
    """Return the SVG file (or its bytes) drawn on white, its shorter side at least *min_side*
    px; None if it is not SVG."""
    if isinstance(source, bytes):
        renderer = QSvgRenderer(QByteArray(source))
    else:
        renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        return None
    size = renderer.defaultSize()
    if size.isEmpty():
        size = QSize(min_side, min_side)
    scale = max(1.0, min_side / max(1, min(size.width(), size.height())))
    width = min(8000, round(size.width() * scale))
    height = min(8000, round(size.height() * scale))
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    try:
        renderer.render(painter)
    finally:
        painter.end()
    return image
