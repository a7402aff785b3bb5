"""`market-kiosk restore` refuses hostile backups with status 2; a good one leaves a working app."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.cli import main
from kiosk.services.app import Services


@pytest.fixture
def live(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cli.sqlite3"
    database = "sqlite:///" + path.as_posix()
    Services.open(database, seed_demo=True).close()
    monkeypatch.setenv("KIOSK_DATABASE_URL", database)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("KIOSK_BACKUP_DIR", raising=False)
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("plant", "words"),
    [
        (
            "CREATE TRIGGER pay AFTER UPDATE ON stores BEGIN "
            "UPDATE stores SET payment_qr_payload = 'x' WHERE id = NEW.id; END",
            'the trigger "pay" (table stores) was not made by Market Kiosk',
        ),
        ("DROP TABLE credentials", 'the table "credentials" of schema'),
        ("UPDATE products SET price_won = 'free' WHERE id = 4", "table products, row 4"),
    ],
)
def test_restore_refuses_a_hostile_backup_with_status_2(
    live: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], plant: str, words: str
) -> None:
    backup = tmp_path / "office.sqlite3"
    assert main(["backup", "--out", str(backup)]) == 0
    with sqlite3.connect(backup) as conn:
        conn.execute(plant)
    conn.close()
    capsys.readouterr()
    before = _digest(live)
    assert main(["restore", "--yes", str(backup)]) == 2
    assert words in capsys.readouterr().err
    assert _digest(live) == before


def test_restore_refuses_the_live_file_and_a_link_to_it(
    live: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "link.sqlite3"
    link.symlink_to(live)
    for source in (live, link):
        assert main(["restore", "--yes", str(source)]) == 2
        assert "is the database in use" in capsys.readouterr().err


def test_after_a_good_restore_stores_list_and_export_work(
    live: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "office.sqlite3"
    assert main(["backup", "--out", str(backup)]) == 0
    assert main(["restore", "--yes", str(backup)]) == 0
    assert "restored" in capsys.readouterr().out
    assert main(["stores", "list", "--format", "json"]) == 0
    assert "귤빛 농원" in capsys.readouterr().out
    out = tmp_path / "bansong.csv"
    assert main(["export", "--market", "bansong", "--out", str(out)]) == 0
    assert "24 stores" in capsys.readouterr().out
