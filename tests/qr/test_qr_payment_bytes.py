"""Scanned payment codes are read as raw bytes: real QR images decoded with zxing-cpp."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
import qrcode
import zxingcpp
from PIL import Image
from qr_helpers import zero_pay_like

from kiosk.cli.qr import add_qr_parser
from kiosk.domain.qr.payment import PaymentQrError
from kiosk.render.decode import decode_image_bytes, decode_image_file, payment_payload_from_image


def byte_qr(path: Path, data: bytes) -> Path:
    """A QR image holding *data* in byte mode, exactly (qrcode + Pillow, no ECI)."""
    code = qrcode.QRCode(border=4, box_size=6, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(qrcode.util.QRData(data, mode=qrcode.util.MODE_8BIT_BYTE))
    code.make(fit=True)
    image = code.make_image(fill_color="black", back_color="white").get_image().convert("L")
    image.save(path)
    return path


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="market-kiosk")
    add_qr_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    result: int = args.func(args)
    return result


EUC_KR = "제주 감귤 상회".encode("euc-kr")
LATIN_1 = "Café DEMO €".encode("latin-1", errors="replace")


def test_the_decoder_text_would_have_changed_these_payloads(tmp_path: Path) -> None:
    # Why the bytes path exists: zxing-cpp's text guesses a character set and rewrites controls.
    for name, data in (("euc", EUC_KR), ("esc", b"PAY\x1b[31mDEMO")):
        path = byte_qr(tmp_path / f"{name}.png", data)
        with Image.open(path) as image:
            (result,) = zxingcpp.read_barcodes(image.convert("L"))
        assert bytes(result.bytes) == data
        assert result.text.encode("utf-8") != data


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (EUC_KR, "not UTF-8 text (byte 0xC1 at byte offset 0)"),
        (b"ZP-" + "가맹점".encode("euc-kr"), "not UTF-8 text (byte 0xB0 at byte offset 3)"),
        (LATIN_1, "not UTF-8 text (byte 0xE9 at byte offset 3)"),
        (b"PAY\x1b[31mDEMO", 'control byte 0x1B at byte offset 3 ("escape")'),
        (b"PAY-123\r\n", 'control byte 0x0D at byte offset 7 ("carriage return")'),
        (b"ZP\x00DEMO", 'control byte 0x00 at byte offset 2 ("null")'),
        (b" PAY-123", "starts or ends with a space"),
        ("\u200bPAY-123".encode(), 'U+200B at position 1 ("zero-width space")'),
        (b"https://pf.kakao.com/_ZeUTxl/friend", "KakaoTalk channel link"),
    ],
)
def test_refused_symbols_name_the_byte(tmp_path: Path, data: bytes, expected: str) -> None:
    path = byte_qr(tmp_path / "kit.png", data)
    assert decode_image_bytes(path) == [data]
    with pytest.raises(PaymentQrError) as info:
        payment_payload_from_image(path)
    assert expected in str(info.value)


def test_invisible_prefix_before_a_broken_emvco_payload_is_refused(tmp_path: Path) -> None:
    raw = zero_pay_like()
    broken = raw[:-4] + ("0000" if not raw.endswith("0000") else "FFFF")
    path = byte_qr(tmp_path / "kit.png", ("\u2060" + broken).encode())
    with pytest.raises(PaymentQrError, match=r"tag 63 \(CRC\): expected"):
        payment_payload_from_image(path)


@pytest.mark.parametrize(
    "text", [zero_pay_like(), zero_pay_like("DEMO STORE", "JEJU"), "ZP-DEMO 결제 コード 付款"]
)
def test_valid_payload_round_trips_byte_for_byte(tmp_path: Path, text: str) -> None:
    path = byte_qr(tmp_path / "kit.png", text.encode("utf-8"))
    payload = payment_payload_from_image(path)
    assert payload.raw.encode("utf-8") == text.encode("utf-8")
    assert decode_image_file(path) == [text]


def test_cli_pay_from_image_refuses_euc_kr_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    image = byte_qr(tmp_path / "kit.png", EUC_KR)
    out = tmp_path / "pay.png"
    assert run(["qr", "pay", "--from-image", str(image), "--out", str(out)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "byte 0xC1 at byte offset 0" in err[0]
    assert not out.exists()


def test_cli_pay_from_image_keeps_a_valid_payload_exactly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = zero_pay_like()
    image = byte_qr(tmp_path / "kit.png", raw.encode("utf-8"))
    out = tmp_path / "pay.png"
    assert run(["qr", "pay", "--from-image", str(image), "--out", str(out)]) == 0
    assert decode_image_bytes(out) == [raw.encode("utf-8")]
    assert "EMVCo: 제주감귤상회, 제주, KR, KRW, static" in capsys.readouterr().out


def test_cli_decode_prints_control_characters_as_escapes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    image = byte_qr(tmp_path / "odd.png", "A\u202eB\u200bC".encode())
    assert run(["qr", "decode", str(image)]) == 0
    assert capsys.readouterr().out.splitlines() == ["A\\u202eB\\u200bC"]


def test_cli_errors_are_printed_terminal_safe(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "p.png"
    assert run(["qr", "pay", "--payload", "x\u202eevil", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "\u202e" not in err and "U+202E" in err
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize(
    ("channel", "extra", "content"),
    [
        ("https://pf.kakao.com/_ZeUTxl/chat", [], "https://pf.kakao.com/_ZeUTxl/chat"),
        ("https://pf.kakao.com/_ZeUTxl/friend", [], "https://pf.kakao.com/_ZeUTxl/friend"),
        ("https://pf.kakao.com/_ZeUTxl", [], "https://pf.kakao.com/_ZeUTxl"),
        ("_ZeUTxl", [], "https://pf.kakao.com/_ZeUTxl/friend"),
        (
            "https://pf.kakao.com/_ZeUTxl/chat",
            ["--link", "friend"],
            "https://pf.kakao.com/_ZeUTxl/friend",
        ),
        ("_ZeUTxl", ["--link", "home"], "https://pf.kakao.com/_ZeUTxl"),
    ],
)
def test_cli_kakao_keeps_the_page_of_a_pasted_link_unless_link_is_given(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    channel: str,
    extra: list[str],
    content: str,
) -> None:
    out = tmp_path / "kakao.png"
    assert run(["qr", "kakao", channel, "--out", str(out), *extra]) == 0
    assert f"content: {content}" in capsys.readouterr().out
    assert decode_image_file(out) == [content]
