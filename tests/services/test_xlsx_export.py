"""The streamed XLSX export of the demo markets: awkward texts round-trip through three readers."""

from __future__ import annotations

import csv
import errno
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from kiosk.domain.exchange import file_format as fmt
from kiosk.domain.exchange.csv_file import ExchangeFileError
from kiosk.render.atomic import OutputPathError
from kiosk.services.app import Services
from kiosk.services.exchange import import_export, xlsx_write
from kiosk.services.exchange.import_export import ImportRefused
from kiosk.services.exchange.xlsx import write_workbook

LONG = ("새벽마다 들여온 생선과 조개를 팝니다. 東門市場 🐟\n" * 60)[:2000].rstrip()
#: Column -> a text as the manager types it in a CSV (a formula start protected with ').
AWKWARD = {
    fmt.NAMES[0]: "바다 수산 🦀🐟 東門",
    fmt.NAMES[1]: "<Sea> & \"Fish\" 'n' chips",
    fmt.NAMES[2]: "海の幸 🍣🦑",
    fmt.DESCRIPTIONS[0]: LONG,
    fmt.PHONE: "010-0123-4567",
    fmt.GOOD_NAMES[0]: "'=SUM(A1:A3)",
    fmt.UNIT: "<개>",
}


pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def services(database_url: str) -> Iterator[Services]:
    with Services.open(database_url, seed_demo=True) as opened:
        yield opened


def _give_awkward_texts(services: Services, tmp_path: Path, market: str) -> str:
    """Store the awkward texts in the market's first stall (through a CSV import)."""
    console = services.access.console_actor()
    out = tmp_path / f"{market}.csv"
    services.exchange.export_listings(actor=console, market_slug=market, out=out)
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))
    stall_at = rows[0].index(fmt.STALL.header)
    stall = rows[1][stall_at]
    for row in rows[1:]:
        if row[stall_at] == stall:
            for column, text in AWKWARD.items():
                if column in fmt.STORE_COLUMNS or row is rows[1]:  # a good's only in its row
                    row[rows[0].index(column.header)] = text
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    out.write_bytes(buffer.getvalue().encode("utf-8-sig"))
    plan = services.exchange.check_import(actor=console, path=out)
    services.exchange.apply_import(actor=console, plan=plan)
    return stall


def _as_written(column: fmt.Column) -> str:
    return AWKWARD[column]  # the CSV cell and the workbook cell hold the same safe text


@pytest.mark.parametrize("market", ["bansong", "dongmun"])
def test_awkward_texts_round_trip_through_three_readers(
    services: Services, tmp_path: Path, market: str
) -> None:
    stall = _give_awkward_texts(services, tmp_path, market)
    console = services.access.console_actor()
    book = tmp_path / f"{market}.xlsx"
    services.exchange.export_listings(actor=console, market_slug=market, out=book)

    # Our importer: nothing to change, and the texts are the ones stored.
    plan = services.exchange.check_import(actor=console, path=book)
    assert not plan.changes_anything and not plan.missing
    store = next(
        s for s in services.directory.list_stores(market_slug=market) if s.stall_number == stall
    )
    detail = services.directory.get_store(store_id=store.id)
    assert detail.phone == "010-0123-4567" and detail.description.get("ko") == LONG
    assert detail.products[0].name.get("ko") == "=SUM(A1:A3)"

    # calamine and openpyxl (read-only and normal) see the same cells.
    with CalamineWorkbook.from_path(book) as read:
        by_calamine = read.get_sheet_by_name(fmt.STORES_SHEET).to_python()
        goods_by_calamine = read.get_sheet_by_name(fmt.GOODS_SHEET).to_python()
    for read_only in (True, False):
        opened = openpyxl.load_workbook(book, read_only=read_only)
        stores = [list(r) for r in opened[fmt.STORES_SHEET].iter_rows(values_only=True)]
        goods = [list(r) for r in opened[fmt.GOODS_SHEET].iter_rows(values_only=True)]
        opened.close()
        assert [[v or "" for v in r] for r in stores] == by_calamine
        assert len(goods) == len(goods_by_calamine)
        header, row = stores[0], next(r for r in stores if r[1] == stall)
        for column in (fmt.NAMES[0], fmt.NAMES[1], fmt.NAMES[2], fmt.DESCRIPTIONS[0], fmt.PHONE):
            assert row[header.index(column.header)] == _as_written(column)
        good_header = goods[0]
        good = next(r for r in goods if r[0] == stall)
        assert good[good_header.index(fmt.GOOD_NAMES[0].header)] == "'=SUM(A1:A3)"
        assert good[good_header.index(fmt.UNIT.header)] == "<개>"
        assert isinstance(good[good_header.index(fmt.PRICE.header)], int)


