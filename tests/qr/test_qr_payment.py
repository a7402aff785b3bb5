"""Payment payloads: opaque text kept byte for byte, refusals, and reading the kit from an image."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from qr_helpers import zero_pay_like

from kiosk.domain.qr.kakao import KakaoChannelError, parse_channel_id
from kiosk.domain.qr.payment import PaymentQrError, parse_payment_payload
from kiosk.domain.qr.text_gate import code_text_problem
from kiosk.render.decode import ImageInputError, decode_image_file, payment_payload_from_image
from kiosk.render.qr import build_matrix, kakao_spec, payment_spec, render_qr_image
from kiosk.render.verify import QrVerificationError, render_verified, verify_image


def test_opaque_korean_payload_round_trips_unchanged() -> None:
    text = "제로페이 가맹점 코드: 감귤상회 #12 (제주) テスト 中文"
    payload = parse_payment_payload(f"  {text}\n")
    assert payload.kind == "opaque"
    assert payload.raw == text
    assert "not recognised" in payload.note
    assert render_verified(payment_spec(payload.raw)).text == text


def test_inside_of_a_paste_is_never_normalised() -> None:
    text = "ZP  A\u3000B  ｆｕｌｌ"  # double spaces, ideographic space, full-width letters
    assert parse_payment_payload(text).raw == text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "payment payload is empty"),
        (" \n ", "payment payload is empty"),
        ("abc\x00def", "U+0000 at position 4"),
        ("abc\ndef", "U+000A at position 4"),
        ("x" * 513, "513 characters long; at most 512"),
        ("000201" + "x" * 1100, "characters long; at most 1024"),
        ("000201010211", "tag 63 (CRC) is missing"),
    ],
)
def test_refused_payloads_say_why(text: str, message: str) -> None:
    with pytest.raises(PaymentQrError) as info:
        parse_payment_payload(text)
    assert message in str(info.value)


def _not_a_link(text: str) -> bool:
    """Channel IDs/links and web links are refused on purpose (test_payment_payload_hardening)."""
    try:
        parse_channel_id(text)
    except KakaoChannelError:
        return (
            not text.lower().startswith(("http:", "https:", "www."))
            and "pf.kakao.com" not in text.lower()
        )
    return False


# Cf (invisible and bidi controls) is refused on purpose too, so it is left out here, and so
# is everything else the code text gate refuses (combining marks, private use, Hangul fillers).
@settings(max_examples=40, deadline=None)
@given(
    st.text(
        st.characters(
            codec="utf-8",
            exclude_categories=("Cc", "Cf", "Cs", "Cn", "Zl", "Zp", "Zs", "Mn", "Me", "Co"),
        ),
        min_size=1,
        max_size=120,
    )
    .filter(lambda s: not s.startswith("000201"))
    .filter(_not_a_link)
    .filter(lambda s: code_text_problem(s) is None)
)
def test_any_printable_opaque_payload_round_trips(text: str) -> None:
    payload = parse_payment_payload(text)
    assert payload.raw == text
    assert render_verified(payment_spec(payload.raw), module_px=3).text == text


def test_verification_refuses_a_different_text() -> None:
    image = render_qr_image(build_matrix(payment_spec("PAY-123")), 4)
    with pytest.raises(QrVerificationError, match="decoded 'PAY-123', expected 'PAY-124'"):
        verify_image(image, "PAY-124")


# --- images of the kit --------------------------------------------------------------


def _save(path: Path, *texts: str, module: int = 6) -> Path:
    images = [render_qr_image(build_matrix(payment_spec(t)), module) for t in texts]
    width = sum(i.width() for i in images) + 40 * len(images)
    height = max(i.height() for i in images) + 40
    canvas = Image.new("L", (width, height), 255)
    x = 20
    for qimage in images:
        qimage.save(str(path) + ".part.png")
        with Image.open(str(path) + ".part.png") as part:
            canvas.paste(part.convert("L"), (x, 20))
        x += qimage.width() + 40
    fmt = "JPEG" if path.suffix.lower() in (".jpg", ".jpeg") else "PNG"
    canvas.save(path, fmt)
    return path


def test_payload_from_a_photo_of_the_kit(tmp_path: Path) -> None:
    raw = zero_pay_like()
    payload = payment_payload_from_image(_save(tmp_path / "kit.jpg", raw))
    assert payload.raw == raw
    assert payload.kind == "emvco" and payload.merchant_name == "제주감귤상회"


def test_same_code_twice_counts_once(tmp_path: Path) -> None:
    raw = zero_pay_like()
    assert decode_image_file(_save(tmp_path / "two.png", raw, raw)) == [raw]


def test_image_without_qr(tmp_path: Path) -> None:
    path = tmp_path / "blank.png"
    Image.new("L", (300, 200), 200).save(path)
    with pytest.raises(ImageInputError, match="no QR code found in"):
        payment_payload_from_image(path)


def test_image_with_two_different_codes(tmp_path: Path) -> None:
    path = _save(tmp_path / "two.png", zero_pay_like(), "https://pf.kakao.com/_ZeUTxl/friend")
    with pytest.raises(ImageInputError, match="holds 2 different QR codes"):
        payment_payload_from_image(path)


def test_too_many_pixels(tmp_path: Path) -> None:
    path = tmp_path / "huge.png"
    Image.new("L", (8000, 5100), 255).save(path)
    with pytest.raises(ImageInputError, match=r"8000x5100 pixels \(41 MP\); images over 40 MP"):
        decode_image_file(path)


def test_too_large_file(tmp_path: Path) -> None:
    path = tmp_path / "big.png"
    with path.open("wb") as fh:
        fh.truncate(26 * 1024 * 1024)
    with pytest.raises(ImageInputError, match=r"26\.0 MB; images over 25 MB are refused"):
        decode_image_file(path)


def test_not_an_image(tmp_path: Path) -> None:
    path = tmp_path / "notes.png"
    path.write_text("this is not a picture", encoding="utf-8")
    with pytest.raises(ImageInputError, match="is not a PNG or JPEG image"):
        decode_image_file(path)


def test_other_image_formats_and_pdf_are_refused(tmp_path: Path) -> None:
    gif = tmp_path / "code.gif"
    Image.new("L", (50, 50), 255).save(gif)
    with pytest.raises(ImageInputError, match="is a GIF image; use PNG or JPEG"):
        decode_image_file(gif)
    pdf = tmp_path / "kit.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    with pytest.raises(ImageInputError, match="is a PDF"):
        decode_image_file(pdf)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImageInputError, match="cannot read"):
        decode_image_file(tmp_path / "nope.png")


def test_kakao_code_in_a_1_bit_image_still_decodes(tmp_path: Path) -> None:
    url = "https://pf.kakao.com/_ZeUTxl/friend"
    path = tmp_path / "mono.png"
    render_qr_image(build_matrix(kakao_spec(url)), 6).save(str(path))
    with Image.open(path) as im:
        im.convert("1", dither=Image.Dither.NONE).save(path)
    assert decode_image_file(path) == [url]
