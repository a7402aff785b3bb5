"""A refused QR input (KakaoTalk channel or Zero Pay payload): which field, and why, as shown."""

from __future__ import annotations

from typing import Literal

from kiosk.domain.messages import N_, KioskError, Message, as_message, define

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
