"""`markets import-public` and `markets list`: the national market list, good and bad files."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.cli import main
from kiosk.domain.hours import OpeningHours, open_on
from kiosk.domain.market_days import MarketDays, parse_market_days
from kiosk.services.app import Services
from tests.public.files import market_row, markets_file, write_csv


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    database = "sqlite:///" + (tmp_path / "cli.sqlite3").as_posix()
    Services.open(database, seed_demo=True).close()
    monkeypatch.setenv("KIOSK_DATABASE_URL", database)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    return database


def test_market_days_read_daily_and_five_day_cycles() -> None:
    assert parse_market_days("매일").daily
    assert parse_market_days("상설").daily
    assert parse_market_days("2, 7").endings == (2, 7)
    assert parse_market_days("2·7일").endings == (2, 7)
    assert parse_market_days("1,6일장").endings == (1, 6)
    assert parse_market_days("4, 9, 14, 19, 24, 29").endings == (4, 9)
    five = MarketDays((2, 7))
    assert five.is_market_day(date(2026, 12, 12)) and five.is_market_day(date(2026, 12, 27))
    assert not five.is_market_day(date(2026, 12, 13))
    assert five.format("ko") == "5일장 (끝자리 2, 7일)"
    assert MarketDays.from_json(five.to_json()) == five
    for bad in ("", "격주 토요일", "2, 7, 40", "장날"):
        with pytest.raises(ValueError, match="market days not readable"):
            parse_market_days(bad)


def test_open_on_follows_market_days_and_leaves_hours_alone() -> None:
    hours = OpeningHours.every_day(540, 1080, closed=(6,))
    assert open_on(hours, date(2026, 12, 7))  # a Monday, no market days given
    assert not open_on(hours, date(2026, 12, 6))  # Sunday closed, as before
    assert not open_on(hours, date(2026, 12, 8), MarketDays((2, 7)))
    assert open_on(hours, date(2026, 12, 7), MarketDays((2, 7)))
    assert open_on(OpeningHours(), date(2026, 12, 12), MarketDays((2, 7)))


@pytest.mark.parametrize("encoding", ["cp949", "utf-8", "utf-8-sig"])
def test_import_adds_then_updates_and_never_duplicates(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str
) -> None:
    rows = [
        market_row("새벽가상시장"),
        market_row("달빛오일장", days="2, 7", road="부산광역시 가상구 달빛로 3"),
    ]
    path = markets_file(tmp_path / "markets.csv", rows, encoding)
    assert main(["markets", "import-public", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    shown = {"cp949": "CP949", "utf-8": "UTF-8", "utf-8-sig": "UTF-8 (BOM)"}[encoding]
    assert f"read as {shown}, 2 rows" in out and "2 new, 0 updated" in out
    assert "dry run: nothing was written" in out
    assert main(["markets", "import-public", str(path)]) == 0
    assert "2 markets written" in capsys.readouterr().out
    assert main(["markets", "import-public", str(path)]) == 0
    assert "0 new, 0 updated, 2 unchanged" in capsys.readouterr().out
    rows[0] = market_row("새벽가상시장", certificates="온누리상품권")
    markets_file(path, rows, encoding)
    assert main(["markets", "import-public", str(path)]) == 0
    assert "0 new, 1 updated, 1 unchanged" in capsys.readouterr().out
    assert main(["markets", "list", "--format", "json"]) == 0
    listed = {m["name"]: m for m in json.loads(capsys.readouterr().out)}
    assert len(listed) == 4  # the two demo markets and the two of the file, once each
    five = listed["달빛오일장"]
    assert five["market_day_endings"] == [2, 7] and five["latitude"] == 35.1001
    assert listed["새벽가상시장"]["payments"] == ["onnuri"]
    assert listed["새벽가상시장"]["certificates"] == ["온누리상품권"]
    assert main(["markets", "list"]) == 0
    assert "달빛오일장" in capsys.readouterr().out
    with Services.open(url) as services:
        actions = [
            e.action.value for e in services.audit.audit_log(actor=services.access.console_actor())
        ]
    assert actions.count("markets.imported_public") == 2


def test_filters_by_province_and_name(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        market_row("새벽가상시장"),
        market_row("강가상시장", road="강원특별자치도 가상군 강로 1"),
    ]
    path = markets_file(tmp_path / "m.csv", rows)
    assert main(["markets", "import-public", str(path), "--sido", "강원", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "1 new" in out and "강가상시장" in out and "새벽가상시장" not in out
    assert main(["markets", "import-public", str(path), "--name", "새벽", "--dry-run"]) == 0
    assert "새벽가상시장" in capsys.readouterr().out


def test_unreadable_cycle_names_the_row_and_writes_nothing(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [market_row("새벽가상시장"), market_row("달빛오일장", days="격주 토요일")]
    path = markets_file(tmp_path / "m.csv", rows)
    assert main(["markets", "import-public", str(path)]) == 2
    err = capsys.readouterr().err
    assert "row 3, column 시장개설주기: '격주 토요일'" in err
    assert "nothing was imported" in err
    with Services.open(url) as services:
        assert len(services.public.market_profiles()) == 2


def test_no_coordinates_is_a_note(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = markets_file(
        tmp_path / "m.csv",
        [
            market_row("새벽가상시장", lat="", lon=""),
            market_row("먼시장", lat="0", lon="0", road="부산광역시 먼로 1"),
        ],
    )
    assert main(["markets", "import-public", str(path)]) == 0
    out = capsys.readouterr().out
    assert "row 2 (새벽가상시장): coordinates missing or outside Korea" in out
    assert "row 3 (먼시장)" in out


def test_missing_columns_and_other_dataset_are_named(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "m.csv", ["시장명", "위도"], [["새벽가상시장", "35.1"]], "cp949")
    assert main(["markets", "import-public", str(path)]) == 2
    err = capsys.readouterr().err
    assert "not the 전국전통시장표준데이터 file" in err and "시장유형, 소재지도로명주소" in err
    write_csv(path, ["상가업소번호", "상호명"], [["MA0001", "가상상회"]], "utf-8-sig")
    assert main(["markets", "import-public", str(path)]) == 2
    assert "use stores import-public" in capsys.readouterr().err


def test_mixed_encodings_name_the_row(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = markets_file(tmp_path / "m.csv", [market_row("새벽가상시장")], "utf-8")
    extra = markets_file(tmp_path / "x.csv", [market_row("달빛시장")], "cp949").read_bytes()
    path.write_bytes(path.read_bytes() + extra.split(b"\r\n", 1)[1])
    assert main(["markets", "import-public", str(path)]) == 2
    err = capsys.readouterr().err
    assert "row 3: not UTF-8 text although the file starts as UTF-8" in err
    assert "CP949" in err
