"""Draws one slide into a picture: a green heading band, white cards, the touch line below."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter, QPen, QPixmap

from kiosk.domain import design
from kiosk.domain.locales import NATIVE_NAMES
from kiosk.domain.signage.slides import Slide, SlideItem, SlideKind
from kiosk.ui.signage.fitted_text import draw_fitted
from kiosk.ui.signage.promotion_image import promotion_image
from kiosk.ui.theme import ui_font

#: Slides whose items stand side by side on a landscape screen.
_COLUMNS = {SlideKind.PROMOTIONS, SlideKind.FEATURED, SlideKind.ANNOUNCEMENTS}
_TOP = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
_MIDDLE = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
#: The height of one row of goods, in design pixels.
ROW_PX = 72


class _Scale:
    """Sizes for one picture: ``u`` pixels per design pixel of a 1080-pixel short side."""

    def __init__(self, size: QSize) -> None:
        self.u = min(size.width(), size.height()) / 1080
        self.portrait = size.height() > size.width()

    def __call__(self, px: float) -> int:
        return max(1, round(px * self.u))


def render_slide(slide: Slide, size: QSize, ratio: float = 1.0) -> QPixmap:
    """*slide* drawn at *size* (device pixel *ratio*), ready to be shown as it is."""
    pixmap = QPixmap(size * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(QColor(design.PAPER))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    try:
        paint_slide(painter, QRect(0, 0, size.width(), size.height()), slide)
    finally:
        painter.end()
    return pixmap


def paint_slide(painter: QPainter, area: QRect, slide: Slide) -> None:
    """Draw *slide* over *area*."""
    s = _Scale(area.size())
    margin = s(56)
    band = QRect(area.left(), area.top(), area.width(), s(230 if not s.portrait else 300))
    painter.fillRect(band, QColor(design.PRIMARY))
    _heading(painter, band.adjusted(margin, s(28), -margin, -s(24)), slide, s)
    foot_h = s(118)
    foot = QRect(area.left(), area.bottom() - foot_h + 1, area.width(), foot_h)
    painter.fillRect(foot, QColor(design.WHITE))
    painter.fillRect(QRect(foot.left(), foot.top(), foot.width(), s(4)), QColor(design.LINE))
    painter.fillRect(QRect(foot.left(), foot.top() + s(4), s(16), foot_h), QColor(design.ACCENT))
    draw_fitted(
        painter,
        foot.adjusted(margin, s(12), -margin, -s(8)),
        slide.touch,
        locale=slide.locale,
        largest=s(44),
        smallest=s(24),
        colour=design.INK,
        bold=True,
        align=_MIDDLE,
    )
    body = QRect(area.left(), band.bottom() + 1, area.width(), foot.top() - band.bottom() - 1)
    _items(painter, body.adjusted(margin, s(40), -margin, -s(40)), slide, s)


def _heading(painter: QPainter, box: QRect, slide: Slide, s: _Scale) -> None:
    tag_w = s(230)
    tag = QRect(box.right() - tag_w + 1, box.top(), tag_w, s(64))
    painter.setPen(QPen(QColor(design.WHITE), s(3)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(QRectF(tag), s(32), s(32))
    draw_fitted(
        painter,
        tag.adjusted(s(12), s(4), -s(12), -s(4)),
        NATIVE_NAMES[slide.locale],
        locale=slide.locale,
        largest=s(32),
        smallest=s(18),
        colour=design.WHITE,
        bold=True,
        align=Qt.AlignmentFlag.AlignCenter,
    )
    if s.portrait:  # a narrow band: the heading takes the whole width under the tag
        below = tag.bottom() + s(8)
        text = QRect(box.left(), below, box.width(), box.bottom() - below + 1)
    else:
        text = QRect(box.left(), box.top(), box.width() - tag_w - s(32), box.height())
    sub_h = s(52) if slide.subtitle else 0
    title = QRect(text.left(), text.top(), text.width(), text.height() - sub_h)
    draw_fitted(
        painter,
        title,
        slide.heading,
        locale=slide.locale,
        largest=s(84),
        smallest=s(36),
        colour=design.WHITE,
        bold=True,
        align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
    )
    if slide.subtitle:
        sub = QRect(text.left(), title.bottom() + s(6), text.width(), sub_h - s(6))
        draw_fitted(
            painter,
            sub,
            slide.subtitle,
            locale=slide.locale,
            largest=s(36),
            smallest=s(20),
            colour="#DCEBE4",
        )


def _items(painter: QPainter, body: QRect, slide: Slide, s: _Scale) -> None:
    items = slide.items
    if not items:
        return
    gap = s(32)
    count = len(items)
    if slide.kind in _COLUMNS and not s.portrait and count > 1:
        width = (body.width() - gap * (count - 1)) // count
        boxes = [
            QRect(body.left() + i * (width + gap), body.top(), width, body.height())
            for i in range(count)
        ]
    else:
        height = (body.height() - gap * (count - 1)) // count
        boxes = [
            QRect(body.left(), body.top() + i * (height + gap), body.width(), height)
            for i in range(count)
        ]
    for item, box in zip(items, boxes, strict=True):
        _card(painter, box, item, slide, s)


def _card(painter: QPainter, box: QRect, item: SlideItem, slide: Slide, s: _Scale) -> None:
    painter.setPen(QPen(QColor(design.LINE), s(2)))
    painter.setBrush(QColor(design.CARD))
    painter.drawRoundedRect(QRectF(box), s(24), s(24))
    inner = box.adjusted(s(36), s(28), -s(36), -s(28))
    image = promotion_image(item.image, QSize(inner.width() * 2 // 5, inner.height()))
    if image is not None:
        inner = _image(painter, inner, image, s)
    rows_h = len(item.rows) * s(ROW_PX)
    if item.rows:  # goods keep to the bottom, the store's words to the top
        _texts(painter, inner, item, slide, s, rows_h=rows_h)
        area = QRect(inner.left(), inner.bottom() - rows_h, inner.width(), rows_h)
        _rows(painter, area, item, slide.locale, s)
        return
    # Words alone stand in the middle of their card (a short notice on a tall card).
    bottom = _texts(painter, inner, item, slide, s, draw=False)
    painter.save()
    painter.translate(0, max(0, (inner.bottom() - bottom) // 2))
    _texts(painter, inner, item, slide, s)
    painter.restore()


def _texts(
    painter: QPainter,
    inner: QRect,
    item: SlideItem,
    slide: Slide,
    s: _Scale,
    *,
    rows_h: int = 0,
    draw: bool = True,
) -> int:
    """Badge, title and detail from the top of *inner*; return where they end."""
    loc = slide.locale
    y = inner.top()
    if item.badge:
        badge = QRect(inner.left(), y, inner.width(), s(48))
        used = draw_fitted(
            painter,
            badge,
            item.badge,
            locale=loc,
            largest=s(34),
            smallest=s(20),
            colour=design.ACCENT,
            bold=True,
            draw=draw,
        )
        y += used + s(10)
    label = slide.kind == SlideKind.WELCOME
    alone = len(slide.items) == 1  # one item has the whole body: larger type
    avail = inner.bottom() - y - rows_h
    title_h = s(52) if label else max(s(80), avail * 3 // 5)
    if not item.detail and not item.rows:
        title_h = inner.bottom() - y
    title = QRect(inner.left(), y, inner.width(), title_h)
    title_px = 38 if label else (96 if alone else 64)
    used = draw_fitted(
        painter,
        title,
        item.title,
        locale=loc,
        largest=s(title_px),
        smallest=s(22 if label else 30),
        colour=design.PRIMARY if label else design.INK,
        bold=True,
        draw=draw,
    )
    y += used
    if not item.detail:
        return y
    y += s(16)
    detail = QRect(inner.left(), y, inner.width(), inner.bottom() - rows_h - y - s(8))
    detail_px = 58 if label else (52 if alone else 32)
    return y + draw_fitted(
        painter,
        detail,
        item.detail,
        locale=loc,
        largest=s(detail_px),
        smallest=s(22),
        colour=design.INK if label else design.MUTED,
        bold=label,
        draw=draw,
    )


def _rows(painter: QPainter, box: QRect, item: SlideItem, locale: str, s: _Scale) -> None:
    """Goods as rows of name and price: the price at its full size first, the name in the
    rest of the row (two lines if need be, then smaller, then elided)."""
    row_h = s(ROW_PX)
    price_font = ui_font(locale, s(32), bold=True)
    for index, (name, price) in enumerate(item.rows):
        row = QRect(box.left(), box.top() + index * row_h, box.width(), row_h)
        painter.fillRect(QRect(row.left(), row.top(), row.width(), s(2)), QColor(design.LINE))
        price_w = min(QFontMetrics(price_font).horizontalAdvance(price) + s(4), row.width() // 2)
        draw_fitted(
            painter,
            QRect(row.right() - price_w + 1, row.top() + s(4), price_w, row_h - s(8)),
            price,
            locale=locale,
            largest=s(32),
            smallest=s(20),
            colour=design.ACCENT,
            bold=True,
            align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        )
        draw_fitted(
            painter,
            QRect(row.left(), row.top() + s(4), row.width() - price_w - s(16), row_h - s(8)),
            name,
            locale=locale,
            largest=s(32),
            smallest=s(24),
            colour=design.INK,
            align=_MIDDLE,
        )


def _image(painter: QPainter, inner: QRect, image: QImage, s: _Scale) -> QRect:
    """Draw *image* at the right of *inner*; return what is left for the text."""
    width, height = image.width(), image.height()
    top = inner.top() + (inner.height() - height) // 2
    painter.drawImage(inner.right() - width + 1, top, image)
    return inner.adjusted(0, 0, -width - s(28), 0)
