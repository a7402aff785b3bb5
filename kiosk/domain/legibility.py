"""Legibility rules: WCAG contrast of two colours and the text, outline and touch-target limits."""

from __future__ import annotations

from typing import Final

from kiosk.domain.design import TOUCH

#: WCAG 2.2, 1.4.3: text (placeholder text included) against what is behind it.
MIN_TEXT_CONTRAST: Final = 4.5
#: WCAG 2.2, 1.4.11: the outline or fill that shows where a control is, against its surroundings.
MIN_OUTLINE_CONTRAST: Final = 3.0
#: Below this an outline is not drawn at all (a borderless text button): nothing to measure.
NO_OUTLINE: Final = 1.05
#: Smallest side of a touch target on the tourist screens, in pixels.
MIN_TARGET: Final = TOUCH

RGB = tuple[int, int, int]


def parse_colour(colour: str) -> RGB:
    """``#RRGGBB`` (or ``#RGB``) to an (r, g, b) triple; ValueError naming the bad text."""
    text = colour.strip().removeprefix("#")
    if len(text) == 3:
        text = "".join(ch * 2 for ch in text)
    if len(text) != 6:
        raise ValueError(f"not a #RRGGBB colour: {colour!r}")
    try:
        value = int(text, 16)
    except ValueError:
        raise ValueError(f"not a #RRGGBB colour: {colour!r}") from None
    return (value >> 16 & 0xFF, value >> 8 & 0xFF, value & 0xFF)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(rgb: RGB) -> float:
    """WCAG relative luminance of an sRGB colour, 0 (black) to 1 (white)."""
    r, g, b = rgb
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(first: RGB | str, second: RGB | str) -> float:
    """WCAG contrast ratio of two colours, 1.0 to 21.0 (order does not matter)."""
    a = relative_luminance(parse_colour(first) if isinstance(first, str) else first)
    b = relative_luminance(parse_colour(second) if isinstance(second, str) else second)
    light, dark = max(a, b), min(a, b)
    return (light + 0.05) / (dark + 0.05)


def hex_colour(rgb: RGB) -> str:
    """(r, g, b) as ``#RRGGBB``, for messages."""
    return "#{:02X}{:02X}{:02X}".format(*rgb)


def text_contrast_problem(text: RGB, behind: RGB, *, what: str = "text") -> str | None:
    """Why *text* on *behind* is too faint to read, or None when it reaches 4.5:1."""
    ratio = contrast_ratio(text, behind)
    if ratio >= MIN_TEXT_CONTRAST:
        return None
    return (
        f"{what} contrast {ratio:.1f}:1 ({hex_colour(text)} on {hex_colour(behind)}),"
        f" needs {MIN_TEXT_CONTRAST}:1"
    )


def outline_contrast_problem(edge: RGB, fill: RGB, outside: RGB) -> str | None:
    """Why a control's outline and fill do not show it against *outside*, or None.

    The stronger of the two counts (a filled button needs no border); a control
    drawing neither (a text-only button) has no outline to judge.
    """
    ratio = max(contrast_ratio(edge, outside), contrast_ratio(fill, outside))
    if ratio >= MIN_OUTLINE_CONTRAST or ratio < NO_OUTLINE:
        return None
    strongest = edge if contrast_ratio(edge, outside) >= contrast_ratio(fill, outside) else fill
    return (
        f"outline contrast {ratio:.1f}:1 ({hex_colour(strongest)} against"
        f" {hex_colour(outside)}), needs {MIN_OUTLINE_CONTRAST:.0f}:1"
    )


def target_problem(width: int, height: int, *, minimum: int = MIN_TARGET) -> str | None:
    """Why a *width* x *height* touch target is too small, or None."""
    if min(width, height) >= minimum:
        return None
    return f"touch target {width}x{height} px, needs {minimum} px on each side"
