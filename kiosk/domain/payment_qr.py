"""Payment QR payloads (Zero Pay kit): accept the official payload unchanged, check EMVCo ones."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal

from kiosk.domain.emvco import EmvcoError, parse_payload
from kiosk.i18n import _

#: An opaque (non-EMVCo) payload longer than this is refused.
MAX_OPAQUE_LENGTH = 512
#: EMVCo payloads are at most 512 characters by the spec; allow a little slack.
MAX_EMVCO_LENGTH = 1024

PayloadKind = Literal["emvco", "opaque"]


class PaymentQrError(ValueError):
    """A payment payload we refuse; ``str(error)`` is one line naming the problem."""


@dataclass(frozen=True, slots=True)
class PaymentPayload:
    """The merchant's official payment payload, exactly as issued.

    ``raw`` is the text that gets encoded, byte for byte. For ``kind ==
    "emvco"`` the merchant fields come from the parsed TLV; for ``"opaque"``
    they are empty and ``note`` says the format was not recognised.
    """

    raw: str
    kind: PayloadKind
    merchant_name: str = ""
    city: str = ""
    country: str = ""
    currency: str = ""
    is_static: bool = True
    note: str = ""


def _check_characters(text: str) -> None:
    for index, ch in enumerate(text):
        category = unicodedata.category(ch)
        if category in ("Cc", "Cs", "Cn", "Zl", "Zp"):
            raise PaymentQrError(
                _(
                    "payment payload has a control or invalid character U+{code:04X} at "
                    "position {pos}"
                ).format(code=ord(ch), pos=index + 1)
            )


def parse_payment_payload(text: str) -> PaymentPayload:
    """Validate a pasted or decoded payload and describe it; raise PaymentQrError.

    Only whitespace and newlines *around* a paste are removed (copying from a
    PDF or chat often adds them); the inside is never changed. A payload that
    starts with ``000201`` must be valid EMVCo (structure and CRC); any other
    printable text of at most 512 characters is accepted as opaque with a note.
    """
    raw = text.strip()
    if not raw:
        raise PaymentQrError(_("payment payload is empty"))
    if raw.startswith("000201"):
        if len(raw) > MAX_EMVCO_LENGTH:
            raise PaymentQrError(
                _("payment payload is {n} characters long; at most {max} allowed").format(
                    n=len(raw), max=MAX_EMVCO_LENGTH
                )
            )
        _check_characters(raw)
        try:
            parsed = parse_payload(raw)
        except EmvcoError as exc:
            raise PaymentQrError(_("EMVCo payment payload: {reason}").format(reason=exc)) from None
        return PaymentPayload(
            raw=raw,
            kind="emvco",
            merchant_name=parsed.merchant_name,
            city=parsed.city,
            country=parsed.country,
            currency=parsed.currency,
            is_static=parsed.is_static,
            note="; ".join(parsed.warnings),
        )
    if len(raw) > MAX_OPAQUE_LENGTH:
        raise PaymentQrError(
            _("payment payload is {n} characters long; at most {max} allowed").format(
                n=len(raw), max=MAX_OPAQUE_LENGTH
            )
        )
    _check_characters(raw)
    return PaymentPayload(
        raw=raw,
        kind="opaque",
        note=_("format not recognised (not EMVCo); it is encoded exactly as given"),
    )
