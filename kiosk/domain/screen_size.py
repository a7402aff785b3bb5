"""Window sizes: ``WxH`` text parsed with a reason, and the screen's shape (portrait or not)."""

from __future__ import annotations

import re
from typing import Final

#: Landscape kiosk screen, the small laptop screen of a market office, the portrait kiosk.
SUPPORTED: Final[tuple[tuple[int, int], ...]] = ((1920, 1080), (1366, 768), (1080, 1920))
#: Nothing smaller is a screen the app is laid out for; nothing larger is a real monitor.
MIN_SIDE: Final = 320
MAX_SIDE: Final = 8192

_SIZE = re.compile(r"(\d+)[xX×](\d+)")


def parse_size(text: str) -> tuple[int, int]:
    """``1080x1920`` -> (1080, 1920); ValueError saying what is wrong with *text*."""
    match = _SIZE.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"{text!r} is not a size: write WIDTHxHEIGHT in pixels, e.g. 1080x1920")
    width, height = int(match.group(1)), int(match.group(2))
    for name, value in (("width", width), ("height", height)):
        if not MIN_SIDE <= value <= MAX_SIDE:
            raise ValueError(
                f"{text!r}: the {name} {value} is outside {MIN_SIDE}..{MAX_SIDE} pixels"
            )
    return width, height


def is_portrait(width: int, height: int) -> bool:
    """True when the screen is taller than it is wide (a portrait kiosk)."""
    return height > width
