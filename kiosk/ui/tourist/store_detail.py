"""Store page for tourists: names, open now, facts, ways to pay, goods and the codes in one view."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.categories import CATEGORY_LABELS
from kiosk.domain.currency import RateCard
from kiosk.domain.listing import StoreDetail
from kiosk.domain.locales import LocaleCode
from kiosk.domain.units import unit_notes
from kiosk.i18n import _, current_locale
from kiosk.services.values import StoreCodes
from kiosk.ui import theme
from kiosk.ui.tourist.profiles_panel import ProfilesPanel
from kiosk.ui.tourist.qr_panel import NARROW_SIDE, WIDE_SIDE, StoreQrPanel
from kiosk.ui.tourist.store_about import build_about, build_story, open_now_text
from kiosk.ui.tourist.store_fit import Arrangement, CardPlaces, PageParts, Shape
from kiosk.ui.tourist.store_goods import build_goods
from kiosk.ui.tourist.store_header import StoreHeader
from kiosk.ui.widgets.layout_items import clear_layout
from kiosk.ui.widgets.price_row import PriceRow

#: From this width on (landscape) the codes stand in a row at full size at the right;
#: below it they stand one above the other, smaller, each caption beside its code.
WIDE_QR_MIN_WIDTH = 1600
#: The QR sizes the store page may show; a code is verified at each before it is shown.
QR_SIDES: tuple[int, ...] = (WIDE_SIDE, NARROW_SIDE)
_NO_LIMIT = 16_777_215  # QWIDGETSIZE_MAX
#: In portrait up to three codes' cards share the width (with the 48 px scroll bar shown).
PORTRAIT_QR_CARD = 280
#: The open-now line is worked out again this often.
CLOCK_MS = 60_000


#: A step smaller type for 1366x768, so goods, ways to pay and codes fit in one view.
_COMPACT_STYLE = (
    f'QLabel[role="heading"] {{ font-size: {theme.LEAD}px; }}'
    f'QLabel[role="value"], QLabel[role="field"], QLabel[role="product"],'
    f' QLabel[role="price"], QLabel[role="price-sold-out"] {{ font-size: {theme.BODY}px; }}'
)


def shape_for(width: int, height: int) -> Shape:
    if height > width:
        return Shape.PORTRAIT
    return Shape.WIDE if width >= WIDE_QR_MIN_WIDTH else Shape.COMPACT


def _card() -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setProperty("surface", "card")
    layout = QVBoxLayout(frame)
    pad = theme.GRID * 3
    layout.setContentsMargins(pad, pad, pad, pad)
    layout.setSpacing(theme.GRID * 2)
    return frame, layout


def _column(columns: QBoxLayout, stretch: int) -> QBoxLayout:
    """A column of cards in a widget of its own, added to *columns*."""
    holder = QWidget()
    layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(theme.GRID * 3)
    columns.addWidget(holder, stretch, Qt.AlignmentFlag.AlignTop)
    return layout


def _show_now(layout: QVBoxLayout) -> None:
    """Show freshly added widgets at once (a layout would only queue their show)."""
    for row in range(layout.count()):
        item = layout.itemAt(row)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.show()


class StoreDetailScreen(QWidget):
    """One store in the current language; rebuilt by ``show_store`` and ``retranslate``.

    Three shapes (``Shape``): at 1920x1080 facts, goods and codes stand in three
    columns, the codes one above the other with the caption beside each; at 1366x768
    the same with smaller codes and a step smaller type; in portrait everything stands
    in one column, the codes in a row. What a tourist needs (facts, ways to pay, goods,
    codes, "find us online") stays above the fold: the "find us online" card and the
    description move to where there is room (``store_fit``: the first arrangement in
    order of preference where nothing passes the fold, else the one where the least
    of what is needed does); a page longer than any arrangement holds scrolls. Other
    screens' cards go into the codes' column with ``add_side_card``; the column takes
    no room while nothing in it is shown. ``store_shown`` is emitted with each
    StoreDetail shown, so such cards can follow.
    """

    back_requested = Signal()
    store_shown = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("store-detail")
        self._store: StoreDetail | None = None
        self.price_rows: list[PriceRow] = []
        self._rates: RateCard | None = None  # set_rate_card: reference prices
        # Labels of the built page and how each shows itself in a locale: a language
        # switch re-labels in place instead of rebuilding (issue "City scale": < 20 ms).
        self._relabel: list[Callable[[LocaleCode], None]] = []
        self._shape_key: tuple[object, ...] | None = None
        self._layout_shape: Shape | None = None
        self._open_label: QLabel | None = None

        outer = QVBoxLayout(self)
        self._outer = outer
        outer.setContentsMargins(theme.GRID * 5, theme.GRID * 2, theme.GRID * 5, theme.GRID * 2)
        outer.setSpacing(theme.GRID)
        self.header = StoreHeader()
        self.back_button = self.header.back_button
        self.back_button.clicked.connect(self._on_back_clicked)
        self.name_label = self.header.name_label
        self.korean_label = self.header.korean_label
        self.subline_label = self.header.subline_label
        outer.addWidget(self.header)
        self._build_body()
        self._clock = QTimer(self)
        self._clock.setInterval(CLOCK_MS)
        self._clock.timeout.connect(self._on_clock)
        self._clock.start()
        self.retranslate()

    def _build_body(self) -> None:
        """Columns: facts (``_left``), goods (``_middle``), the codes' column (``_side``, the
        codes and "find us online" in ``_codes``), all in a scroll area."""
        body = QWidget()
        self._columns = QBoxLayout(QBoxLayout.Direction.LeftToRight, body)
        self._columns.setContentsMargins(0, theme.GRID, 0, 0)
        self._columns.setSpacing(theme.GRID * 3)
        self._about_card, self._about = _card()
        self._goods_card, self._goods = _card()
        self._goods_card.setObjectName("store-goods")
        self._story_card, self._story = _card()  # the description, placed by _fit
        self._story_card.setObjectName("store-story")
        self._story_card.hide()
        self._left = _column(self._columns, 3)
        self._left.addWidget(self._about_card, 1, Qt.AlignmentFlag.AlignTop)  # no gaps in it
        self._middle = _column(self._columns, 5)
        self._middle.addWidget(self._goods_card)
        self._about.addWidget(self._story_card)
        self.side_panel = QWidget()
        self._side = QVBoxLayout(self.side_panel)
        self._side.setContentsMargins(0, 0, 0, 0)
        self._side.setSpacing(theme.GRID * 3)
        self._codes = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._codes.setSpacing(theme.GRID * 3)
        self._side.addLayout(self._codes)
        self.qr_panel = StoreQrPanel()
        self._codes.addWidget(self.qr_panel, 0, Qt.AlignmentFlag.AlignTop)
        self.profiles_panel = ProfilesPanel()  # "find us online": Smart Place, Instagram, ...
        self._codes.addWidget(self.profiles_panel, 0, Qt.AlignmentFlag.AlignTop)
        self.side_panel.hide()
        self._columns.addWidget(self.side_panel, 0, Qt.AlignmentFlag.AlignTop)
        self._columns.addStretch(0)

        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(body)
        self.scroll_area.viewport().installEventFilter(self)  # its height: the fold
        self._body = body
        self._outer.addWidget(self.scroll_area, 1)
        parts = PageParts(
            scroll_area=self.scroll_area,
            columns=self._columns,
            left=self._left,
            middle=self._middle,
            side=self._side,
            codes=self._codes,
            about=self._about,
            about_card=self._about_card,
            goods_card=self._goods_card,
            story_card=self._story_card,
            qr_panel=self.qr_panel,
            profiles_panel=self.profiles_panel,
        )
        self._places = CardPlaces(parts, on_placed=self._update_side)

    # Public API ----------------------------------------------------------------------
    def set_rate_card(self, card: RateCard | None) -> None:
        """The manager's exchange rates for the reference prices (the next show_store uses them)."""
        self._rates = card

    def current_store(self) -> StoreDetail | None:
        return self._store

    def layout_shape(self) -> Shape | None:
        return self._layout_shape

    def arrangement(self) -> Arrangement:
        """Where the "find us online" card and the description stand now (``store_fit``)."""
        return self._places.current

    def add_side_card(self, widget: QWidget) -> None:
        """Add a card (e.g. a verified QR code) to the codes' column."""
        self._side.addWidget(widget)
        widget.show()
        self._update_side()

    def show_store(self, codes: StoreCodes) -> None:
        """Show a store with its codes, verified beforehand off the GUI thread.

        Build *codes* with ``verified_store_codes(store, sides=QR_SIDES)``.
        """
        self._store = codes.store
        self._places.forget()  # its codes, links or rates may differ though the store did not
        self._rebuild()
        self.qr_panel.show_codes(codes)
        self.profiles_panel.show_codes(codes)
        self._update_side()
        self._fit()
        self.store_shown.emit(codes.store)

    def retranslate(self) -> None:
        """Show the page in the current language (``kiosk.i18n``).

        When the page has the same parts in that language (a description or not, the
        same number of unit notes) its labels are re-labelled in place; else it is rebuilt.
        """
        locale = current_locale()
        self.header.set_back_text("‹  " + _("All stores"))
        store = self._store
        if store is not None and self._shape_key == _parts(store, locale):
            self._label_header(store, locale)
            for relabel in self._relabel:
                relabel(locale)
        else:
            self._rebuild()
        self.qr_panel.retranslate()
        self.profiles_panel.retranslate()
        self._fit()  # the texts in another language: other heights

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(shape_for(event.size().width(), event.size().height()))
        super().resizeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.scroll_area.viewport():
            self._fit()  # the fold moved
        return super().eventFilter(watched, event)

    # Building --------------------------------------------------------------------------
    def _arrange(self, shape: Shape) -> None:
        """Lay the columns out for *shape* (see the class rules)."""
        if shape == self._layout_shape:
            return
        self._layout_shape = shape
        portrait = shape is Shape.PORTRAIT
        self._columns.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        # Landscape: facts and goods share the width (the goods a larger share at 1366);
        # portrait: each card as tall as it needs, the rest of the height below them.
        stretches = {Shape.WIDE: (3, 5), Shape.COMPACT: (2, 5), Shape.PORTRAIT: (0, 0)}[shape]
        for column, stretch in zip((self._left, self._middle), stretches, strict=True):
            holder = column.parentWidget()
            if holder is not None:
                self._columns.setStretchFactor(holder, stretch)
        compact = shape is Shape.COMPACT
        # 1366x768: a one-line header and slimmer cards leave the height to the goods.
        role = "heading" if compact else "title" if portrait else "display"
        self.header.set_shape(name_role=role, portrait=portrait)
        self._body.setStyleSheet(_COMPACT_STYLE if compact else "")
        edge = theme.GRID if compact else theme.GRID * 2
        self._outer.setContentsMargins(theme.GRID * 5, edge, theme.GRID * 5, edge)
        self._outer.setSpacing(theme.GRID // 2 if compact else theme.GRID)
        self._columns.setContentsMargins(0, 0 if compact else theme.GRID, 0, 0)
        gap = theme.GRID * 2 if compact else theme.GRID * 3  # between cards one above the other
        for column in (self._left, self._middle, self._side, self._codes):
            column.setSpacing(gap)
        for card in (self._about_card, self._goods_card):
            card_layout = card.layout()
            if card_layout is not None:
                card_layout.setContentsMargins(*[self._pad()] * 4)
        self.profiles_panel.set_pad(self._pad())
        self._space_rows()
        visible = self.qr_panel.isVisibleTo(self)
        self.qr_panel.arrange(
            side=NARROW_SIDE if compact else WIDE_SIDE,
            stacked=not portrait,
            titled=not portrait,
            card_width=PORTRAIT_QR_CARD if portrait else None,
        )
        self.qr_panel.setVisible(visible)
        self._update_side()
        self._fit()

    def _pad(self) -> int:
        return theme.GRID * 2 if self._layout_shape is Shape.COMPACT else theme.GRID * 3

    def _fit(self) -> None:
        """Place the "find us online" card and the description (``store_fit``)."""
        shape, store = self._layout_shape, self._store
        if shape is None:
            return
        places = self._places
        places.shape, places.pad, places.rows = shape, self._pad(), self.price_rows
        area = self.scroll_area
        key = (
            (store.id, store.version) if store is not None else None,
            current_locale(),
            shape,
            area.width(),
            area.viewport().height(),
        )
        places.fit(key)

    def _space_rows(self) -> None:
        """Goods rows close together (8 goods and the codes in view at every size): a half
        grid above and below each, the rules between them without extra spacing."""
        pad = theme.GRID // 2
        self._goods.setSpacing(0)
        for row in self.price_rows:
            layout = row.layout()
            if layout is not None:
                layout.setContentsMargins(0, pad, 0, pad)

    def _update_side(self) -> None:
        """Show the codes' column while a card in it is shown, as wide as its codes."""
        portrait = self._layout_shape is Shape.PORTRAIT
        self.side_panel.setMaximumWidth(_NO_LIMIT if portrait else self.qr_panel.column_width())
        children = self.side_panel.findChildren(
            QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
        )
        self.side_panel.setVisible(any(child.isVisibleTo(self.side_panel) for child in children))

    def _label(self, label: QLabel, text: Callable[[LocaleCode], str]) -> None:
        """Set *label* to *text(locale)* now and again on every language switch."""

        def relabel(locale: LocaleCode) -> None:
            label.setText(text(locale))

        relabel(current_locale())
        self._relabel.append(relabel)

    def _label_header(self, store: StoreDetail, loc: LocaleCode) -> None:
        name, korean = store.name.get(loc), store.name.get("ko")
        parts = (store.market_name.get(loc), _(CATEGORY_LABELS[store.category]))
        self.header.set_names(name, korean if korean != name else "", parts)

    def _rebuild(self) -> None:
        self._about.removeWidget(self._story_card)  # kept: the description's own card
        clear_layout(self._about)
        clear_layout(self._goods)
        clear_layout(self._story)
        self._places.has_story = False
        self.price_rows = []
        self._relabel = []
        self._open_label = None
        store = self._store
        self._shape_key = _parts(store, current_locale()) if store is not None else None
        if store is None:
            self.header.set_names("", "", ())
            return
        loc = current_locale()
        self._label_header(store, loc)
        self._open_label = build_about(self._about, store, loc, self._label, self._relabel)
        self._places.has_story = build_story(self._story, store, loc, self._label)
        self.price_rows = build_goods(
            self._goods, store, loc, self._label, self._relabel, rates=self._rates
        )
        self._space_rows()
        _show_now(self._about)
        _show_now(self._goods)
        _show_now(self._story)
        self._places.place(self._places.current)  # the description back in its place

    def _on_clock(self) -> None:
        if self._store is not None and self._open_label is not None:
            self._open_label.setText(open_now_text(self._store, current_locale()))

    def _on_back_clicked(self) -> None:
        self.back_requested.emit()


def _parts(store: StoreDetail, loc: LocaleCode) -> tuple[object, ...]:
    """What decides which parts the page has in *loc* (same parts: re-label in place)."""
    notes = unit_notes((product.unit for product in store.products), loc)
    return (store.id, store.version, bool(store.description.get(loc)), len(notes))
