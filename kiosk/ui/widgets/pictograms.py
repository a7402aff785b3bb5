"""Pictograms drawn with QPainter: one per store category and per way to pay (no font needed)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from kiosk.domain.categories import Category
from kiosk.domain.payments import PaymentMethod

#: Drawings use a 24 x 24 grid (like common icon sets) scaled to the rectangle asked for.
_GRID = 24.0
_Draw = Callable[[QPainter], None]


def _poly(*points: tuple[float, float]) -> QPolygonF:
    return QPolygonF([QPointF(x, y) for x, y in points])


def _fish(p: QPainter) -> None:
    p.drawEllipse(QRectF(3, 7, 14, 10))
    p.drawPolygon(_poly((16, 12), (22, 7), (22, 17)))
    p.drawPoint(QPointF(7, 11))


def _leaf(p: QPainter) -> None:
    path = QPainterPath(QPointF(4, 20))
    path.cubicTo(4, 8, 12, 3, 21, 3)
    path.cubicTo(21, 12, 16, 20, 4, 20)
    p.drawPath(path)
    p.drawLine(QPointF(4, 20), QPointF(15, 9))


def _apple(p: QPainter) -> None:
    p.drawEllipse(QRectF(4, 7, 16, 15))
    p.drawLine(QPointF(12, 7), QPointF(13, 3))
    p.drawEllipse(QRectF(13, 3, 5, 3))


def _tangerine(p: QPainter) -> None:
    p.drawEllipse(QRectF(3, 6, 18, 16))
    p.drawEllipse(QRectF(11, 2, 7, 4))
    for x1, y1, x2, y2 in ((12, 10, 12, 18), (8, 14, 16, 14)):
        p.drawLine(QPointF(x1, y1), QPointF(x2, y2))


def _meat(p: QPainter) -> None:
    p.drawEllipse(QRectF(3, 3, 13, 12))
    p.drawLine(QPointF(13, 13), QPointF(19, 19))
    p.drawEllipse(QRectF(18, 16, 4, 4))
    p.drawEllipse(QRectF(16, 19, 4, 4))


def _rice_cakes(p: QPainter) -> None:
    for top in (4.0, 10.0, 16.0):
        p.drawRoundedRect(QRectF(4, top, 16, 5), 2.5, 2.5)


def _bowl(p: QPainter) -> None:
    path = QPainterPath(QPointF(3, 11))
    path.lineTo(21, 11)
    path.cubicTo(21, 18, 16, 21, 12, 21)
    path.cubicTo(8, 21, 3, 18, 3, 11)
    p.drawPath(path)
    for x in (8.0, 12.0, 16.0):
        p.drawLine(QPointF(x, 4), QPointF(x, 8))


def _skewer(p: QPainter) -> None:
    p.drawLine(QPointF(3, 21), QPointF(21, 3))
    for cx, cy in ((8, 16), (12, 12), (16, 8)):
        p.drawEllipse(QPointF(cx, cy), 2.6, 2.6)


def _restaurant(p: QPainter) -> None:
    p.drawEllipse(QRectF(4, 3, 6, 8))
    p.drawLine(QPointF(7, 11), QPointF(7, 21))
    p.drawLine(QPointF(15, 3), QPointF(15, 21))
    p.drawLine(QPointF(19, 3), QPointF(19, 21))


def _dried(p: QPainter) -> None:
    p.drawLine(QPointF(3, 12), QPointF(17, 12))
    for x in (6.0, 9.0, 12.0, 15.0):
        p.drawLine(QPointF(x, 7), QPointF(x, 17))
    p.drawPolygon(_poly((17, 12), (22, 7), (22, 17)))


def _bread(p: QPainter) -> None:
    path = QPainterPath(QPointF(3, 20))
    path.lineTo(3, 12)
    path.cubicTo(3, 4, 21, 4, 21, 12)
    path.lineTo(21, 20)
    path.closeSubpath()
    p.drawPath(path)
    for x in (9.0, 13.0, 17.0):
        p.drawLine(QPointF(x - 2, 14), QPointF(x, 9))


def _shirt(p: QPainter) -> None:
    outline = ((8, 3), (3, 7), (5, 11), (7, 10), (7, 21), (17, 21), (17, 10), (19, 11))
    p.drawPolygon(_poly(*outline, (21, 7), (16, 3), (14, 5), (10, 5)))


def _gift(p: QPainter) -> None:
    p.drawRect(QRectF(4, 10, 16, 11))
    p.drawRect(QRectF(3, 7, 18, 3))
    p.drawLine(QPointF(12, 7), QPointF(12, 21))
    p.drawEllipse(QRectF(7, 3, 5, 4))
    p.drawEllipse(QRectF(12, 3, 5, 4))


def _pot(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(4, 9, 16, 12), 3, 3)
    p.drawLine(QPointF(2, 9), QPointF(22, 9))
    p.drawLine(QPointF(10, 5), QPointF(14, 5))
    p.drawLine(QPointF(12, 5), QPointF(12, 9))


def _flower(p: QPainter) -> None:
    for cx, cy in ((12, 5), (17, 9), (15, 14), (9, 14), (7, 9)):
        p.drawEllipse(QPointF(cx, cy), 3, 3)
    p.drawLine(QPointF(12, 14), QPointF(12, 22))


def _shop(p: QPainter) -> None:
    p.drawPolygon(_poly((3, 9), (5, 3), (19, 3), (21, 9)))
    p.drawRect(QRectF(5, 9, 14, 12))
    p.drawRect(QRectF(10, 14, 4, 7))


_CATEGORY: dict[Category, _Draw] = {
    Category.SEAFOOD: _fish,
    Category.PRODUCE: _leaf,
    Category.FRUIT: _apple,
    Category.TANGERINES: _tangerine,
    Category.MEAT: _meat,
    Category.RICE_CAKES: _rice_cakes,
    Category.SIDE_DISHES: _bowl,
    Category.STREET_FOOD: _skewer,
    Category.RESTAURANT: _restaurant,
    Category.DRIED_GOODS: _dried,
    Category.BAKERY: _bread,
    Category.CLOTHING: _shirt,
    Category.SOUVENIRS: _gift,
    Category.HOUSEWARES: _pot,
    Category.FLOWERS: _flower,
    Category.OTHER: _shop,
}


def _cash(p: QPainter) -> None:
    p.drawRect(QRectF(2, 6, 20, 12))
    p.drawEllipse(QPointF(12, 12), 3, 3)


def _card(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(2, 5, 20, 14), 2, 2)
    p.drawLine(QPointF(2, 9), QPointF(22, 9))
    p.drawLine(QPointF(5, 15), QPointF(10, 15))


def _foreign_card(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(1, 4, 16, 12), 2, 2)
    p.drawLine(QPointF(1, 8), QPointF(17, 8))
    p.drawEllipse(QPointF(17, 17), 5, 5)
    p.drawEllipse(QRectF(15, 12, 4, 10))
    p.drawLine(QPointF(12, 17), QPointF(22, 17))


def _qr(p: QPainter) -> None:
    for x, y in ((3, 3), (14, 3), (3, 14)):
        p.drawRect(QRectF(x, y, 7, 7))
    for x, y in ((15, 15), (19, 19), (19, 15)):
        p.drawPoint(QPointF(x, y))


def _phone(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(6, 2, 12, 20), 2, 2)
    p.drawPoint(QPointF(12, 19))


def _wallet_world(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(2, 2, 11, 20), 2, 2)
    p.drawEllipse(QPointF(17, 12), 5, 5)
    p.drawLine(QPointF(17, 7), QPointF(17, 17))
    p.drawLine(QPointF(12, 12), QPointF(22, 12))


def _voucher(p: QPainter) -> None:
    path = QPainterPath(QPointF(2, 6))
    path.lineTo(22, 6)
    path.lineTo(22, 10)
    path.arcTo(QRectF(20, 10, 4, 4), 90, 180)
    path.lineTo(22, 18)
    path.lineTo(2, 18)
    path.lineTo(2, 14)
    path.arcTo(QRectF(0, 10, 4, 4), -90, 180)
    path.closeSubpath()
    p.drawPath(path)
    p.drawLine(QPointF(8, 6), QPointF(8, 18))


def _bank(p: QPainter) -> None:
    p.drawPolygon(_poly((2, 9), (12, 3), (22, 9)))
    for x in (5.0, 10.0, 14.0, 19.0):
        p.drawLine(QPointF(x, 10), QPointF(x, 18))
    p.drawLine(QPointF(2, 20), QPointF(22, 20))


_PAYMENT: dict[PaymentMethod, _Draw] = {
    PaymentMethod.CASH: _cash,
    PaymentMethod.CARD: _card,
    PaymentMethod.FOREIGN_CARD: _foreign_card,
    PaymentMethod.ZEROPAY: _qr,
    PaymentMethod.ONNURI: _voucher,
    PaymentMethod.KAKAOPAY: _phone,
    PaymentMethod.NAVERPAY: _phone,
    PaymentMethod.ALIPAY_PLUS: _wallet_world,
    PaymentMethod.BANK_TRANSFER: _bank,
}


def _draw(painter: QPainter, rect: QRectF, draw: _Draw, color: QColor) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(rect.topLeft())
    scale = min(rect.width(), rect.height()) / _GRID
    painter.scale(scale, scale)
    pen = QPen(color, 1.8)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    draw(painter)
    painter.restore()


def draw_category(painter: QPainter, rect: QRectF, category: Category, color: QColor) -> None:
    """The pictogram of *category* in *rect* (a square is best), drawn in *color*."""
    _draw(painter, rect, _CATEGORY.get(category, _shop), color)


def draw_payment(painter: QPainter, rect: QRectF, method: PaymentMethod, color: QColor) -> None:
    """The pictogram of *method* in *rect*, drawn in *color*."""
    _draw(painter, rect, _PAYMENT.get(method, _cash), color)


@lru_cache(maxsize=64)
def payment_pixmap(method: PaymentMethod, side: int, color: str, ratio: float = 1.0) -> QPixmap:
    """*method*'s pictogram as a transparent *side* px pixmap (for labels and buttons)."""
    pixmap = QPixmap(round(side * ratio), round(side * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    draw_payment(painter, QRectF(0, 0, side, side), method, QColor(color))
    painter.end()
    return pixmap
