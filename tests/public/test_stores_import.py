"""`stores import-public`: the SEMAS store registry's shops of one market, good and bad files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.cli import main
from kiosk.domain.categories import Category
from kiosk.domain.public_data.categories import CategoryTableError, category_table
from kiosk.domain.public_data.semas import distance_m, stall_number
from kiosk.services.app import Services
from tests.public.files import market_row, markets_file, semas_file, semas_row, write_csv

# The invented market's centre; 0.001 degree of latitude is about 111 m.
NEAR, EDGE, FAR = "35.1001", "35.1011", "35.1031"


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    database = "sqlite:///" + (tmp_path / "cli.sqlite3").as_posix()
    Services.open(database, seed_demo=True).close()
    monkeypatch.setenv("KIOSK_DATABASE_URL", database)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    markets = markets_file(tmp_path / "markets.csv", [market_row("새벽가상시장")])
    assert main(["markets", "import-public", str(markets)]) == 0
    return database


def _slug(url: str) -> str:
    with Services.open(url) as services:
        return next(
            info.slug
            for info, _p in services.public.market_profiles()
            if info.name.get("ko") == "새벽가상시장"
        )


def _json(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    out: dict[str, object] = json.loads(capsys.readouterr().out)
    return out


def test_distance_stall_and_categories() -> None:
    assert 110 < distance_m((35.1001, 129.0502), (35.1011, 129.0502)) < 112
    assert stall_number("1", "12", "MA01") == "12"
    assert stall_number("2", "5호", "MA01") == "2층 5"
    assert stall_number("", "", "MA0000123456") == "R00123456"
    table = category_table(
        {"소분류": {"수산물 소매": "seafood"}, "키워드": {"떡": "rice_cakes"}}, "t"
    )
    assert table.category_of("소매", "식료품 소매", "수산물 소매") is Category.SEAFOOD
    assert table.category_of("소매", "", "떡 소매") is Category.RICE_CAKES
    assert table.category_of("", "", "세탁소") is Category.OTHER
    with pytest.raises(CategoryTableError, match=r"\[소분류\] 세탁 = 'laundry' is not a category"):
        category_table({"소분류": {"세탁": "laundry"}}, "t")


def test_radius_names_and_second_run(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    slug = _slug(url)
    rows = [
        semas_row("MA0001", "가상수산", unit="3"),
        semas_row("MA0002", "가상과일", lat=EDGE, small="과일 소매"),
        semas_row("MA0003", "먼가게", lat=FAR),
        semas_row("MA0004", "건물안떡집", lat="", lon="", small="떡 소매", building="새벽가상시장"),
        semas_row("MA0005", "바다밖가게", lat="10.0", lon="10.0", road="새벽가상시장 2길"),
    ]
    path = semas_file(tmp_path / "registry.csv", rows)
    args = ["stores", "import-public", str(path), "--market", slug, "--format", "json"]
    assert main([*args, "--dry-run"]) == 0
    plan = _json(capsys)
    assert plan["new"] == 4 and plan["no_location"] == 2 and plan["encoding"] == "utf-8-sig"
    found = {c["shop_id"]: c for c in plan["candidates"]}  # type: ignore[union-attr]
    assert set(found) == {"MA0001", "MA0002", "MA0004", "MA0005"}
    assert found["MA0001"]["stall"] == "3" and found["MA0001"]["category"] == "seafood"
    assert found["MA0002"]["category"] == "fruit" and 100 < found["MA0002"]["distance_m"] < 120
    assert found["MA0004"]["location"] == "no location"
    assert found["MA0004"]["category"] == "rice_cakes"
    assert main([*args, "--radius", "100", "--dry-run"]) == 0
    assert _json(capsys)["new"] == 3
    assert main(args) == 0
    capsys.readouterr()
    rows[0] = semas_row("MA0001", "가상수산 본점", unit="3")
    semas_file(path, rows[:1] + rows[2:])
    assert main(["stores", "import-public", str(path), "--market", slug]) == 0
    out = capsys.readouterr().out
    assert "0 new, 1 updated, 2 unchanged" in out
    assert "gone from the registry: 1" in out and "가상과일" in out
    assert "imported: 1 store written" in out
    assert main(["stores", "list", "--market", slug, "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert sorted(s["name"] for s in listed) == [
        "가상과일",
        "가상수산 본점",
        "건물안떡집",
        "바다밖가게",
    ]
    with Services.open(url) as services:
        log = services.audit.audit_log(actor=services.access.console_actor(), market_slug=slug)
    assert [e.action.value for e in log].count("stores.imported_public") == 2


def test_the_market_s_own_category_table_is_remembered(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    slug = _slug(url)
    path = semas_file(tmp_path / "r.csv", [semas_row("MA0001", "가상건강원", small="건강원")])
    own = tmp_path / "own.toml"
    own.write_text('["소분류"]\n"건강원" = "dried_goods"\n', encoding="utf-8")
    args = ["stores", "import-public", str(path), "--market", slug, "--format", "json"]
    assert main([*args, "--dry-run"]) == 0
    assert _json(capsys)["candidates"][0]["category"] == "other"  # type: ignore[index]
    assert main([*args, "--categories", str(own)]) == 0
    capsys.readouterr()
    semas_file(path, [semas_row("MA0002", "다른건강원", small="건강원")])
    assert main([*args, "--dry-run"]) == 0
    assert _json(capsys)["candidates"][0]["category"] == "dried_goods"  # type: ignore[index]
    own.write_text('["소분류"]\n"건강원" = "health"\n', encoding="utf-8")
    assert main([*args, "--categories", str(own)]) == 2
    assert "'health' is not a category" in capsys.readouterr().err


def test_market_without_coordinates_asks_for_a_centre_or_building(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = semas_file(
        tmp_path / "r.csv", [semas_row("MA0001", "가상수산", building="반송가상상가")]
    )
    args = ["stores", "import-public", str(path), "--market", "bansong", "--dry-run"]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "market bansong has no coordinates" in err and "--centre" in err and "--building" in err
    assert main([*args, "--building", "반송가상상가"]) == 0
    assert "1 new" in capsys.readouterr().out
    assert main([*args, "--centre", "35.1001,129.0502"]) == 0
    assert "1 new" in capsys.readouterr().out
    assert main([*args, "--centre", "1,2"]) == 2
    assert "not in Korea" in capsys.readouterr().err


def test_duplicate_shop_ids_are_named_and_nothing_written(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    slug = _slug(url)
    rows = [
        semas_row("MA0001", "가상수산"),
        semas_row("MA0002", "가상과일"),
        semas_row("MA0001", "또수산"),
    ]
    path = semas_file(tmp_path / "r.csv", rows, "cp949")
    assert main(["stores", "import-public", str(path), "--market", slug]) == 2
    err = capsys.readouterr().err
    assert "row 4, column 상가업소번호: MA0001 is also in row 2" in err
    assert "nothing was imported" in err
    assert main(["stores", "list", "--market", slug, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_wrong_files_are_named(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    slug = _slug(url)
    path = write_csv(
        tmp_path / "r.csv", ["상가업소번호", "상호명", "위도"], [["MA1", "가상", "35"]], "cp949"
    )
    assert main(["stores", "import-public", str(path), "--market", slug]) == 2
    err = capsys.readouterr().err
    assert "not the 상가(상권)정보 file" in err and "상권업종대분류명" in err and "경도" in err
    markets_file(path, [market_row("새벽가상시장")])
    assert main(["stores", "import-public", str(path), "--market", slug]) == 2
    assert "use markets import-public" in capsys.readouterr().err
    semas_file(path, [semas_row("MA0001", "가상수산")], "cp949")
    path.write_bytes(
        path.read_bytes() + "\r\n".join([",".join(semas_row("MA0002", "둘째수산"))]).encode()
    )
    assert main(["stores", "import-public", str(path), "--market", slug]) == 2
    err = capsys.readouterr().err
    assert "row 3: not CP949 text although the file starts as CP949" in err


def test_only_the_accepted_candidates_are_written(url: str, tmp_path: Path) -> None:
    slug = _slug(url)
    rows = [semas_row("MA0001", "가상수산", unit="3"), semas_row("MA0002", "가상과일", unit="4")]
    path = semas_file(tmp_path / "r.csv", rows)
    with Services.open(url) as services:
        actor = services.access.console_actor()
        plan = services.public.check_stores(actor=actor, path=path, market_slug=slug)
        assert [e.kind.value for e in plan.entries] == ["new", "new"]
        assert services.public.apply_stores(actor=actor, plan=plan, accepted={"MA0002"}) == 1
        names = [s.name.get("ko") for s in services.directory.list_stores(market_slug=slug)]
    assert names == ["가상과일"]


def test_the_refused_line_counts_one_problem_and_two_problems(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    slug = _slug(url)
    rows = [semas_row("MA0001", "가상수산"), semas_row("MA0001", "또수산")]
    path = semas_file(tmp_path / "r.csv", rows, "cp949")
    assert main(["--lang", "en", "stores", "import-public", str(path), "--market", slug]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == "market-kiosk: error: 1 problem in the file; nothing was imported"
    semas_file(path, [*rows, semas_row("MA0001", "셋째수산")], "cp949")
    assert main(["--lang", "en", "stores", "import-public", str(path), "--market", slug]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == "market-kiosk: error: 2 problems in the file; nothing was imported"


def test_the_dry_run_speaks_korean_with_lang_ko(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    slug = _slug(url)
    path = semas_file(tmp_path / "r.csv", [semas_row("MA0001", "가상수산")])
    args = ["stores", "import-public", str(path), "--market", slug, "--dry-run"]
    assert main(["--lang", "ko", *args]) == 0
    out = capsys.readouterr().out
    assert "미리 보기: 아무것도 저장하지 않았습니다" in out
    assert "가게: 새로 1곳, 바뀜 0곳, 그대로 0곳; 위치 없음 0곳" in out
    assert main(["--lang", "en", *args]) == 0
    assert "dry run: nothing was written" in capsys.readouterr().out
