"""Self-test checks of a shown screen: text cut off, contrast, touch targets, QR codes in view."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QWidget,
)

from kiosk.domain.legibility import (
    RGB,
    contrast_ratio,
    outline_contrast_problem,
    target_problem,
    text_contrast_problem,
)
from kiosk.qa.field_checks import field_problems
from kiosk.ui.widgets.elided_label import ElidedLabel

#: Pixels a widget may overhang its parent before its text counts as cut (anti-aliasing).
SLACK = 2
#: The object name of the label that shows a QR symbol (kiosk.ui.widgets.qr_card).
QR_IMAGE = "qr-image"
#: A property marking a QR code that only leads to more reading (an official guide page,
#: a shop's online pages under its KakaoTalk and payment codes), placed under the content
#: it explains: it may be scrolled to. Never for a code to scan to follow or pay a stall.
SECONDARY_CODE = "secondary-code"
#: Controls whose outline or fill must show where they are (WCAG 1.4.11).
_OUTLINED = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QAbstractButton)
#: What a tourist touches: buttons, the search box, pickers and scroll bars.
_TARGETS = (QAbstractButton, QLineEdit, QComboBox, QScrollBar)


def widget_text(widget: QWidget) -> str:
    """The text *widget* shows itself ("" for containers, images and lists)."""
    if isinstance(widget, QLabel | QAbstractButton):
        return widget.text()
    if isinstance(widget, QLineEdit):
        return widget.text() or widget.placeholderText()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    return ""


def describe(widget: QWidget) -> str:
    """``QLabel#store-name 'ミカン色農園'``: the type, the object name and the start of the text."""
    name = type(widget).__name__
    if widget.objectName():
        name += f"#{widget.objectName()}"
    text = " ".join(widget_text(widget).split())
    return f"{name} {text[:40] + ('…' if len(text) > 40 else '')!r}" if text else name


def shown_widgets(root: QWidget) -> Iterator[QWidget]:
    """*root* and every descendant that is visible and has an area."""
    for widget in [root, *root.findChildren(QWidget)]:
        if (widget is root or widget.isVisibleTo(root)) and not widget.size().isEmpty():
            yield widget


