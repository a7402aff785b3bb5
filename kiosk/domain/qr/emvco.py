"""EMVCo merchant-presented QR: TLV building and the CRC-16/CCITT-FALSE checksum.

Format (docs/architecture.md, "Domain facts"): data objects of a 2-digit id,
a 2-digit length and the value; lengths count characters, not bytes. A payload starts
``000201`` and ends with ``6304`` plus four upper-case hex digits of
CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF) computed over everything up to
and including ``6304``.
"""

from __future__ import annotations

import binascii
from collections.abc import Iterable
from dataclasses import dataclass

from kiosk.domain.messages import N_, KioskError, Message, define


def crc16_ccitt_false(data: bytes) -> int:
    """CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF, no reflection, no final xor.

    ``binascii.crc_hqx`` is that CRC (XMODEM's) in C; started at 0xFFFF it is CCITT-FALSE.
    """
    return binascii.crc_hqx(data, 0xFFFF)


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


# --- parsing and validation -------------------------------------------------

#: Templates whose value is itself a TLV list (EMVCo MPM 4.x: 26-51 merchant
#: account information, 62 additional data, 64 merchant information - language
#: template, 80-99 unreserved templates).
TEMPLATE_TAGS: frozenset[str] = frozenset(
    [f"{n:02d}" for n in range(26, 52)] + ["62", "64"] + [f"{n:02d}" for n in range(80, 100)]
)

#: Human names of the tags an error message may mention.
TAG_NAMES: dict[str, str] = {
    "00": "payload format indicator",
    "01": "point of initiation method",
    "52": "merchant category code",
    "53": "transaction currency",
    "54": "transaction amount",
    "58": "country code",
    "59": "merchant name",
    "60": "merchant city",
    "62": "additional data",
    "63": "CRC",
    "64": "merchant information - language template",
}

#: ISO 4217 numeric -> alphabetic code for the currencies a Korean market meets.
CURRENCIES: dict[str, str] = {
    "410": "KRW",
    "840": "USD",
    "156": "CNY",
    "392": "JPY",
    "344": "HKD",
    "901": "TWD",
    "446": "MOP",
    "978": "EUR",
    "826": "GBP",
    "702": "SGD",
    "764": "THB",
    "458": "MYR",
    "360": "IDR",
    "704": "VND",
    "608": "PHP",
    "356": "INR",
    "036": "AUD",
    "124": "CAD",
    "496": "MNT",
    "860": "UZS",
    "398": "KZT",
    "643": "RUB",
}


MISALIGNED = define("emvco.misaligned", N_("{reason} (is the length of {label} before it right?)"))
STRAY = define(
    "emvco.stray_characters",
    N_(
        "{where}: {n} stray characters {rest!r} at position {pos}, "
        "expected a 2-digit tag and a 2-digit length"
    ),
)
PAYLOAD = define("emvco.payload", N_("payload"))
TEMPLATE = define("emvco.template", N_("template"))
EXPECTED_TAG = define(
    "emvco.expected_tag", N_("{where}: expected a 2-digit tag at position {pos}, found {found!r}")
)
BAD_LENGTH = define("emvco.bad_length", N_("{label}: length must be 2 digits, found {found!r}"))
PAST_END = define(
    "emvco.past_end",
    N_("{label}: length {length} runs past the end of the {scope} ({left} characters left)"),
)
MISSING = define("emvco.missing", N_("{label} is missing; it is mandatory"))
CRC_NOT_LAST = define(
    "emvco.crc_not_last",
    N_("tag 63 (CRC) must be the last data object, found tag {tag} after it"),
)
CRC_MISSING = define("emvco.crc_missing", N_("tag 63 (CRC) is missing; it is mandatory"))
CRC_LENGTH = define("emvco.crc_length", N_("tag 63 (CRC): length must be 04, found {n:02d}"))
CRC_WRONG = define("emvco.crc_wrong", N_("tag 63 (CRC): expected {expected}, found {found}"))
FORMAT_NOT_FIRST = define(
    "emvco.format_not_first",
    N_("tag 00 (payload format indicator) must come first, found tag {tag}"),
)
FORMAT_NOT_01 = define("emvco.format_not_01", N_("tag 00 must be 01, found {found}"))
DUPLICATE_TAG = define("emvco.duplicate_tag", N_("tag {tag} appears twice"))
BAD_INITIATION = define(
    "emvco.bad_initiation",
    N_("tag 01 (point of initiation method) must be 11 or 12, found {found}"),
)
BAD_CURRENCY = define(
    "emvco.bad_currency",
    N_("tag 53 (transaction currency) must be 3 digits (410 = KRW), found {found!r}"),
)
BAD_COUNTRY = define(
    "emvco.bad_country",
    N_("tag 58 (country code) must be 2 upper-case letters (KR), found {found!r}"),
)
BAD_TEXT_LENGTH = define(
    "emvco.bad_text_length", N_("{label} must be 1-{limit} characters, found {n}")
)
MCC_MISSING = define("emvco.mcc_missing", N_("tag 52 (merchant category code) is missing"))
BAD_MCC = define(
    "emvco.bad_mcc", N_("tag 52 (merchant category code) must be 4 digits, found {found!r}")
)
NO_ACCOUNT = define("emvco.no_account", N_("no merchant account information (tags 26-51)"))


