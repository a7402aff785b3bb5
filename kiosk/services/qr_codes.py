"""Save a store's KakaoTalk channel and Zero Pay payload after checking both with the domain."""

from __future__ import annotations

from typing import Literal

from kiosk.data.db import Database
from kiosk.domain.kakao import KakaoChannelError, parse_channel_id
from kiosk.domain.listing import StoreDetail
from kiosk.domain.messages import N_, KioskError, Message, as_message, define
from kiosk.domain.payment_qr import PaymentQrError, parse_payment_payload
from kiosk.services.stores import set_store_qr_codes

QrField = Literal["kakao_channel", "payment_qr"]

FIELD_MESSAGES = {
    "kakao_channel": define("qr_input.kakao_channel", N_("KakaoTalk channel: {reason}")),
    "payment_qr": define("qr_input.payment_qr", N_("Zero Pay payment QR: {reason}")),
}


class QrInputError(KioskError, ValueError):
    """One of the two QR inputs was refused; nothing was written.

    ``field`` is ``"kakao_channel"`` or ``"payment_qr"``; ``reason`` is the
    domain's one-line message (``reason_message`` the Message itself) and
    ``str(error)`` names the field in front of it ("KakaoTalk channel: ...",
    "Zero Pay payment QR: ..."), in the language current when it is shown.
    """

    def __init__(self, field: QrField, reason: str | Message) -> None:
        self.field: QrField = field
        self.reason_message = as_message(reason)
        super().__init__(field_input_message(field, reason))

    @property
    def reason(self) -> str:
        return str(self.reason_message)


def field_input_message(field: QrField, reason: str | Message) -> Message:
    """*reason* prefixed with the name of *field*, as a Message."""
    return FIELD_MESSAGES[field](reason=as_message(reason))


def field_message(field: QrField, reason: str | Message) -> str:
    """*reason* prefixed with the translated name of *field*, as shown to the merchant."""
    return str(field_input_message(field, reason))


def normalise_kakao_input(text: str | None) -> str | None:
    """The public channel ID (``_ZeUTxl``) from a typed ID or pasted link; None when blank.

    Raises QrInputError(field="kakao_channel") for anything parse_channel_id refuses.
    """
    if text is None or not text.strip():
        return None
    try:
        return parse_channel_id(text)
    except KakaoChannelError as exc:
        raise QrInputError("kakao_channel", exc.message) from None


def checked_payment_input(text: str | None) -> str | None:
    """The official payload exactly as issued (only surrounding blanks removed); None when blank.

    Raises QrInputError(field="payment_qr") naming the EMVCo tag when the payload is refused.
    """
    if text is None or not text.strip():
        return None
    try:
        return parse_payment_payload(text).raw
    except PaymentQrError as exc:
        raise QrInputError("payment_qr", exc.message) from None


def save_store_qr_codes(
    *,
    db: Database,
    store_id: int,
    expected_version: int,
    kakao_input: str | None,
    payment_input: str | None,
) -> StoreDetail:
    """Validate both inputs, then store them on *store_id* at *expected_version*.

    A blank input removes that code from the store. Raises QrInputError (nothing
    written) for a refused input, ``StaleVersionError`` when someone else saved
    the store meanwhile, ``NotFoundError`` when it no longer exists. Returns the
    store as saved, with its new version.
    """
    kakao_id = normalise_kakao_input(kakao_input)
    payload = checked_payment_input(payment_input)
    return set_store_qr_codes(
        db=db,
        store_id=store_id,
        expected_version=expected_version,
        kakao_channel_id=kakao_id,
        payment_qr_payload=payload,
    )
