"""QR benchmark: one KakaoTalk code, and 300 stands (600 codes) to a checked PDF, beside anchors.

Run: .venv/bin/python benchmarks/bench_qr.py [--runs 30] [--stand-runs 3] [--json]

Every figure is the median of its runs; project and anchors run in turn in the same
process, each on texts it has not seen (no cache hits). ``--json`` prints ``code_ms``,
``stands_s``, ``stands`` and ``codes`` as {"project": ..., "<anchor>": ...} objects
(plus ``encode_ms``, the encoder alone).

* One code, build + render + verify (goal: < 0.5x segno's pipeline). The project is
  ``render_verified(kakao_spec(url))``: matrix, raster with the channel mark, zxing-cpp
  decode compared byte for byte. Each anchor encodes the same URL at level H in-process,
  rasterises the matrix at 8 px a module with Pillow and decodes it with zxing-cpp:
  python-qrcode, segno (when it is installed; it is not in the lock) and libqrencode
  through ctypes (when the library is on the system).
* Stands (goal: < 0.5x the python-qrcode writer). The project is ``render_stands`` for
  300 stores with a KakaoTalk channel and a Zero Pay payload each: every code decoded
  back before drawing, the designed A6 page, the PDF written, opened with PDFium and
  every code decoded on its page. The anchors are a minimal PySide6 PDF writer doing
  the same work without the design: per store both codes encoded and decoded back as
  above, drawn as one rectangle per dark run with the stall number, the file written
  and checked the same way (PDFium at 800 px a page, zxing-cpp, codes per page).

Encoder choice (the figures of these runs, in docs/architecture.md "QR encoder"):
libqrencode in-process when it loads, python-qrcode otherwise.
"""

from __future__ import annotations

import argparse
import ctypes
import io
import json
import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

#: The demo payment payloads are test support (tests/factories), not shipped code.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

STORES = 300
MODULE_PX = 8
PAGE_WIDTH_PX = 800
Matrix = list[list[bool]]  # with its quiet zone
Encoder = Callable[[str, str], Matrix]


def kakao_url(n: int) -> str:
    return f"https://pf.kakao.com/_Bench{n:05d}/friend"


# --- anchors: three in-process encoders -------------------------------------------------


def encode_qrcode(text: str, level: str) -> Matrix:
    import qrcode

    levels = {"M": qrcode.constants.ERROR_CORRECT_M, "H": qrcode.constants.ERROR_CORRECT_H}
    code = qrcode.QRCode(error_correction=levels[level], border=4)
    code.add_data(text.encode("utf-8"))
    code.make(fit=True)
    return code.get_matrix()


def encode_segno(text: str, level: str) -> Matrix:
    import segno

    code = segno.make_qr(text, error=level.lower(), boost_error=False)
    return [[bool(v) for v in row] for row in code.matrix_iter(border=4)]


class _QRcode(ctypes.Structure):
    _fields_ = [
        ("version", ctypes.c_int),
        ("width", ctypes.c_int),
        ("data", ctypes.POINTER(ctypes.c_ubyte)),
    ]


def load_libqrencode() -> ctypes.CDLL | None:
    try:
        lib = ctypes.CDLL("libqrencode.so.4")
    except OSError:
        return None
    lib.QRcode_encodeData.restype = ctypes.POINTER(_QRcode)
    lib.QRcode_encodeData.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_int]
    lib.QRcode_free.argtypes = [ctypes.POINTER(_QRcode)]
    return lib


def libqrencode_encoder(lib: ctypes.CDLL) -> Encoder:
    def encode(text: str, level: str) -> Matrix:
        data = text.encode("utf-8")
        symbol = lib.QRcode_encodeData(len(data), data, 0, {"M": 1, "H": 3}[level])
        width = symbol.contents.width
        raw = ctypes.string_at(symbol.contents.data, width * width)
        lib.QRcode_free(symbol)
        quiet = [False] * 4
        rows = [
            quiet + [bool(b & 1) for b in raw[y * width : (y + 1) * width]] + quiet
            for y in range(width)
        ]
        blank = [False] * (width + 8)
        return [blank] * 4 + rows + [blank] * 4

    return encode


def anchor_encoders() -> tuple[dict[str, Encoder], list[str]]:
    """The anchors this machine has, and notes on those it lacks."""
    encoders: dict[str, Encoder] = {"python-qrcode": encode_qrcode}
    notes: list[str] = []
    try:
        import segno  # noqa: F401
    except ImportError:
        notes.append("segno: NOT INSTALLED (not in the lock) - no segno anchor this run")
    else:
        encoders["segno"] = encode_segno
    lib = load_libqrencode()
    if lib is None:
        notes.append("libqrencode.so.4: NOT FOUND (apt-get install libqrencode4) - no C anchor")
    else:
        encoders["libqrencode"] = libqrencode_encoder(lib)
    return encoders, notes


