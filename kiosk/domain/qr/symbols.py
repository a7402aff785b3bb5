"""QR symbols as values: what to encode (``QrSpec``) and the module matrix (``QrMatrix``).

Rules (docs/architecture.md, domain facts): quiet zone of at least 4 modules,
payment QR at error correction M with no logo, KakaoTalk QR at level H with a
centred channel mark covering ~12% of the symbol (the limit is ~15%). Pure
Python: the ``qrcode`` library builds the matrix; drawing lives in kiosk.render.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

EcLevel = Literal["L", "M", "Q", "H"]

QUIET_ZONE = 4
#: Share of the symbol area (without quiet zone) the channel mark may clear.
LOGO_AREA = 0.12


@dataclass(frozen=True, slots=True)
class QrSpec:
    """What to encode and how: ``text`` is encoded as UTF-8 bytes, unchanged."""

    text: str
    ec: EcLevel = "M"
    logo: bool = False

    def __post_init__(self) -> None:
        if self.logo and self.ec != "H":
            raise ValueError("a QR code with a logo needs error correction H")


def kakao_spec(url: str) -> QrSpec:
    """KakaoTalk channel link: level H with the centred channel mark."""
    return QrSpec(url, "H", logo=True)


def payment_spec(payload: str) -> QrSpec:
    """Payment payload: level M, never a logo (FSC 2018 standard caps error correction)."""
    return QrSpec(payload, "M", logo=False)


@dataclass(frozen=True, slots=True)
class QrMatrix:
    """Dark modules of one symbol (no quiet zone) plus the area cleared for the logo."""

    spec: QrSpec
    version: int
    rows: tuple[tuple[bool, ...], ...]
    logo_box: tuple[int, int] | None  # (first module, side) of the cleared square

    @property
    def size(self) -> int:
        return len(self.rows)

    @property
    def total(self) -> int:
        """Modules across including the quiet zone on both sides."""
        return self.size + 2 * QUIET_ZONE

    def runs(self) -> list[tuple[int, int, int]]:
        """Horizontal runs of dark modules as (x, y, width), outside the logo box."""
        result: list[tuple[int, int, int]] = []
        box = self.logo_box
        for y, row in enumerate(self.rows):
            x = 0
            while x < len(row):
                if row[x] and not _in_box(box, x, y):
                    start = x
                    while x < len(row) and row[x] and not _in_box(box, x, y):
                        x += 1
                    result.append((start, y, x - start))
                else:
                    x += 1
        return result


def _in_box(box: tuple[int, int] | None, x: int, y: int) -> bool:
    return box is not None and box[0] <= x < box[0] + box[1] and box[0] <= y < box[0] + box[1]


@lru_cache(maxsize=256)
def build_matrix(spec: QrSpec) -> QrMatrix:
    """Encode *spec* with the smallest version that fits (raises ValueError if none does)."""
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
    code = qrcode.QRCode(error_correction=levels[spec.ec], border=0, box_size=1)
    code.add_data(spec.text.encode("utf-8"))
    try:
        code.make(fit=True)
    except (qrcode.exceptions.DataOverflowError, ValueError):  # ValueError: "Invalid version"
        raise ValueError(
            f"text of {len(spec.text.encode('utf-8'))} bytes does not fit in a QR code"
        ) from None
    rows = tuple(tuple(bool(v) for v in row) for row in code.get_matrix())
    box = None
    if spec.logo:
        n = len(rows)
        side = int(math.sqrt(LOGO_AREA) * n)
        if side % 2 != n % 2:  # centred on the module grid
            side -= 1
        box = ((n - side) // 2, side)
    return QrMatrix(spec=spec, version=int(code.version), rows=rows, logo_box=box)
