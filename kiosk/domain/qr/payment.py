"""Payment QR payloads (Zero Pay kit): accept the official payload unchanged, check EMVCo ones."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from kiosk.domain.characters import char_name
from kiosk.domain.messages import N_, KioskError, Message, define
from kiosk.domain.qr.emvco import EmvcoError, parse_payload
from kiosk.domain.qr.kakao import KAKAO_HOST, KakaoChannelError, parse_channel_link
from kiosk.domain.qr.text_gate import CharKind, RefusedCharacter, refused_character, without_refused

#: An opaque (non-EMVCo) payload longer than this is refused.
MAX_OPAQUE_LENGTH = 512
#: EMVCo payloads are at most 512 characters by the spec; allow a little slack.
MAX_EMVCO_LENGTH = 1024
#: Every EMVCo merchant-presented payload starts with tag 00 = "01" (docs/architecture.md,
#: "Domain facts").
EMVCO_START = "000201"

PayloadKind = Literal["emvco", "opaque"]

EMPTY = define("payment.empty", N_("payment payload is empty"))
TOO_LONG = define(
    "payment.too_long", N_("payment payload is {n} characters long; at most {max} allowed")
)
CONTROL_CHARACTER = define(
    "payment.control_character",
    N_(
        'payment payload has a control character U+{code:04X} at position {pos} ("{name}"); '
        "a payment code is one line of text, so it is refused, not removed"
    ),
)
INVISIBLE_CHARACTER = define(
    "payment.invisible_character",
    N_(
        'payment payload has an invisible character U+{code:04X} at position {pos} ("{name}"); '
        "it is refused, not removed: copy the payment code again from the kit"
    ),
)
INVISIBLE_IN_EMVCO = define(
    "payment.invisible_in_emvco",
    N_(
        'payment payload has an invisible character U+{code:04X} at position {pos} ("{name}") '
        "inside an EMVCo payment code; it is refused, not removed: copy the payment code "
        "again from the kit"
    ),
)
INVISIBLE_IN_BROKEN_EMVCO = define(
    "payment.invisible_in_broken_emvco",
    N_(
        'payment payload has an invisible character U+{code:04X} at position {pos} ("{name}"), '
        "and even without it the EMVCo payment code is wrong: {reason}"
    ),
)
REFUSED_IN_BROKEN_EMVCO = define(
    "payment.refused_in_broken_emvco",
    N_("{problem}, and even without it the EMVCo payment code is wrong: {reason}"),
)
EMVCO_REFUSED = define("payment.emvco_refused", N_("EMVCo payment payload: {reason}"))
KAKAO_LINK = define(
    "payment.kakao_link",
    N_(
        "this is a KakaoTalk channel link, not a Zero Pay payment code; "
        "enter it as the KakaoTalk channel instead"
    ),
)
KAKAO_ID = define(
    "payment.kakao_id",
    N_(
        "this is a KakaoTalk channel ID, not a Zero Pay payment code; "
        "enter it as the KakaoTalk channel instead"
    ),
)
WEB_LINK = define(
    "payment.web_link",
    N_("this is a web link, not a payment code; use the payment code text from your Zero Pay kit"),
)
NOT_UTF8 = define(
    "payment.not_utf8",
    N_(
        "the QR code's content is not UTF-8 text (byte 0x{byte:02X} at byte offset "
        "{offset}); it may use another character set such as EUC-KR, and only UTF-8 "
        "payment codes can be copied byte for byte"
    ),
)
CONTROL_BYTE = define(
    "payment.control_byte",
    N_(
        'the QR code\'s content has control byte 0x{byte:02X} at byte offset {offset} ("{name}"); '
        "a payment code is one line of text"
    ),
)
EDGE_SPACE = define(
    "payment.edge_space",
    N_(
        "the QR code's content starts or ends with a space, which would be lost when "
        "copying it; it is refused"
    ),
)
OPAQUE_NOTE = define(
    "payment.opaque_note",
    N_("format not recognised (not EMVCo); it is encoded exactly as given"),
)

_WEB_LINK_RE = re.compile(r"(?i)(https?:|www\.)")


class PaymentQrError(KioskError, ValueError):
    """A payment payload we refuse; ``str(error)`` is one line naming the problem."""


@dataclass(frozen=True, slots=True)
class PaymentPayload:
    """The merchant's official payment payload, exactly as issued.

    ``raw`` is the text that gets encoded, byte for byte. For ``kind ==
    "emvco"`` the merchant fields come from the parsed TLV; for ``"opaque"``
    they are empty and ``notices`` says the format was not recognised.
    """

    raw: str
    kind: PayloadKind
    merchant_name: str = ""
    city: str = ""
    country: str = ""
    currency: str = ""
    is_static: bool = True
    notices: tuple[Message, ...] = ()

    @property
    def note(self) -> str:
        """The notices in the current UI language, joined with "; " ("" when none)."""
        return "; ".join(str(notice) for notice in self.notices)


def _refused_error(text: str, found: RefusedCharacter) -> PaymentQrError:
    """Refuse the character the code text gate found; if the rest is EMVCo, check that too.

    The check must not let "remove it and it is fine" pass silently: an invisible
    character in front of ``000201`` once made a payload skip the CRC check.
    """
    where = {"code": ord(found.char), "pos": found.position, "name": char_name(found.char)}
    if found.kind is CharKind.CONTROL:
        return PaymentQrError(CONTROL_CHARACTER(**where))
    invisible = found.kind is CharKind.INVISIBLE
    cleaned = without_refused(text)
    if not cleaned.startswith(EMVCO_START):
        return PaymentQrError(INVISIBLE_CHARACTER(**where) if invisible else found.message)
    try:
        parse_payload(cleaned)
    except EmvcoError as exc:
        if invisible:
            return PaymentQrError(INVISIBLE_IN_BROKEN_EMVCO(**where, reason=exc.message))
        return PaymentQrError(REFUSED_IN_BROKEN_EMVCO(problem=found.message, reason=exc.message))
    return PaymentQrError(INVISIBLE_IN_EMVCO(**where) if invisible else found.message)


def _check_characters(text: str) -> None:
    """The one code text gate (kiosk.domain.qr.text_gate), naming the first refused character."""
    found = refused_character(text)
    if found is not None:
        raise _refused_error(text, found)


def _check_not_a_link(text: str) -> None:
    """Refuse a KakaoTalk channel ID or link and any web link: they are not payment codes."""
    try:
        channel = parse_channel_link(text)
    except KakaoChannelError:
        pass
    else:
        raise PaymentQrError(KAKAO_ID() if channel.link is None else KAKAO_LINK())
    # "https://pf.kakao.com@evil.example/" is not pf.kakao.com (docs/architecture.md,
    # "Domain facts"): any other http(s) link is a web link, whatever it contains.
    if _WEB_LINK_RE.match(text):
        raise PaymentQrError(WEB_LINK())
    if KAKAO_HOST in text.lower():  # "pf.kakao.com/_bad id": still meant as a channel link
        raise PaymentQrError(KAKAO_LINK())


def parse_payment_payload(text: str) -> PaymentPayload:
    """Validate a pasted or decoded payload and describe it; raise PaymentQrError.

    Only whitespace and newlines *around* a paste are removed (copying from a
    PDF or chat often adds them); the inside is never changed. The code text
    gate (control, invisible, filler, combining, private-use and unassigned
    characters anywhere) runs first, before the EMVCo test, so nothing can hide
    an EMVCo payload's start and skip its CRC check; they are refused, never stripped. A KakaoTalk
    channel ID or link, or any web link, is refused. A payload that starts with
    ``000201`` must be valid EMVCo (structure and CRC); any other printable
    text of at most 512 characters is accepted as opaque with a note.
    """
    raw = text.strip()
    if not raw:
        raise PaymentQrError(EMPTY())
    limit = MAX_EMVCO_LENGTH if without_refused(raw).startswith(EMVCO_START) else MAX_OPAQUE_LENGTH
    if len(raw) > limit:
        raise PaymentQrError(TOO_LONG(n=len(raw), max=limit))
    _check_characters(raw)
    if raw.startswith(EMVCO_START):
        try:
            parsed = parse_payload(raw)
        except EmvcoError as exc:
            raise PaymentQrError(EMVCO_REFUSED(reason=exc.message)) from None
        return PaymentPayload(
            raw=raw,
            kind="emvco",
            merchant_name=parsed.merchant_name,
            city=parsed.city,
            country=parsed.country,
            currency=parsed.currency,
            is_static=parsed.is_static,
            notices=parsed.notices,
        )
    _check_not_a_link(raw)
    return PaymentPayload(raw=raw, kind="opaque", notices=(OPAQUE_NOTE(),))


def parse_payment_bytes(data: bytes) -> PaymentPayload:
    """Validate the raw bytes of a scanned payment QR symbol; raise PaymentQrError.

    The bytes must be UTF-8 text without control bytes and without spaces at
    either end, so that the payload we store and encode again is the symbol's
    content byte for byte. Then the checks of :func:`parse_payment_payload` apply.
    """
    for offset, byte in enumerate(data):
        if byte < 0x20 or byte == 0x7F:
            raise PaymentQrError(CONTROL_BYTE(byte=byte, offset=offset, name=char_name(chr(byte))))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PaymentQrError(NOT_UTF8(byte=data[exc.start], offset=exc.start)) from None
    if text != text.strip():
        raise PaymentQrError(EDGE_SPACE())
    payload = parse_payment_payload(text)
    if payload.raw.encode("utf-8") != data:  # cannot happen after the checks above
        raise PaymentQrError(EDGE_SPACE())
    return payload