def verify_rows(rows: Matrix, text: str, module_px: int = MODULE_PX) -> None:
    """Rasterise at *module_px* a module with Pillow and decode with zxing-cpp, byte for byte."""
    import zxingcpp
    from PIL import Image

    n = len(rows)
    gray = bytes(0 if dark else 255 for row in rows for dark in row)
    image = Image.frombytes("L", (n, n), gray).resize(
        (n * module_px,) * 2, Image.Resampling.NEAREST
    )
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    if [bytes(r.bytes) for r in found] != [text.encode("utf-8")]:
        raise AssertionError(f"anchor code does not decode back: {text!r}")


# --- one code --------------------------------------------------------------------------


def _settled() -> float:
    """The clock after a 2 ms sleep: on a busy machine a process that has just run for a
    while (the pure-Python anchors take 5-40 ms) is often descheduled for a whole time
    slice (~25 ms) within its next millisecond, whoever runs then; sleeping first gives
    every contender the same fresh start."""
    time.sleep(0.002)
    return time.perf_counter()


def bench_code(
    runs: int, encoders: dict[str, Encoder]
) -> tuple[dict[str, float], dict[str, float]]:
    from kiosk.render.qr import build_matrix, kakao_spec
    from kiosk.render.verify import render_verified

    pipeline: dict[str, list[float]] = {
        "project": [],
        **{f"{name} + zxing": [] for name in encoders},
    }
    encode: dict[str, list[float]] = {"project": [], **{name: [] for name in encoders}}
    for i in range(runs):
        url = kakao_url(i)
        start = _settled()
        render_verified(kakao_spec(url))
        pipeline["project"].append(time.perf_counter() - start)
        start = _settled()
        build_matrix(kakao_spec(url + "?e"))
        encode["project"].append(time.perf_counter() - start)
        for name, encoder in encoders.items():
            start = _settled()
            verify_rows(encoder(url, "H"), url)
            pipeline[f"{name} + zxing"].append(time.perf_counter() - start)
            start = _settled()
            encoder(url + "?e", "H")
            encode[name].append(time.perf_counter() - start)
    return (
        {k: statistics.median(v) * 1000 for k, v in pipeline.items()},
        {k: statistics.median(v) * 1000 for k, v in encode.items()},
    )


# --- stands ----------------------------------------------------------------------------


def stand_stores(first: int) -> list[object]:
    """STORES active stores numbered from *first*, each with a channel and a payment payload."""
    from factories.markets import demo_payment_payload

    from kiosk.domain.categories import Category
    from kiosk.domain.hours import OpeningHours
    from kiosk.domain.listing import StoreDetail
    from kiosk.domain.payments import PaymentMethod
    from kiosk.domain.text import LocalizedText

    return [
        StoreDetail(
            id=n,
            market_slug="bench",
            market_name=LocalizedText({"ko": "벤치 시장", "en": "Bench Market"}),
            stall_number=f"A-{n}",
            category=Category.TANGERINES,
            name=LocalizedText({"ko": f"감귤 상회 {n}", "en": f"Tangerine Shop {n}"}),
            description=LocalizedText({}),
            phone="",
            opening_hours=OpeningHours(),
            kakao_channel_id=f"_Bench{n:05d}",
            payment_qr_payload=demo_payment_payload(n, "Busan"),
            payment_methods=(PaymentMethod.CASH, PaymentMethod.ZEROPAY),
            active=True,
            version=1,
        )
        for n in range(first, first + STORES)
    ]


def project_stands(first: int, out: Path) -> tuple[float, int, int]:
    from kiosk.domain.text import LocalizedText
    from kiosk.render.stands import render_stands

    stores = stand_stores(first)
    start = time.perf_counter()
    result = render_stands(stores, LocalizedText({"ko": "벤치 시장"}), out)  # type: ignore[arg-type]
    return time.perf_counter() - start, result.pages, result.codes_verified


def writer_stands(first: int, out: Path, encoder: Encoder) -> tuple[float, int, int]:
    """The minimal writer: codes verified, one rectangle per dark run, the PDF checked."""
    from PySide6.QtCore import QMarginsF, QRect, Qt
    from PySide6.QtGui import QColor, QPageLayout, QPageSize, QPainter, QPdfWriter

    texts = [(f"A-{n}", kakao_url(n), payment) for n, payment in _payloads(first)]
    start = time.perf_counter()
    writer = QPdfWriter(str(out))
    writer.setResolution(300)
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A6), QPageLayout.Orientation.Portrait, QMarginsF()
    )
    writer.setPageLayout(layout)
    painter = QPainter(writer)
    expected: list[set[bytes]] = []
    for index, (label, kakao, payment) in enumerate(texts):
        if index:
            writer.newPage()
        painter.setPen(QColor("black"))
        painter.drawText(60, 100, label)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("black"))
        for column, (text, level) in enumerate(((kakao, "H"), (payment, "M"))):
            rows = encoder(text, level)
            verify_rows(rows, text, module_px=4)  # as the project checks codes before print
            x0, y0 = 60 + column * 560, 200
            painter.drawRects(
                [QRect(x0 + x * 10, y0 + y * 10, w * 10, 10) for x, y, w in dark_runs(rows)]
            )
        expected.append({kakao.encode(), payment.encode()})
    painter.end()
    codes = check_pdf(out, expected)
    return time.perf_counter() - start, len(expected), codes


