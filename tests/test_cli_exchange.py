"""`market-kiosk export|import|stores list|backup|restore` as a manager's script uses them."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.cli import main
from kiosk.domain.exchange import file_format as fmt
from kiosk.services.app import Services


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    database = "sqlite:///" + (tmp_path / "cli.sqlite3").as_posix()
    Services.open(database, seed_demo=True).close()
    monkeypatch.setenv("KIOSK_DATABASE_URL", database)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("KIOSK_BACKUP_DIR", raising=False)
    return database


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def _save(path: Path, rows: list[list[str]]) -> None:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    path.write_bytes(out.getvalue().encode("utf-8-sig"))


def test_export_dry_run_and_import(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "bansong.csv"
    assert main(["export", "--market", "bansong", "--out", str(out)]) == 0
    assert "24 stores" in capsys.readouterr().out
    rows = _rows(out)
    stall = rows[0].index(fmt.STALL.header)
    new = list(rows[1])
    new[stall] = "Z-1"
    for column in (fmt.KAKAO, fmt.PAYMENT_QR):  # a new stall has its own codes, not A-1's
        new[rows[0].index(column.header)] = ""
    _save(out, [r for r in rows if r[stall] != "A-2"] + [new])
    assert main(["import", str(out), "--dry-run"]) == 0
    printed = capsys.readouterr().out
    assert "stores: 1 new, 0 updated, 23 unchanged, 0 deactivated" in printed
    assert "new: Z-1 바다향 수산" in printed
    assert "not in the file: 1 active stores (A-2)" in printed
    assert "dry run: nothing was written" in printed
    with Services.open(url) as services:
        assert services.directory.list_stores(market_slug="bansong", query="Z-1") == []
    assert main(["import", str(out), "--deactivate-missing"]) == 0
    assert "imported" in capsys.readouterr().out
    with Services.open(url) as services:
        assert len(services.directory.list_stores(market_slug="bansong", query="Z-1")) == 1
        assert services.directory.list_stores(market_slug="bansong", query="A-2") == []


def test_a_refused_import_names_every_problem_and_exits_2(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "b.csv"
    main(["export", "--market", "bansong", "--out", str(out)])
    rows = _rows(out)
    price = rows[0].index(fmt.PRICE.header)
    rows[3][price] = "5,00원"
    rows[7][price] = "=A1*2"
    _save(out, rows)
    capsys.readouterr()
    assert main(["import", str(out)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == 'b.csv, row 4: 가격 "5,00원" is not a whole number of won'
    assert err[1].startswith('b.csv, row 8: 가격 "=A1*2" is a formula')
    assert err[-1] == "market-kiosk: error: b.csv: 2 problems (listed above), nothing was imported"
    assert len(err) == 3  # each problem once, then the closing line


def test_one_refused_row_is_one_problem(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "c.csv"
    main(["export", "--market", "bansong", "--out", str(out)])
    rows = _rows(out)
    rows[3][rows[0].index(fmt.PRICE.header)] = "5,00원"
    _save(out, rows)
    capsys.readouterr()
    assert main(["--lang", "en", "import", str(out)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == "market-kiosk: error: c.csv: 1 problem (listed above), nothing was imported"
    assert len(err) == 2


def test_a_closed_pipe_ends_the_listing_quietly(url: str) -> None:
    """``market-kiosk stores list | head``: the reader goes away; no traceback, no log line."""
    import subprocess
    import sys

    child = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "stores", "list", "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "KIOSK_DATABASE_URL": url},
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()  # before the child writes a byte
    err = child.stderr.read().decode()
    status = child.wait(timeout=60)
    assert err == ""
    assert status == (1 if os.name == "nt" else 141)


def test_template_and_unknown_market(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--template", "--out", str(tmp_path / "t.xlsx")]) == 0
    assert "template" in capsys.readouterr().out
    assert main(["export", "--market", "nowhere", "--out", str(tmp_path / "x.csv")]) == 2
    assert "There is no market 'nowhere'" in capsys.readouterr().err
    assert main(["export", "--out", str(tmp_path / "x.csv")]) == 2


@pytest.mark.parametrize("fmt_name", ["table", "json", "csv"])
def test_stores_list_uses_the_directory_search(
    url: str, capsys: pytest.CaptureFixture[str], fmt_name: str
) -> None:
    assert main(["stores", "list", "--search", "귤", "--format", fmt_name]) == 0
    out = capsys.readouterr().out
    if fmt_name == "json":
        rows = json.loads(out)
        assert {r["market"] for r in rows} == {"dongmun"}
        assert all(set(r) >= {"stall_number", "name", "active", "category"} for r in rows)
    elif fmt_name == "csv":
        assert out.splitlines()[0].startswith("market,stall_number,name")
    else:
        assert out.splitlines()[0].split() == [
            "market",
            "stall_number",
            "name",
            "category",
            "active",
        ]
        assert "귤빛 농원" in out


def test_backup_and_restore_from_the_command_line(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = tmp_path / "office.sqlite3"
    assert main(["backup", "--out", str(backup)]) == 0
    assert "48 stores" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))  # not a terminal: --yes is needed
    assert main(["restore", str(backup)]) == 2
    assert "add --yes" in capsys.readouterr().err
    assert main(["restore", "--yes", str(backup)]) == 0
    assert "restored" in capsys.readouterr().out
    garbage = tmp_path / "notes.sqlite3"
    garbage.write_text("not a database")
    assert main(["restore", "--yes", str(garbage)]) == 2
    assert "text file, not a SQLite database" in capsys.readouterr().err


@pytest.mark.postgres
def test_backup_on_postgresql_points_to_pg_dump(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KIOSK_DATABASE_URL", postgres_url)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert main(["backup"]) == 2
    assert "pg_dump" in capsys.readouterr().err


NAME = "치킨"  # each syllable's two CP949 bytes are also one UTF-8 character


def short_cp949_file(path: Path) -> Path:
    """What Korean Excel saves for one new stall of a sheet with English headers."""
    values = {"market": "bansong", "stall_number": "Z-7", "category": "other", "name_ko": NAME}
    header = [c.key for c in fmt.FLAT_COLUMNS]
    row = [values.get(key, "") for key in header]
    path.write_bytes(f"{','.join(header)}\r\n{','.join(row)}\r\n".encode("cp949"))
    return path


@pytest.mark.parametrize(
    "case",
    [
        ([], 2, "", "short.csv reads as two different texts. Line 2 as UTF-8: "),
        ([], 2, "", f'(CP949): "bansong,Z-7,other,{NAME}'),
        ([], 2, "", "--encoding utf-8 or --encoding cp949"),
        (["--encoding", "cp949"], 0, f"new: Z-7 {NAME}", ""),
        (["--encoding", "utf-8"], 0, "new: Z-7 ", ""),
        (["--encoding", "latin-1"], 2, "", "invalid choice: 'latin-1'"),
    ],
)
def test_the_command_line_takes_encoding(
    url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    case: tuple[list[str], int, str, str],
) -> None:
    options, status, out, err = case
    path = short_cp949_file(tmp_path / "short.csv")
    code: object
    try:
        code = main(["import", str(path), "--dry-run", *options])
    except SystemExit as exc:  # argparse refuses an unknown choice
        code = exc.code
    printed = capsys.readouterr()
    assert code == status
    assert out in printed.out and err in printed.err
    if options == ["--encoding", "utf-8"]:
        assert f"new: Z-7 {NAME}" not in printed.out


def _a1_to_a2(rows: list[list[str]], column: fmt.Column) -> None:
    header = rows[0]
    stall, index = header.index(fmt.STALL.header), header.index(column.header)
    code = next(r[index] for r in rows[1:] if r[stall] == "A-1")
    for row in rows[1:]:
        if row[stall] == "A-2":
            row[index] = code


def _set_a1(column: fmt.Column, value: str) -> Callable[[list[list[str]]], None]:
    def change(rows: list[list[str]]) -> None:
        header = rows[0]
        for row in rows[1:]:
            if row[header.index(fmt.STALL.header)] == "A-1":
                row[header.index(column.header)] = value

    return change


@pytest.mark.parametrize(
    "case",
    [
        (_set_a1(fmt.PHONE, "+82 51-123-4567"), 0, "phone: 051-000-0101 -> 051-123-4567"),
        (_set_a1(fmt.PHONE, "+82 10 1234 5678"), 0, "phone: 051-000-0101 -> 010-1234-5678"),
        (_set_a1(fmt.PRICE, "₩12,000"), 0, "price_won: 15000 -> 12000"),
        (_set_a1(fmt.PRICE, "12,000원"), 0, "price_won: 15000 -> 12000"),
        (_set_a1(fmt.PRICE, "12.000"), 2, '가격 "12.000" has a decimal point'),
        (lambda rows: _a1_to_a2(rows, fmt.PAYMENT_QR), 2, "stall A-2 (갯바위 활어) and stall A-1"),
        (lambda rows: _a1_to_a2(rows, fmt.KAKAO), 2, "is the same as stall A-1 (바다향 수산)"),
    ],
)
def test_prices_phones_and_shared_codes_on_the_command_line(
    url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    case: tuple[Callable[[list[list[str]]], None], int, str],
) -> None:
    change, status, shown = case
    out = tmp_path / "b.csv"
    main(["export", "--market", "bansong", "--out", str(out)])
    rows = _rows(out)
    change(rows)
    _save(out, rows)
    capsys.readouterr()
    assert main(["import", str(out), "--dry-run"]) == status
    printed = capsys.readouterr()
    assert shown in (printed.out if status == 0 else printed.err)
