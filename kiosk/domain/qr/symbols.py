"""QR symbols as values: what to encode (``QrSpec``) and the module matrix (``QrMatrix``).

Rules (docs/architecture.md, domain facts): quiet zone of at least 4 modules,
payment QR at error correction M with no logo, KakaoTalk QR at level H with a
centred channel mark covering ~12% of the symbol (the limit is ~15%). The matrix
comes from kiosk.domain.qr.encoder (libqrencode, else ``qrcode``); drawing lives in
kiosk.render.
"""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from operator import sub

from kiosk.domain.qr.encoder import EcLevel, encode, load_libqrencode

__all__ = [
    "LOGO_AREA",
    "QUIET_ZONE",
    "EcLevel",
    "QrMatrix",
    "QrSpec",
    "build_matrix",
    "cleared",
    "dark_runs",
    "encode_matrix",
    "kakao_spec",
    "logo_box",
    "payment_spec",
]

QUIET_ZONE = 4
#: Share of the symbol area (without quiet zone) the channel mark may clear.
LOGO_AREA = 0.12


@dataclass(frozen=True, slots=True)
class QrSpec:
    """What to encode and how: ``text`` is encoded as UTF-8 bytes, unchanged."""

    text: str
    ec: EcLevel = "M"
    logo: bool = False
    #: The smallest symbol version to use (1-40): codes shown together at one size share
    #: it; 0 takes the smallest version the text fits in. A text too long for it gets more.
    version: int = 0

    def __post_init__(self) -> None:
        if self.logo and self.ec != "H":
            raise ValueError("a QR code with a logo needs error correction H")
        if not 0 <= self.version <= 40:
            raise ValueError(
                f"a QR version is 1 to 40 (0: the smallest that fits), not {self.version}"
            )


def kakao_spec(url: str) -> QrSpec:
    """KakaoTalk channel link: level H with the centred channel mark."""
    return QrSpec(url, "H", logo=True)


def payment_spec(payload: str) -> QrSpec:
    """Payment payload: level M, never a logo (FSC 2018 standard caps error correction)."""
    return QrSpec(payload, "M", logo=False)


@dataclass(frozen=True, slots=True)
class QrMatrix:
    """Dark modules of one symbol (no quiet zone) plus the area cleared for the logo.

    ``modules`` holds ``size * size`` bytes row by row (1 = dark); ``run_bytes`` its
    horizontal dark runs outside the logo box as (x, y, width) byte triples (a symbol is
    at most 177 modules across), computed once when the symbol is built.
    """

    spec: QrSpec
    version: int
    size: int
    modules: bytes = field(repr=False)
    logo_box: tuple[int, int] | None  # (first module, side) of the cleared square
    run_bytes: bytes = field(repr=False, compare=False)
    encoder: str = field(default="", compare=False)

    @property
    def runs(self) -> list[tuple[int, int, int]]:
        """The dark runs outside the logo box as (x, y, width)."""
        b = self.run_bytes
        return list(zip(b[0::3], b[1::3], b[2::3], strict=True))

    @property
    def total(self) -> int:
        """Modules across including the quiet zone on both sides."""
        return self.size + 2 * QUIET_ZONE

    @property
    def rows(self) -> tuple[tuple[bool, ...], ...]:
        """The modules as rows of booleans (True = dark)."""
        n = self.size
        return tuple(tuple(map(bool, self.modules[y * n : (y + 1) * n])) for y in range(n))


def dark_runs(modules: bytes, size: int, box: tuple[int, int] | None) -> bytes:
    """Horizontal runs of dark modules as (x, y, width) byte triples, the logo *box* left
    out.

    Found without a Python step per run (a symbol has hundreds; 600 codes of the stands
    had 287,000): the grid as one big integer marks where runs start and end, and the
    columns and rows of those places are picked from index tables in C.
    """
    src = cleared(modules, size, box)
    rows = map(slice, range(0, size * size, size), range(size, size * size + 1, size))
    # One light byte after each row, so that no run goes on into the next row.
    grid = b"\0".join(map(src.__getitem__, rows)) + b"\0"
    length = len(grid)
    dark = int.from_bytes(grid, "big")
    starts = (dark & ~(dark >> 8)).to_bytes(length, "big")  # dark after light
    after = (~dark & (dark >> 8)).to_bytes(length, "big")  # light after dark
    column, row = _grid_index(size)
    xs = bytes(compress(column, starts))
    runs = bytearray(3 * len(xs))
    runs[0::3] = xs
    runs[1::3] = bytes(compress(row, starts))
    runs[2::3] = bytes(map(sub, compress(column, after), xs))
    return bytes(runs)


@lru_cache(maxsize=40)
def _grid_index(size: int) -> tuple[bytes, bytes]:
    """The column and the row of each byte of a *size* grid with a light byte after each row."""
    stride = size + 1
    return bytes(range(stride)) * size, b"".join(bytes([y]) * stride for y in range(size))


def cleared(modules: bytes, size: int, box: tuple[int, int] | None) -> bytes:
    """*modules* with the logo *box* light (the channel mark is drawn there)."""
    if box is None:
        return modules
    grid = bytearray(modules)
    first, side = box
    for y in range(first, first + side):
        grid[y * size + first : y * size + first + side] = bytes(side)
    return bytes(grid)


def logo_box(size: int) -> tuple[int, int]:
    """The centred square (first module, side) the channel mark clears in a *size* symbol."""
    side = int(math.sqrt(LOGO_AREA) * size)
    if side % 2 != size % 2:  # centred on the module grid
        side -= 1
    return ((size - side) // 2, side)


def encode_matrix(spec: QrSpec, lib: ctypes.CDLL | None) -> QrMatrix:
    """Encode *spec* with the smallest version that fits (at least ``spec.version``), with
    libqrencode when *lib* is given and pure Python when it is None (raises ValueError if
    no version fits)."""
    encoded = encode(spec.text.encode("utf-8"), spec.ec, lib, version=spec.version)
    size = encoded.width
    box = logo_box(size) if spec.logo else None
    runs = dark_runs(encoded.modules, size, box)
    return QrMatrix(spec, encoded.version, size, encoded.modules, box, runs, encoded.encoder)


@lru_cache(maxsize=1024)
def build_matrix(spec: QrSpec) -> QrMatrix:
    """Encode *spec* with the fastest encoder this computer has (kiosk.domain.qr.encoder)."""
    return encode_matrix(spec, load_libqrencode())
