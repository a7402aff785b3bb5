"""EMVCo merchant-presented QR: TLV building and the CRC-16/CCITT-FALSE checksum.

Format (DESIGN.md, domain facts): data objects of a 2-digit id, a 2-digit
length and the value; lengths count characters, not bytes. A payload starts
``000201`` and ends with ``6304`` plus four upper-case hex digits of
CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF) computed over everything up to
and including ``6304``.
"""

from __future__ import annotations

from collections.abc import Iterable


def crc16_ccitt_false(data: bytes) -> int:
    """CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF, no reflection, no final xor."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else (crc << 1)
            crc &= 0xFFFF
    return crc


def tlv(tag: str, value: str) -> str:
    """Encode one data object; *tag* is two digits, *value* at most 99 characters."""
    if len(tag) != 2 or not tag.isdigit():
        raise ValueError(f"EMVCo tag must be two digits, got {tag!r}")
    if len(value) > 99:
        raise ValueError(f"EMVCo tag {tag}: value is {len(value)} characters, at most 99 allowed")
    return f"{tag}{len(value):02d}{value}"


def with_crc(body: str) -> str:
    """Append ``6304`` and the CRC to *body* (which must not contain tag 63 yet)."""
    head = body + "6304"
    return head + f"{crc16_ccitt_false(head.encode('utf-8')):04X}"


def build_payload(objects: Iterable[tuple[str, str]]) -> str:
    """Build a payload from (tag, value) pairs in order, adding the CRC at the end.

    The caller supplies ``00`` (``01``) first; this function only encodes. It is
    used for demo data and tests: the app never invents a real merchant's payload.
    """
    return with_crc("".join(tlv(tag, value) for tag, value in objects))
