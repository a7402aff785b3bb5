"""Independent check of every QR we show or write: decode it with zxing-cpp and compare.

docs/architecture.md: "Every QR the app shows or prints has been
decoded back by an independent decoder and matched to what was stored." A
mismatch raises QrVerificationError; callers must never write or show the code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtGui import QImage

from kiosk.domain.messages import N_, KioskError, define
from kiosk.render.qr import QrMatrix, QrSpec, build_matrix, render_qr_image

if TYPE_CHECKING:
    import zxingcpp


def _qr_only() -> zxingcpp.BarcodeFormats:
    """A fresh format set per call: a module-level ``BarcodeFormats`` object outlives
    nanobind's shutdown and makes it print "leaked instances" at every exit.

    zxing-cpp is imported on the first check (~2 MiB), not with the screens that
    may show a code: a tourist who only browses the directory never loads it."""
    import zxingcpp

    return zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)


NOTHING_DECODED = define(
    "verify.nothing_decoded", N_("verification failed: no QR code could be decoded")
)
SEVERAL_DECODED = define(
    "verify.several_decoded", N_("verification failed: {n} QR codes decoded, expected one")
)
MISMATCH = define(
    "verify.mismatch", N_("verification failed: decoded {found!r}, expected {expected!r}")
)


class QrVerificationError(KioskError):
    """The decoded QR does not match what should be encoded (or nothing decoded)."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """One QR symbol found by zxing-cpp: its text and the raw bytes it carries."""

    text: str
    data: bytes
    ec_level: str


@dataclass(frozen=True, slots=True, eq=False)
class VerifiedQr:
    """A rendered symbol that zxing-cpp decoded back to exactly ``text``."""

    text: str
    matrix: QrMatrix
    image: QImage = field(repr=False)
    module_px: int
    ec_level: str

    @property
    def version(self) -> int:
        return self.matrix.version


#: QImage formats zxing-cpp reads as they are (grey, and 32-bit BGRA in memory); any other
#: is converted to grey first. Converting the KakaoTalk code's RGB image cost more than
#: drawing and decoding it together (benchmarks/bench_qr.py).
_READ_AS_IS = (
    QImage.Format.Format_Grayscale8,
    QImage.Format.Format_RGB32,
)


def _readable(image: QImage) -> QImage:
    # zxing-cpp takes a QImage through the buffer protocol; 1-bit images are rejected
    # (docs/architecture.md, "Known traps"), so those and the rarer formats become grey.
    if image.format() in _READ_AS_IS:
        return image
    return image.convertToFormat(QImage.Format.Format_Grayscale8)


def read_drawn(image: object) -> list[zxingcpp.Barcode]:
    """zxing-cpp's QR codes in an image the app drew: upright, dark on light, at the size
    it is checked at, so the searches for turned, inverted and shrunk symbols are skipped
    (half the decoding time; every code is still found and decoded in full)."""
    import zxingcpp

    return zxingcpp.read_barcodes(
        image, formats=_qr_only(), try_rotate=False, try_invert=False, try_downscale=False
    )


def decode_qimage(image: QImage, *, drawn_here: bool = False) -> list[Decoded]:
    """Decode every QR symbol in *image* (any format) with zxing-cpp.

    *drawn_here*: the app drew the image (see ``read_drawn``).
    """
    readable = _readable(image)
    if drawn_here:
        results = read_drawn(readable)
    else:
        import zxingcpp

        results = zxingcpp.read_barcodes(readable, formats=_qr_only())
    return [Decoded(r.text, bytes(r.bytes), str(r.ec_level)) for r in results if r.valid]


def verify_image(image: QImage, expected: str) -> Decoded:
    """Check that *image*, drawn by the app, holds exactly one QR whose content is
    *expected*, byte for byte.

    Compares both the decoded text and the raw bytes with ``expected`` encoded
    as UTF-8, so a decoder guessing another character set also fails.
    """
    found = decode_qimage(image, drawn_here=True)
    if not found:
        raise QrVerificationError(NOTHING_DECODED())
    if len(found) > 1:
        raise QrVerificationError(SEVERAL_DECODED(n=len(found)))
    decoded = found[0]
    if decoded.data != expected.encode("utf-8") or decoded.text != expected:
        raise QrVerificationError(MISMATCH(found=decoded.text[:80], expected=expected[:80]))
    return decoded


def render_verified(spec: QrSpec, module_px: int = 8) -> VerifiedQr:
    """Build, render and decode *spec*; return the verified image or raise QrVerificationError."""
    matrix = build_matrix(spec)
    image = render_qr_image(matrix, module_px)
    decoded = verify_image(image, spec.text)
    return VerifiedQr(spec.text, matrix, image, module_px, decoded.ec_level)


def verify_matrix(matrix: QrMatrix, module_px: int = 4) -> Decoded:
    """Rasterise *matrix* with the same drawing code used for print and check it decodes."""
    return verify_image(render_qr_image(matrix, module_px), matrix.spec.text)
