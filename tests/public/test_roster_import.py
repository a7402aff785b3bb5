"""`import FILE --market SLUG --map ...`: a merchants' association roster in its own layout."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.cli import main
from kiosk.domain.exchange.mapping import MappingError, parse_map
from kiosk.services.app import Services
from tests.public.files import write_csv

HEADER = ["번호", "호수", "상호", "대표자", "연락처", "비고"]
MAP = "stall_number=호수,name_ko=상호,phone=연락처"


pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    database = "sqlite:///" + (tmp_path / "cli.sqlite3").as_posix()
    Services.open(database, seed_demo=True).close()
    monkeypatch.setenv("KIOSK_DATABASE_URL", database)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    return database


def test_parse_map_names_bad_items() -> None:
    assert parse_map(MAP) == {"stall_number": "호수", "name_ko": "상호", "phone": "연락처"}
    assert parse_map("전화번호=연락처,점포 번호 (stall_number)=호수") == {
        "phone": "연락처",
        "stall_number": "호수",
    }
    with pytest.raises(MappingError) as refused:
        parse_map("owner=대표자")
    assert str(refused.value).startswith(
        "--map: 'owner' is not a column of the template; template columns: stall_number, "
    )
    with pytest.raises(MappingError, match="write field=column"):
        parse_map("name_ko")
    with pytest.raises(MappingError, match="'phone' is given twice"):
        parse_map("phone=연락처,전화번호=휴대폰")
    with pytest.raises(MappingError, match="column '상호' is given for name_ko & name_en"):
        parse_map("name_ko=상호,name_en=상호")


def test_roster_is_imported_through_the_mapping_and_remembered(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        ["1", "Z-1", "가상건어물", "홍길동", "051-000-1111", ""],
        ["2", "Z-2", "가상반찬", "김가상", "051-000-2222", "2층"],
    ]
    path = write_csv(tmp_path / "명부.csv", HEADER, rows, "cp949")
    args = ["import", str(path), "--market", "bansong"]
    assert main([*args, "--map", MAP, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "columns: 호수 -> stall_number, 상호 -> name_ko, 연락처 -> phone" in out
    assert "stores: 2 new" in out
    assert main([*args, "--map", MAP]) == 0
    capsys.readouterr()
    rows[1][2] = "가상반찬 본점"
    write_csv(path, HEADER, rows, "cp949")
    assert main(args) == 0  # no --map: the market's remembered mapping reads it
    out = capsys.readouterr().out
    assert "stores: 0 new, 1 updated" in out and "columns: 호수 -> stall_number" in out
    assert main(["stores", "list", "--market", "bansong", "--format", "json"]) == 0
    names = {s["stall_number"]: s for s in json.loads(capsys.readouterr().out)}
    assert names["Z-2"]["name"] == "가상반찬 본점" and names["Z-1"]["category"] == "other"


def test_a_roster_changes_only_the_mapped_fields_of_a_saved_store(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(
        tmp_path / "명부.csv",
        HEADER,
        [["1", "A-1", "바다향 수산", "", "051-999-0000", ""]],
        "cp949",
    )
    assert main(["import", str(path), "--market", "bansong", "--map", MAP, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "stores: 0 new, 1 updated" in out and "goods: 0 new, 0 changed, 0 removed" in out
    assert "updated A-1: phone" in out and "category" not in out.split("updated A-1:")[1]


def test_roster_problems_keep_their_row_numbers(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [["1", "Z-1", "가상건어물", "", "051-000-1111", ""], ["2", "Z-2", "", "", "", ""]]
    path = write_csv(tmp_path / "명부.csv", HEADER, rows, "utf-8-sig")
    assert main(["import", str(path), "--market", "bansong", "--map", MAP]) == 2
    err = capsys.readouterr().err
    assert "row 3" in err and "nothing was imported" in err
    assert main(["import", str(path), "--market", "bansong", "--map", "name_ko=가게이름"]) == 2
    assert (
        "명부.csv: column '가게이름' (for name_ko) is not in the file "
        "(row 1 headers: 번호, 호수, 상호, 대표자, 연락처, 비고)"
    ) in capsys.readouterr().err


def test_map_errors_on_the_command_line_name_the_template_column(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "명부.csv", HEADER, [["1", "Z-1", "가상", "", "", ""]], "cp949")
    args = ["import", str(path), "--market", "bansong", "--map"]
    assert main([*args, "stall_number=호수,owner=대표자"]) != 0
    err = capsys.readouterr().err
    assert "--map: 'owner' is not a column of the template; template columns: " in err
    assert main([*args, "stall_number=호수,name_ko=상호,phone=전화"]) != 0
    err = capsys.readouterr().err
    assert "column '전화' (for phone) is not in the file (row 1 headers: 번호, 호수" in err


def test_a_bad_row_names_the_row_and_the_mapped_column(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [["1", "Z-1", "가상건어물", "", "051-000-1111", ""], ["2", "Z-2", "가상", "", "12", ""]]
    path = write_csv(tmp_path / "명부.csv", HEADER, rows, "cp949")
    assert main(["import", str(path), "--market", "bansong", "--map", MAP]) == 2
    err = capsys.readouterr().err
    assert '명부.csv, row 3: 연락처 (전화번호) "12" is not a Korean phone number' in err


def test_the_mapping_step_starts_from_a_guess_then_from_the_remembered_mapping(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kiosk.services.values import NotFoundError

    roster = write_csv(tmp_path / "명부.csv", HEADER, [["1", "Z-1", "가상", "", "", ""]], "cp949")
    template = tmp_path / "bansong.csv"
    with Services.open(url) as services:
        actor = services.access.console_actor()
        preview = services.exchange.roster_preview(actor=actor, path=roster, market_slug="bansong")
        assert preview is not None and not preview.remembered
        assert preview.mapping == {"stall_number": "호수", "name_ko": "상호", "phone": "연락처"}
        assert preview.headers == tuple(HEADER) and preview.rows[0][0] == 2
        services.exchange.export_listings(actor=actor, market_slug="bansong", out=template)
        assert (
            services.exchange.roster_preview(actor=actor, path=template, market_slug="bansong")
            is None
        )
        with pytest.raises(NotFoundError):
            services.exchange.roster_preview(actor=actor, path=roster, market_slug="nowhere")
    assert (
        main(
            [
                "import",
                str(roster),
                "--market",
                "bansong",
                "--map",
                "stall_number=호수,name_ko=상호",
            ]
        )
        == 0
    )
    capsys.readouterr()
    with Services.open(url) as services:
        preview = services.exchange.roster_preview(
            actor=services.access.console_actor(), path=roster, market_slug="bansong"
        )
    assert preview is not None and preview.remembered
    assert preview.mapping == {"stall_number": "호수", "name_ko": "상호"}  # phone left unused


def test_a_remembered_mapping_whose_column_is_gone_asks_for_map(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "명부.csv", HEADER, [["1", "Z-1", "가상", "", "", ""]], "cp949")
    assert main(["import", str(path), "--market", "bansong", "--map", MAP]) == 0
    capsys.readouterr()
    other = ["번호", "호수", "가게", "연락처"]
    path = write_csv(tmp_path / "명부2.csv", other, [["1", "Z-1", "가상", ""]], "cp949")
    assert main(["import", str(path), "--market", "bansong", "--dry-run"]) == 2
    assert (
        "명부2.csv: the column mapping remembered for bansong names 상호, which row 1 does not "
        "have (row 1 headers: 번호, 호수, 가게, 연락처); give the mapping with --map"
    ) in capsys.readouterr().err
