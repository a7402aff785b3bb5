"""The QR encoders: libqrencode (ctypes) and the pure-Python fallback give the same symbols."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import qrcode
from qr_helpers import MARKET, make_store, zero_pay_like

from kiosk.domain.qr import symbols
from kiosk.domain.qr.encoder import (
    QrTooLong,
    encode,
    library_paths,
    load_libqrencode,
    open_libqrencode,
)
from kiosk.domain.qr.kakao import KakaoLink, channel_url
from kiosk.domain.qr.symbols import (
    QrSpec,
    cleared,
    dark_runs,
    encode_matrix,
    kakao_spec,
    payment_spec,
)
from kiosk.domain.site import stall_page_spec
from kiosk.render.pdf_check import verify_pdf
from kiosk.render.qr import render_qr_image
from kiosk.render.stands import render_stands
from kiosk.render.verify import decode_qimage

LIB = load_libqrencode()
needs_libqrencode = pytest.mark.skipif(
    LIB is None, reason="libqrencode.so.4 is not installed (Debian: libqrencode4)"
)
#: KakaoTalk at H with the mark; Zero Pay (EMVCo) at M; a stall page link at M.
SPECS = [
    kakao_spec(channel_url("_ZeUTxl", KakaoLink.FRIEND)),
    kakao_spec(channel_url("_Abc123", KakaoLink.CHAT)),
    payment_spec(zero_pay_like()),
    payment_spec(zero_pay_like("한라봉 농원 직판장", "서귀포")),
    stall_page_spec("https://dongmun.example.kr/stalls/a-12/"),
]
LEVELS = {
    "L": qrcode.constants.ERROR_CORRECT_L,
    "M": qrcode.constants.ERROR_CORRECT_M,
    "Q": qrcode.constants.ERROR_CORRECT_Q,
    "H": qrcode.constants.ERROR_CORRECT_H,
}


def python_qrcode(spec: QrSpec, version: int, mask: int) -> bytes:
    """python-qrcode's own symbol of *spec* at *version* and *mask*, eight-bit mode."""
    code = qrcode.QRCode(version, LEVELS[spec.ec], border=0, mask_pattern=mask)
    code.add_data(spec.text.encode("utf-8"), optimize=0)
    code.make(fit=False)
    return bytes(bool(v) for row in code.get_matrix() for v in row)


@needs_libqrencode
@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.text[:24])
def test_libqrencode_gives_python_qrcodes_symbol_for_its_mask(spec: QrSpec) -> None:
    ours = encode_matrix(spec, LIB)
    fallback = encode_matrix(spec, None)
    assert (ours.encoder, fallback.encoder) == ("libqrencode", "python-qrcode")
    assert ours.version == fallback.version and ours.size == 17 + 4 * ours.version
    # The masks may be chosen differently (each scores the eight its own way); for
    # libqrencode's mask, python-qrcode lays out exactly the same modules.
    same = [m for m in range(8) if python_qrcode(spec, ours.version, m) == ours.modules]
    assert len(same) == 1


@pytest.mark.parametrize("with_c", [True, False], ids=["libqrencode", "python"])
@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.text[:24])
def test_every_symbol_decodes_to_its_text_at_its_level(
    gui_app: object, spec: QrSpec, with_c: bool
) -> None:
    if with_c and LIB is None:
        pytest.skip("libqrencode.so.4 is not installed")
    matrix = encode_matrix(spec, LIB if with_c else None)
    for module_px in (4, 8):
        found = decode_qimage(render_qr_image(matrix, module_px))
        assert [(f.data, f.ec_level) for f in found] == [(spec.text.encode("utf-8"), spec.ec)]


def test_a_library_that_does_not_load_is_none_and_python_encodes() -> None:
    missing = open_libqrencode(["/nonexistent/libqrencode.so.4", "libqrencode-none.so"])
    assert missing is None
    encoded = encode(b"https://pf.kakao.com/_ZeUTxl/friend", "H", missing)
    assert encoded.encoder == "python-qrcode" and encoded.width == 37


def test_the_frozen_apps_own_copy_is_tried_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys._MEIPASS", "/opt/kiosk", raising=False)
    paths = library_paths()
    assert paths[0] == str(Path("/opt/kiosk") / "libqrencode.so.4")
    assert "libqrencode.so.4" in paths and "qrencode.dll" in paths


