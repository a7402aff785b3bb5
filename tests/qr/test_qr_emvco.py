"""EMVCo merchant-presented payloads: parsing, CRC, refusals naming the tag, and round trips."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from qr_helpers import zero_pay_like

from kiosk.domain.qr.emvco import (
    EmvcoError,
    build_payload,
    crc16_ccitt_false,
    parse_payload,
    tlv,
    with_crc,
)
from kiosk.domain.qr.payment import PaymentQrError, parse_payment_payload
from kiosk.render.qr import build_matrix, payment_spec
from kiosk.render.verify import render_verified

BASE = [
    ("00", "01"),
    ("01", "11"),
    ("26", "0010A000000677"),
    ("52", "5411"),
    ("53", "410"),
    ("58", "KR"),
    ("59", "가게"),
    ("60", "부산"),
]


def body(objects: list[tuple[str, str]]) -> str:
    return "".join(tlv(tag, value) for tag, value in objects)


def test_crc_check_value() -> None:
    assert crc16_ccitt_false(b"123456789") == 0x29B1


#: Published payloads and their CRCs: the example of the EMVCo merchant-presented QR
#: specification (v1.1, with UTF-8 Chinese in the alternate-language template) and the
#: static Pix example of Banco Central do Brasil's manual.
PUBLISHED = [
    (
        "00020101021229300012D156000000000510A93FO3230Q31280012D15600000001030812345678520441"
        "115802CN5914BEST TRANSPORT6007BEIJING64200002ZH0104最佳运输0202北京540523.72530315"
        "65502016233030412340603***0708A60086670902ME91320016A0112233449988770708123456786304",
        "A13A",
    ),
    (
        "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865"
        "802BR5913Fulano de Tal6008BRASILIA62070503***6304",
        "1D3D",
    ),
]


@pytest.mark.parametrize(("head", "crc"), PUBLISHED)
def test_crc_of_published_emvco_payloads(head: str, crc: str) -> None:
    assert f"{crc16_ccitt_false(head.encode('utf-8')):04X}" == crc
    assert with_crc(head.removesuffix("6304")) == head + crc


def _bitwise_crc(data: bytes) -> int:
    """The textbook bit-by-bit CRC-16/CCITT-FALSE, to hold the library one against."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _bit in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else (crc << 1)
            crc &= 0xFFFF
    return crc


@given(st.binary(max_size=300))
def test_crc_equals_the_bitwise_definition(data: bytes) -> None:
    assert crc16_ccitt_false(data) == _bitwise_crc(data)


def test_parse_good_payload_exposes_the_merchant() -> None:
    raw = zero_pay_like()
    parsed = parse_payload(raw)
    assert parsed.raw == raw
    assert (parsed.merchant_name, parsed.city, parsed.country) == ("제주감귤상회", "제주", "KR")
    assert parsed.currency == "KRW"
    assert parsed.is_static
    assert parsed.warnings == ()
    account = next(obj for obj in parsed.objects if obj.tag == "26")
    assert account.children is not None
    assert [c.tag for c in account.children] == ["00", "01"]


def test_lengths_count_characters_not_bytes() -> None:
    raw = build_payload(BASE)
    assert "5902가게" in raw
    assert parse_payload(raw).merchant_name == "가게"


def test_lower_case_crc_is_accepted_and_kept_unchanged() -> None:
    raw = build_payload(BASE)
    lower = raw[:-4] + raw[-4:].lower()
    assert raw[-4:] != lower[-4:] or raw[-4:].isdigit()
    assert parse_payload(lower).raw == lower


def test_wrong_crc_names_expected_and_found() -> None:
    raw = build_payload(BASE)
    bad = raw[:-4] + "0000"
    with pytest.raises(EmvcoError, match=f"tag 63 \\(CRC\\): expected {raw[-4:]}, found 0000"):
        parse_payload(bad)


def test_a_changed_character_breaks_the_crc() -> None:
    raw = build_payload(BASE)
    with pytest.raises(EmvcoError, match="tag 63"):
        parse_payload(raw.replace("부산", "서울"))


def test_length_running_past_the_end_names_the_tag() -> None:
    raw = with_crc(body(BASE[:6]) + "5912가게")
    with pytest.raises(EmvcoError, match="tag 59 \\(merchant name\\): length 12 runs past"):
        parse_payload(raw)


def test_bad_nested_template_names_the_parent_and_child() -> None:
    raw = build_payload([*BASE[:2], ("26", "0010A0000006770120AB"), *BASE[3:]])
    message = r"tag 26\.01: length 20 runs past the end of the template"
    with pytest.raises(EmvcoError, match=message):
        parse_payload(raw)


def test_non_digit_tag_in_template() -> None:
    raw = build_payload([*BASE, ("62", "X105ABCDE")])
    with pytest.raises(EmvcoError, match="tag 62: expected a 2-digit tag"):
        parse_payload(raw)


def test_a_length_too_long_names_the_object_whose_length_is_wrong() -> None:
    """Regression: 5802KR written as 5803KR misaligned the parse, and the message only
    named a phantom tag 90 read from the middle of the merchant name."""
    raw = with_crc(body(BASE[:5]) + "5803KR" + body(BASE[6:]))
    with pytest.raises(EmvcoError) as info:
        parse_payload(raw)
    message = str(info.value)
    assert "tag 90: length must be 2 digits, found '2가'" in message
    assert "is the length of tag 58 (country code) before it right?" in message


