"""QR encoders behind one call: libqrencode in-process through ctypes, else pure-Python qrcode."""

# Why (benchmarks/bench_qr.py, docs/architecture.md "QR encoder"): encoding was most of
# the cost of one code and of the stands; libqrencode encodes a KakaoTalk code about
# 50x faster than python-qrcode. Where the C library cannot be loaded (not installed,
# a frozen app built without it) the same call falls back to the ``qrcode`` package:
# the same standard, the same symbol for the same mask, the same checks after it.

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Literal

EcLevel = Literal["L", "M", "Q", "H"]

#: libqrencode's QRecLevel values (qrencode.h).
_LEVELS: dict[str, int] = {"L": 0, "M": 1, "Q": 2, "H": 3}
#: libqrencode marks a dark module with bit 0 of each byte; the other bits say what it is.
_DARK_BIT = bytes(i & 1 for i in range(256))
#: File names tried in order: Debian/Ubuntu, macOS (Homebrew), Windows (bundled DLL).
LIBRARY_NAMES = ("libqrencode.so.4", "libqrencode.4.dylib", "qrencode.dll", "libqrencode.dll")


class QrTooLong(ValueError):
    """The data does not fit in the largest QR symbol (version 40) at the asked level."""


@dataclass(frozen=True, slots=True)
class Encoded:
    """One symbol without quiet zone: ``modules`` holds ``width * width`` bytes, 1 = dark."""

    version: int
    width: int
    modules: bytes
    encoder: str


class _QRcode(ctypes.Structure):
    _fields_ = [
        ("version", ctypes.c_int),
        ("width", ctypes.c_int),
        ("data", ctypes.POINTER(ctypes.c_ubyte)),
    ]


def library_paths() -> list[str]:
    """Where to look: next to a frozen app first (build.spec bundles the library), then the
    system's loader path."""
    bundled = getattr(sys, "_MEIPASS", None)
    paths = [os.path.join(bundled, name) for name in LIBRARY_NAMES] if bundled else []
    return paths + list(LIBRARY_NAMES)


@cache
def load_libqrencode() -> ctypes.CDLL | None:
    """libqrencode from the first place it loads (see ``library_paths``), or None."""
    return open_libqrencode(library_paths())


def open_libqrencode(paths: Iterable[str]) -> ctypes.CDLL | None:
    """The first of *paths* that loads as libqrencode, its entry points typed; None when
    none does (then ``encode`` falls back to pure Python)."""
    for path in paths:
        try:
            lib = ctypes.CDLL(path, use_errno=True)
            encode_data = lib.QRcode_encodeData
            free = lib.QRcode_free
        except (OSError, AttributeError):
            continue
        encode_data.restype = ctypes.POINTER(_QRcode)
        encode_data.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_int]
        free.argtypes, free.restype = [ctypes.POINTER(_QRcode)], None
        return lib
    return None


def encode(data: bytes, ec: EcLevel, lib: ctypes.CDLL | None, *, version: int = 0) -> Encoded:
    """The smallest symbol holding *data* at level *ec*, of at least *version* (0: any):
    with *lib* (libqrencode) when given, else with the pure-Python ``qrcode`` package.
    Raises QrTooLong when nothing fits."""
    if lib is None:
        return _encode_python(data, ec, version)
    # Eight-bit mode for the whole text on both paths, so both give the same symbol
    # for the same mask (tests/qr/test_qr_encoder.py) and the bytes stay exactly as given.
    symbol = lib.QRcode_encodeData(len(data), data, version, _LEVELS[ec])  # a least version
    if not symbol:
        if ctypes.get_errno() == 34:  # ERANGE: input data is too large
            raise QrTooLong(f"text of {len(data)} bytes does not fit in a QR code")
        raise MemoryError("libqrencode could not encode the text")
    try:
        width = symbol.contents.width
        modules = ctypes.string_at(symbol.contents.data, width * width).translate(_DARK_BIT)
        return Encoded(symbol.contents.version, width, modules, "libqrencode")
    finally:
        lib.QRcode_free(symbol)


def _encode_python(data: bytes, ec: EcLevel, version: int = 0) -> Encoded:
    # Imported here: the domain stays importable without the encoder (and the
    # imaging library it may pull in) until a code is really built.
    import qrcode
    from qrcode import constants

    levels = {
        "L": constants.ERROR_CORRECT_L,
        "M": constants.ERROR_CORRECT_M,
        "Q": constants.ERROR_CORRECT_Q,
        "H": constants.ERROR_CORRECT_H,
    }
    # fit=True starts at *version* and grows it when the data needs more, as libqrencode does.
    code = qrcode.QRCode(version=version or None, error_correction=levels[ec], border=0, box_size=1)
    code.add_data(data, optimize=0)  # eight-bit mode, as libqrencode is asked above
    try:
        code.make(fit=True)
    except (qrcode.exceptions.DataOverflowError, ValueError):  # ValueError: "Invalid version"
        raise QrTooLong(f"text of {len(data)} bytes does not fit in a QR code") from None
    matrix = code.get_matrix()
    modules = bytes(bool(v) for row in matrix for v in row)
    return Encoded(int(code.version), len(matrix), modules, "python-qrcode")
