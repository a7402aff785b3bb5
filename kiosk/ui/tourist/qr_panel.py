"""Tourist QR card: the store's KakaoTalk add-friend code and its payment code, verified."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QFrame, QLabel, QVBoxLayout, QWidget

from kiosk.domain.listing import StoreDetail
from kiosk.domain.payments import PaymentMethod
from kiosk.i18n import _
from kiosk.services.values import StoreCodes, VerifiedQr
from kiosk.ui import theme
from kiosk.ui.widgets.qr_card import QrCard

#: QR image side on a wide screen (1920 px) and in portrait: ~270-290 px, scans from a phone
#: at arm's length.
WIDE_SIDE = 300
#: QR image side on a 1366 px screen, the codes one above the other beside the goods: whole
#: modules of 3 px or more for up to 60 modules with the quiet zone (a Zero Pay payload).
NARROW_SIDE = 180
#: Width of a code's card when the codes stand one above the other (the caption wraps in it).
NARROW_CARD_WIDTH = 290


def kakao_caption() -> str:
    """What scanning the code does, in plain words."""
    return _("Follow this shop on KakaoTalk")


def payment_caption(store: StoreDetail) -> str:
    """Names Alipay+ only when the store takes it (foreign wallets go through Zero Pay)."""
    if PaymentMethod.ALIPAY_PLUS in store.payment_methods:
        return _("Pay this stall with Zero Pay / Alipay+ — scan at the stall")
    return _("Pay this stall with Zero Pay — scan at the stall")


class StoreQrPanel(QFrame):
    """One card with the store's codes; hidden when the store has none that verify.

    Rules: codes arrive already verified (``kiosk.services.qr.store_codes.verified_store_codes``
    decoded them back with zxing-cpp in a background op, at both sizes), a code that
    failed is left out rather than shown broken, and ``show_codes`` replaces both
    codes, so nothing of the previous store stays.
    The codes stand side by side at ``WIDE_SIDE``, or one above the other at
    ``NARROW_SIDE`` after ``set_wide(False)`` (the cards are rebuilt at the new size).
    Each caption says what the code does; no "verified" badge (a tourist cannot
    judge it; merchants and managers see it on their screens). Call
    ``retranslate()`` after the language changed.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("store-qr-panel")
        self.setProperty("surface", "card")
        self._store: StoreDetail | None = None
        self._codes: StoreCodes | None = None
        self._wide = True
        self._titled = True
        self._card_width = WIDE_SIDE
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
        self.kakao_card, self.payment_card = self._new_cards()
        self.hide()
        self.retranslate()

    # Public API --------------------------------------------------------------------------
    def is_wide(self) -> bool:
        return self._wide

    def set_wide(self, wide: bool, *, titled: bool = True, card_width: int | None = None) -> None:
        """Big codes side by side (True) or smaller ones one above the other (False); the
        "scan with your phone" title only over big ones and when *titled*; *card_width*
        gives big codes wider cards (their captions wrap less; a portrait screen)."""
        self._titled = titled
        self.title_label.setVisible(wide and titled)
        width = card_width or (WIDE_SIDE if wide else NARROW_CARD_WIDTH)
        if wide == self._wide and width == self._card_width:
            return
        self._card_width = width
        self._wide = wide
        self._row.setDirection(
            QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        )
        self.title_label.setVisible(wide and self._titled)
        for card in (self.kakao_card, self.payment_card):
            self._row.removeWidget(card)
            card.hide()
            card.deleteLater()
        self.kakao_card, self.payment_card = self._new_cards()
        self.show_codes(self._codes)

    @staticmethod
    def column_width(*, wide: bool) -> int:
        """The width the panel needs: two codes side by side, or one card's width."""
        pad = theme.GRID * 2
        codes = WIDE_SIDE * 2 + theme.GRID * 3 if wide else NARROW_CARD_WIDTH
        return codes + 2 * pad

    def side(self) -> int:
        return WIDE_SIDE if self._wide else NARROW_SIDE

    def show_codes(self, codes: StoreCodes | None) -> None:
        """Show the verified codes of a store (or none); hides when no code is shown."""
        self._codes = codes
        self._store = codes.store if codes is not None else None
        side = self.side()
        kakao = codes.kakao.get(side) if codes is not None else None
        payment = codes.payment.get(side) if codes is not None else None
        shown_kakao = self._show(self.kakao_card, kakao, kakao_caption())
        caption = payment_caption(codes.store) if codes is not None else ""
        shown_payment = self._show(self.payment_card, payment, caption)
        self.setVisible(shown_kakao or shown_payment)

    def retranslate(self) -> None:
        self.title_label.setText(_("Scan with your phone"))
        for card in (self.kakao_card, self.payment_card):
            card.retranslate()
        if self.kakao_card.verified() is not None:
            self.kakao_card.set_caption(kakao_caption())
        if self.payment_card.verified() is not None and self._store is not None:
            self.payment_card.set_caption(payment_caption(self._store))

    # Building ------------------------------------------------------------------------------
    def _new_cards(self) -> tuple[QrCard, QrCard]:
        side = WIDE_SIDE if self._wide else NARROW_SIDE
        cards = (
            QrCard(image_side=side, framed=False, badge=False),
            QrCard(image_side=side, framed=False, badge=False),
        )
        for card in cards:
            card.setFixedWidth(self._card_width)
            card.caption_label.setProperty("role", "body" if not self._wide else "lead")
            card.hide()
            self._row.addWidget(card, 0, Qt.AlignmentFlag.AlignTop)  # badges line up
        return cards

    @staticmethod
    def _show(card: QrCard, verified: VerifiedQr | None, caption: str) -> bool:
        if verified is None:
            card.show_message("")  # forget any code of the previous store
            card.hide()
            return False
        card.show_verified(verified, caption)
        pixmap = card.image_label.pixmap()
        ratio = pixmap.devicePixelRatio() or 1.0
        drawn = max(pixmap.width(), pixmap.height()) / ratio
        side = min(card.image_side(), round(drawn))
        card.image_label.setFixedSize(side, side)  # no empty band between code and caption
        card.show()
        return True