def test_a_control_character_in_a_workbook_is_refused_by_name(
    services: Services, tmp_path: Path
) -> None:
    """Written as Excel writes it (_x000B_), read back as the character, and refused."""
    book = tmp_path / "control.xlsx"
    export = tmp_path / "b.xlsx"
    console = services.access.console_actor()
    services.exchange.export_listings(actor=console, market_slug="bansong", out=export)
    opened = openpyxl.load_workbook(export, read_only=True)
    stores = [list(r) for r in opened[fmt.STORES_SHEET].iter_rows(values_only=True)]
    goods = [list(r) for r in opened[fmt.GOODS_SHEET].iter_rows(values_only=True)]
    opened.close()
    stores[1][stores[0].index(fmt.NAMES[0].header)] = "바다\x0b수산"
    write_workbook(book, stores, goods)
    with pytest.raises(ImportRefused) as refused:
        services.exchange.check_import(actor=console, path=book)
    lines = [str(line) for line in refused.value.lines()]
    # U+000B: the reader gave back the character itself, not the _x000B_ of the file
    assert lines[0] == "점포, row 2: 점포 이름 contains an invisible or control character (U+000B)"


def _exported(services: Services, folder: Path) -> tuple[Path, bytes]:
    """An earlier export of bansong, alone in *folder*, and its bytes."""
    folder.mkdir()
    out = folder / "b.xlsx"
    services.exchange.export_listings(
        actor=services.access.console_actor(), market_slug="bansong", out=out
    )
    return out, out.read_bytes()


def test_a_full_disk_while_streaming_keeps_the_old_file(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    console = services.access.console_actor()
    out, old = _exported(services, tmp_path / "out")
    real = xlsx_write._write_sheet
    calls = []

    def fill_up(
        stream: IO[bytes], sheet: xlsx_write.Sheet, first: bool, shared: dict[str, int]
    ) -> None:
        calls.append(sheet.title)
        if len(calls) == 2:  # the first sheet is in the file, the disk fills up on the second
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(stream, sheet, first, shared)

    monkeypatch.setattr(xlsx_write, "_write_sheet", fill_up)
    with pytest.raises(OutputPathError, match="the disk is full"):
        services.exchange.export_listings(actor=console, market_slug="dongmun", out=out)
    assert out.read_bytes() == old
    assert [p.name for p in out.parent.iterdir()] == ["b.xlsx"]  # no temp file left


def test_a_broken_character_stops_the_export_and_keeps_the_old_file(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    console = services.access.console_actor()
    out, old = _exported(services, tmp_path / "out")
    real = import_export._listings_rows

    def broken(*args: object, **kwargs: object) -> list[list[list[object]]]:
        sheets = real(*args, **kwargs)  # type: ignore[arg-type]
        sheets[1][3][1] = "생\ud83d고등어"  # half of an emoji
        return sheets  # type: ignore[return-value]

    monkeypatch.setattr(import_export, "_listings_rows", broken)
    with pytest.raises(ExchangeFileError, match=r"^sheet 상품, row 4, column B: .*U\+D83D"):
        services.exchange.export_listings(actor=console, market_slug="bansong", out=out)
    assert out.read_bytes() == old
    assert [p.name for p in out.parent.iterdir()] == ["b.xlsx"]  # no temp file left
