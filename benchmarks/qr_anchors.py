"""Anchors of benchmarks/bench_qr.py: three in-process encoders and a minimal stands writer.

Each encoder returns the symbol with its quiet zone; ``verify_rows`` rasterises it with
Pillow and decodes it with zxing-cpp. ``writer_stands`` is the minimal PySide6 PDF
writer: per store both codes encoded and decoded back, one rectangle per dark run and
the stall number on an A6 page, the file checked as the app checks its own (PDFium at
800 px a page, zxing-cpp, exactly the page's codes).
"""

from __future__ import annotations

import ctypes
import io
import re
import time
from collections.abc import Callable
from pathlib import Path

STORES = 300
MODULE_PX = 8
PAGE_WIDTH_PX = 800
Matrix = list[list[bool]]  # with its quiet zone
Encoder = Callable[[str, str], Matrix]


def kakao_url(n: int) -> str:
    return f"https://pf.kakao.com/_Bench{n:05d}/friend"


# --- anchors: three in-process encoders -------------------------------------------------


def encode_qrcode(text: str, level: str) -> Matrix:
    import qrcode

    levels = {"M": qrcode.constants.ERROR_CORRECT_M, "H": qrcode.constants.ERROR_CORRECT_H}
    code = qrcode.QRCode(error_correction=levels[level], border=4)
    code.add_data(text.encode("utf-8"))
    code.make(fit=True)
    return code.get_matrix()


def encode_segno(text: str, level: str) -> Matrix:
    import segno

    code = segno.make_qr(text, error=level.lower(), boost_error=False)
    return [[bool(v) for v in row] for row in code.matrix_iter(border=4)]


class _QRcode(ctypes.Structure):
    _fields_ = [
        ("version", ctypes.c_int),
        ("width", ctypes.c_int),
        ("data", ctypes.POINTER(ctypes.c_ubyte)),
    ]


def load_libqrencode() -> ctypes.CDLL | None:
    try:
        lib = ctypes.CDLL("libqrencode.so.4")
    except OSError:
        return None
    lib.QRcode_encodeData.restype = ctypes.POINTER(_QRcode)
    lib.QRcode_encodeData.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_int]
    lib.QRcode_free.argtypes = [ctypes.POINTER(_QRcode)]
    return lib


def libqrencode_encoder(lib: ctypes.CDLL) -> Encoder:
    def encode(text: str, level: str) -> Matrix:
        data = text.encode("utf-8")
        symbol = lib.QRcode_encodeData(len(data), data, 0, {"M": 1, "H": 3}[level])
        width = symbol.contents.width
        raw = ctypes.string_at(symbol.contents.data, width * width)
        lib.QRcode_free(symbol)
        quiet = [False] * 4
        rows = [
            quiet + [bool(b & 1) for b in raw[y * width : (y + 1) * width]] + quiet
            for y in range(width)
        ]
        blank = [False] * (width + 8)
        return [blank] * 4 + rows + [blank] * 4

    return encode


def anchor_encoders() -> tuple[dict[str, Encoder], list[str]]:
    """The anchors this machine has, and notes on those it lacks."""
    encoders: dict[str, Encoder] = {"python-qrcode": encode_qrcode}
    notes: list[str] = []
    try:
        import segno  # noqa: F401
    except ImportError:
        notes.append("segno: NOT INSTALLED (dev.py installs it from the lock) - no segno anchor")
    else:
        encoders["segno"] = encode_segno
    lib = load_libqrencode()
    if lib is None:
        notes.append("libqrencode.so.4: NOT FOUND (apt-get install libqrencode4) - no C anchor")
    else:
        encoders["libqrencode"] = libqrencode_encoder(lib)
    return encoders, notes


def verify_rows(rows: Matrix, text: str, module_px: int = MODULE_PX) -> None:
    """Rasterise at *module_px* a module with Pillow and decode with zxing-cpp, byte for byte."""
    import zxingcpp
    from PIL import Image

    n = len(rows)
    gray = bytes(0 if dark else 255 for row in rows for dark in row)
    image = Image.frombytes("L", (n, n), gray).resize(
        (n * module_px,) * 2, Image.Resampling.NEAREST
    )
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    if [bytes(r.bytes) for r in found] != [text.encode("utf-8")]:
        raise AssertionError(f"anchor code does not decode back: {text!r}")


def writer_stands(first: int, out: Path, encoder: Encoder) -> tuple[float, float, int, int]:
    """The minimal writer: codes verified, one rectangle per dark run, the PDF checked."""
    from PySide6.QtCore import QMarginsF, QRect, Qt
    from PySide6.QtGui import QColor, QPageLayout, QPageSize, QPainter, QPdfWriter

    texts = [(f"A-{n}", kakao_url(n), payment) for n, payment in _payloads(first)]
    start, cpu = time.perf_counter(), time.process_time()
    writer = QPdfWriter(str(out))
    writer.setResolution(300)
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A6), QPageLayout.Orientation.Portrait, QMarginsF()
    )
    writer.setPageLayout(layout)
    painter = QPainter(writer)
    expected: list[set[bytes]] = []
    for index, (label, kakao, payment) in enumerate(texts):
        if index:
            writer.newPage()
        painter.setPen(QColor("black"))
        painter.drawText(60, 100, label)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("black"))
        for column, (text, level) in enumerate(((kakao, "H"), (payment, "M"))):
            rows = encoder(text, level)
            verify_rows(rows, text, module_px=4)  # as the project checks codes before print
            x0, y0 = 60 + column * 560, 200
            painter.drawRects(
                [QRect(x0 + x * 10, y0 + y * 10, w * 10, 10) for x, y, w in dark_runs(rows)]
            )
        expected.append({kakao.encode(), payment.encode()})
    painter.end()
    codes = check_pdf(out, expected)
    return time.perf_counter() - start, time.process_time() - cpu, len(expected), codes


def dark_runs(rows: Matrix) -> list[tuple[int, int, int]]:
    """(x, y, width) of each horizontal run of dark modules."""
    return [
        (m.start(), y, m.end() - m.start())
        for y, row in enumerate(rows)
        for m in re.finditer(b"\x01+", bytes(row))
    ]


def _payloads(first: int) -> list[tuple[int, str]]:
    from factories.markets import demo_payment_payload

    return [(n, demo_payment_payload(n, "Busan")) for n in range(first, first + STORES)]


def check_pdf(path: Path, expected: list[set[bytes]]) -> int:
    """Open the written file with PDFium; every page must hold exactly its codes."""
    import pypdfium2
    import zxingcpp

    document = pypdfium2.PdfDocument(io.BytesIO(path.read_bytes()))
    assert len(document) == len(expected), "page count"
    for index, wanted in enumerate(expected):
        page = document[index]
        image = page.render(scale=PAGE_WIDTH_PX / page.get_width(), grayscale=True).to_pil()
        page.close()
        found = {
            bytes(r.bytes)
            for r in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
        }
        assert found == wanted, f"page {index + 1}: {len(found & wanted)} of {len(wanted)} codes"
    document.close()
    return sum(len(w) for w in expected)
