"""Printed stands: every page, rasterised from the PDF file, decodes to the stored payloads."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from qr_helpers import MARKET, make_store, zero_pay_like

from kiosk.domain.qr.kakao import channel_url, parse_channel_id
from kiosk.render import stands_text
from kiosk.render.stands import (
    StandsError,
    printable_stores,
    render_stands,
)

needs_pdftoppm = pytest.mark.skipif(
    shutil.which("pdftoppm") is None,
    reason="pdftoppm (Debian poppler-utils) is not installed: stands PDF not rasterised",
)

STORES = [
    make_store(1, kakao="_ZeUTxl", payment=zero_pay_like("감귤상회", "제주")),
    make_store(2, kakao="https://pf.kakao.com/_Abc123/chat", payment=None),
    make_store(3, kakao=None, payment="한국어 불투명 결제 코드 #3"),
    make_store(4, kakao=None, payment=None),  # nothing to print: no page
    make_store(5, kakao="_Inactive1", active=False),  # inactive: no page
]


def expected_codes(store_index: int) -> set[str]:
    store = STORES[store_index]
    codes = set()
    if store.kakao_channel_id:
        codes.add(channel_url(parse_channel_id(store.kakao_channel_id)))
    if store.payment_qr_payload:
        codes.add(store.payment_qr_payload)
    return codes


def page_codes(pdf: Path, folder: Path) -> list[set[str]]:
    subprocess.run(
        ["pdftoppm", "-r", "150", "-gray", "-png", str(pdf), str(folder / "p")], check=True
    )
    pages = []
    for png in sorted(folder.glob("p-*.png")):
        with Image.open(png) as im:
            pages.append({r.text for r in zxingcpp.read_barcodes(im.convert("L"))})
    return pages


def test_print_copy_exists_in_all_five_languages() -> None:
    stands_text.check_complete()


def test_printable_stores_are_active_with_a_code() -> None:
    assert [s.id for s in printable_stores(STORES)] == [1, 2, 3]


@needs_pdftoppm
@pytest.mark.parametrize("size", ["a6", "a4"])
def test_every_page_decodes_to_the_stored_payloads(
    gui_app: object, tmp_path: Path, size: str
) -> None:
    out = tmp_path / f"stands-{size}.pdf"
    seen: list[tuple[int, int]] = []
    result = render_stands(
        STORES,
        MARKET,
        out,
        size=size,  # type: ignore[arg-type]
        progress=lambda done, total: seen.append((done, total)),
    )
    assert result.pages == 3 and result.codes_verified == 4
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert page_codes(out, tmp_path) == [expected_codes(0), expected_codes(1), expected_codes(2)]
    data = out.read_bytes()
    assert b"/Subtype /Image" not in data  # QR codes and badges are vectors, not bitmaps


@needs_pdftoppm
def test_page_sizes(gui_app: object, tmp_path: Path) -> None:
    for size, expected in (
        ("a6", "297 x 420 pts"),
        ("a5", "420 x 595 pts"),
        ("a4", "595 x 842 pts"),
    ):
        out = tmp_path / f"{size}.pdf"
        render_stands(STORES[:1], MARKET, out, size=size)  # type: ignore[arg-type]
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
        assert expected in info.stdout


def test_a_store_with_a_bad_channel_is_named_and_nothing_is_written(
    gui_app: object, tmp_path: Path
) -> None:
    out = tmp_path / "stands.pdf"
    bad = make_store(7, kakao="https://pf.kakao.com@evil.example/_x")
    with pytest.raises(StandsError, match="store 7 감귤 상회 7: the link has user-info"):
        render_stands([STORES[0], bad], MARKET, out)
    assert list(tmp_path.iterdir()) == []


def test_a_store_with_a_bad_payment_payload_is_named(gui_app: object, tmp_path: Path) -> None:
    raw = zero_pay_like()
    bad = make_store(8, kakao=None, payment=raw[:-4] + "0000")
    with pytest.raises(StandsError, match=r"store 8 .*tag 63 \(CRC\): expected"):
        render_stands([bad], MARKET, tmp_path / "stands.pdf")
    assert list(tmp_path.iterdir()) == []


def test_nothing_to_print_is_an_error(gui_app: object, tmp_path: Path) -> None:
    with pytest.raises(StandsError, match="no active store has a KakaoTalk channel or payment QR"):
        render_stands(STORES[3:], MARKET, tmp_path / "stands.pdf")
    assert list(tmp_path.iterdir()) == []


def test_a_lone_payment_code_with_every_method_fits_above_the_footer(
    gui_app: object, tmp_path: Path
) -> None:
    """Regression: eight method badges wrapped into a third row and overprinted the
    laminate reminder (동문 A-5 in the demo); now the lone code shrinks, never below 3 cm."""
    from dataclasses import replace

    from PySide6.QtGui import QImage, QPainter

    from kiosk.domain.payments import PaymentMethod
    from kiosk.render import stands

    store = replace(
        make_store(9, kakao=None, payment=zero_pay_like()), payment_methods=tuple(PaymentMethod)
    )
    kakao, payment = stands.store_codes(store)
    image = QImage(round(stands.mm(105)), round(stands.mm(148)), QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        codes = stands.StandPage(store, kakao, payment)
        fits = stands.draw_stand(painter, codes, MARKET)
    finally:
        painter.end()
    assert fits
    if shutil.which("pdftoppm") is None:
        return
    out = tmp_path / "one.pdf"
    render_stands([store], MARKET, out, size="a6")
    subprocess.run(
        ["pdftoppm", "-r", "300", "-gray", "-png", str(out), str(tmp_path / "p")], check=True
    )
    with Image.open(next(tmp_path.glob("p-*.png"))) as im:
        (result,) = zxingcpp.read_barcodes(im.convert("L"))
    xs = [result.position.top_left.x, result.position.top_right.x]
    assert result.text == store.payment_qr_payload
    assert (max(xs) - min(xs)) / 300 * 25.4 >= 30.0