def rect_in(widget: QWidget, window: QWidget) -> QRect:
    """*widget*'s rectangle in *window*'s coordinates."""
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def _is_viewport(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    return isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget


def _sideways_clip(clip: QRect, viewport: QWidget, window: QWidget) -> QRect:
    """*clip* cut to *viewport*'s sides when its scroll area cannot scroll sideways: what
    lies beyond them is cut, not further along the page."""
    area = viewport.parentWidget()
    if not isinstance(area, QAbstractScrollArea):
        return clip
    if area.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
        return clip
    sides = rect_in(viewport, window)
    return clip.intersected(QRect(sides.left(), clip.top(), sides.width(), clip.height()))


def clip_in(widget: QWidget, window: QWidget, *, through_scrolling: bool) -> QRect:
    """The part of *window* that *widget*'s ancestors let it paint in.

    Without *through_scrolling* the first scroll viewport ends the walk: text
    scrolled out of view is not cut, it is further down the page.
    """
    clip = rect_in(widget, window)
    parent = widget.parentWidget()
    while parent is not None:
        if _is_viewport(parent) and not through_scrolling:
            return _sideways_clip(clip, parent, window)
        clip = clip.intersected(rect_in(parent, window))
        if parent is window:
            break
        parent = parent.parentWidget()
    return clip.intersected(window.rect())


def cut_text_problems(widget: QWidget, window: QWidget) -> list[str]:
    """Elided labels, wrapped lines cut at the bottom, button text wider than the button,
    a picker's item or a line edit's text or placeholder wider than its field
    (kiosk.qa.field_checks), and text its parents (or the window) cut off."""
    text = widget_text(widget)
    if not text:
        return []
    problems = []
    width, height = widget.width(), widget.height()
    if isinstance(widget, ElidedLabel):
        if widget.is_elided():
            needed = widget.fontMetrics().horizontalAdvance(text)
            problems.append(f"text elided: needs {needed} px wide, has {width}")
    elif isinstance(widget, QLabel) and widget.wordWrap():
        needed = widget.heightForWidth(width)
        if needed > height + 1:
            problems.append(f"wrapped text cut: needs {needed} px high, has {height}")
    elif isinstance(widget, QLabel):
        room = widget.contentsRect()
        metrics = QFontMetrics(widget.font())
        needed = metrics.horizontalAdvance(text)
        if needed > room.width() + 1:
            problems.append(f"text clipped: needs {needed} px wide, has {room.width()}")
        elif metrics.height() > room.height() + 2 * SLACK:
            problems.append(f"text clipped: needs {metrics.height()} px high, has {room.height()}")
    elif isinstance(widget, QAbstractButton) and widget.layout() is None:
        needed = widget.sizeHint().width()
        if needed > width + 1:
            problems.append(f"button text wider than the button: needs {needed} px, has {width}")
    else:
        problems += field_problems(widget)
    own = rect_in(widget, window)
    shown = own.intersected(clip_in(widget, window, through_scrolling=False))
    if own.width() - shown.width() > SLACK or own.height() - shown.height() > SLACK:
        problems.append(
            f"text cut by its parent: {shown.width()}x{shown.height()} of"
            f" {own.width()}x{own.height()} px in view"
        )
    return problems


def _rgb(image: QImage, x: int, y: int) -> RGB:
    value = image.pixel(x, y)
    return (value >> 16 & 0xFF, value >> 8 & 0xFF, value & 0xFF)


def dominant_colour(image: QImage, rect: QRect, *, samples: int = 24) -> RGB | None:
    """The commonest colour of *rect* in *image* (sampled on a grid), or None when off-image."""
    area = rect.intersected(image.rect())
    if area.width() < 1 or area.height() < 1:
        return None
    step_x = max(1, area.width() // samples)
    step_y = max(1, area.height() // samples)
    counts = Counter(
        _rgb(image, x, y)
        for y in range(area.top(), area.bottom() + 1, step_y)
        for x in range(area.left(), area.right() + 1, step_x)
    )
    return counts.most_common(1)[0][0]


def _blend(colour: QColor, behind: RGB) -> RGB:
    """*colour* as drawn over *behind* (placeholder text is half transparent)."""
    alpha = colour.alphaF()
    ours = (colour.red(), colour.green(), colour.blue())
    return (
        round(ours[0] * alpha + behind[0] * (1 - alpha)),
        round(ours[1] * alpha + behind[1] * (1 - alpha)),
        round(ours[2] * alpha + behind[2] * (1 - alpha)),
    )


def contrast_problems(widget: QWidget, window: QWidget, image: QImage) -> list[str]:
    """Text (or placeholder text) of an enabled widget below 4.5:1 against what is behind it.

    The text colour is the one the stylesheet and palette give the widget; the
    colour behind it is measured: the commonest colour of its rectangle on screen.
    """
    text = widget_text(widget)
    if not text or not widget.isEnabled() or isinstance(widget, QAbstractItemView):
        return []
    if (
        isinstance(widget, QLabel)
        and widget.textFormat() != Qt.TextFormat.PlainText
        and "<" in text
    ):
        return []  # rich text carries its own colours
    own = rect_in(widget, window)
    shown = own.intersected(clip_in(widget, window, through_scrolling=True))
    if shown.width() * shown.height() * 2 < own.width() * own.height():
        return []  # mostly scrolled away: not on screen to judge
    inset = 3 if isinstance(widget, QLineEdit | QComboBox) else 0
    behind = dominant_colour(image, shown.adjusted(inset, inset, -inset, -inset))
    if behind is None:
        return []
    what, role = "text", widget.foregroundRole()
    if isinstance(widget, QLineEdit) and not widget.text():
        what, role = "placeholder text", widget.palette().ColorRole.PlaceholderText
    if isinstance(widget, QAbstractButton) and widget.isChecked():
        # The palette holds the unchecked colours; the checked ones are measured (the
        # darkest-against-the-fill pixel inside the border is the core of a glyph stroke).
        inside = _pixels(image, shown.adjusted(4, 4, -4, -4))
        ink = max(inside, key=lambda rgb: contrast_ratio(rgb, behind), default=behind)
    else:
        ink = _blend(widget.palette().color(role), behind)
    problem = text_contrast_problem(ink, behind, what=what)
    return [problem] if problem else []


def _pixels(image: QImage, rect: QRect) -> list[RGB]:
    area = rect.intersected(image.rect())
    return [
        _rgb(image, x, y)
        for y in range(area.top(), area.bottom() + 1)
        for x in range(area.left(), area.right() + 1)
    ]


def _edge_pixels(image: QImage, rect: QRect) -> list[RGB]:
    """Pixels 0-3 px inside each edge of *rect*, around the middle (clear of rounded corners)."""
    mid_x, mid_y = rect.center().x(), rect.center().y()
    pixels = []
    for depth in range(4):
        for x, y in (
            (rect.left() + depth, mid_y),
            (rect.right() - depth, mid_y),
            (mid_x, rect.top() + depth),
            (mid_x, rect.bottom() - depth),
        ):
            if image.rect().contains(x, y):
                pixels.append(_rgb(image, x, y))
    return pixels


def outline_problems(widget: QWidget, window: QWidget, image: QImage) -> list[str]:
    """A control whose outline and fill both stand out less than 3:1 from its surroundings."""
    if not isinstance(widget, _OUTLINED) or not widget.isEnabled():
        return []
    if isinstance(widget, QAbstractButton) and not widget.inherits("QPushButton"):
        return []  # check boxes and tool buttons draw their own marks
    if isinstance(widget.parentWidget(), QComboBox | QAbstractSpinBox):
        return []  # the edit field of a picker or a date: the outer control's outline counts
    if isinstance(widget, QPlainTextEdit | QLineEdit) and widget.isReadOnly():
        return []  # text to read, not a control
    own = rect_in(widget, window)
    if own != own.intersected(clip_in(widget, window, through_scrolling=True)):
        return []
    ring = own.adjusted(-5, -5, 5, 5)
    outside = dominant_colour(image, ring.adjusted(0, 0, 0, -(ring.height() - 3)))
    fill = dominant_colour(image, own.adjusted(6, 6, -6, -6))
    edges = _edge_pixels(image, own)
    if outside is None or fill is None or not edges:
        return []
    edge = max(edges, key=lambda rgb: contrast_ratio(rgb, outside))
    problem = outline_contrast_problem(edge, fill, outside)
    return [problem] if problem else []


def target_problems(widget: QWidget) -> list[str]:
    """A tourist's touch target smaller than 48 px on a side."""
    if not isinstance(widget, _TARGETS) or not widget.isEnabled():
        return []
    problem = target_problem(widget.width(), widget.height())
    return [problem] if problem else []


def _marked_secondary(widget: QWidget) -> bool:
    """True inside a widget marked ``setProperty(SECONDARY_CODE, True)``."""
    parent: QWidget | None = widget
    while parent is not None:
        if parent.property(SECONDARY_CODE):
            return True
        parent = parent.parentWidget()
    return False


def qr_fold_problems(widget: QWidget, window: QWidget) -> list[str]:
    """A QR code that is not wholly in view without scrolling."""
    if widget.objectName() != QR_IMAGE or not isinstance(widget, QLabel):
        return []
    if _marked_secondary(widget):
        return []
    pixmap = widget.pixmap()
    if pixmap is None or pixmap.isNull():
        return []
    own = rect_in(widget, window)
    shown = own.intersected(clip_in(widget, window, through_scrolling=True))
    if shown == own:
        return []
    seen = shown.height() if shown.width() == own.width() else 0
    return [
        f"QR code below the fold: {max(seen, 0)} of its {own.height()} px rows"
        " in view without scrolling"
    ]


def screen_problems(
    root: QWidget, window: QWidget, image: QImage, *, tourist: bool, fold: bool
) -> list[str]:
    """Every problem of what *root* (inside *window*, grabbed as *image*) shows, one per line."""
    problems = []
    for widget in shown_widgets(root):
        found = cut_text_problems(widget, window)
        found += contrast_problems(widget, window, image)
        found += outline_problems(widget, window, image)
        if tourist:
            found += target_problems(widget)
        if fold:
            found += qr_fold_problems(widget, window)
        problems += [f"{describe(widget)}: {problem}" for problem in found]
    return problems
