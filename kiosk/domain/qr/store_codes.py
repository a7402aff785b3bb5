"""A store's saved codes as QR specs: the channel's add-friend link and the payment payload."""

from __future__ import annotations

from kiosk.domain.listing import StoreDetail
from kiosk.domain.qr.kakao import KakaoLink, channel_url, parse_channel_id
from kiosk.domain.qr.payment import parse_payment_payload
from kiosk.domain.qr.symbols import QrSpec, kakao_spec, payment_spec


def kakao_code_spec(store: StoreDetail) -> QrSpec | None:
    """The add-friend code of the saved channel; None without one.

    Raises KakaoChannelError when the saved ID is refused.
    """
    if not store.kakao_channel_id:
        return None
    # The same parse as a merchant's input: a link saved by an older version still works.
    return kakao_spec(channel_url(parse_channel_id(store.kakao_channel_id), KakaoLink.FRIEND))


def payment_code_spec(store: StoreDetail) -> QrSpec | None:
    """The saved payment payload, checked and byte-for-byte; None without one.

    Raises PaymentQrError when the saved payload is refused.
    """
    if not store.payment_qr_payload:
        return None
    return payment_spec(parse_payment_payload(store.payment_qr_payload).raw)
