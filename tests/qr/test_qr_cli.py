"""`market-kiosk qr ...`: good runs print the verified file; bad input exits 2 with one line."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from qr_helpers import zero_pay_like

from kiosk.cli.qr import add_qr_parser


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="market-kiosk")
    add_qr_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    result: int = args.func(args)
    return result


def decode(path: Path) -> list[str]:
    with Image.open(path) as im:
        return [r.text for r in zxingcpp.read_barcodes(im.convert("L"))]


def test_kakao_png(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "kakao.png"
    assert (
        run(["qr", "kakao", " https://pf.kakao.com/_ZeUTxl ", "--out", str(out), "--link", "chat"])
        == 0
    )
    stdout = capsys.readouterr().out
    assert str(out) in stdout and "verified" in stdout
    assert decode(out) == ["https://pf.kakao.com/_ZeUTxl/chat"]


def test_pay_from_payload_and_from_image(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = zero_pay_like()
    first = tmp_path / "pay.png"
    assert run(["qr", "pay", "--payload", raw, "--out", str(first)]) == 0
    assert "EMVCo: 제주감귤상회, 제주, KR, KRW, static" in capsys.readouterr().out
    second = tmp_path / "pay.svg"
    assert run(["qr", "pay", "--from-image", str(first), "--out", str(second)]) == 0
    assert second.read_text(encoding="utf-8").startswith("<?xml")
    assert run(["qr", "decode", str(first)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == raw


def test_decode_reads_our_own_svg_and_refuses_a_broken_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    svg = tmp_path / "kakao.svg"
    assert run(["qr", "kakao", "_QaSvg01", "--out", str(svg)]) == 0
    capsys.readouterr()
    assert run(["qr", "decode", str(svg)]) == 0
    assert capsys.readouterr().out.splitlines() == ["https://pf.kakao.com/_QaSvg01/friend"]
    broken = tmp_path / "broken.svg"
    broken.write_text("<svg", encoding="utf-8")
    assert run(["qr", "decode", str(broken)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not a valid SVG image" in err[0]


def test_opaque_payload_gets_a_note(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["qr", "pay", "--payload", "결제 코드 123", "--out", str(tmp_path / "p.pdf")]) == 0
    assert "note: format not recognised" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["qr", "kakao", "https://pf.kakao.com@evil.example/_x", "--out", "{d}/k.png"],
            "user-info",
        ),
        (
            ["qr", "kakao", "https://pf.kakao.com.evil.example/_x", "--out", "{d}/k.png"],
            "not pf.kakao.com",
        ),
        (["qr", "kakao", "javascript:alert(1)", "--out", "{d}/k.png"], "'javascript'"),
        (["qr", "kakao", "_ZeUTxl", "--out", "{d}/k.gif"], "unsupported output format '.gif'"),
        (["qr", "kakao", "_ZeUTxl", "--out", "{d}/missing/k.png"], "does not exist"),
        (["qr", "kakao", "_ZeUTxl", "--out", "/proc/k.png"], "/proc"),
        (["qr", "pay", "--payload", "000201010211" + "6304ABCD", "--out", "{d}/p.png"], "tag"),
        (["qr", "pay", "--payload", "bad\x07text", "--out", "{d}/p.png"], "U+0007"),
        (["qr", "pay", "--from-image", "{d}/none.png", "--out", "{d}/p.png"], "cannot read"),
        (["qr", "decode", "{d}/none.png"], "cannot read"),
        (["qr", "stands", "--market", "x", "--out", "{d}/s.png"], "PDF"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    before = set(tmp_path.iterdir())
    assert run([a.replace("{d}", str(tmp_path)) for a in argv]) == 2
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("market-kiosk: error: ")
    assert message in lines[0]
    assert captured.out == ""
    assert set(tmp_path.iterdir()) == before


def test_decode_image_without_qr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blank = tmp_path / "blank.png"
    Image.new("L", (120, 120), 255).save(blank)
    assert run(["qr", "decode", str(blank)]) == 2
    assert "no QR code found" in capsys.readouterr().err


def _main(argv: list[str], env_url: str) -> subprocess.CompletedProcess[str]:
    import os

    env = dict(os.environ, KIOSK_DATABASE_URL=env_url, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_stands_for_a_generated_market_through_python_m_kiosk(tmp_path: Path) -> None:
    from factories.markets import generate_market

    from kiosk.data.db import Database

    url = f"sqlite:///{tmp_path / 'market.sqlite3'}"
    db = Database.open(url)
    try:
        generate_market(db, slug="gen", stores=40)
        generate_market(db, slug="empty", stores=0)
    finally:
        db.close()
    out = tmp_path / "stands.pdf"
    done = _main(["qr", "stands", "--market", "gen", "--out", str(out)], url)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == str(out)
    assert "verified:" in done.stdout
    progress = done.stderr.splitlines()
    assert (
        progress[-1].startswith("stands: ")
        and progress[-1].split()[1].split("/")[0] == progress[-1].split()[1].split("/")[1]
    )
    assert out.read_bytes().startswith(b"%PDF")

    unknown = _main(["qr", "stands", "--market", "nope", "--out", str(tmp_path / "x.pdf")], url)
    assert unknown.returncode == 2
    assert len(unknown.stderr.splitlines()) == 1
    assert "nope" in unknown.stderr and "gen" in unknown.stderr
    assert not (tmp_path / "x.pdf").exists()

    empty = _main(["qr", "stands", "--market", "empty", "--out", str(tmp_path / "e.pdf")], url)
    assert empty.returncode == 2
    assert len(empty.stderr.splitlines()) == 1
    assert empty.stderr.startswith("market-kiosk: error: ") and "'empty'" in empty.stderr
    assert not (tmp_path / "e.pdf").exists()
