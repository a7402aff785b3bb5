"""Store card: pictogram, name, Korean signboard name, stall, prices, open now, ways to pay."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QScroller,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from kiosk.domain import design
from kiosk.domain.directory_card import PAYMENT_MARK_LABELS, DirectoryCard
from kiosk.domain.locales import LocaleCode
from kiosk.domain.open_now import OpenKind
from kiosk.domain.text import elide_at_words
from kiosk.i18n import N_, current_locale, translate
from kiosk.ui import theme
from kiosk.ui.models.store_list_model import StoreRole
from kiosk.ui.widgets.open_text import head_open_text, short_open_text
from kiosk.ui.widgets.pictograms import draw_category, draw_payment

_Index = QModelIndex | QPersistentModelIndex

#: Cards are at least this wide: three columns at 1366x768, four at 1920x1080, two in
#: portrait (1080x1920), so 8, 12 and 10 or more cards are in view at once.
MIN_CARD_WIDTH = 400
GAP = theme.GRID * 2
PADDING = theme.GRID * 2
BADGE = theme.GRID * 6  # the category pictogram's circle
_LINE_GAP = theme.GRID // 2
STALL = N_("Stall %(number)s")


def _font(base: QFont, pixel_size: int, *, bold: bool = False) -> QFont:
    font = QFont(base)
    font.setPixelSize(pixel_size)
    font.setBold(bold)
    return font


def _fonts(base: QFont, *, large: bool = False) -> tuple[QFont, QFont, QFont]:
    """Name (24 px bold), facts (20 px) and payment marks (16 px); a step larger when *large*
    (a portrait kiosk has the height for it)."""
    if large:
        return (
            _font(base, theme.HEADING, bold=True),
            _font(base, theme.LEAD),
            _font(base, theme.BODY),
        )
    return (
        _font(base, theme.LEAD, bold=True),
        _font(base, theme.BODY),
        _font(base, theme.CAPTION),
    )


def card_height(base: QFont, *, large: bool = False) -> int:
    """Height of one card: name, signboard name and stall, prices and open now, ways to pay."""
    name, facts, marks = (QFontMetrics(font).height() for font in _fonts(base, large=large))
    return PADDING * 2 + name + facts * 2 + marks + _LINE_GAP * 3


class StoreCardDelegate(QStyledItemDelegate):
    """Paints a white rounded card from the model's ``StoreRole.CARD``; never clips text.

    Every line elides with "…" when narrow; payment marks that do not fit are
    counted in a "+2" at the end instead of being cut.
    """

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        view = option.widget
        if isinstance(view, QListView) and view.gridSize().isValid():
            return view.gridSize()
        return QSize(MIN_CARD_WIDTH, card_height(option.font, large=_large(view)) + GAP)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        card = index.data(StoreRole.CARD)
        if not isinstance(card, DirectoryCard):
            return
        model = index.model()
        locale_of = getattr(model, "locale", None)
        locale: LocaleCode = locale_of() if callable(locale_of) else current_locale()
        rect: QRect = option.rect.adjusted(GAP // 2, GAP // 2, -GAP // 2, -GAP // 2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        state = option.state
        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        pressed = bool(state & QStyle.StateFlag.State_Sunken)
        painter.setPen(QPen(QColor(theme.PRIMARY if focused else theme.LINE), 3 if focused else 1))
        painter.setBrush(QColor(theme.SOFT if pressed else theme.CARD))
        painter.drawRoundedRect(
            QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), theme.RADIUS, theme.RADIUS
        )
        box = rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        content = _content(
            card, locale, box.size(), font=painter.font(), large=_large(option.widget), ratio=ratio
        )
        painter.drawPixmap(box.topLeft(), content)
        painter.restore()


#: Painted card contents kept for reuse (a repaint or scroll only copies them); bounded,
#: so a screen that runs all day does not grow.
_KEPT_CONTENTS = 96
_contents: OrderedDict[tuple[object, ...], QPixmap] = OrderedDict()


def _content(
    card: DirectoryCard,
    locale: LocaleCode,
    size: QSize,
    *,
    font: QFont,
    large: bool,
    ratio: float,
) -> QPixmap:
    """The card's text and pictograms on a transparent pixmap of *size* (drawn once)."""
    key = (card, locale, size.width(), size.height(), font.key(), large, ratio)
    kept = _contents.get(key)
    if kept is not None:
        _contents.move_to_end(key)
        return kept
    pixmap = QPixmap(round(size.width() * ratio), round(size.height() * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    _paint_content(painter, QRect(0, 0, size.width(), size.height()), card, locale, large=large)
    painter.end()
    _contents[key] = pixmap
    while len(_contents) > _KEPT_CONTENTS:
        _contents.popitem(last=False)
    return pixmap


def _text(painter: QPainter, rect: QRect, text: str, font: QFont, color: str) -> int:
    """Draw *text* elided into *rect* (left, vertically centred); return the width drawn."""
    painter.setFont(font)
    painter.setPen(QColor(color))
    metrics = QFontMetrics(font)
    shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(0, rect.width()))
    align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    painter.drawText(rect, align, shown)
    return metrics.horizontalAdvance(shown)


def _name(painter: QPainter, rect: QRect, name: str, font: QFont) -> None:
    """The store's name; when too long it ends after a whole word with "…", so a proper noun
    or a Korean word is never cut (a single word too long is cut by characters)."""
    metrics = QFontMetrics(font)
    shown = elide_at_words(name, rect.width(), metrics.horizontalAdvance) or name
    _text(painter, rect, shown, font, theme.INK)


def _large(view: object) -> bool:
    return isinstance(view, StoreGridView) and view.large_cards()


def _paint_content(
    painter: QPainter, box: QRect, card: DirectoryCard, locale: LocaleCode, *, large: bool
) -> None:
    name_font, facts_font, marks_font = _fonts(painter.font(), large=large)
    name_h = QFontMetrics(name_font).height()
    facts_h = QFontMetrics(facts_font).height()
    marks_h = QFontMetrics(marks_font).height()

    badge = QRectF(box.left(), box.top() + (name_h + facts_h - BADGE) / 2, BADGE, BADGE)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(theme.PRIMARY))
    painter.drawEllipse(badge)
    inset = BADGE * 0.2
    draw_category(
        painter,
        badge.adjusted(inset, inset, -inset, -inset),
        card.category,
        QColor(design.ON_PRIMARY),
    )

    left = box.left() + BADGE + theme.GRID * 2
    top = box.top()
    _name(painter, QRect(left, top, box.right() - left, name_h), card.name, name_font)
    top += name_h + _LINE_GAP
    stall = translate(STALL, locale) % {"number": card.stall}
    facts = "  ·  ".join(part for part in (card.signboard, stall) if part)
    _text(painter, QRect(left, top, box.right() - left, facts_h), facts, facts_font, theme.MUTED)
    top += facts_h + _LINE_GAP

    price_font = QFont(facts_font)
    price_font.setBold(True)
    state_font = QFont(facts_font)
    state_font.setBold(card.state.kind is OpenKind.OPEN)
    state = short_open_text(card.state, locale)
    price_w = QFontMetrics(price_font).horizontalAdvance(card.prices) + 2
    if price_w + QFontMetrics(state_font).horizontalAdvance(state) + theme.GRID * 2 > box.width():
        state = head_open_text(card.state, locale)  # the price range stays whole
    state_w = min(QFontMetrics(state_font).horizontalAdvance(state) + 2, box.width() * 3 // 5)
    state_color = theme.PRIMARY if card.state.kind is OpenKind.OPEN else theme.MUTED
    room = box.width() - state_w - theme.GRID * 2
    _text(painter, QRect(box.left(), top, room, facts_h), card.prices, price_font, theme.ACCENT)
    if state:
        state_rect = QRect(box.right() - state_w, top, state_w, facts_h)
        _text(painter, state_rect, state, state_font, state_color)
    top += facts_h + _LINE_GAP
    _paint_marks(painter, QRect(box.left(), top, box.width(), marks_h), card, marks_font, locale)


def _paint_marks(
    painter: QPainter, row: QRect, card: DirectoryCard, font: QFont, locale: LocaleCode
) -> None:
    """Pictogram and word per way to pay, as many as fit; the rest as ``+3``."""
    metrics = QFontMetrics(font)
    icon = metrics.height() - 2
    methods = card.marks
    extra = card.more_marks
    words = [translate(PAYMENT_MARK_LABELS[m], locale) for m in methods]
    widths = [icon + theme.GRID // 2 + metrics.horizontalAdvance(w) for w in words]
    spacing = theme.GRID * 2
    fitting = len(methods)
    while fitting:
        rest = extra + len(methods) - fitting
        more = metrics.horizontalAdvance(f"+{rest}") + spacing if rest else 0
        if sum(widths[:fitting]) + spacing * (fitting - 1) + more <= row.width() - GAP:
            break
        fitting -= 1
    x = row.left()
    ink = QColor(theme.INK)
    for method, word in zip(methods[:fitting], words[:fitting], strict=True):
        draw_payment(painter, QRectF(x, row.top() + 1, icon, icon), method, ink)
        x += icon + theme.GRID // 2
        x += _text(
            painter, QRect(x, row.top(), row.right() - x, row.height()), word, font, theme.INK
        )
        x += spacing
    rest = extra + len(methods) - fitting
    if rest:
        _text(
            painter,
            QRect(x, row.top(), row.right() - x, row.height()),
            f"+{rest}",
            font,
            theme.MUTED,
        )


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

    def large_cards(self) -> bool:
        """Larger type on a tall (portrait) view, which has the room for it."""
        return self.height() > self.width() * 3 // 2

    def fully_visible_rows(self) -> list[int]:
        """The rows whose whole card (its painted rectangle) is inside the viewport."""
        area = self.viewport().rect()
        model = self.model()
        rows = model.rowCount() if model is not None else 0
        shown = []
        for row in range(rows):
            rect = self.visualRect(model.index(row, 0))
            card = rect.adjusted(GAP // 2, GAP // 2, -GAP // 2, -GAP // 2)
            if rect.isValid() and area.contains(card):
                shown.append(row)
        return shown

    def _update_grid(self) -> None:
        width = max(self.viewport().width(), MIN_CARD_WIDTH)
        columns = max(1, width // MIN_CARD_WIDTH)
        # A hair narrower than width/columns: QListView wraps a row that fills it exactly.
        size = QSize(
            (width - 4) // columns, card_height(self.font(), large=self.large_cards()) + GAP
        )
        if size != self.gridSize():
            self.setGridSize(size)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_grid()

    def changeEvent(self, event: QEvent) -> None:  # the font changes with the language
        super().changeEvent(event)
        self._update_grid()
