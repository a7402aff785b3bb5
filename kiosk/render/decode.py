"""Read QR payloads from a photo or scan (PNG/JPEG) or an SVG file, e.g. the Zero Pay kit."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import zxingcpp
from PIL import Image, ImageOps, UnidentifiedImageError

from kiosk.domain.payment_qr import PaymentPayload, parse_payment_payload
from kiosk.i18n import _

MAX_FILE_BYTES = 25 * 1024 * 1024
MAX_PIXELS = 40_000_000
ACCEPTED_FORMATS = ("PNG", "JPEG")


def _qr_only() -> zxingcpp.BarcodeFormats:
    """A fresh format set per call: a module-level ``BarcodeFormats`` object outlives
    nanobind's shutdown and makes it print "leaked instances" at every exit."""
    return zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)


class ImageInputError(ValueError):
    """An image we cannot take a QR code from; the message says why, in one line."""


def _decode_svg(path: Path) -> list[str]:
    from kiosk.render.guiapp import ensure_gui_app
    from kiosk.render.svg_raster import rasterise_svg
    from kiosk.render.verify import decode_qimage

    # Check the XML first: Qt would print its own parser warning on stderr.
    try:
        root = ElementTree.parse(path).getroot()
    except (ElementTree.ParseError, OSError):
        root = None
    if root is None or not root.tag.endswith("svg"):
        raise ImageInputError(_("{path} is not a valid SVG image").format(path=path))
    ensure_gui_app()
    image = rasterise_svg(path)
    if image is None:
        raise ImageInputError(_("{path} is not a valid SVG image").format(path=path))
    texts: list[str] = []
    for found in decode_qimage(image):
        if found.text not in texts:
            texts.append(found.text)
    return texts


def decode_image_file(path: Path) -> list[str]:
    """Return the distinct QR payloads in a PNG/JPEG/SVG file, in the order zxing-cpp found them.

    Raises ImageInputError for a missing, oversized (> 25 MB or > 40 MP) or
    unreadable file, or one that is not PNG/JPEG/SVG.
    """
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImageInputError(
            _("cannot read {path}: {reason}").format(path=path, reason=exc.strerror)
        ) from None
    if size > MAX_FILE_BYTES:
        raise ImageInputError(
            _("{path} is {mb:.1f} MB; images over 25 MB are refused").format(
                path=path, mb=size / 1024 / 1024
            )
        )
    if path.suffix.lower() == ".svg":
        return _decode_svg(path)
    if path.suffix.lower() == ".pdf":
        raise ImageInputError(
            _("{path} is a PDF; export the page as PNG or JPEG first").format(path=path)
        )
    try:
        with Image.open(path) as opened:
            if opened.format not in ACCEPTED_FORMATS:
                raise ImageInputError(
                    _("{path} is a {fmt} image; use PNG or JPEG").format(
                        path=path, fmt=opened.format
                    )
                )
            width, height = opened.size
            if width * height > MAX_PIXELS:
                raise ImageInputError(
                    _(
                        "{path} is {w}x{h} pixels ({mp:.0f} MP); images over 40 MP are refused"
                    ).format(path=path, w=width, h=height, mp=width * height / 1e6)
                )
            # Phone photos carry their rotation in EXIF; grayscale because
            # zxing-cpp rejects 1-bit images (DESIGN.md, known traps).
            gray = ImageOps.exif_transpose(opened).convert("L")
    except (UnidentifiedImageError, Image.DecompressionBombError):
        raise ImageInputError(_("{path} is not a PNG or JPEG image").format(path=path)) from None
    except OSError as exc:
        raise ImageInputError(
            _("cannot read image {path}: {reason}").format(path=path, reason=exc)
        ) from None
    results = zxingcpp.read_barcodes(gray, formats=_qr_only())
    texts: list[str] = []
    for result in results:
        if result.valid and result.text not in texts:
            texts.append(result.text)
    return texts


def payment_payload_from_image(path: Path) -> PaymentPayload:
    """Decode the one payment QR in a photo/scan of the kit and validate it.

    Raises ImageInputError when the image has no QR code or several different
    ones, and PaymentQrError when the payload itself is refused.
    """
    texts = decode_image_file(path)
    if not texts:
        raise ImageInputError(
            _(
                "no QR code found in {path}; photograph the kit's QR code straight on, "
                "in good light"
            ).format(path=path)
        )
    if len(texts) > 1:
        raise ImageInputError(
            _("{path} holds {n} different QR codes; crop the photo to the payment QR only").format(
                path=path, n=len(texts)
            )
        )
    return parse_payment_payload(texts[0])