def dark_runs(rows: Matrix) -> list[tuple[int, int, int]]:
    """(x, y, width) of each horizontal run of dark modules."""
    return [
        (m.start(), y, m.end() - m.start())
        for y, row in enumerate(rows)
        for m in re.finditer(b"\x01+", bytes(row))
    ]


def _payloads(first: int) -> list[tuple[int, str]]:
    from factories.markets import demo_payment_payload

    return [(n, demo_payment_payload(n, "Busan")) for n in range(first, first + STORES)]


def check_pdf(path: Path, expected: list[set[bytes]]) -> int:
    """Open the written file with PDFium; every page must hold exactly its codes."""
    import pypdfium2
    import zxingcpp

    document = pypdfium2.PdfDocument(io.BytesIO(path.read_bytes()))
    assert len(document) == len(expected), "page count"
    for index, wanted in enumerate(expected):
        page = document[index]
        image = page.render(scale=PAGE_WIDTH_PX / page.get_width(), grayscale=True).to_pil()
        page.close()
        found = {
            bytes(r.bytes)
            for r in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
        }
        assert found == wanted, f"page {index + 1}: {len(found & wanted)} of {len(wanted)} codes"
    document.close()
    return sum(len(w) for w in expected)


def bench_stands(runs: int, encoders: dict[str, Encoder]) -> dict[str, dict[str, float]]:
    writers = {
        f"{name} writer": encoders[name]
        for name in ("python-qrcode", "libqrencode")
        if name in encoders
    }
    seconds: dict[str, list[float]] = {"project": [], **{name: [] for name in writers}}
    counts: dict[str, tuple[int, int]] = {}
    first = 1
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-qr-") as tmp:
        for run in range(runs):
            took, pages, codes = project_stands(first, Path(tmp) / f"project{run}.pdf")
            seconds["project"].append(took)
            counts["project"] = (pages, codes)
            first += STORES
            for name, encoder in writers.items():
                took, pages, codes = writer_stands(first, Path(tmp) / f"anchor{run}.pdf", encoder)
                seconds[name].append(took)
                counts[name] = (pages, codes)
                first += STORES
    return {
        "stands_s": {k: statistics.median(v) for k, v in seconds.items()},
        "stands": {k: v[0] for k, v in counts.items()},
        "codes": {k: v[1] for k, v in counts.items()},
    }


def project_encoder() -> str:
    try:
        from kiosk.domain.qr.encoder import load_libqrencode as project_lib
    except ImportError:
        return "python-qrcode"
    return "libqrencode" if project_lib() is not None else "python-qrcode"


def _ratio(ours: float, theirs: float, name: str) -> str:
    return "" if name == "project" else f"  project/anchor = {ours / theirs:.2f}"


def _goal(what: str, figures: dict[str, float], anchor: str) -> None:
    if anchor not in figures:
        print(f"  goal < 0.5x {what}: no anchor this run")
        return
    ratio = figures["project"] / figures[anchor]
    print(f"  goal < 0.5x {what}: {ratio:.2f}x, {'met' if ratio < 0.5 else 'NOT met'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=30, help="runs of the one-code pipeline")
    parser.add_argument("--stand-runs", type=int, default=3, help="runs of the 300 stands")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()

    from kiosk.render.guiapp import ensure_gui_app

    ensure_gui_app()
    encoders, notes = anchor_encoders()
    code_ms, encode_ms = bench_code(args.runs, encoders)
    stands = bench_stands(args.stand_runs, encoders)
    results: dict[str, object] = {
        "code_ms": code_ms,
        "encode_ms": encode_ms,
        **stands,
        "project_encoder": project_encoder(),
        "notes": notes,
        "runs": {"code": args.runs, "stands": args.stand_runs},
        "machine": f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}",
    }
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"machine: {results['machine']}; project encoder: {results['project_encoder']}")
    for note in notes:
        print(f"  {note}")
    print(f"one KakaoTalk code, build + render + verify (median of {args.runs}):")
    for name, ms in code_ms.items():
        alone = encode_ms[name.removesuffix(" + zxing")]
        line = f"  {name:<28} {ms:7.2f} ms  (encode alone {alone:.2f} ms)"
        print(line + _ratio(code_ms["project"], ms, name))
    _goal("segno's pipeline", code_ms, "segno + zxing")
    seconds = stands["stands_s"]
    print(f"{STORES} stands to a checked PDF (median of {args.stand_runs}):")
    for name, took in seconds.items():
        counted = f"{stands['stands'][name]} pages, {stands['codes'][name]} codes"
        print(f"  {name:<28} {took:6.2f} s  {counted}" + _ratio(seconds["project"], took, name))
    _goal("the python-qrcode writer", seconds, "python-qrcode writer")
    return 0


if __name__ == "__main__":
    sys.exit(main())
