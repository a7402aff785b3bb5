"""Tourist QR card: the store's KakaoTalk add-friend code and its payment code, verified."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.domain.kakao import KakaoChannelError, KakaoLink, channel_url
from kiosk.domain.listing import StoreDetail
from kiosk.domain.payments import PaymentMethod
from kiosk.i18n import _
from kiosk.render.qr import QrSpec, kakao_spec, payment_spec
from kiosk.ui import theme
from kiosk.ui.widgets.qr_card import QrCard

#: QR image side on a wide screen (1920 px): ~270-290 px, scans from a phone at arm's length.
WIDE_SIDE = 300
#: QR image side on a narrow screen (1366 px): ~170-180 px (the detail screen may scroll).
NARROW_SIDE = 200


def kakao_caption() -> str:
    return _("Add us on KakaoTalk")


def payment_caption(store: StoreDetail) -> str:
    """Names Alipay+ only when the store takes it (foreign wallets go through Zero Pay)."""
    if PaymentMethod.ALIPAY_PLUS in store.payment_methods:
        return _("Pay with Zero Pay / Alipay+")
    return _("Pay with Zero Pay")


def kakao_store_spec(store: StoreDetail) -> QrSpec | None:
    """The add-friend link of the store's channel, or None (no channel, or a bad stored ID)."""
    if not store.kakao_channel_id:
        return None
    try:
        return kakao_spec(channel_url(store.kakao_channel_id, KakaoLink.FRIEND))
    except KakaoChannelError:
        return None


class StoreQrPanel(QFrame):
    """One card with the store's codes; hidden when the store has none that verify.

    Rules: each code is rendered by ``QrCard.show_spec`` (decoded back by zxing-cpp
    and matched), a code that fails is left out rather than shown broken, and
    ``show_store`` replaces both codes, so nothing of the previous store stays.
    The codes stand side by side at ``WIDE_SIDE``, or at ``NARROW_SIDE`` after
    ``set_wide(False)`` (the cards are rebuilt at the new size). Call
    ``retranslate()`` after the language changed.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("store-qr-panel")
        self.setProperty("surface", "card")
        self._store: StoreDetail | None = None
        self._wide = True
        outer = QVBoxLayout(self)
        pad = theme.GRID * 3
        outer.setContentsMargins(pad, pad, pad, pad)
        outer.setSpacing(theme.GRID * 2)
        self.title_label = QLabel()
        self.title_label.setProperty("role", "heading")
        self.title_label.setWordWrap(True)
        outer.addWidget(self.title_label)
        self._codes = QHBoxLayout()
        self._codes.setSpacing(theme.GRID * 3)
        outer.addLayout(self._codes)
        self.kakao_card, self.payment_card = self._new_cards()
        self.hide()
        self.retranslate()

    # Public API --------------------------------------------------------------------------
    def is_wide(self) -> bool:
        return self._wide

    def set_wide(self, wide: bool) -> None:
        """Big codes (True) or smaller ones (False)."""
        if wide == self._wide:
            return
        self._wide = wide
        for card in (self.kakao_card, self.payment_card):
            self._codes.removeWidget(card)
            card.hide()
            card.deleteLater()
        self.kakao_card, self.payment_card = self._new_cards()
        if self._store is not None:
            self.show_store(self._store)

    def show_store(self, store: StoreDetail | None) -> None:
        """Show *store*'s codes (or none); the panel hides when no code is shown."""
        self._store = store
        kakao = kakao_store_spec(store) if store is not None else None
        payload = store.payment_qr_payload if store is not None else None
        shown_kakao = self._show(self.kakao_card, kakao, kakao_caption())
        payment = payment_spec(payload) if payload else None
        caption = payment_caption(store) if store is not None else ""
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
        cards = (QrCard(image_side=side, framed=False), QrCard(image_side=side, framed=False))
        for card in cards:
            card.setFixedWidth(side)
            card.hide()
            self._codes.addWidget(card)
        return cards

    @staticmethod
    def _show(card: QrCard, spec: QrSpec | None, caption: str) -> bool:
        if spec is None or card.show_spec(spec, caption) is None:
            card.show_message("")  # forget any code of the previous store
            card.hide()
            return False
        card.show()
        return True
