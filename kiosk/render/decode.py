"""Read QR payloads from a photo or scan (PNG/JPEG) or an SVG file, e.g. the Zero Pay kit."""

from __future__ import annotations

import io
import re
import warnings
from pathlib import Path
from xml.etree import ElementTree

import zxingcpp
from PIL import Image, ImageOps, UnidentifiedImageError

from kiosk.domain.file_kinds import KIND_FOLDER
from kiosk.domain.messages import N_, KioskError, define
from kiosk.domain.qr.payment import PaymentPayload, parse_payment_bytes
from kiosk.render.inputs import FileTooBig, NotRegularFile, read_regular_file

MAX_FILE_BYTES = 25 * 1024 * 1024
MAX_PIXELS = 40_000_000
ACCEPTED_FORMATS = ("PNG", "JPEG")


def _qr_only() -> zxingcpp.BarcodeFormats:
    """A fresh format set per call: a module-level ``BarcodeFormats`` object outlives
    nanobind's shutdown and makes it print "leaked instances" at every exit."""
    return zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)


NOT_SVG = define("image.not_svg", N_("{path} is not a valid SVG image"))
CANNOT_READ = define("image.cannot_read", N_("cannot read {path}: {reason}"))
FILE_TOO_LARGE = define(
    "image.file_too_large", N_("{path} is {mb:.1f} MB; images over 25 MB are refused")
)
IS_PDF = define("image.is_pdf", N_("{path} is a PDF; export the page as PNG or JPEG first"))
WRONG_FORMAT = define("image.wrong_format", N_("{path} is a {fmt} image; use PNG or JPEG"))
TOO_MANY_PIXELS = define(
    "image.too_many_pixels",
    N_("{path} is {w}x{h} pixels ({mp:.0f} MP); images over 40 MP are refused"),
)
PICTURE_TOO_LARGE = define(
    "image.picture_too_large",
    N_("{path} is too large a picture ({mp:.0f} MP); images over 40 MP are refused"),
)
IS_FOLDER = define("image.is_folder", N_("{path} is a folder, not an image file"))
NOT_REGULAR = define(
    "image.not_regular",
    N_("{path} is not a regular file ({kind}); give a PNG, JPEG or SVG file"),
)
NOT_PNG_OR_JPEG = define("image.not_png_or_jpeg", N_("{path} is not a PNG or JPEG image"))
CANNOT_READ_IMAGE = define("image.cannot_read_image", N_("cannot read image {path}: {reason}"))
NO_QR = define(
    "image.no_qr",
    N_("no QR code found in {path}; photograph the kit's QR code straight on, in good light"),
)
SEVERAL_QR = define(
    "image.several_qr",
    N_("{path} holds {n} different QR codes; crop the photo to the payment QR only"),
)


class ImageInputError(KioskError, ValueError):
    """An image we cannot take a QR code from; the message says why, in one line."""


def _decode_svg(path: Path, data: bytes) -> list[tuple[str, bytes]]:
    from kiosk.render.guiapp import ensure_gui_app
    from kiosk.render.svg_raster import rasterise_svg
    from kiosk.render.verify import decode_qimage

    # Check the XML first: Qt would print its own parser warning on stderr.
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError:
        root = None
    if root is None or not root.tag.endswith("svg"):
        raise ImageInputError(NOT_SVG(path=path))
    ensure_gui_app()
    image = rasterise_svg(data)
    if image is None:
        raise ImageInputError(NOT_SVG(path=path))
    return [(found.text, found.data) for found in decode_qimage(image)]


def _symbols(path: Path) -> list[tuple[str, bytes]]:
    """(text, raw bytes) of every QR symbol zxing-cpp finds in the file."""
    data = _read_regular_file(path)
    if path.suffix.lower() == ".svg":
        return _decode_svg(path, data)
    return [(r.text, bytes(r.bytes)) for r in _zxing_results(path, data)]


def decode_image_file(path: Path) -> list[str]:
    """Return the distinct QR payloads in a PNG/JPEG/SVG file, in the order zxing-cpp found them.

    Raises ImageInputError for a missing, oversized (> 25 MB or > 40 MP) or
    unreadable file, or one that is not PNG/JPEG/SVG. The texts are zxing-cpp's
    reading of each symbol; :func:`decode_image_bytes` gives the exact bytes.
    """
    return list(dict.fromkeys(text for text, _data in _symbols(path)))


