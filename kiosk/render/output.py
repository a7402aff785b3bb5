"""Qt pictures and PDFs made in memory, so the one writer (kiosk.render.atomic) writes their bytes.

Qt's own file writers hide write errors (a full disk gave a truncated PDF and
exit 0); drawing into a QBuffer and writing the bytes with ``os.write`` makes
every error visible. Every Qt result (save, begin, newPage, end) is checked.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
from PySide6.QtGui import QFont, QImage, QImageWriter, QPageLayout, QPainter, QPdfWriter, QPixmap

from kiosk.domain.messages import N_, define
from kiosk.render.atomic import OutputPathError, write_verified
from kiosk.render.text_layer import TextLayer

PNG_NOT_ENCODED = define("output.png_not_encoded", N_("the picture could not be encoded as PNG"))
PDF_NOT_DRAWN = define("output.pdf_not_drawn", N_("the PDF could not be drawn ({step})"))
PNG_DOES_NOT_LOAD = define(
    "verify.png_does_not_load", N_("verification failed: the PNG file does not load")
)
PNG_WRONG_SIZE = define(
    "verify.png_wrong_size",
    N_("verification failed: the PNG file is {found} pixels, expected {expected}"),
)


class RenderError(OutputPathError):
    """Qt could not encode or draw the file in memory, or the written picture does not load."""


def png_bytes(picture: QImage | QPixmap) -> bytes:
    """*picture* encoded as PNG (its dots-per-metre kept); raise RenderError if Qt fails."""
    image = picture.toImage() if isinstance(picture, QPixmap) else picture
    data = QByteArray()
    buffer = QBuffer(data)
    if not buffer.open(QIODevice.OpenModeFlag.WriteOnly):
        raise RenderError(PNG_NOT_ENCODED())
    if not QImageWriter(buffer, QByteArray(b"png")).write(image):
        raise RenderError(PNG_NOT_ENCODED())
    buffer.close()
    return bytes(data.data())


def load_png(path: Path, *, width: int, height: int) -> QImage:
    """The PNG at *path* as written; raise RenderError unless it loads at *width* x *height*."""
    image = QImage()
    if not image.loadFromData(path.read_bytes(), "PNG") or image.isNull():
        raise RenderError(PNG_DOES_NOT_LOAD())
    if (image.width(), image.height()) != (width, height):
        found = f"{image.width()}x{image.height()}"
        raise RenderError(PNG_WRONG_SIZE(found=found, expected=f"{width}x{height}"))
    return image


def write_png(path: Path, picture: QImage | QPixmap) -> QImage:
    """Write *picture* to *path* as PNG with the one writer; return the image read back."""
    size = (picture.width(), picture.height())
    return write_verified(
        path, png_bytes(picture), lambda tmp: load_png(tmp, width=size[0], height=size[1])
    )


class PdfCanvas:
    """A QPdfWriter drawing into memory; ``painter`` draws, :meth:`finish` returns the bytes.

    Text is drawn with :meth:`draw_text` (or told to ``text_layer``), so that the file's
    text layer reads back what is printed (kiosk.render.text_layer): ``finish`` gives
    Qt's file with its ToUnicode maps repaired, or as Qt wrote it if the check fails.
    """

    def __init__(self, layout: QPageLayout, *, resolution: int, title: str = "") -> None:
        self._data = QByteArray()
        self._buffer = QBuffer(self._data)
        if not self._buffer.open(QIODevice.OpenModeFlag.WriteOnly):
            raise RenderError(PDF_NOT_DRAWN(step="open"))
        self.writer = QPdfWriter(self._buffer)
        self.writer.setResolution(resolution)
        self.writer.setCreator("Market Kiosk")
        if title:
            self.writer.setTitle(title)
        if not self.writer.setPageLayout(layout):
            raise RenderError(PDF_NOT_DRAWN(step="page layout"))
        self.painter = QPainter()
        if not self.painter.begin(self.writer):
            raise RenderError(PDF_NOT_DRAWN(step="begin"))
        #: What each glyph drawn shows, for the file's text layer (copy, search, reading aloud).
        self.text_layer = TextLayer(self.writer)

    def draw_text(self, rect: QRectF, flags: int, text: str, font: QFont) -> None:
        """``drawText(rect, flags, text)`` in *font*, recorded in the text layer."""
        self.painter.setFont(font)
        self.painter.drawText(rect, flags, text)
        self.text_layer.drawn(font, text, width=rect.width(), flags=flags)

    def new_page(self) -> None:
        if not self.writer.newPage():
            raise RenderError(PDF_NOT_DRAWN(step="new page"))

    def abandon(self) -> None:
        """End drawing after a failure (the bytes are thrown away)."""
        if self.painter.isActive():
            self.painter.end()

    def finish(self) -> bytes:
        """End the document and return the PDF bytes, its text layer repaired; raise
        RenderError if Qt reports a failure."""
        if not self.painter.end():
            raise RenderError(PDF_NOT_DRAWN(step="end"))
        self._buffer.close()
        data = bytes(self._data.data())
        if not data.startswith(b"%PDF-"):
            raise RenderError(PDF_NOT_DRAWN(step="no PDF header"))
        return self.text_layer.repair(data)
