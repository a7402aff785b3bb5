"""Tourist "find us online" card: the store's Smart Place, Instagram, Danggeun pages as QR codes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from kiosk.i18n import _
from kiosk.services.values import PROFILE_SIDE, StoreCodes
from kiosk.ui import theme
from kiosk.ui.widgets.flow_layout import FlowLayout
from kiosk.ui.widgets.layout_items import clear_layout
from kiosk.ui.widgets.qr_card import QrCard

QWIDGETSIZE_MAX = 16_777_215


class ProfilesPanel(QFrame):
    """One card with a verified code per recorded profile link; hidden when there is none.

    Codes arrive verified (``verified_store_codes(..., profiles=...)`` in a
    background op). Links open nothing on the kiosk: the tourist scans them
    with a phone, so no page of the kiosk ever leaves the app.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("store-profiles-panel")
        self.setProperty("surface", "card")
        # The shop's online pages: more reading under the codes to scan, which stay in view;
        # these may be scrolled to (the self-test's fold check knows the mark).
        self.setProperty("secondary-code", True)
        outer = QVBoxLayout(self)
        pad = self._pad = theme.GRID * 3
        outer.setContentsMargins(pad, pad, pad, pad)
        outer.setSpacing(theme.GRID * 2)
        self.title_label = QLabel()
        self.title_label.setProperty("role", "heading")
        self.title_label.setWordWrap(True)
        outer.addWidget(self.title_label)
        holder = QWidget()
        self._flow = FlowLayout(holder, spacing=theme.GRID * 2)
        outer.addWidget(holder)
        self.cards: list[QrCard] = []
        self._card_width = PROFILE_SIDE + theme.GRID * 2
        self._columns: int | None = None  # set_columns
        self.hide()
        self.retranslate()

    def show_codes(self, codes: StoreCodes | None) -> None:
        """Show the store's profile codes (replacing any previous store's)."""
        clear_layout(self._flow)
        self.cards = []
        for link, verified in codes.profiles if codes is not None else ():
            card = QrCard(image_side=PROFILE_SIDE, framed=False, badge=False)
            card.caption_label.setProperty("role", "body")  # the brand: a name, not a sentence
            card.show_verified(verified, link.brand)
            # The code as drawn (all share one size) with its caption right under it, both
            # from one left edge: no empty band in a box of the largest size.
            pixmap = card.image_label.pixmap()
            drawn = round(pixmap.width() / (pixmap.devicePixelRatio() or 1.0))
            side = min(PROFILE_SIDE, drawn) if drawn > 0 else PROFILE_SIDE
            card.image_label.setFixedSize(side, side)
            layout = card.layout()
            if isinstance(layout, QVBoxLayout):
                layout.setAlignment(card.image_label, Qt.AlignmentFlag.AlignLeft)
                layout.setSpacing(theme.GRID)  # the brand right under its code
                layout.addStretch(1)  # a row's taller card leaves the room under the caption
            card.caption_label.setAlignment(Qt.AlignmentFlag.AlignLeft)
            self._flow.addWidget(card)
            card.show()
            self.cards.append(card)
        self._card_width = max((_card_width(card) for card in self.cards), default=PROFILE_SIDE)
        for card in self.cards:
            card.setFixedWidth(self._card_width)
        self._fit_heights()
        self.setVisible(bool(self.cards))

    def row_width(self, count: int | None = None) -> int:
        """The width the card needs for *count* codes (all when None) in a row."""
        count = max(1, len(self.cards) if count is None else count)
        return count * self._card_width + (count - 1) * self._flow.spacing() + 2 * self._pad

    def set_columns(self, count: int | None) -> None:
        """*count* codes a row (1: one under the other), or as many in a row as fit (None)."""
        self._columns = count
        if count is not None:
            codes = self.row_width(min(count, max(1, len(self.cards))))
            self.title_label.ensurePolished()  # "온라인에서도" whole: a Korean word never breaks
            metrics = self.title_label.fontMetrics()
            words = self.title_label.text().split()
            title = max((metrics.horizontalAdvance(word) for word in words), default=0)
            self.setFixedWidth(max(codes, title + theme.GRID + 2 * self._pad))
        else:
            self.setMinimumWidth(0)
            self.setMaximumWidth(QWIDGETSIZE_MAX)

    def set_pad(self, pad: int) -> None:
        """The card's inner margin, *pad* px (slimmer on a 1366x768 screen)."""
        self._pad = pad
        layout = self.layout()
        if layout is not None:
            layout.setContentsMargins(pad, pad, pad, pad)
            layout.setSpacing(pad - theme.GRID)  # title and codes: 8 px at 1366x768, else 16

    def retranslate(self) -> None:
        self.title_label.setText(_("Find us online"))
        for card in self.cards:
            card.retranslate()
        self._fit_heights()  # another language, another font
        self.set_columns(self._columns)  # and another title to keep whole

    def _fit_heights(self) -> None:
        """Each card as tall as its code and wrapped caption at its width (a row lays the
        cards out by their size hints, which count a wrapped caption as one line)."""
        for card in self.cards:
            layout = card.layout()
            if layout is not None:
                card.caption_label.ensurePolished()
                card.setFixedHeight(layout.totalHeightForWidth(self._card_width))


def _card_width(card: QrCard) -> int:
    """The code's side plus a little, or the brand's longest word if wider (never cut)."""
    caption = card.caption_label
    caption.ensurePolished()
    metrics = caption.fontMetrics()
    longest = max((metrics.horizontalAdvance(word) for word in caption.text().split()), default=0)
    return max(card.image_label.width() + theme.GRID * 2, longest + theme.GRID)
