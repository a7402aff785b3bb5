"""The application stylesheet, palette and font, filled from the design tokens."""

from __future__ import annotations

from string import Template
from typing import TYPE_CHECKING, Final, Literal

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.domain.design import (
    ACCENT,
    BODY,
    CAPTION,
    CARD,
    DISABLED_INK,
    DISPLAY,
    GRID,
    HEADING,
    INK,
    KAKAO,
    LEAD,
    LINE,
    MUTED,
    ON_KAKAO,
    ON_PRIMARY,
    OUTLINE,
    PAPER,
    PRICE_MERCHANT,
    PRIMARY,
    PRIMARY_PRESSED,
    RADIUS,
    SOFT,
    TITLE,
    TOUCH,
    TOUCH_MERCHANT,
    TYPE_SCALE,
)
from kiosk.render.fonts import family_for, register_fonts
from kiosk.ui.font_keeper import keep_fonts

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPalette
from kiosk.resources import assets_dir

# The token values live in kiosk.domain.design (docs/architecture.md, "Design tokens");
# widgets read them from here as theme.PAPER, theme.GRID, ...
__all__ = [
    "ACCENT",
    "BODY",
    "CAPTION",
    "CARD",
    "DISABLED_INK",
    "DISPLAY",
    "GRID",
    "HEADING",
    "INK",
    "KAKAO",
    "LEAD",
    "LINE",
    "MUTED",
    "ON_KAKAO",
    "ON_PRIMARY",
    "OUTLINE",
    "PAPER",
    "PRICE_MERCHANT",
    "PRIMARY",
    "PRIMARY_PRESSED",
    "RADIUS",
    "SOFT",
    "TITLE",
    "TOKENS",
    "TOUCH",
    "TOUCH_MERCHANT",
    "TYPE_SCALE",
    "apply_locale_font",
    "apply_theme",
    "finish_theme",
    "palette",
    "set_role",
    "stylesheet",
    "ui_font",
]

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
    "outline": OUTLINE,
    "soft": SOFT,
    "disabled_ink": DISABLED_INK,
    "caption": f"{CAPTION}px",
    "body": f"{BODY}px",
    "lead": f"{LEAD}px",
    "price_merchant": f"{PRICE_MERCHANT}px",
    "heading": f"{HEADING}px",
    "title": f"{TITLE}px",
    "display": f"{DISPLAY}px",
    "touch": f"{TOUCH}px",
    "touch_merchant": f"{TOUCH_MERCHANT}px",
    "radius": f"{RADIUS}px",
    "g1": f"{GRID}px",
    "g2": f"{GRID * 2}px",
    "g3": f"{GRID * 3}px",
    "g4": f"{GRID * 4}px",
    "radius_inner": f"{RADIUS - 2}px",
}

#: The app stylesheet, or one of the mode variants laid over it.
Variant = Literal["app", "merchant", "onboarding"]

# The mode variants: merchant sizes on top of the app stylesheet (24 px text, 64 px touch
# targets; docs/architecture.md, "Design tokens"). Each line starts with the variants it
# belongs to: "*" both, "m" merchant, "o" onboarding.
_MODE_TEMPLATE = """\
*|
*|    QPushButton, QPushButton[kind="choice"], QPushButton[kind="back"] {
*|        min-height: $touch_merchant; font-size: $lead;
*|    }
*|    QPushButton[kind="choice"] { font-weight: 700; }
*|    QLineEdit, QComboBox { min-height: $touch_merchant; font-size: $lead; }
*|    QComboBox QAbstractItemView { font-size: $lead; }
m|    QComboBox QAbstractItemView::item { min-height: $touch_merchant; }
o|    QCheckBox { font-size: $lead; min-height: $touch_merchant; spacing: $g2; }
o|    QCheckBox::indicator { width: $g4; height: $g4; }
o|    QListWidget { font-size: $lead; }
o|    QListWidget::item { min-height: $touch_merchant; }
*|    QPlainTextEdit {
*|        font-size: $lead; background: $card; border: 2px solid $outline;
*|        border-radius: $radius; padding: $g1;
m|        selection-background-color: $primary; selection-color: $on_primary;
*|    }
*|    QPlainTextEdit:focus { border-color: $primary; }
o|    QProgressBar {
o|        min-height: $g4; border: 2px solid $line;
o|        border-radius: $radius; background: $soft; text-align: center;
o|        font-size: $body; font-weight: 700; color: $ink;
o|    }
o|    QProgressBar::chunk { background: $primary; border-radius: $radius_inner; }
o|    QLabel[message="error"] { color: $accent; font-weight: 700; }
o|    QLabel[message="ok"] { color: $primary; font-weight: 700; }
m|    QLabel[pill="ok"] { font-size: $lead; }
m|    QLabel, QLabel[role="body"], QLabel[role="lead"] { font-size: $lead; }
m|    QLabel[role="heading"] { font-size: $heading; font-weight: 700; }
m|    QLabel[role="title"] { font-size: $title; font-weight: 700; }
m|    QLabel[role="value"] { font-size: $lead; font-weight: 700; }
m|    QLabel[role="muted"], QLabel[role="field"] { font-size: $lead; color: $muted; }
m|    QLabel[role="hint"], QLabel[role="caption"] { font-size: $body; color: $muted; }
m|    QLabel[role="price"] { font-size: $price_merchant; font-weight: 700; color: $accent; }
m|    QLineEdit#good-price { font-size: $price_merchant; font-weight: 700; }
m|    QProgressBar { min-height: $g4; font-size: $lead; }
m|    QPushButton[compact="true"] { padding: 0 $g2; }
m|    QLabel#qr-error { font-size: $lead; font-weight: 700; color: $accent; }
m|    QLabel#merchant-status[status="error"] { color: $accent; font-weight: 700; }
m|    QLabel#merchant-status[status="ok"] { color: $primary; font-weight: 700; }
m|    QLabel#payment-reminder {
m|        background: $soft; border-radius: $radius; padding: $g2;
m|    }
*|    """

