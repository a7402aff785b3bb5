"""The one code text gate: every hidden, filler, combining and unassigned character, anywhere."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import pytest

from kiosk import i18n
from kiosk.domain.characters import char_name
from kiosk.domain.qr.emvco import build_payload
from kiosk.domain.qr.kakao import KakaoChannelError, parse_channel_link
from kiosk.domain.qr.payment import PaymentQrError, parse_payment_bytes, parse_payment_payload
from kiosk.domain.qr.store_codes import payment_code_spec
from kiosk.domain.qr.text_gate import (
    CharKind,
    code_text_problem,
    refused_character,
    without_refused,
)
from kiosk.services.qr.input_error import QrInputError
from kiosk.services.qr.store_codes import check_kakao, check_payment

EMVCO = build_payload(
    [
        ("00", "01"),
        ("01", "11"),
        ("26", "0010A000000677" + "0108DEMO0001"),
        ("52", "5411"),
        ("53", "410"),
        ("58", "KR"),
        ("59", "DEMO GATE"),
        ("60", "BUSAN"),
    ]
)
BROKEN_CRC = EMVCO[:-4] + ("0000" if not EMVCO.endswith("0000") else "FFFF")
OPAQUE = "ZP-DEMO-0001 가맹점"
CHANNEL = "https://pf.kakao.com/_ZeUTxl"

#: (character, kind): the attacks of the review and one of every refused class.
REFUSED = [
    ("\u200b", CharKind.INVISIBLE),  # zero-width space
    ("\u2060", CharKind.INVISIBLE),  # word joiner
    ("\ufeff", CharKind.INVISIBLE),  # byte order mark
    ("\u3164", CharKind.INVISIBLE),  # Hangul filler (Lo)
    ("\u115f", CharKind.INVISIBLE),  # Hangul choseong filler (Lo)
    ("\u1160", CharKind.INVISIBLE),  # Hangul jungseong filler (Lo)
    ("\uffa0", CharKind.INVISIBLE),  # half-width Hangul filler (Lo)
    ("\u00ad", CharKind.INVISIBLE),  # soft hyphen
    ("\u034f", CharKind.INVISIBLE),  # combining grapheme joiner
    ("\u180e", CharKind.INVISIBLE),  # Mongolian vowel separator
    ("\u2800", CharKind.INVISIBLE),  # blank Braille pattern
    ("\ufe00", CharKind.INVISIBLE),  # variation selector-1
    ("\ufe0f", CharKind.INVISIBLE),  # variation selector-16
    ("\U000e0100", CharKind.INVISIBLE),  # variation selector-17
    ("\U000e01ef", CharKind.INVISIBLE),  # variation selector-256
    ("\U000e0001", CharKind.INVISIBLE),  # language tag
    ("\U000e0041", CharKind.INVISIBLE),  # tag latin capital letter a
    ("\U000e007f", CharKind.INVISIBLE),  # cancel tag
    ("\u202e", CharKind.INVISIBLE),  # right-to-left override
    ("\u2066", CharKind.INVISIBLE),  # left-to-right isolate
    ("\u061c", CharKind.INVISIBLE),  # Arabic letter mark
    ("\x00", CharKind.CONTROL),
    ("\x1b", CharKind.CONTROL),
    ("\x85", CharKind.CONTROL),
    ("\u0301", CharKind.COMBINING),  # combining acute accent
    ("\u20dd", CharKind.COMBINING),  # combining enclosing circle (Me)
    ("\u3099", CharKind.COMBINING),  # combining kana voiced sound mark
    ("\ue000", CharKind.PRIVATE_USE),
    ("\U000f0000", CharKind.PRIVATE_USE),
    ("\u0378", CharKind.UNASSIGNED),
    ("\ufffe", CharKind.UNASSIGNED),  # a non-character
    ("\U0010ffff", CharKind.UNASSIGNED),
    ("\ud800", CharKind.SURROGATE),
    ("\u2028", CharKind.SEPARATOR),
    ("\u2029", CharKind.SEPARATOR),
]
IDS = [f"U+{ord(c):04X}" for c, _ in REFUSED]
WHERE = ["start", "second", "middle", "end"]
#: Spaces and line breaks around a paste are trimmed on purpose (U+0085, U+2028 are
#: whitespace), so the parsers see those only inside the text.
PLACED = [
    pytest.param(char, kind, where, id=f"{where}-U+{ord(char):04X}")
    for char, kind in REFUSED
    for where in WHERE
    if not (char.isspace() and where in ("start", "end"))
]


@pytest.fixture(autouse=True)
def english_messages() -> Iterator[None]:
    before = i18n.current_locale()
    i18n.set_locale("en")
    yield
    i18n.set_locale(before)


def _insert(text: str, char: str, where: str) -> tuple[str, int]:
    index = {"start": 0, "second": 1, "middle": len(text) // 2, "end": len(text)}[where]
    return text[:index] + char + text[index:], index


def _named(message: str, char: str, index: int) -> bool:
    return f"U+{ord(char):04X}" in message and f"at position {index + 1}" in message


# --- the gate itself -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", [EMVCO, OPAQUE, CHANNEL, "_ZeUTxl", "ZP  A\u3000B  ｆｕｌｌ", "決済 コード", "ガ"]
)
def test_good_code_texts_pass_the_gate(text: str) -> None:
    assert code_text_problem(text) is None
    assert refused_character(text) is None


@pytest.mark.parametrize(("char", "kind"), REFUSED, ids=IDS)
@pytest.mark.parametrize("where", WHERE)
def test_the_gate_refuses_and_names_the_character_and_its_position(
    char: str, kind: CharKind, where: str
) -> None:
    text, index = _insert(OPAQUE, char, where)
    found = refused_character(text)
    assert found is not None
    assert (found.index, found.char, found.kind) == (index, char, kind)
    problem = code_text_problem(text)
    assert problem is not None and problem.code == f"code_text.{kind.value}"
    assert _named(str(problem), char, index)
    name = unicodedata.name(char, "")
    if name and kind in (CharKind.INVISIBLE, CharKind.COMBINING):
        assert char_name(char) in str(problem)  # "hangul filler", "variation selector-16"


# --- payment codes: refused before the EMVCo test, so a wrong CRC never becomes opaque ----


@pytest.mark.parametrize(("char", "kind", "where"), PLACED)
@pytest.mark.parametrize("payload", [EMVCO, BROKEN_CRC, OPAQUE], ids=["emvco", "bad-crc", "opaque"])
def test_payment_payloads_with_a_refused_character_are_refused(
    char: str, kind: CharKind, payload: str, where: str
) -> None:
    text, index = _insert(payload, char, where)
    with pytest.raises(PaymentQrError) as info:
        parse_payment_payload(text)
    assert _named(str(info.value), char, index), str(info.value)
    if payload is BROKEN_CRC and kind is not CharKind.CONTROL:
        assert "tag 63 (CRC)" in str(info.value)  # the CRC is still checked and named


@pytest.mark.parametrize("char", ["\u3164", "\u115f", "\u1160", "\uffa0", "\u034f", "\ufe0f"])
def test_a_filler_before_a_wrong_crc_never_passes_as_opaque(char: str) -> None:
    # The review's attack: the filler made the payload "opaque" and the CRC was never checked.
    with pytest.raises(PaymentQrError) as info:
        parse_payment_payload(char + BROKEN_CRC)
    assert info.value.code == "payment.invisible_in_broken_emvco"
    assert "tag 63 (CRC): expected" in str(info.value)


@pytest.mark.parametrize("char", ["\u3164", "\uffa0", "\ufe0f", "\U000e0100", "\ue000"])
def test_the_bytes_of_a_scanned_symbol_meet_the_same_gate(char: str) -> None:
    with pytest.raises(PaymentQrError) as info:
        parse_payment_bytes((char + BROKEN_CRC).encode())
    assert _named(str(info.value), char, 0)
    assert "tag 63 (CRC)" in str(info.value)


def test_a_saved_payload_with_a_filler_makes_no_code() -> None:
    from kiosk.domain.listing import StoreDetail

    fields = {f: None for f in StoreDetail.__dataclass_fields__}
    store = StoreDetail(**{**fields, "payment_qr_payload": "\u3164" + BROKEN_CRC})  # type: ignore[arg-type]
    with pytest.raises(PaymentQrError):
        payment_code_spec(store)


# --- KakaoTalk channel texts ----------------------------------------------------------------


@pytest.mark.parametrize(("char", "kind", "where"), PLACED)
@pytest.mark.parametrize("text", [CHANNEL, "_ZeUTxl"])
def test_channel_texts_with_a_refused_character_are_refused(
    char: str, kind: CharKind, text: str, where: str
) -> None:
    bad, index = _insert(text, char, where)
    with pytest.raises(KakaoChannelError) as info:
        parse_channel_link(bad)
    assert info.value.code == f"code_text.{kind.value}"
    assert _named(str(info.value), char, index)


# --- the services check (merchant screen, onboarding code step, import, CLI) ---------------


@pytest.mark.parametrize(("char", "kind"), REFUSED, ids=IDS)
@pytest.mark.parametrize("where", ["second", "middle"])
def test_the_services_checks_refuse_them_naming_the_field(
    char: str, kind: CharKind, where: str
) -> None:
    bad_payment, index = _insert(BROKEN_CRC, char, where)
    with pytest.raises(QrInputError) as info:
        check_payment(bad_payment)
    assert info.value.field == "payment_qr"
    assert _named(str(info.value), char, index)
    bad_channel, index = _insert(CHANNEL, char, where)
    with pytest.raises(QrInputError) as info:
        check_kakao(bad_channel)
    assert info.value.field == "kakao_channel"
    assert _named(str(info.value), char, index)


def test_the_services_checks_still_accept_good_codes() -> None:
    payment = check_payment(f" {EMVCO} ")
    assert payment is not None and payment.raw == EMVCO
    kakao = check_kakao(CHANNEL)
    assert kakao is not None and kakao.channel_id == "_ZeUTxl"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("000201 plain ASCII", "000201 plain ASCII"),  # the fast path: nothing to leave out
        ("0002\u200b01", "000201"),
        ("00\t0201", "000201"),
        ("감귤\u3164상회", "감귤상회"),
    ],
)
def test_without_refused_leaves_out_only_refused_characters(text: str, kept: str) -> None:
    assert without_refused(text) == kept
