"""Design tokens (colours, type scale, spacing) and the application stylesheet and font."""

from __future__ import annotations

from string import Template
from typing import Final

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.render.fonts import family_for, register_fonts
from kiosk.resources import assets_dir

# Colours (DESIGN.md, "Visual design"; contrast ratios measured against PAPER).
PAPER: Final = "#F6F3EC"
CARD: Final = "#FFFFFF"
INK: Final = "#1B1B1B"  # 15.5:1 on paper
MUTED: Final = "#5A5A5A"  # 6.2:1 on paper
PRIMARY: Final = "#0B5D45"  # white text on it: 7.9:1
PRIMARY_PRESSED: Final = "#084634"
ON_PRIMARY: Final = "#FFFFFF"
ACCENT: Final = "#B3410E"  # prices and promotions, 5.2:1 on paper
KAKAO: Final = "#FEE500"  # Kakao's own yellow, with INK text (13.5:1)
ON_KAKAO: Final = "#1B1B1B"
LINE: Final = "#DDD5C6"  # hairlines and card borders; never carries meaning alone
SOFT: Final = "#ECE7DC"  # pressed / sunken surfaces

# Type scale in pixels.
CAPTION: Final = 16
BODY: Final = 20
LEAD: Final = 24
HEADING: Final = 32
TITLE: Final = 48
DISPLAY: Final = 64
TYPE_SCALE: Final = (CAPTION, BODY, LEAD, HEADING, TITLE, DISPLAY)

# Spacing on an 8 px grid; touch targets.
GRID: Final = 8
TOUCH: Final = 48  # tourist and manager screens
TOUCH_MERCHANT: Final = 64  # elderly merchants
RADIUS: Final = 12

TOKENS: Final[dict[str, str]] = {
    "paper": PAPER,
    "card": CARD,
    "ink": INK,
    "muted": MUTED,
    "primary": PRIMARY,
    "primary_pressed": PRIMARY_PRESSED,
    "on_primary": ON_PRIMARY,
    "accent": ACCENT,
    "kakao": KAKAO,
    "on_kakao": ON_KAKAO,
    "line": LINE,
    "soft": SOFT,
    "caption": f"{CAPTION}px",
    "body": f"{BODY}px",
    "lead": f"{LEAD}px",
    "heading": f"{HEADING}px",
    "title": f"{TITLE}px",
    "display": f"{DISPLAY}px",
    "touch": f"{TOUCH}px",
    "touch_merchant": f"{TOUCH_MERCHANT}px",
    "radius": f"{RADIUS}px",
    "g1": f"{GRID}px",
    "g2": f"{GRID * 2}px",
    "g3": f"{GRID * 3}px",
}


def stylesheet() -> str:
    """Return ``assets/styles/kiosk.qss`` with its ``$token`` placeholders filled in.

    Raises KeyError naming the token if the stylesheet uses one this module lacks.
    """
    text = (assets_dir() / "styles" / "kiosk.qss").read_text(encoding="utf-8")
    return Template(text).substitute(TOKENS)


def palette() -> QPalette:
    """A light palette matching the tokens, so unstyled corners never show a system theme."""
    pal = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, PAPER),
        (QPalette.ColorRole.Base, CARD),
        (QPalette.ColorRole.AlternateBase, PAPER),
        (QPalette.ColorRole.WindowText, INK),
        (QPalette.ColorRole.Text, INK),
        (QPalette.ColorRole.ButtonText, INK),
        (QPalette.ColorRole.Button, CARD),
        (QPalette.ColorRole.Highlight, PRIMARY),
        (QPalette.ColorRole.HighlightedText, ON_PRIMARY),
        (QPalette.ColorRole.PlaceholderText, MUTED),
    ):
        pal.setColor(role, QColor(colour))
    return pal


def ui_font(locale: str, pixel_size: int = BODY, *, bold: bool = False) -> QFont:
    """The bundled Noto Sans CJK at *pixel_size* with the regional glyph forms of *locale*."""
    font = QFont(family_for(locale))
    font.setPixelSize(pixel_size)
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def apply_theme(app: QApplication, locale: str) -> None:
    """Register the fonts, set palette, stylesheet and the application font for *locale*."""
    register_fonts()
    app.setPalette(palette())
    app.setFont(ui_font(locale))
    app.setStyleSheet(stylesheet())


def apply_locale_font(app: QApplication, locale: str) -> None:
    """Switch the application font family so CJK text uses *locale*'s glyph forms.

    Widgets styled by the stylesheet keep their old font until they are
    re-polished, so the (unchanged) stylesheet is set again after the font.
    """
    app.setFont(ui_font(locale))
    sheet = app.styleSheet()
    if sheet:
        app.setStyleSheet(sheet)


def set_role(widget: QWidget, role: str) -> None:
    """Tag *widget* with a stylesheet role (``title``, ``price``, ...) and re-polish it."""
    widget.setProperty("role", role)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