# Every variant ends with the disabled look, so a button that cannot be pressed never looks
# live: sunken fill, grey text (3:1 against the enabled text and fill) and a dashed border
# (a cue besides colour). Each kind is named: its own rule would otherwise win.
_KINDS = ("primary", "choice", "choice-large", "kakao", "back", "big")
_DISABLED = (
    ",\n".join(["QPushButton:disabled", *(f'QPushButton[kind="{k}"]:disabled' for k in _KINDS)])
    + " {\n    color: $disabled_ink; background: $soft; border: 2px dashed $disabled_ink;\n}\n"
    # A label inside a button is disabled with it (Qt reads no state of an ancestor).
    + 'QPushButton[kind="primary"] QLabel:disabled, QPushButton[kind="big"] QLabel:disabled'
    + " { color: $disabled_ink; background: transparent; }\n"
)


def stylesheet(variant: Variant = "app") -> str:
    """The app stylesheet (``assets/styles/kiosk.qss``), or a mode's variant laid over it,
    with the ``$token`` placeholders filled in.

    Raises KeyError naming the token if the stylesheet uses one this module lacks.
    """
    if variant == "app":
        text = (assets_dir() / "styles" / "kiosk.qss").read_text(encoding="utf-8")
    else:
        tag = variant[0]
        text = "\n".join(line[2:] for line in _MODE_TEMPLATE.splitlines() if line[0] in ("*", tag))
    return Template(text + "\n" + _DISABLED).substitute(TOKENS)


def palette() -> QPalette:
    """A light palette matching the tokens, so unstyled corners never show a system theme."""
    from PySide6.QtGui import QPalette  # not before the first frame (apply_theme)

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


def _propagation_attribute() -> Qt.ApplicationAttribute:
    """Qt's stylesheet-propagation attribute: with it on, stylesheet fonts set only what a
    rule says (size, weight) and keep inheriting the family, so a new application font
    reaches every styled widget in place.

    Looked up when needed: the first use of PySide's ``Qt`` namespace builds all of its
    enums (~30 ms), which the first frame does without (docs/architecture.md).
    """
    from PySide6.QtCore import Qt

    return Qt.ApplicationAttribute.AA_UseStyleSheetPropagationInWidgetStyles


def apply_theme(app: QApplication, locale: str, *, complete: bool = True) -> None:
    """Register the fonts, set palette, stylesheet and the application font for *locale*.

    With *complete* False the start-up path leaves stylesheet propagation and the palette
    for :func:`finish_theme` after the first frame: the first screen is drawn by the
    stylesheet alone and looks the same either way (tests compare the pictures), and
    neither PySide's ``Qt`` namespace nor ``QPalette`` (~0.4% of the start) is built before it.
    """
    if complete:
        QCoreApplication.setAttribute(_propagation_attribute(), True)
        app.setPalette(palette())
    register_fonts()
    app.setFont(ui_font(locale))
    app.setStyleSheet(stylesheet())


def finish_theme(app: QApplication) -> None:
    """After the first frame: set the palette and turn stylesheet propagation on; the sheet
    is applied again so the widgets already polished follow the application font from now
    on. Nothing to do after a complete :func:`apply_theme`."""
    attribute = _propagation_attribute()
    if not QCoreApplication.testAttribute(attribute):
        app.setPalette(palette())
        QCoreApplication.setAttribute(attribute, True)
        sheet = app.styleSheet()
        if sheet:
            app.setStyleSheet(sheet)


def apply_locale_font(app: QApplication, locale: str) -> None:
    """Switch the application font family so CJK text uses *locale*'s glyph forms.

    The stylesheet is set once (``apply_theme``) and never again: with stylesheet
    propagation on, the new family reaches every widget without a re-polish.
    Only a sheet set without ``apply_theme`` is re-applied (the old, slow way).
    """
    app.setFont(ui_font(locale))
    # Deliver the font change now (Qt posts it), so text measured right after sees it.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.ApplicationFontChange)
    sheet = app.styleSheet()
    if sheet and not QCoreApplication.testAttribute(_propagation_attribute()):
        app.setStyleSheet(sheet)
    keep_fonts(locale)  # the new language's fonts stay loaded (kiosk.ui.font_keeper)


def set_role(widget: QWidget, role: str) -> None:
    """Tag *widget* with a stylesheet role (``title``, ``price``, ...) and re-polish it."""
    widget.setProperty("role", role)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