class EmvcoError(KioskError, ValueError):
    """A payload whose EMVCo structure or CRC is wrong; the message names the tag."""


@dataclass(frozen=True, slots=True)
class DataObject:
    """One TLV data object; ``children`` is set for template tags (26-51, 62, 64, 80-99)."""

    tag: str
    value: str
    children: tuple[DataObject, ...] | None = None


@dataclass(frozen=True, slots=True)
class EmvcoPayload:
    """A parsed, CRC-checked merchant-presented payload; ``raw`` is never altered."""

    raw: str
    objects: tuple[DataObject, ...]
    notices: tuple[Message, ...] = ()

    @property
    def warnings(self) -> tuple[str, ...]:
        """The notices rendered in the current UI language."""
        return tuple(str(notice) for notice in self.notices)

    def value(self, tag: str) -> str | None:
        return next((obj.value for obj in self.objects if obj.tag == tag), None)

    @property
    def merchant_name(self) -> str:
        return self.value("59") or ""

    @property
    def city(self) -> str:
        return self.value("60") or ""

    @property
    def country(self) -> str:
        return self.value("58") or ""

    @property
    def currency_numeric(self) -> str:
        return self.value("53") or ""

    @property
    def currency(self) -> str:
        """ISO 4217 alphabetic code (``410`` -> ``KRW``); the numeric code if unknown."""
        return CURRENCIES.get(self.currency_numeric, self.currency_numeric)

    @property
    def is_static(self) -> bool:
        """``01`` = ``11`` is static; ``12`` is dynamic. Absent means static (spec default)."""
        return self.value("01") != "12"


def _label(tag: str, where: str) -> str:
    """``tag 59 (merchant name)`` at the top level, ``tag 26.01`` inside a template."""
    if where:
        return f"tag {where}.{tag}"
    name = TAG_NAMES.get(tag)
    return f"tag {tag} ({name})" if name else f"tag {tag}"


def _misaligned(after: str, message: Message) -> EmvcoError:
    """A structure error; when an object came before, say its length may be wrong."""
    if not after:
        return EmvcoError(message)
    return EmvcoError(MISALIGNED(reason=message, label=after))


