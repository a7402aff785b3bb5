"""QR files: PNG at 300 dpi, SVG that parses and decodes, vector PDF, atomic writes."""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from kiosk.render.atomic import OutputPathError, write_verified
from kiosk.render.export import QrFormatError, save_qr
from kiosk.render.qr import kakao_spec, payment_spec
from kiosk.render.verify import decode_qimage

URL = "https://pf.kakao.com/_ZeUTxl/friend"
KOREAN = "결제코드 감귤상회 12번"

needs_pdftoppm = pytest.mark.skipif(
    shutil.which("pdftoppm") is None,
    reason="pdftoppm (Debian poppler-utils) is not installed: PDF files not rasterised",
)


def rasterise_pdf(pdf: Path, out_dir: Path, dpi: int = 150) -> list[Path]:
    """Rasterise every page with pdftoppm; return the page PNGs in order."""
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(out_dir / "page")], check=True
    )
    return sorted(out_dir.glob("page-*.png"))


def decode_file(path: Path) -> list[str]:
    with Image.open(path) as im:
        return [r.text for r in zxingcpp.read_barcodes(im.convert("L"))]


@pytest.mark.parametrize("spec", [kakao_spec(URL), payment_spec(KOREAN)], ids=["kakao", "korean"])
def test_png_is_300_dpi_and_decodes(tmp_path: Path, spec: object) -> None:
    out = tmp_path / "code.png"
    saved = save_qr(spec, out)  # type: ignore[arg-type]
    assert saved.fmt == "png" and saved.symbol_mm >= 30
    with Image.open(out) as im:
        assert im.info["dpi"][0] == pytest.approx(300, abs=0.1)
    assert decode_file(out) == [saved.text]
    assert oct(out.stat().st_mode & 0o777) == oct(0o666 & ~_umask())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["code.png"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@pytest.mark.parametrize("spec", [kakao_spec(URL), payment_spec(KOREAN)], ids=["kakao", "korean"])
def test_svg_parses_as_xml_and_decodes_when_rasterised(tmp_path: Path, spec: object) -> None:
    out = tmp_path / "code.svg"
    saved = save_qr(spec, out)  # type: ignore[arg-type]
    root = ET.parse(out).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("width", "").endswith("mm")
    renderer = QSvgRenderer(str(out))
    assert renderer.isValid()
    image = QImage(400, 400, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    assert [d.text for d in decode_qimage(image)] == [saved.text]


def test_pdf_is_vector(tmp_path: Path) -> None:
    out = tmp_path / "code.pdf"
    save_qr(payment_spec(KOREAN), out)
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    # No embedded bitmap: the modules are vector rectangles.
    assert b"/Subtype /Image" not in data and b"/Subtype/Image" not in data


@needs_pdftoppm
@pytest.mark.parametrize("spec", [kakao_spec(URL), payment_spec(KOREAN)], ids=["kakao", "korean"])
def test_pdf_file_decodes_when_rasterised(tmp_path: Path, spec: object) -> None:
    out = tmp_path / "code.pdf"
    saved = save_qr(spec, out)  # type: ignore[arg-type]
    pages = rasterise_pdf(out, tmp_path)
    assert len(pages) == 1
    assert decode_file(pages[0]) == [saved.text]


def test_unknown_extension_is_refused_without_a_file(tmp_path: Path) -> None:
    with pytest.raises(QrFormatError, match=r"unsupported output format '\.jpg'"):
        save_qr(kakao_spec(URL), tmp_path / "code.jpg")
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputPathError, match="does not exist"):
        save_qr(kakao_spec(URL), tmp_path / "missing" / "code.png")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into read-only folders")
def test_unwritable_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(OutputPathError, match="not writable"):
            save_qr(kakao_spec(URL), folder / "code.png")
    finally:
        folder.chmod(0o700)


def test_failed_check_leaves_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "code.png"
    target.write_bytes(b"old")

    class Boom(Exception):
        pass

    def refuse(tmp: Path) -> None:
        assert tmp.read_bytes() == b"new"  # the check sees the bytes as written
        raise Boom

    with pytest.raises(Boom):
        write_verified(target, b"new", refuse)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["code.png"]


def test_data_that_does_not_fit_is_refused() -> None:
    with pytest.raises(ValueError, match="does not fit in a QR code"):
        save_qr(payment_spec("x" * 3000), Path("/nonexistent/never.png"))