@pytest.mark.parametrize("with_c", [True, False], ids=["libqrencode", "python"])
def test_too_long_a_text_is_refused_by_both(with_c: bool) -> None:
    if with_c and LIB is None:
        pytest.skip("libqrencode.so.4 is not installed")
    lib = LIB if with_c else None
    assert encode(b"x" * 2331, "M", lib).version == 40  # the most version 40-M holds
    with pytest.raises(QrTooLong, match="2332 bytes does not fit"):
        encode(b"x" * 2332, "M", lib)
    with pytest.raises(ValueError, match="does not fit"):
        encode_matrix(payment_spec("x" * 3000), lib)


def test_runs_cover_the_dark_modules_outside_the_mark() -> None:
    matrix = encode_matrix(SPECS[0], LIB)
    assert matrix.logo_box is not None
    start, side = matrix.logo_box
    covered = {(x + i, y) for x, y, w in matrix.runs for i in range(w)}
    dark = {
        (x, y)
        for y in range(matrix.size)
        for x in range(matrix.size)
        if matrix.modules[y * matrix.size + x]
        and not (start <= x < start + side and start <= y < start + side)
    }
    assert covered == dark


@pytest.fixture
def without_libqrencode(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The app as on a computer without the library: the loader really finds none."""
    symbols.build_matrix.cache_clear()
    monkeypatch.setattr(symbols, "load_libqrencode", lambda: open_libqrencode(["/nonexistent"]))
    yield
    symbols.build_matrix.cache_clear()


def test_stands_without_libqrencode_are_written_and_checked(
    gui_app: object, tmp_path: Path, without_libqrencode: None
) -> None:
    stores = [make_store(n, kakao=f"_Fall{n:03d}", payment=zero_pay_like()) for n in (1, 2)]
    out = tmp_path / "stands.pdf"
    result = render_stands(stores, MARKET, out)
    assert (result.pages, result.codes_verified) == (2, 3)  # both stores share one payload
    assert symbols.build_matrix(kakao_spec(channel_url("_Fall001"))).encoder == "python-qrcode"
    expected = [[channel_url(f"_Fall{n:03d}"), zero_pay_like()] for n in (1, 2)]
    assert verify_pdf(out, expected) == 4


def _runs_one_by_one(modules: bytes, size: int) -> bytes:
    """The reference: each row walked module by module."""
    found = bytearray()
    for y in range(size):
        x = 0
        while x < size:
            if modules[y * size + x]:
                end = x
                while end < size and modules[y * size + end]:
                    end += 1
                found += bytes([x, y, end - x])
                x = end
            else:
                x += 1
    return bytes(found)


@pytest.mark.parametrize(
    "modules",
    [
        bytes([1, 1, 1, 0, 1, 1, 1, 1, 1]),  # a row ends dark and the next begins dark
        bytes(9),  # nothing dark
        bytes([1]) * 9,  # all dark: one run a row
        bytes([0, 1, 0, 1, 0, 1, 0, 1, 0]),
    ],
)
def test_runs_stop_at_each_row_end(modules: bytes) -> None:
    assert dark_runs(modules, 3, None) == _runs_one_by_one(modules, 3)


def test_runs_are_each_row_walked_module_by_module() -> None:
    for spec in (*SPECS, payment_spec("x" * 2331)):  # up to version 40, 177 modules
        matrix = encode_matrix(spec, LIB)
        grid = cleared(matrix.modules, matrix.size, matrix.logo_box)
        assert matrix.run_bytes == _runs_one_by_one(grid, matrix.size)


@pytest.mark.parametrize("with_c", [True, False], ids=["libqrencode", "python"])
def test_a_least_version_is_kept_and_a_text_too_long_for_it_gets_more(
    gui_app: object, with_c: bool
) -> None:
    if with_c and LIB is None:
        pytest.skip("libqrencode.so.4 is not installed")
    lib = LIB if with_c else None
    short = encode_matrix(QrSpec("https://naver.me/x", "M"), lib)
    floored = encode_matrix(QrSpec("https://naver.me/x", "M", version=short.version + 2), lib)
    assert (floored.version, floored.size) == (short.version + 2, short.size + 8)
    assert [f.data for f in decode_qimage(render_qr_image(floored, 4))] == [b"https://naver.me/x"]
    long = encode_matrix(QrSpec("https://example.com/" + "a" * 200, "M", version=1), lib)
    assert long.version > 1  # a floor, never a cut


def test_a_version_outside_1_to_40_is_refused() -> None:
    with pytest.raises(ValueError, match="1 to 40"):
        QrSpec("https://naver.me/x", "M", version=41)
