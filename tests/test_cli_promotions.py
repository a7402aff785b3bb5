"""`market-kiosk promotions list|add|remove`: the schedule from the command line, bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PIL import Image

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.cli import main
from kiosk.domain.promotions import MAX_IMAGE_BYTES
from kiosk.services.app import Services


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    database = "sqlite:///" + (tmp_path / "cli.sqlite3").as_posix()
    Services.open(database, seed_demo=True).close()
    monkeypatch.setenv("KIOSK_DATABASE_URL", database)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    return database


def _ids(capsys: pytest.CaptureFixture[str], *args: str) -> set[int]:
    assert main(["promotions", "list", "--market", "dongmun", "--format", "json", *args]) == 0
    return {row["id"] for row in json.loads(capsys.readouterr().out)}


def _added(capsys: pytest.CaptureFixture[str]) -> int:
    out = capsys.readouterr().out
    assert out.startswith("Added "), out
    return int(out.split()[2].rstrip(":"))


BASE = ["promotions", "add", "--market", "dongmun", "--title-ko", "저녁 할인",
        "--text-ko", "저녁 6시부터 귤 10% 할인",
        "--start", "2026-12-01", "--end", "2026-12-31"]  # fmt: skip


def test_add_list_at_and_remove(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    args = [*BASE, "--title-en", "Evening sale", "--weekdays", "fri,sat", "--from", "18:00",
            "--until", "21:00", "--store", "A-01", "--kind", "announcement"]  # fmt: skip
    with Services.open(url) as services:
        store = services.directory.list_stores(market_slug="dongmun")[0]
    stall, name = store.stall_number, store.name.get("ko")
    args[args.index("A-01")] = stall
    assert main(args) == 0
    made = _added(capsys)
    assert made in _ids(capsys)
    assert made in _ids(capsys, "--at", "2026-12-11T19:00")  # a Friday evening in Seoul
    assert made in _ids(capsys, "--at", "2026-12-11T10:30+00:00")  # 19:30 in Seoul
    assert made not in _ids(capsys, "--at", "2026-12-11T12:00")
    assert made not in _ids(capsys, "--at", "2026-12-10T19:00")  # a Thursday
    assert made not in _ids(capsys, "--at", "2027-01-01T19:00")
    assert main(["promotions", "list", "--market", "dongmun"]) == 0
    table = capsys.readouterr().out
    assert "저녁 할인" in table and "fri,sat" in table and "18:00-21:00" in table
    [line] = [li for li in table.splitlines() if li.startswith(f"{made} ")]
    assert f"  {stall} {name}  " in line and f"  {store.id}  " not in line  # stall, not the id
    assert "  market  " in table  # the demo's market-wide promotions
    assert main(["promotions", "list", "--market", "dongmun", "--format", "json"]) == 0
    [row] = [r for r in json.loads(capsys.readouterr().out) if r["id"] == made]
    assert row["title"] == {"ko": "저녁 할인", "en": "Evening sale"}
    assert (row["kind"], row["from"], row["until"]) == ("announcement", "18:00", "21:00")
    assert (row["store_id"], row["stall"], row["store_name"]) == (store.id, stall, name)
    assert main(["promotions", "remove", str(made)]) == 0
    assert capsys.readouterr().out.startswith(f"Removed announcement {made}:")
    assert made not in _ids(capsys)


def _png(path: Path) -> Path:
    Image.new("RGB", (16, 9), "orange").save(path, format="PNG")
    return path


def test_add_with_an_image(url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*BASE, "--image", str(_png(tmp_path / "a.png"))]) == 0
    made = _added(capsys)
    assert main(["promotions", "list", "--market", "dongmun", "--format", "json"]) == 0
    [row] = [r for r in json.loads(capsys.readouterr().out) if r["id"] == made]
    assert row["image_bytes"] == (tmp_path / "a.png").stat().st_size


def _huge(path: Path) -> Path:
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * MAX_IMAGE_BYTES)
    return path


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"--end": "2026-11-30"}, "--end: The end date 2026-11-30 is before the start date"),
        ({"--start": "2026-13-01"}, "--start '2026-13-01' is not a date"),
        ({"--end": "tomorrow"}, "--end 'tomorrow' is not a date"),
        ({"--text-ko": ""}, "--text-ko: A text is needed in at least one language."),
        ({"--title-ko": ""}, "--title-ko: A title is needed in at least one language."),
        ({"--title-ko": "x" * 81}, "--title-ko: The title is 81 characters long; at most 80."),
        ({"--market": "nowhere"}, "There is no market 'nowhere'"),
        ({"--store": "ZZ-999"}, "There is no stall 'ZZ-999'"),
        ({"--weekdays": "mon,funday"}, "--weekdays: 'funday' is not a weekday"),
        ({"--from": "18:00"}, "--from and --until go together"),
        ({"--from": "25:00", "--until": "26:00"}, "--from '25:00' is not a time"),
        ({"--from": "09:00", "--until": "09:00"}, "--from/--until: The time window starts"),
        ({"--image": "text.png"}, "--image: The image is not a PNG or JPEG picture."),
        ({"--image": "huge.png"}, "--image huge.png: The image is 2097160 bytes; at most"),
        ({"--image": "missing.png"}, "--image missing.png: cannot read it"),
    ],
)
@pytest.mark.usefixtures("url")
def test_bad_input_is_one_line_naming_the_option(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    change: dict[str, str],
    expected: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "text.png").write_text("not a picture")
    _huge(tmp_path / "huge.png")
    args = list(BASE)
    for option, value in change.items():
        if option in args:
            args[args.index(option) + 1] = value
        else:
            args += [option, value]
    before = _ids(capsys)
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("market-kiosk: error: ") and err.count("\n") == 1, err
    assert expected in err, err
    assert _ids(capsys) == before


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["list", "--market", "dongmun", "--at", "christmas"], "--at 'christmas' is not a date"),
        (["list", "--market", "nowhere"], "There is no market 'nowhere'"),
        (["remove", "999999"], "There is no promotion with id 999999"),
    ],
)
def test_bad_list_and_remove(
    url: str, capsys: pytest.CaptureFixture[str], args: list[str], expected: str
) -> None:
    assert main(["promotions", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("market-kiosk: error: ") and expected in err, err


def test_an_id_that_is_not_a_number(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["promotions", "remove", "abc"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("market-kiosk: error: promotions remove: argument ID: invalid int")


def test_a_real_image_that_is_not_a_picture_inside(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0" + b"garbage" * 10)
    assert main([*BASE, "--image", str(broken)]) == 2
    assert "--image: The image is not a PNG or JPEG picture." in capsys.readouterr().err