def test_tag_00_must_be_01() -> None:
    with pytest.raises(EmvcoError, match="tag 00 must be 01, found 02"):
        parse_payload(build_payload([("00", "02"), *BASE[1:]]))


def test_tag_00_must_come_first() -> None:
    with pytest.raises(EmvcoError, match=r"tag 00 .* must come first, found tag 01"):
        parse_payload(build_payload([BASE[1], BASE[0], *BASE[2:]]))


@pytest.mark.parametrize("missing", ["53", "58", "59", "60"])
def test_missing_mandatory_tag_is_named(missing: str) -> None:
    raw = build_payload([obj for obj in BASE if obj[0] != missing])
    with pytest.raises(EmvcoError, match=f"tag {missing} .*is missing; it is mandatory"):
        parse_payload(raw)


def test_missing_crc_is_named() -> None:
    with pytest.raises(EmvcoError, match="tag 63 \\(CRC\\) is missing"):
        parse_payload(body(BASE))


def test_crc_must_be_last() -> None:
    raw = build_payload(BASE) + "0502AB"
    with pytest.raises(EmvcoError, match="tag 63 \\(CRC\\) must be the last data object"):
        parse_payload(raw)


def test_missing_52_and_account_info_are_warnings_not_refusals() -> None:
    parsed = parse_payload(build_payload([o for o in BASE if o[0] not in ("26", "52")]))
    assert any("tag 52" in w for w in parsed.warnings)
    assert any("26-51" in w for w in parsed.warnings)


@pytest.mark.parametrize(
    ("tag", "value", "message"),
    [
        ("53", "KRW", "tag 53 (transaction currency) must be 3 digits (410 = KRW), found 'KRW'"),
        ("58", "kr", "tag 58 (country code) must be 2 upper-case letters (KR), found 'kr'"),
        ("01", "13", "tag 01 (point of initiation method) must be 11 or 12, found 13"),
        ("52", "54", "tag 52 (merchant category code) must be 4 digits, found '54'"),
        ("59", "가" * 26, "tag 59 (merchant name) must be 1-25 characters, found 26"),
        ("60", "", "tag 60 (merchant city) must be 1-15 characters, found 0"),
    ],
)
def test_bad_values_name_tag_expected_and_found(tag: str, value: str, message: str) -> None:
    raw = build_payload([(t, value if t == tag else v) for t, v in BASE])
    with pytest.raises(EmvcoError) as info:
        parse_payload(raw)
    assert str(info.value) == message


def test_duplicate_tag_is_refused() -> None:
    with pytest.raises(EmvcoError, match="tag 59 appears twice"):
        parse_payload(build_payload([*BASE, ("59", "다른가게")]))


def test_currency_map_and_dynamic_flag() -> None:
    raw = build_payload(
        [("00", "01"), ("01", "12"), *[o for o in BASE[2:] if o[0] != "53"], ("53", "392")]
    )
    parsed = parse_payload(raw)
    assert parsed.currency == "JPY"
    assert not parsed.is_static


def test_payment_payload_wraps_emvco_errors_with_one_line() -> None:
    with pytest.raises(PaymentQrError) as info:
        parse_payment_payload(build_payload(BASE)[:-4] + "ffff")
    assert str(info.value).startswith("EMVCo payment payload: tag 63 (CRC): expected")
    assert "\n" not in str(info.value)


# --- property: every valid payload we build parses and survives render -> decode ----

safe_text = st.text(
    # Hangul included on purpose: EMVCo lengths count characters, not UTF-8 bytes.
    alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -&."
    "가나다라마바사감귤상회제주부산시장",
    min_size=1,
)
sub_objects = st.lists(
    st.tuples(
        st.integers(1, 9).map(lambda n: f"{n:02d}"),
        st.text("0123456789ABCDEF", min_size=1, max_size=12),
    ),
    max_size=3,
    unique_by=lambda t: t[0],
)


@st.composite
def emvco_payloads(draw: st.DrawFn) -> tuple[str, str, str]:
    name = draw(safe_text.filter(lambda s: len(s) <= 25))
    city = draw(safe_text.filter(lambda s: len(s) <= 15))
    accounts = draw(st.lists(st.integers(26, 51), min_size=1, max_size=3, unique=True))
    objects: list[tuple[str, str]] = [("00", "01"), ("01", draw(st.sampled_from(["11", "12"])))]
    for tag in sorted(accounts):
        gui = draw(st.from_regex(r"[A-Z0-9]{5,16}", fullmatch=True))
        objects.append((f"{tag:02d}", tlv("00", gui) + body(draw(sub_objects))))
    objects += [("52", "5411"), ("53", "410"), ("58", "KR"), ("59", name), ("60", city)]
    if draw(st.booleans()):
        objects.append(("62", body(draw(sub_objects)) or tlv("05", "REF1")))
    if draw(st.booleans()):
        objects.append(("64", tlv("00", "KO") + tlv("01", name)))
    return build_payload(objects), name, city


@settings(max_examples=60, deadline=None)
@given(emvco_payloads())
def test_built_payloads_parse_and_round_trip_byte_exact(case: tuple[str, str, str]) -> None:
    raw, name, city = case
    payload = parse_payment_payload(raw)
    assert payload.kind == "emvco"
    assert payload.raw == raw
    assert (payload.merchant_name, payload.city, payload.currency) == (name, city, "KRW")
    spec = payment_spec(payload.raw)
    assert spec.ec == "M" and not spec.logo
    assert build_matrix(spec).logo_box is None
    verified = render_verified(spec, module_px=3)
    assert verified.text == raw
