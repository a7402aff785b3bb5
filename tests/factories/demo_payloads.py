"""Invented EMVCo payment payloads for demo stalls: marked DEMO, never payable (test support).

Real Zero Pay payloads come only from the operator's merchant kit (docs/architecture.md,
domain facts); these exist so the QR screens and printouts have something to
show in a demo. Every one carries the invented account scheme
``KR.DEMO.MARKETKIOSK``, a merchant name starting ``DEMO `` and the purpose
``DEMO DATA - NOT PAYABLE`` (tag 62, sub-tag 08).
"""

from __future__ import annotations

import re

from kiosk.domain.qr.emvco import build_payload, tlv

#: Globally unique identifier (tag 26, sub-tag 00) of an account scheme that does not exist.
DEMO_GUID = "KR.DEMO.MARKETKIOSK"
#: Purpose of transaction (tag 62, sub-tag 08) shown by any wallet that scans the code.
DEMO_PURPOSE = "DEMO DATA - NOT PAYABLE"
DEMO_NAME_PREFIX = "DEMO "

_MERCHANT_ID = re.compile(r"^[A-Z0-9-]{1,20}$")
_NAME = re.compile(r"^[A-Z0-9 &'.-]+$")
_MCC = re.compile(r"^[0-9]{4}$")
_CITY = re.compile(r"^[A-Z ]{1,15}$")
_MAX_NAME = 25  # EMVCo tag 59 holds at most 25 characters


def demo_payload(*, merchant_id: str, name: str, mcc: str, city: str) -> str:
    """Static (``01``=``11``) KRW payload for an invented stall; ValueError names the bad field.

    *merchant_id* becomes ``DEMO-<merchant_id>`` in tag 26/01 and *name*
    becomes ``DEMO <name>`` in tag 59, so no demo code can pass for a real one.
    """
    if not _MERCHANT_ID.fullmatch(merchant_id):
        raise ValueError(f"merchant_id {merchant_id!r}: use 1-20 of A-Z, 0-9 and '-'")
    if not _NAME.fullmatch(name):
        raise ValueError(f"name {name!r}: use upper-case ASCII letters, digits and spaces")
    full_name = DEMO_NAME_PREFIX + name
    if len(full_name) > _MAX_NAME:
        raise ValueError(
            f"name {full_name!r} is {len(full_name)} characters; tag 59 allows {_MAX_NAME}"
        )
    if not _MCC.fullmatch(mcc):
        raise ValueError(f"mcc {mcc!r}: a merchant category code is four digits")
    if not _CITY.fullmatch(city):
        raise ValueError(f"city {city!r}: use 1-15 upper-case ASCII letters")
    account = tlv("00", DEMO_GUID) + tlv("01", f"DEMO-{merchant_id}")
    return build_payload(
        (
            ("00", "01"),  # payload format indicator
            ("01", "11"),  # static code: the customer types the amount
            ("26", account),  # merchant account information (invented scheme)
            ("52", mcc),
            ("53", "410"),  # KRW
            ("58", "KR"),
            ("59", full_name),
            ("60", city),
            ("62", tlv("08", DEMO_PURPOSE)),
        )
    )