def parse_tlv(text: str, *, where: str = "") -> tuple[DataObject, ...]:
    """Split *text* into data objects, recursing into templates; raise EmvcoError.

    Lengths count characters, not bytes (a Korean name of 4 syllables has
    length ``04``). *where* is the parent tag, used in messages (``26.01``).
    """
    objects: list[DataObject] = []
    pos = 0
    while pos < len(text):
        # A wrong length in one object misaligns the next: name the previous one too.
        after = _label(objects[-1].tag, where) if objects else ""
        header = text[pos : pos + 4]
        if len(header) < 4:
            raise _misaligned(
                after,
                STRAY(
                    where=f"tag {where}" if where else PAYLOAD(),
                    n=len(header),
                    rest=header,
                    pos=pos,
                ),
            )
        tag, length_text = header[:2], header[2:]
        if not tag.isdigit() or not tag.isascii():
            raise _misaligned(
                after,
                EXPECTED_TAG(where=f"tag {where}" if where else PAYLOAD(), pos=pos, found=tag),
            )
        if not length_text.isdigit() or not length_text.isascii():
            raise _misaligned(after, BAD_LENGTH(label=_label(tag, where), found=length_text))
        length = int(length_text)
        start = pos + 4
        if start + length > len(text):
            raise EmvcoError(
                PAST_END(
                    label=_label(tag, where),
                    length=length,
                    scope=TEMPLATE() if where else PAYLOAD(),
                    left=len(text) - start,
                )
            )
        value = text[start : start + length]
        children = None
        if tag in TEMPLATE_TAGS and not where:
            children = parse_tlv(value, where=tag)
        objects.append(DataObject(tag, value, children))
        pos = start + length
    return tuple(objects)


def _require(found: dict[str, str], tag: str) -> str:
    value = found.get(tag)
    if value is None:
        raise EmvcoError(MISSING(label=_label(tag, "")))
    return value


def _check_crc(raw: str, objects: tuple[DataObject, ...]) -> None:
    last = objects[-1]
    if last.tag != "63":
        if any(obj.tag == "63" for obj in objects):
            raise EmvcoError(CRC_NOT_LAST(tag=last.tag))
        raise EmvcoError(CRC_MISSING())
    if len(last.value) != 4:
        raise EmvcoError(CRC_LENGTH(n=len(last.value)))
    expected = f"{crc16_ccitt_false(raw[:-4].encode('utf-8')):04X}"
    # Upper-case hex is the rule; lower-case is accepted when checking.
    if last.value.upper() != expected:
        raise EmvcoError(CRC_WRONG(expected=expected, found=last.value))


def parse_payload(raw: str) -> EmvcoPayload:
    """Parse and validate a merchant-presented payload; raise EmvcoError naming the tag.

    Strict (refused): structure, duplicate tags, 00 = ``01`` first, 63 last with
    a correct CRC, 53 (3 digits), 58 (2 letters), 59 (1-25 chars), 60 (1-15
    chars), 01 if present (``11``/``12``). Lenient (accepted with a warning):
    missing 52 or missing merchant account information (26-51), which the
    spec makes mandatory but some national schemes leave out.
    """
    objects = parse_tlv(raw)
    if not objects or objects[0].tag != "00":
        raise EmvcoError(FORMAT_NOT_FIRST(tag=objects[0].tag if objects else "-"))
    if objects[0].value != "01":
        raise EmvcoError(FORMAT_NOT_01(found=objects[0].value or "''"))
    found: dict[str, str] = {}
    for obj in objects:
        if obj.tag in found:
            raise EmvcoError(DUPLICATE_TAG(tag=obj.tag))
        found[obj.tag] = obj.value
    _check_crc(raw, objects)
    initiation = found.get("01")
    if initiation is not None and initiation not in ("11", "12"):
        raise EmvcoError(BAD_INITIATION(found=initiation or "''"))
    currency = _require(found, "53")
    if len(currency) != 3 or not currency.isdigit() or not currency.isascii():
        raise EmvcoError(BAD_CURRENCY(found=currency))
    country = _require(found, "58")
    if len(country) != 2 or not (country.isascii() and country.isalpha() and country.isupper()):
        raise EmvcoError(BAD_COUNTRY(found=country))
    for tag, limit in (("59", 25), ("60", 15)):
        value = _require(found, tag)
        if not value or len(value) > limit:
            raise EmvcoError(BAD_TEXT_LENGTH(label=_label(tag, ""), limit=limit, n=len(value)))
    notices: list[Message] = []
    if "52" not in found:
        notices.append(MCC_MISSING())
    elif len(found["52"]) != 4 or not found["52"].isdigit():
        raise EmvcoError(BAD_MCC(found=found["52"]))
    if not any(obj.tag in TEMPLATE_TAGS and 26 <= int(obj.tag) <= 51 for obj in objects):
        notices.append(NO_ACCOUNT())
    return EmvcoPayload(raw=raw, objects=objects, notices=tuple(notices))
