"""`market-kiosk onboarding status|report|export|checklist`: formats, the PDF, refusals."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.cli import main
from kiosk.services.app import Services


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    database = "sqlite:///" + (tmp_path / "cli.sqlite3").as_posix()
    Services.open(database, seed_demo=True).close()
    monkeypatch.setenv("KIOSK_DATABASE_URL", database)
    monkeypatch.setenv("KIOSK_CHECKLIST_DIR", str(tmp_path / "checklists"))
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    return database


def test_status_table_of_a_market(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["onboarding", "status", "--market", "bansong"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["Stall", "Store", "Done", "%", "Next", "step"]
    a1 = next(line for line in lines if line.startswith("A-1 "))
    assert "10/11" in a1 and "Open an online sales channel" in a1
    assert lines[-1].startswith("All stores: ")


def test_status_json_and_csv(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["onboarding", "status", "--market", "dongmun", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["market"] == "dongmun" and len(data["steps"]) == 11
    a1 = next(s for s in data["stores"] if s["stall"] == "A-1")
    assert a1["steps"]["zero_pay"] == {"status": "done", "done_on": "2026-03-12"}
    assert main(["onboarding", "status", "--market", "dongmun", "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0][:3] == ["Market", "Stall", "Store"] and rows[-1][2].startswith("All stores")
    assert main(["onboarding", "status", "--market", "dongmun", "--category", "tangerines"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1 + 3 + 2


def test_status_of_one_stall(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["onboarding", "status", "--market", "bansong", "--stall", "A-5", "--format", "json"]
    assert main(argv) == 0
    data = json.loads(capsys.readouterr().out)
    steps = {s["step"]: s for s in data["steps"]}
    assert steps["online_sales"]["link"] == "https://smartstore.naver.com/demo_bansong_a5"
    assert steps["marketing_class"]["status"] == "doing"
    assert main(["onboarding", "status", "--market", "bansong", "--stall", "A-5"]) == 0
    out = capsys.readouterr().out
    assert "Enrol in Zero Pay" in out and out.rstrip().endswith("6/11")
    assert main([*argv[:-2], "--format", "csv"]) == 0
    header = capsys.readouterr().out.splitlines()[0]
    assert header == "step,title,status,done_on,helper,account_owner,link,note"


def test_report_writes_a_checked_pdf(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "a3.pdf"
    argv = ["onboarding", "report", "--market", "bansong", "--stall", "A-3", "--out", str(out)]
    assert main(argv) == 0
    assert out.read_bytes().startswith(b"%PDF-")
    assert "QR code(s) decoded back" in capsys.readouterr().out


def test_export_and_refusals(url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bansong.xlsx"
    assert main(["onboarding", "export", "--market", "bansong", "--out", str(out)]) == 0
    assert out.is_file() and "24 rows" in capsys.readouterr().out
    assert main(["onboarding", "status", "--market", "bansong", "--stall", "Z-9"]) == 2
    assert "has no stall 'Z-9'" in capsys.readouterr().err
    assert main(["onboarding", "status", "--market", "nowhere"]) == 2
    assert "There is no market 'nowhere'" in capsys.readouterr().err
    bad = ["onboarding", "report", "--market", "bansong", "--stall", "A-1", "--out", "x.png"]
    assert main(bad) == 2
    assert "must end in .pdf" in capsys.readouterr().err


def test_checklist_command_names_file_and_line(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.toml"
    from kiosk.data.checklists import PACKAGED_CHECKLIST

    text = PACKAGED_CHECKLIST.read_text(encoding="utf-8")
    good.write_text(text, encoding="utf-8")
    assert main(["onboarding", "checklist", str(good)]) == 0
    assert "11 steps, OK" in capsys.readouterr().out
    bad = tmp_path / "bad.toml"
    broken = text.replace('key = "instagram"', 'key = "smart_place"')
    bad.write_text(broken, encoding="utf-8")
    assert main(["onboarding", "checklist", str(bad)]) == 1
    line = (
        broken.splitlines().index(
            'key = "smart_place"', broken.splitlines().index('key = "smart_place"') + 1
        )
        + 1
    )
    assert f"{bad}:{line}: duplicate step key 'smart_place'" in capsys.readouterr().err
    # A refused replacement in the checklist folder: a warning, and the shipped checklist is used.
    folder = tmp_path / "checklists"
    folder.mkdir()
    (folder / "checklist.toml").write_text(broken, encoding="utf-8")
    assert main(["onboarding", "status", "--market", "bansong"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("market-kiosk: warning: checklist ") and "duplicate step key" in err
    assert main(["onboarding", "checklist"]) == 1
    assert "in use: " in capsys.readouterr().out


def test_checklist_command_a_file_it_cannot_read_is_bad_input(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.toml"
    assert main(["onboarding", "checklist", str(missing)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("market-kiosk: error: onboarding checklist: ")
    assert str(missing) in err[0]
    folder = tmp_path / "a-folder.toml"
    folder.mkdir()
    assert main(["onboarding", "checklist", str(folder)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(folder) in err[0]
