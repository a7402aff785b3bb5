"""Design tokens shared by screens and print: palette, type scale, spacing, print sizes, 3 cm rule.

Plain constants (no Qt), so the stylesheet (kiosk.ui.theme), the QR and stand
renderers and the print dialog all read the same values; see docs/architecture.md,
"Design tokens". Contrast ratios are measured against PAPER.
"""

from __future__ import annotations

from typing import Final

# --- palette (hex strings; Qt wraps them in QColor where needed) --------------------------
PAPER: Final = "#F6F3EC"  # page background, warm off-white
WHITE: Final = "#FFFFFF"
CARD: Final = WHITE
INK: Final = "#1B1B1B"  # 15.5:1 on paper
MUTED: Final = "#5A5A5A"  # 6.2:1 on paper
PRIMARY: Final = "#0B5D45"  # white text on it: 7.9:1
PRIMARY_PRESSED: Final = "#084634"
ON_PRIMARY: Final = WHITE
ACCENT: Final = "#B3410E"  # prices and promotions, 5.2:1 on paper
KAKAO: Final = "#FEE500"  # Kakao's own yellow, with INK text (13.5:1)
ON_KAKAO: Final = INK
LINE: Final = "#DDD5C6"  # hairlines and card borders; never carries meaning alone
#: Borders of controls (buttons, fields, pickers, the scroll bar handle): 3.7:1 on paper,
#: 4.1:1 on white, 3.3:1 on SOFT, so a control's edge shows (WCAG 1.4.11, 3:1).
OUTLINE: Final = "#857C6E"
SOFT: Final = "#ECE7DC"  # pressed / sunken surfaces
#: Text and dashed border of a disabled button, on SOFT: 3:1 against INK (the enabled text),
#: 4.5:1 on SOFT; SOFT itself is 6.4:1 against PRIMARY (the enabled primary fill).
DISABLED_INK: Final = "#686868"
#: QR symbols: dark modules on pure white (the quiet zone must be light, not tinted paper).
QR_DARK: Final = INK
QR_LIGHT: Final = WHITE

# --- type scale in pixels -----------------------------------------------------------------
CAPTION: Final = 16
BODY: Final = 20
LEAD: Final = 24
HEADING: Final = 32
TITLE: Final = 48
DISPLAY: Final = 64
TYPE_SCALE: Final = (CAPTION, BODY, LEAD, HEADING, TITLE, DISPLAY)
#: Prices on the merchant screens (older eyes): between the body (24) and headings (32).
PRICE_MERCHANT: Final = 28

# --- spacing and touch targets in pixels --------------------------------------------------
GRID: Final = 8
TOUCH: Final = 48  # tourist and manager screens
TOUCH_MERCHANT: Final = 64  # elderly merchants
RADIUS: Final = 12

# --- print ------------------------------------------------------------------------------
MM_PER_INCH: Final = 25.4
PRINT_DPI: Final = 300
#: Stand page sizes (width, height) in mm, portrait; A5 is A6 x1.41, A4 is A6 doubled.
STAND_SIZES_MM: Final[dict[str, tuple[float, float]]] = {
    "a6": (105.0, 148.0),
    "a5": (148.0, 210.0),
    "a4": (210.0, 297.0),
}
STAND_MARGIN_MM: Final = 6.0
#: The print rule: a printed QR symbol (without quiet zone) is at least 3 cm wide.
MIN_QR_SYMBOL_MM: Final = 30.0


def meets_print_rule(symbol_mm: float) -> bool:
    """True when a symbol printed *symbol_mm* wide (quiet zone excluded) obeys the 3 cm rule."""
    return symbol_mm >= MIN_QR_SYMBOL_MM


def mm_to_px(mm: float, dpi: float = PRINT_DPI) -> float:
    """Millimetres to device pixels at *dpi*."""
    return mm / MM_PER_INCH * dpi
