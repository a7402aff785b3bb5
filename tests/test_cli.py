"""`market-kiosk` top-level commands: bad input is one line on stderr and exit status 2."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.cli import main


def test_screenshots_into_a_folder_that_cannot_be_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert main(["screenshots", str(blocker / "shots")]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("market-kiosk: error: screenshots: cannot create the folder ")
    assert str(blocker / "shots") in lines[0]


def test_screenshots_into_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "shots"
    target.write_text("", encoding="utf-8")
    assert main(["screenshots", str(target)]) == 2
    assert "exists and is not a folder" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["qr", "stands", "--market", "x", "--size", "a3", "--out", "s.pdf"],
            "qr stands: argument --size: invalid choice: 'a3'",
        ),
        (["qr", "kakao", "_ZeUTxl"], "qr kakao: the following arguments are required: --out"),
        (
            ["qr", "pay", "--payload", "x", "--from-image", "y.png", "--out", "p.png"],
            "not allowed with argument --payload",
        ),
        (["no-such-command"], "invalid choice: 'no-such-command'"),
    ],
)
def test_usage_errors_are_one_line_with_status_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    """Regression: argparse printed a multi-line usage block before the error line."""
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("market-kiosk: error: ")
    assert message in lines[0]


def test_stands_out_without_pdf_extension_names_pdf(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Regression: a name without an extension got "use .png, .svg or .pdf" (stands are PDF)."""
    out = tmp_path / "stands"
    assert main(["qr", "stands", "--market", "bansong", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "stands are written as PDF" in err and ".png" not in err
    assert not out.exists()


@pytest.mark.parametrize("command", ["self-test", "screenshots"])
@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("12x", "'12x' is not a size: write WIDTHxHEIGHT in pixels"),
        ("0x100", "'0x100': the width 0 is outside 320..8192 pixels"),
        ("abc", "'abc' is not a size"),
    ],
)
def test_a_bad_size_names_the_option(
    command: str, value: str, reason: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [command, "--size", "1366x768", "--size", value]
    if command == "screenshots":
        argv.insert(1, str(tmp_path / "shots"))
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"market-kiosk: error: {command}: argument --size: {reason}")
    assert not (tmp_path / "shots").exists()


def test_sizes_reach_the_screenshots(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: dict[str, object] = {}

    def fake(out_dir: Path, *, sizes: object = None) -> int:
        seen.update(out_dir=out_dir, sizes=sizes)
        return 1

    monkeypatch.setattr("kiosk.app.write_screenshots", fake)
    assert main(["screenshots", str(tmp_path), "--size", "1080x1920", "--size", "1366x768"]) == 0
    assert seen == {"out_dir": tmp_path, "sizes": [(1080, 1920), (1366, 768)]}


def test_sizes_reach_the_self_test(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, object] = {}

    def fake(*, sizes: object = None) -> int:
        seen["sizes"] = sizes
        return 0

    monkeypatch.setattr("kiosk.app.run_self_test", fake)
    assert main(["self-test", "--size", "1080x1920"]) == 0
    assert seen == {"sizes": [(1080, 1920)]}
    assert main(["self-test"]) == 0
    assert seen == {"sizes": None}  # the default set: kiosk.qa.tour.SIZES
