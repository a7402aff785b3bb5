"""Store card: initial, name, category and stall, painted by a delegate in a wrapping grid."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QScroller,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from kiosk.i18n import _
from kiosk.ui import theme
from kiosk.ui.models.store_list_model import StoreRole

_Index = QModelIndex | QPersistentModelIndex

#: Cards are at least this wide, so a 48 px name of ~25 Latin letters fits on one line:
#: one column at 1366x768, two at 1920x1080.
MIN_CARD_WIDTH = 760
GAP = theme.GRID * 2
PADDING = theme.GRID * 3
BADGE = theme.GRID * 12  # the initial's circle


def _font(base: QFont, pixel_size: int, *, bold: bool = False) -> QFont:
    font = QFont(base)
    font.setPixelSize(pixel_size)
    font.setBold(bold)
    return font


def card_height(base: QFont) -> int:
    """Height of one card for the family of *base*: name (48 px) over category line (24 px)."""
    name = QFontMetrics(_font(base, theme.TITLE, bold=True)).height()
    meta = QFontMetrics(_font(base, theme.LEAD)).height()
    content = max(BADGE, name + theme.GRID + meta)
    return PADDING * 2 + content


class StoreCardDelegate(QStyledItemDelegate):
    """Paints a white rounded card; long names are elided with "…", never clipped."""

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        view = option.widget
        if isinstance(view, QListView) and view.gridSize().isValid():
            return view.gridSize()
        return QSize(MIN_CARD_WIDTH, card_height(option.font) + GAP)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        rect: QRect = option.rect.adjusted(GAP // 2, GAP // 2, -GAP // 2, -GAP // 2)
        base: QFont = option.font
        state = option.state
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        pressed = bool(state & QStyle.StateFlag.State_Sunken)
        painter.setPen(QPen(QColor(theme.PRIMARY if focused else theme.LINE), 3 if focused else 1))
        painter.setBrush(QColor(theme.SOFT if pressed else theme.CARD))
        painter.drawRoundedRect(
            QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), theme.RADIUS, theme.RADIUS
        )

        badge = QRect(rect.left() + PADDING, rect.center().y() - BADGE // 2, BADGE, BADGE)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.PRIMARY))
        painter.drawEllipse(badge)
        painter.setPen(QColor(theme.ON_PRIMARY))
        painter.setFont(_font(base, theme.TITLE, bold=True))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(index.data(StoreRole.INITIAL)))

        left = badge.right() + PADDING
        width = rect.right() - PADDING - left
        name_font = _font(base, theme.TITLE, bold=True)
        meta_font = _font(base, theme.LEAD)
        name_h = QFontMetrics(name_font).height()
        meta_h = QFontMetrics(meta_font).height()
        top = rect.center().y() - (name_h + theme.GRID + meta_h) // 2

        name = str(index.data(Qt.ItemDataRole.DisplayRole))
        painter.setFont(name_font)
        painter.setPen(QColor(theme.INK))
        shown = QFontMetrics(name_font).elidedText(name, Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRect(left, top, width, name_h), Qt.AlignmentFlag.AlignLeft, shown)

        meta = "  ·  ".join(
            (
                str(index.data(StoreRole.CATEGORY_LABEL)),
                _("Stall %(number)s") % {"number": index.data(StoreRole.STALL)},
            )
        )
        painter.setFont(meta_font)
        painter.setPen(QColor(theme.MUTED))
        shown = QFontMetrics(meta_font).elidedText(meta, Qt.TextElideMode.ElideRight, width)
        painter.drawText(
            QRect(left, top + name_h + theme.GRID, width, meta_h), Qt.AlignmentFlag.AlignLeft, shown
        )
        painter.restore()


class StoreGridView(QListView):
    """Wrapping grid of store cards that fits whole columns to the width; one tap opens a store."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegate(StoreCardDelegate(self))
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        self._update_grid()

    def columns(self) -> int:
        return max(1, self.viewport().width() // MIN_CARD_WIDTH)

    def _update_grid(self) -> None:
        width = max(self.viewport().width(), MIN_CARD_WIDTH)
        columns = max(1, width // MIN_CARD_WIDTH)
        # A hair narrower than width/columns: QListView wraps a row that fills it exactly.
        size = QSize((width - 4) // columns, card_height(self.font()) + GAP)
        if size != self.gridSize():
            self.setGridSize(size)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_grid()

    def changeEvent(self, event: QEvent) -> None:  # the font changes with the language
        super().changeEvent(event)
        self._update_grid()