def decode_image_bytes(path: Path) -> list[bytes]:
    """The raw bytes of each distinct QR symbol in a PNG/JPEG/SVG file (zxing-cpp ``bytes``).

    Unlike the decoder's text, these are exactly what the symbol holds: no
    character-set guess, no changed control bytes. Raises ImageInputError as
    :func:`decode_image_file` does.
    """
    return list(dict.fromkeys(data for _text, data in _symbols(path)))


def _read_regular_file(path: Path) -> bytes:
    """The bytes of *path*, refused at once unless it is a regular file of at most 25 MB.

    Through the one input check (kiosk.data.file_kinds): os.stat before opening
    (opening a named pipe would wait for a writer forever), O_NONBLOCK and fstat after.
    """
    try:
        return read_regular_file(path, max_bytes=MAX_FILE_BYTES)
    except NotRegularFile as exc:
        if exc.kind.code == KIND_FOLDER.code:
            raise ImageInputError(IS_FOLDER(path=path)) from None
        raise ImageInputError(NOT_REGULAR(path=path, kind=exc.kind)) from None
    except FileTooBig as exc:
        raise ImageInputError(FILE_TOO_LARGE(path=path, mb=exc.size / 1024 / 1024)) from None
    except OSError as exc:
        raise ImageInputError(CANNOT_READ(path=path, reason=exc.strerror or exc)) from None


def _bomb_pixels(exc: Exception) -> int | None:
    """The pixel count in Pillow's DecompressionBombError text ("Image size (N pixels) ...")."""
    found = re.search(r"\((\d+) pixels\)", str(exc))
    return int(found.group(1)) if found else None


def _zxing_results(path: Path, data: bytes) -> list[zxingcpp.Result]:
    """The valid QR results zxing-cpp finds in a PNG/JPEG file (format and pixels checked)."""
    if path.suffix.lower() == ".pdf" or data.startswith(b"%PDF-"):
        raise ImageInputError(IS_PDF(path=path))
    try:
        with warnings.catch_warnings():
            # Pillow warns on stderr between ~89 and ~179 MP; our own 40 MP limit refuses first.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            opened = Image.open(io.BytesIO(data))
        with opened:
            if opened.format not in ACCEPTED_FORMATS:
                raise ImageInputError(WRONG_FORMAT(path=path, fmt=opened.format))
            width, height = opened.size
            if width * height > MAX_PIXELS:
                raise ImageInputError(
                    TOO_MANY_PIXELS(path=path, w=width, h=height, mp=width * height / 1e6)
                )
            # Phone photos carry their rotation in EXIF; grayscale because
            # zxing-cpp rejects 1-bit images (docs/architecture.md, "Known traps").
            gray = ImageOps.exif_transpose(opened).convert("L")
    except Image.DecompressionBombError as exc:
        # Pillow refuses pictures over ~179 MP while opening, before we see the size.
        pixels = _bomb_pixels(exc) or MAX_PIXELS + 1
        raise ImageInputError(PICTURE_TOO_LARGE(path=path, mp=pixels / 1e6)) from None
    except UnidentifiedImageError:
        raise ImageInputError(NOT_PNG_OR_JPEG(path=path)) from None
    except OSError as exc:
        raise ImageInputError(CANNOT_READ_IMAGE(path=path, reason=str(exc))) from None
    return [r for r in zxingcpp.read_barcodes(gray, formats=_qr_only()) if r.valid]


def payment_payload_from_image(path: Path) -> PaymentPayload:
    """Decode the one payment QR in a photo/scan of the kit and validate it.

    The symbol's raw bytes are checked (UTF-8, no control bytes) and kept byte
    for byte, not the decoder's text. Raises ImageInputError when the image has
    no QR code or several different ones, and PaymentQrError when the payload
    itself is refused.
    """
    symbols = decode_image_bytes(path)
    if not symbols:
        raise ImageInputError(NO_QR(path=path))
    if len(symbols) > 1:
        raise ImageInputError(SEVERAL_QR(path=path, n=len(symbols)))
    return parse_payment_bytes(symbols[0])
