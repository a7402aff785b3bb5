"""Payment payloads byte for byte: hidden characters, links and raw bytes are refused, named."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kiosk import i18n
from kiosk.domain.qr.emvco import build_payload
from kiosk.domain.qr.kakao import KakaoLink, parse_channel_link
from kiosk.domain.qr.payment import PaymentQrError, parse_payment_bytes, parse_payment_payload
from kiosk.domain.text import terminal_safe

#: A DEMO payload shaped like a national scheme's static merchant QR (never a real merchant).
EMVCO = build_payload(
    [
        ("00", "01"),
        ("01", "11"),
        ("26", "0010A000000677" + "0108DEMO0001"),
        ("52", "5411"),
        ("53", "410"),
        ("58", "KR"),
        ("59", "감귤상회 데모"),
        ("60", "제주"),
    ]
)
#: The same payload with a wrong CRC: it must never pass as verified.
BROKEN_CRC = EMVCO[:-4] + ("0000" if not EMVCO.endswith("0000") else "FFFF")
OPAQUE = "ZP-DEMO-0001 가맹점"

INVISIBLE = [
    ("\u200b", "zero-width space"),
    ("\u200c", "zero-width non-joiner"),
    ("\u200d", "zero-width joiner"),
    ("\u200e", "left-to-right mark"),
    ("\u200f", "right-to-left mark"),
    ("\u202a", "left-to-right embedding"),
    ("\u202b", "right-to-left embedding"),
    ("\u202c", "pop directional formatting"),
    ("\u202d", "left-to-right override"),
    ("\u202e", "right-to-left override"),
    ("\u2060", "word joiner"),
    ("\u2061", "function application"),
    ("\u2063", "invisible separator"),
    ("\u2064", "invisible plus"),
    ("\u2066", "left-to-right isolate"),
    ("\u2067", "right-to-left isolate"),
    ("\u2068", "first strong isolate"),
    ("\u2069", "pop directional isolate"),
    ("\ufeff", "zero-width no-break space (byte order mark)"),
    ("\u00ad", "soft hyphen"),
    ("\u061c", "Arabic letter mark"),
    ("\U000e0001", "language tag"),
]
CONTROL = [
    ("\x00", "null"),
    ("\x07", "bell"),
    ("\x08", "backspace"),
    ("\t", "tab"),
    ("\n", "line feed"),
    ("\r", "carriage return"),
    ("\x1b", "escape"),
    ("\x7f", "delete"),
    ("\x85", "next line"),
    ("\x9b", "control character"),
]


@pytest.fixture(autouse=True)
def english_messages() -> Iterator[None]:
    before = i18n.current_locale()
    i18n.set_locale("en")
    yield
    i18n.set_locale(before)


def _refusal(text: str) -> PaymentQrError:
    with pytest.raises(PaymentQrError) as info:
        parse_payment_payload(text)
    return info.value


# --- good next to bad: the payloads themselves are fine ------------------------------


@pytest.mark.parametrize("text", [EMVCO, OPAQUE, f"  {EMVCO}\n", "ZP:1234", "_", "pay_ment 12"])
def test_good_payloads_are_accepted_unchanged(text: str) -> None:
    assert parse_payment_payload(text).raw == text.strip()


@pytest.mark.parametrize(("char", "name"), INVISIBLE)
@pytest.mark.parametrize("where", ["start", "middle", "end"])
def test_invisible_characters_in_an_opaque_payload_are_named(
    char: str, name: str, where: str
) -> None:
    index = {"start": 0, "middle": 5, "end": len(OPAQUE)}[where]
    text = OPAQUE[:index] + char + OPAQUE[index:]
    error = _refusal(text)
    assert error.code == "payment.invisible_character"
    assert f'U+{ord(char):04X} at position {index + 1} ("{name}")' in str(error)
    assert "refused, not removed" in str(error)


@pytest.mark.parametrize(("char", "name"), INVISIBLE)
@pytest.mark.parametrize("index", [0, 6, 30])
def test_invisible_characters_in_a_valid_emvco_payload_are_refused(
    char: str, name: str, index: int
) -> None:
    error = _refusal(EMVCO[:index] + char + EMVCO[index:])
    assert error.code == "payment.invisible_in_emvco"
    assert f'U+{ord(char):04X} at position {index + 1} ("{name}")' in str(error)
    assert "inside an EMVCo payment code" in str(error)


@pytest.mark.parametrize("char", ["\u200b", "\u2060", "\ufeff", "\u202e"])
def test_invisible_prefix_does_not_skip_the_crc_check(char: str) -> None:
    # The old bug: with U+200B first the payload counted as opaque and the CRC was never checked.
    error = _refusal(char + BROKEN_CRC)
    assert error.code == "payment.invisible_in_broken_emvco"
    assert "even without it the EMVCo payment code is wrong" in str(error)
    assert "tag 63 (CRC): expected" in str(error)
    assert _refusal(BROKEN_CRC).code == "payment.emvco_refused"  # and without the character


@pytest.mark.parametrize(("char", "name"), CONTROL)
@pytest.mark.parametrize("payload", [OPAQUE, EMVCO], ids=["opaque", "emvco"])
def test_control_characters_are_named_not_stripped(char: str, name: str, payload: str) -> None:
    text = payload[:8] + char + payload[8:]
    error = _refusal(text)
    assert error.code == "payment.control_character"
    assert f'U+{ord(char):04X} at position 9 ("{name}")' in str(error)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("https://pf.kakao.com/_ZeUTxl", "payment.kakao_link"),
        ("https://pf.kakao.com/_ZeUTxl/friend", "payment.kakao_link"),
        ("http://pf.kakao.com/_ZeUTxl/chat?utm=x", "payment.kakao_link"),
        ("pf.kakao.com/_ZeUTxl", "payment.kakao_link"),
        ("HTTPS://PF.KAKAO.COM/_ZeUTxl", "payment.kakao_link"),
        ("https://pf.kakao.com@evil.example/_x", "payment.web_link"),
        ("pf.kakao.com/_ZeUTxl/menu", "payment.kakao_link"),
        ("_ZeUTxl", "payment.kakao_id"),
        ("https://example.com/pay?id=1", "payment.web_link"),
        ("http://zeropay.example/merchant/1", "payment.web_link"),
        ("HTTP://EXAMPLE.COM", "payment.web_link"),
        ("https:example.com", "payment.web_link"),
        ("www.example.com/pay", "payment.web_link"),
    ],
)
def test_channel_links_and_web_links_are_not_payment_codes(text: str, code: str) -> None:
    error = _refusal(text)
    assert error.code == code
    if code == "payment.web_link":
        assert "this is a web link, not a payment code" in str(error)
    else:
        assert "KakaoTalk channel" in str(error) and "not a Zero Pay payment code" in str(error)


# --- raw bytes of a scanned symbol ----------------------------------------------------


@pytest.mark.parametrize("text", [EMVCO, OPAQUE, "PAY-123", "決済 コード 付款码"])
def test_utf8_symbol_bytes_round_trip_byte_for_byte(text: str) -> None:
    data = text.encode("utf-8")
    payload = parse_payment_bytes(data)
    assert payload.raw.encode("utf-8") == data


@pytest.mark.parametrize(
    ("data", "offset", "byte"),
    [
        ("제주 감귤".encode("euc-kr"), 0, 0xC1),
        (b"ZP " + "가맹점".encode("euc-kr"), 3, 0xB0),
        ("café".encode("latin-1"), 3, 0xE9),
        (b"PAY\xff", 3, 0xFF),
        (b"\x80abc", 0, 0x80),
        ("가".encode()[:2] + b"x", 0, 0xEA),
    ],
)
def test_symbol_bytes_that_are_not_utf8_are_refused_naming_the_offset(
    data: bytes, offset: int, byte: int
) -> None:
    with pytest.raises(PaymentQrError) as info:
        parse_payment_bytes(data)
    assert info.value.code == "payment.not_utf8"
    assert f"byte 0x{byte:02X} at byte offset {offset}" in str(info.value)


@pytest.mark.parametrize(
    ("data", "offset", "byte", "name"),
    [
        (b"PAY\x1b[31mDEMO", 3, 0x1B, "escape"),
        (b"\x00PAY", 0, 0x00, "null"),
        (b"PAY-123\n", 7, 0x0A, "line feed"),
        (b"PAY\r\n123", 3, 0x0D, "carriage return"),
        (b"PAY\x7f", 3, 0x7F, "delete"),
        (b"PAY\t123", 3, 0x09, "tab"),
        (EMVCO.encode()[:12] + b"\x1b" + EMVCO.encode()[12:], 12, 0x1B, "escape"),
    ],
)
def test_control_bytes_are_refused_naming_them(
    data: bytes, offset: int, byte: int, name: str
) -> None:
    with pytest.raises(PaymentQrError) as info:
        parse_payment_bytes(data)
    assert info.value.code == "payment.control_byte"
    assert f'control byte 0x{byte:02X} at byte offset {offset} ("{name}")' in str(info.value)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b" PAY-123", "payment.edge_space"),
        (b"PAY-123 ", "payment.edge_space"),
        ("PAY\u3000".encode(), "payment.edge_space"),
        (b"", "payment.empty"),
        (b"\xef\xbb\xbf" + EMVCO.encode(), "payment.invisible_in_emvco"),
        (b"\xe2\x80\x8b" + BROKEN_CRC.encode(), "payment.invisible_in_broken_emvco"),
        ("PA\u0085Y".encode(), "payment.control_character"),
        (b"https://pf.kakao.com/_ZeUTxl", "payment.kakao_link"),
        (BROKEN_CRC.encode(), "payment.emvco_refused"),
    ],
)
def test_symbol_bytes_get_the_same_checks_as_text(data: bytes, code: str) -> None:
    with pytest.raises(PaymentQrError) as info:
        parse_payment_bytes(data)
    assert info.value.code == code


# --- KakaoTalk: the page a pasted link names ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "link"),
    [
        ("_ZeUTxl", None),
        ("https://pf.kakao.com/_ZeUTxl", KakaoLink.HOME),
        ("https://pf.kakao.com/_ZeUTxl/", KakaoLink.HOME),
        ("pf.kakao.com/_ZeUTxl/friend", KakaoLink.FRIEND),
        ("https://pf.kakao.com/_ZeUTxl/chat", KakaoLink.CHAT),
        ("http://pf.kakao.com/_ZeUTxl/chat?utm_source=share#top", KakaoLink.CHAT),
    ],
)
def test_parse_channel_link_keeps_the_page(text: str, link: KakaoLink | None) -> None:
    parsed = parse_channel_link(text)
    assert parsed.channel_id == "_ZeUTxl"
    assert parsed.link is link


# --- terminal_safe ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("감귤상회", "감귤상회"),
        ("Tangerine Shop 12", "Tangerine Shop 12"),
        ("A\x1b[31mB", "A\\x1b[31mB"),
        ("evil\u202etxt.exe", "evil\\u202etxt.exe"),
        ("a\u200bb\ufeff", "a\\u200bb\\ufeff"),
        ("line\nnext\r\t", "line\\x0anext\\x0d\\x09"),
        ("c1\x9bz\x7f", "c1\\x9bz\\x7f"),
        ("tag\U000e0001", "tag\\U000e0001"),
        ("lone\udc80", "lone\\udc80"),
        ("\u2028", "\\u2028"),
    ],
)
def test_terminal_safe_shows_control_characters_as_escapes(text: str, shown: str) -> None:
    assert terminal_safe(text) == shown
