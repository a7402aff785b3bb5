"""`market-kiosk publish`: both demo markets, the remembered address, --check, bad input."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.cli import main
from kiosk.domain.audit import AuditAction
from kiosk.services.app import Services


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    database = "sqlite:///" + (tmp_path / "cli.sqlite3").as_posix()
    Services.open(database, seed_demo=True).close()
    monkeypatch.setenv("KIOSK_DATABASE_URL", database)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    return database


def test_both_demo_markets_publish_and_the_address_is_remembered(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for slug in ("bansong", "dongmun"):
        out = tmp_path / slug
        base = f"https://market.example/{slug}"
        assert main(["publish", "--market", slug, "--out", str(out), "--base-url", base]) == 0
        said = capsys.readouterr().out
        assert f"site address: {base}/" in said and "languages" in said
        with Services.open(url) as services:
            stores = services.directory.list_stores(market_slug=slug)
            assert services.directory.get_market(slug=slug).site_url == base + "/"
            log = services.audit.audit_log(
                actor=services.access.console_actor(),
                market_slug=slug,
                actions=(AuditAction.MARKET_SITE,),
            )
        assert len(log) == 1
        assert (out / "index.html").is_file() and (out / "zh-Hant.html").is_file()
        assert len(list((out / "d").iterdir())) == len(stores)
    # The address is remembered: a second publish needs no --base-url and changes nothing.
    out = tmp_path / "dongmun"
    assert main(["publish", "--market", "dongmun", "--out", str(out), "--check"]) == 0
    assert capsys.readouterr().out.strip().endswith("0 new, 0 changed, 0 removed, 141 unchanged")


def test_check_lists_what_would_change_and_writes_nothing(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "site"
    args = ["publish", "--market", "dongmun", "--out", str(out)]
    base = ["--base-url", "https://market.example/"]
    assert main([*args, *base, "--check"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert "+ d/a-3/ja.html" in listed and not out.exists()
    with Services.open(url) as services:  # --check remembers nothing either
        assert services.directory.get_market(slug="dongmun").site_url == ""
    assert main([*args, *base, "--lang", "ja,en"]) == 0
    capsys.readouterr()
    assert main([*args, "--lang", "ja,en,ko", "--check"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "+ d/a-3/ko.html" in lines and "~ d/a-3/ja.html" in lines  # the switch grew


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        (["--base-url", "http://market.example/"], "use an https:// address"),
        (["--base-url", "https://market.example/?x=1"], "no ?query or #part"),
        ([], "has no site address yet; give --base-url"),
        (["--base-url", "https://m.example/", "--lang", "fr"], "--lang 'fr' is not one of"),
    ],
)
def test_bad_input_is_one_line_and_nothing_written(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], said: str
) -> None:
    out = tmp_path / "site"
    assert main(["publish", "--market", "dongmun", "--out", str(out), *extra]) == 2
    err = capsys.readouterr().err
    assert err.startswith("market-kiosk: error: ") and said in err and err.count("\n") == 1
    assert not out.exists()


def test_out_is_a_file_or_an_unknown_market(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a_file = tmp_path / "site"
    a_file.write_text("keep")
    base = ["--base-url", "https://m.example/"]
    assert main(["publish", "--market", "dongmun", "--out", str(a_file), *base]) == 2
    assert "is a file, not a folder" in capsys.readouterr().err
    assert a_file.read_text() == "keep"
    assert main(["publish", "--market", "nowhere", "--out", str(tmp_path / "x"), *base]) == 2
    assert "nowhere" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (poppler-utils)")
def test_every_stall_code_on_the_stands_decodes_to_a_published_page(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, base = tmp_path / "site", "https://market.example/dongmun/"
    assert main(["publish", "--market", "dongmun", "--out", str(out), "--base-url", base]) == 0
    pdf = tmp_path / "stands.pdf"
    assert main(["qr", "stands", "--market", "dongmun", "--out", str(pdf)]) == 0
    capsys.readouterr()
    subprocess.run(["pdftoppm", "-r", "150", "-gray", "-png", str(pdf), str(tmp_path / "p")],
                   check=True)  # fmt: skip
    stall_codes = []
    for png in sorted(tmp_path.glob("p-*.png")):
        with Image.open(png) as image:
            texts = [r.text for r in zxingcpp.read_barcodes(image.convert("L"))]
        assert texts, png.name
        stall_codes += [t for t in texts if t.startswith(base)]
    with Services.open(url) as services:
        stalls = services.directory.list_stores(market_slug="dongmun")
    # Every stall's page code is printed once (on its stand, or on a card of its own after a
    # stand that already holds two codes), and every one opens a page of the site.
    assert len(stall_codes) == len(set(stall_codes)) == len(stalls) > 0
    for code in stall_codes:
        path = code.removeprefix(base)
        assert path.startswith("d/") and path.endswith("/"), code
        assert (out / path / "index.html").is_file() and (out / path / "ja.html").is_file()
