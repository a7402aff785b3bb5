"""Listings files at the limits: what the app exports is read, bombs and absurd files are not."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.domain.exchange import read as exchange_read
from kiosk.domain.exchange.csv_file import ExchangeFileError
from kiosk.services.app import Services
from kiosk.services.exchange import files, xlsx_scan
from kiosk.services.exchange.import_export import ImportRefused

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    with Services.open(f"sqlite:///{tmp_path / 'k.sqlite3'}", seed_demo=True) as opened:
        yield opened


def _export(services: Services, out: Path) -> Path:
    services.exchange.export_listings(
        actor=services.access.console_actor(), market_slug="bansong", out=out
    )
    return out


def _check(services: Services, path: Path) -> None:
    services.exchange.check_import(actor=services.access.console_actor(), path=path)


def test_the_limits_take_the_export_of_a_city() -> None:
    # A 30,000-store market with 10 goods a store exports ~128 MB of CSV and 300,000 rows
    # (refused by the old 100 MB / 200,000 limits); a 100,000-store one ~430 MB, 1,000,000.
    assert files.MAX_FILE_BYTES == 1024 * 1024 * 1024
    assert exchange_read.MAX_ROWS == 2_000_000
    assert xlsx_scan.MAX_UNPACKED_BYTES == 2 * 1024 * 1024 * 1024


def test_an_export_reads_back_under_the_limits(services: Services, tmp_path: Path) -> None:
    for name in ("b.csv", "b.xlsx"):
        plan = services.exchange.check_import(
            actor=services.access.console_actor(), path=_export(services, tmp_path / name)
        )
        assert len(plan.stores) == 24 and not plan.changes_anything


@pytest.mark.parametrize("name", ["b.csv", "b.xlsx"])
def test_rows_over_the_limit_are_named(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    path = _export(services, tmp_path / name)
    monkeypatch.setattr(exchange_read, "MAX_ROWS", 5)
    with pytest.raises(ImportRefused) as refused:
        _check(services, path)
    sheet = name if name.endswith(".csv") else "점포"
    assert [str(line) for line in refused.value.lines()] == [
        f"{sheet}, row 7: the file has more than 5 rows; split it by market"
    ]


def test_a_workbook_that_unpacks_too_big_is_refused(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _export(services, tmp_path / "b.xlsx")
    unpacked = sum(info.file_size for info in zipfile.ZipFile(path).infolist())
    monkeypatch.setattr(xlsx_scan, "MAX_UNPACKED_BYTES", unpacked - 1)
    with pytest.raises(ExchangeFileError, match="unpacks to far more data"):
        _check(services, path)


def test_a_workbook_of_too_many_members_is_refused(services: Services, tmp_path: Path) -> None:
    path = _export(services, tmp_path / "b.xlsx")
    with zipfile.ZipFile(path, "a") as archive:
        for number in range(xlsx_scan.MAX_MEMBERS):
            archive.writestr(f"xl/media/{number}.xml", "<a/>")
    with pytest.raises(ExchangeFileError, match="unpacks to far more data"):
        _check(services, path)


def test_a_compression_ratio_bomb_is_refused(services: Services, tmp_path: Path) -> None:
    """Under the unpacked-size limit, but compressed a thousand times: no workbook is."""
    path = _export(services, tmp_path / "b.xlsx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/z.xml", b"<a>" + b"0" * (8 * 1024 * 1024) + b"</a>")
    with pytest.raises(ExchangeFileError, match="unpacks to far more data"):
        _check(services, path)


def test_a_document_type_declaration_is_refused(services: Services, tmp_path: Path) -> None:
    source = _export(services, tmp_path / "b.xlsx")
    path = tmp_path / "dtd.xlsx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "xl/styles.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE s [<!ENTITY e "x">]>', 1)
            new.writestr(info, data)
    with pytest.raises(ExchangeFileError, match=r"not a readable \.xlsx workbook \(DTD\)"):
        _check(services, path)
    assert _export(services, tmp_path / "again.xlsx").exists()  # nothing else was touched
