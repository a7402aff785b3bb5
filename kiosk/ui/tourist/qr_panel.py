"""Tourist QR card: the store's KakaoTalk, payment and stall-page codes, each verified."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QFrame, QLabel, QVBoxLayout, QWidget

from kiosk.domain.listing import StoreDetail
from kiosk.domain.payments import PaymentMethod
from kiosk.i18n import _
from kiosk.services.values import StoreCodes, VerifiedQr
from kiosk.ui import theme
from kiosk.ui.widgets.qr_card import QrCard

#: QR image side on a 1920x1080 screen (the codes one above the other, the caption beside
#: each) and in portrait (in a row): about 220-240 px, scans from a phone at arm's length.
WIDE_SIDE = 240
#: QR image side on a 1366x768 screen, the codes one above the other with the caption
#: beside each: whole modules of 3 px for up to 53 modules with the quiet zone.
NARROW_SIDE = 160
#: Width of a caption beside a code (1366x768): two or three short lines.
STACKED_CAPTION = 180
#: Width of a caption beside a big code (1920x1080): three or four lines in lead type.
WIDE_CAPTION = 230


def kakao_caption() -> str:
    """What scanning the code does, in plain words."""
    return _("Follow this shop on KakaoTalk")


def payment_caption(store: StoreDetail) -> str:
    """Names Alipay+ only when the store takes it (foreign wallets go through Zero Pay)."""
    if PaymentMethod.ALIPAY_PLUS in store.payment_methods:
        return _("Pay this stall with Zero Pay / Alipay+ — scan at the stall")
    return _("Pay this stall with Zero Pay — scan at the stall")


def page_caption() -> str:
    """The "stall page" code: the stall's page on the market's website."""
    return _("Open this stall's page on your phone")


class StoreQrPanel(QFrame):
    """One card with the store's codes; hidden when the store has none that verify.

    Rules: codes arrive already verified (``kiosk.services.qr.store_codes.verified_store_codes``
    decoded them back with zxing-cpp in a background op, at every size), a code that
    failed is left out rather than shown broken, and ``show_codes`` replaces every
    code, so nothing of the previous store stays. The codes are the KakaoTalk
    add-friend code, the payment code and, once the market has a website, the
    stall's page there. ``arrange`` lays them out: one above the other with the
    caption beside each (landscape: ``WIDE_SIDE`` at 1920x1080, ``NARROW_SIDE`` at
    1366x768, where three codes just fit the height), or in a row with the caption
    under each (portrait, under the goods). Each caption says what the code
    does; no "verified" badge (a tourist cannot judge it; merchants and managers
    see it on their screens). Call ``retranslate()`` after the language changed.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("store-qr-panel")
        self.setProperty("surface", "card")
        self._store: StoreDetail | None = None
        self._codes: StoreCodes | None = None
        self._stacked = False
        self._titled = True
        self._card_width = WIDE_SIDE
        self._side = WIDE_SIDE
        self._lead = True  # captions in lead type (big codes on a landscape screen)
        outer = QVBoxLayout(self)
        pad = theme.GRID * 2
        outer.setContentsMargins(pad, pad, pad, pad)
        outer.setSpacing(theme.GRID * 2)
        self.title_label = QLabel()
        self.title_label.setProperty("role", "heading")
        self.title_label.setWordWrap(True)
        outer.addWidget(self.title_label)
        self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._row.setSpacing(theme.GRID * 3)
        outer.addLayout(self._row)
        self.kakao_card, self.payment_card, self.page_card = self._new_cards()
        self.hide()
        self.retranslate()

    # Public API --------------------------------------------------------------------------
    def cards(self) -> tuple[QrCard, QrCard, QrCard]:
        """The KakaoTalk, payment and stall-page cards (hidden when that code is not shown)."""
        return self.kakao_card, self.payment_card, self.page_card

    def is_stacked(self) -> bool:
        return self._stacked

    def arrange(
        self, *, side: int, stacked: bool, titled: bool = True, card_width: int | None = None
    ) -> None:
        """Codes of *side* px (one of ``WIDE_SIDE``, ``NARROW_SIDE``) one above the other, the
        caption beside each (*stacked*), or in a row, the caption under each; the "scan with
        your phone" title over a row when *titled*; *card_width* widens each card of a row
        (a portrait screen: its captions in body type)."""
        self._titled = titled
        beside = STACKED_CAPTION if side == NARROW_SIDE else WIDE_CAPTION
        width = side + theme.GRID * 2 + beside if stacked else card_width or side
        self.title_label.setVisible(titled and not stacked)
        self._lead = side == WIDE_SIDE and card_width is None
        if (stacked, side, width) == (self._stacked, self._side, self._card_width):
            return
        self._card_width = width
        self._stacked = stacked
        self._side = side
        self._row.setDirection(
            QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight
        )
        self._row.setSpacing(theme.GRID * 2 if stacked else theme.GRID * 3)
        for card in self.cards():
            self._row.removeWidget(card)
            card.hide()
            card.deleteLater()
        self.kakao_card, self.payment_card, self.page_card = self._new_cards()
        self.show_codes(self._codes)

    def column_width(self) -> int:
        """The width the panel needs for the codes it shows (a row, or one stacked card)."""
        pad = theme.GRID * 2
        if self._stacked:
            return self._card_width + 2 * pad
        # at least two wide: the "find us online" card below shares the column
        shown = max(2, sum(1 for card in self.cards() if card.isVisibleTo(self)))
        return shown * self._card_width + (shown - 1) * self._row.spacing() + 2 * pad

    def row_width(self) -> int:
        """The width the panel needs for the codes it shows, in a row (portrait)."""
        shown = max(1, sum(1 for card in self.cards() if card.isVisibleTo(self)))
        return shown * self._card_width + (shown - 1) * self._row.spacing() + 2 * theme.GRID * 2

    def side(self) -> int:
        return self._side

    def show_codes(self, codes: StoreCodes | None) -> None:
        """Show the verified codes of a store (or none); hides when no code is shown."""
        self._codes = codes
        self._store = codes.store if codes is not None else None
        shown = [
            self._show(card, found.get(self.side()) if found is not None else None, caption())
            for card, found, caption in self._parts(codes)
        ]
        self.setVisible(any(shown))

    def retranslate(self) -> None:
        self.title_label.setText(_("Scan with your phone"))
        for card, _found, caption in self._parts(self._codes):
            card.retranslate()
            if card.verified() is not None:
                card.set_caption(caption())

    # Building ------------------------------------------------------------------------------
    def _parts(
        self, codes: StoreCodes | None
    ) -> list[tuple[QrCard, dict[int, VerifiedQr] | None, Callable[[], str]]]:
        store = self._store

        def pay() -> str:
            return payment_caption(store) if store is not None else ""

        return [
            (self.kakao_card, codes.kakao if codes else None, kakao_caption),
            (self.payment_card, codes.payment if codes else None, pay),
            (self.page_card, codes.page if codes else None, page_caption),
        ]

    def _new_cards(self) -> tuple[QrCard, QrCard, QrCard]:
        side = self.side()
        made = []
        for name in ("kakao", "payment", "stall-page"):
            card = QrCard(image_side=side, framed=False, badge=False)
            card.setObjectName(f"store-qr-{name}")
            card.setFixedWidth(self._card_width)
            card.caption_label.setProperty("role", "lead" if self._lead else "body")
            if self._stacked:  # the caption beside the code, at its top
                layout = card.layout()
                assert isinstance(layout, QBoxLayout)
                layout.setDirection(QBoxLayout.Direction.LeftToRight)
                layout.setAlignment(card.image_label, Qt.AlignmentFlag.AlignTop)
                layout.setAlignment(card.caption_label, Qt.AlignmentFlag.AlignVCenter)
            card.hide()
            self._row.addWidget(card, 0, Qt.AlignmentFlag.AlignTop)  # captions line up
            made.append(card)
        return made[0], made[1], made[2]

    def _show(self, card: QrCard, verified: VerifiedQr | None, caption: str) -> bool:
        if verified is None:
            card.show_message("")  # forget any code of the previous store
            card.hide()
            return False
        card.show_verified(verified, caption)
        pixmap = card.image_label.pixmap()
        ratio = pixmap.devicePixelRatio() or 1.0
        drawn = max(pixmap.width(), pixmap.height()) / ratio
        side = min(card.image_side(), round(drawn))
        # no empty band between code and caption; stacked, the captions start at one edge
        card.image_label.setFixedSize(card.image_side() if self._stacked else side, side)
        card.show()
        return True
