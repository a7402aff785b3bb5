"""Listings import/export through the services, on real files and real SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import dataclasses
import io
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from kiosk.domain.access import CodeProof, PermissionDenied, Secret
from kiosk.domain.audit import AuditAction
from kiosk.domain.exchange import file_format as fmt
from kiosk.domain.exchange.csv_file import ExchangeFileError
from kiosk.domain.exchange.plan import PlanKind
from kiosk.domain.store_edit.draft import draft_from
from kiosk.services.app import Services
from kiosk.services.changes import Change
from kiosk.services.exchange.bulk import ImportStale
from kiosk.services.exchange.import_export import ImportRefused

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def services(database_url: str) -> Iterator[Services]:
    with Services.open(database_url, seed_demo=True) as opened:
        yield opened


def _counts(services: Services, slug: str) -> tuple[int, int]:
    stores = services.directory.list_store_details(market_slug=slug, active_only=False)
    return len(stores), sum(len(s.products) for s in stores)


def _csv_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def _set(rows: list[list[str]], stall: str, column: fmt.Column, value: str) -> None:
    """Change a store column on every row of *stall* (one row per good repeats it)."""
    header = rows[0]
    for row in rows[1:]:
        if row[header.index(fmt.STALL.header)] == stall:
            row[header.index(column.header)] = value


def _write_cp949(path: Path, rows: list[list[str]]) -> None:
    """What Korean Excel's "CSV (쉼표로 분리)" writes: CP949, CRLF, minimal quoting, and "?"
    for every character CP949 cannot hold (most simplified Chinese ones)."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode("cp949", errors="replace"))


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_import_export_is_byte_for_byte(
    services: Services, tmp_path: Path, suffix: str
) -> None:
    console = services.access.console_actor()
    first = tmp_path / f"first{suffix}"
    result = services.exchange.export_listings(actor=console, market_slug="bansong", out=first)
    assert (result.stores, result.goods) == _counts(services, "bansong")
    plan = services.exchange.check_import(actor=console, path=first)
    assert plan.market_slug == "bansong" and not plan.changes_anything and not plan.missing
    services.exchange.apply_import(actor=console, plan=plan)
    second = tmp_path / f"second{suffix}"
    services.exchange.export_listings(actor=console, market_slug="bansong", out=second)
    assert first.read_bytes() == second.read_bytes()


def test_csv_is_utf8_with_bom_and_crlf(services: Services, tmp_path: Path) -> None:
    out = tmp_path / "d.csv"
    services.exchange.export_listings(
        actor=services.access.console_actor(), market_slug="dongmun", out=out
    )
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") >= 100 and b"\n" not in data.replace(b"\r\n", b"")
    header = _csv_rows(out)[0]
    assert header[0] == "시장 (market)" and "가격 (price_won)" in header


def test_template_has_only_headers_and_the_guide(services: Services, tmp_path: Path) -> None:
    out = tmp_path / "template.xlsx"
    services.exchange.export_listings(
        actor=services.access.console_actor(), market_slug="", out=out, template=True
    )
    book = openpyxl.load_workbook(out, read_only=True)
    assert book.sheetnames == [fmt.STORES_SHEET, fmt.GOODS_SHEET, fmt.GUIDE_SHEET]
    stores = list(book[fmt.STORES_SHEET].iter_rows(values_only=True))
    assert stores == [tuple(c.header for c in fmt.STORE_COLUMNS)]
    book.close()
    with pytest.raises(ImportRefused, match="only the header row"):
        services.exchange.check_import(
            actor=services.access.console_actor(), path=out, market_slug="bansong"
        )


def test_the_manager_story_in_korean_excel(services: Services, tmp_path: Path) -> None:
    """Export, change prices and add two stalls, save as CP949 CSV and as XLSX, dry run,
    fix the row the app names, import, and find the result in the tourist directory."""
    console = services.access.console_actor()
    exported = tmp_path / "반송.csv"
    services.exchange.export_listings(actor=console, market_slug="bansong", out=exported)
    rows = _csv_rows(exported)
    header = rows[0]
    price, stall, name = (header.index(c.header) for c in (fmt.PRICE, fmt.STALL, fmt.NAMES[0]))
    good = header.index(fmt.GOOD_NAMES[0].header)
    rows[1][price] = "5,500"  # A-1's first good, typed with a thousands separator
    new_one = list(rows[1])
    new_one[stall], new_one[name], new_one[good] = "Z-1", "새벽 어시장", "대게"
    new_two = list(rows[1])
    new_two[stall], new_two[name], new_two[good] = "Z-2", "햇살 과일", "천혜향"
    new_two[price] = "12,00원"  # the mistake the dry run names
    for copied in (new_one, new_two):  # a new stall has its own codes, not A-1's
        for column in (fmt.KAKAO, fmt.PAYMENT_QR):
            copied[header.index(column.header)] = ""
    rows += [new_one, new_two]
    edited = tmp_path / "반송-수정.csv"
    _write_cp949(edited, rows)

    with pytest.raises(ImportRefused) as refused:
        services.exchange.check_import(actor=console, path=edited)
    assert [str(line) for line in refused.value.lines()] == [
        f'반송-수정.csv, row {len(rows)}: 가격 "12,00원" is not a whole number of won'
    ]
    assert _counts(services, "bansong")[0] == 24  # nothing written

    rows[-1][price] = "12000"
    _write_cp949(edited, rows)
    plan = services.exchange.check_import(actor=console, path=edited)
    assert (plan.count(PlanKind.NEW), plan.count(PlanKind.UPDATED)) == (2, 1)
    assert plan.changed_goods == 1 and plan.new_goods == 2
    services.exchange.apply_import(actor=console, plan=plan)

    found = services.directory.list_stores(market_slug="bansong", query="천혜향")
    assert [s.stall_number for s in found] == ["Z-2"]
    a1 = next(
        s for s in services.directory.list_stores(market_slug="bansong") if s.stall_number == "A-1"
    )
    assert services.directory.get_store(store_id=a1.id).products[0].price_won == 5500

    # The same edit made in an XLSX workbook: nothing left to change.
    book = tmp_path / "반송.xlsx"
    services.exchange.export_listings(actor=console, market_slug="bansong", out=book)
    workbook = openpyxl.load_workbook(book)
    goods = workbook[fmt.GOODS_SHEET]
    goods.cell(row=2, column=1 + 1 + 5).value = 6000  # A-1's first good: 가격
    workbook.save(book)
    plan = services.exchange.check_import(actor=console, path=book)
    assert plan.count(PlanKind.UPDATED) == 1 and plan.changed_goods == 1
    services.exchange.apply_import(actor=console, plan=plan)
    assert services.directory.get_store(store_id=a1.id).products[0].price_won == 6000


def test_one_entry_in_the_audit_log_and_a_change_for_the_screens(
    services: Services, tmp_path: Path
) -> None:
    console = services.access.console_actor()
    out = tmp_path / "b.csv"
    services.exchange.export_listings(actor=console, market_slug="bansong", out=out)
    rows = _csv_rows(out)
    _set(rows, "A-1", fmt.PHONE, "051-000-9999")
    _write_cp949(out, rows)
    seen: list[Change] = []
    services.changes.subscribe(seen.append)
    result = services.exchange.apply_import(
        actor=console, plan=services.exchange.check_import(actor=console, path=out)
    )
    [entry] = services.audit.audit_log(actor=console, actions=(AuditAction.LISTINGS_IMPORTED,))
    assert entry.subject.startswith("b.csv: 0 new, 1 updated")
    assert [(c.field, c.old, c.new) for c in entry.changes] == [
        ("A-1.phone", "051-000-0101", "051-000-9999")
    ]
    assert seen and seen[-1].market_slug == "bansong"
    assert set(result.store_ids) == set(seen[-1].store_ids)


def test_missing_stores_are_reported_and_deactivated_only_when_asked(
    services: Services, tmp_path: Path
) -> None:
    console = services.access.console_actor()
    out = tmp_path / "b.csv"
    services.exchange.export_listings(actor=console, market_slug="bansong", out=out)
    rows = _csv_rows(out)
    stall = rows[0].index(fmt.STALL.header)
    kept = [rows[0], *(r for r in rows[1:] if r[stall] != "A-1")]
    _write_cp949(out, kept)
    plan = services.exchange.check_import(actor=console, path=out)
    assert plan.missing == ("A-1",) and not plan.changes_anything
    services.exchange.apply_import(actor=console, plan=plan)
    assert len(services.directory.list_stores(market_slug="bansong", query="A-1")) == 1
    plan = services.exchange.check_import(actor=console, path=out, deactivate_missing=True)
    assert plan.count(PlanKind.DEACTIVATED) == 1
    services.exchange.apply_import(actor=console, plan=plan)
    assert services.directory.list_stores(market_slug="bansong", query="바다향") == []
    assert _counts(services, "bansong")[0] == 24  # deactivated, not removed


def test_a_store_changed_after_the_dry_run_stops_the_import(
    services: Services, tmp_path: Path
) -> None:
    console = services.access.console_actor()
    out = tmp_path / "b.csv"
    services.exchange.export_listings(actor=console, market_slug="bansong", out=out)
    rows = _csv_rows(out)
    _set(rows, "A-1", fmt.PHONE, "051-000-7777")
    rows.append([*rows[1]])
    rows[-1][rows[0].index(fmt.STALL.header)] = "Z-9"
    for column in (fmt.KAKAO, fmt.PAYMENT_QR):  # a new stall has its own codes, not A-1's
        rows[-1][rows[0].index(column.header)] = ""
    _write_cp949(out, rows)
    plan = services.exchange.check_import(actor=console, path=out)
    a1 = services.directory.list_stores(market_slug="bansong", query="A-1")[0]
    base = services.directory.get_store(store_id=a1.id)
    services.listings.save_store(
        actor=console,
        market_slug="bansong",
        base=base,
        draft=dataclasses.replace(draft_from(base), phone="051-000-1234"),
    )
    with pytest.raises(ImportStale, match="changed on another PC"):
        services.exchange.apply_import(actor=console, plan=plan)
    assert services.directory.list_stores(market_slug="bansong", query="Z-9") == []
    assert services.directory.get_store(store_id=a1.id).phone == "051-000-1234"


def test_codes_go_through_the_qr_checks(services: Services, tmp_path: Path) -> None:
    console = services.access.console_actor()
    out = tmp_path / "b.csv"
    services.exchange.export_listings(actor=console, market_slug="bansong", out=out)
    rows = _csv_rows(out)
    payment = rows[0].index(fmt.PAYMENT_QR.header)
    stall = rows[0].index(fmt.STALL.header)
    _set(rows, "A-1", fmt.KAKAO, "https://pf.kakao.com@evil.example/_x")
    target = next(r for r in rows[1:] if r[payment])
    payload = target[payment]
    broken = payload[:-1] + ("0" if payload[-1] != "0" else "1")  # wrong CRC
    _set(rows, target[stall], fmt.PAYMENT_QR, broken)
    _write_cp949(out, rows)
    with pytest.raises(ImportRefused) as refused:
        services.exchange.check_import(actor=console, path=out)
    lines = [str(line) for line in refused.value.lines()]
    assert any("row 2: 카카오톡 채널" in line and "evil.example" in line for line in lines), lines
    assert any("결제 QR 내용" in line and "CRC" in line for line in lines), lines


def test_a_signed_in_manager_needs_the_password_again_for_codes(
    services: Services, tmp_path: Path
) -> None:
    password = "office-password-2026"
    manager = services.access.set_first_manager_password(
        password=Secret(password),
        setup_code=Secret(services.access.issue_setup_code(actor=services.access.console_actor())),
    )
    out = tmp_path / "b.csv"
    services.exchange.export_listings(actor=manager, market_slug="bansong", out=out)
    rows = _csv_rows(out)
    kakao = rows[0].index(fmt.KAKAO.header)
    stall = rows[0].index(fmt.STALL.header)
    for row in rows[1:]:
        if row[stall] == "A-1":
            row[kakao] = "_NewDemo1"
    _write_cp949(out, rows)
    plan = services.exchange.check_import(actor=manager, path=out)
    assert plan.touches_codes
    with pytest.raises(PermissionDenied):
        services.exchange.apply_import(actor=manager, plan=plan)
    proof = CodeProof("password", Secret(password))
    services.exchange.apply_import(actor=manager, plan=plan, proof=proof)
    a1 = services.directory.list_stores(market_slug="bansong", query="A-1")[0]
    assert services.directory.get_store(store_id=a1.id).kakao_channel_id == "_NewDemo1"


def test_the_file_market_and_the_asked_market_must_agree(
    services: Services, tmp_path: Path
) -> None:
    console = services.access.console_actor()
    out = tmp_path / "b.csv"
    services.exchange.export_listings(actor=console, market_slug="bansong", out=out)
    with pytest.raises(ExchangeFileError, match='for the market "bansong", not "dongmun"'):
        services.exchange.check_import(actor=console, path=out, market_slug="dongmun")
    rows = [r[1:] for r in _csv_rows(out)]  # no market column
    _write_cp949(out, rows)
    with pytest.raises(ExchangeFileError, match="say which market"):
        services.exchange.check_import(actor=console, path=out)
    assert not services.exchange.check_import(
        actor=console, path=out, market_slug="bansong"
    ).missing


# Files that are not listings ----------------------------------------------------------------------
def test_an_xlsx_bomb_is_refused_before_parsing(services: Services, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"<a>" + b"0" * (450 * 1024 * 1024) + b"</a>")
    with pytest.raises(ExchangeFileError, match="unpacks to far more data"):
        services.exchange.check_import(
            actor=services.access.console_actor(), path=bomb, market_slug="bansong"
        )


def test_an_xml_entity_bomb_is_refused(services: Services, tmp_path: Path) -> None:
    out = tmp_path / "ok.xlsx"
    services.exchange.export_listings(
        actor=services.access.console_actor(), market_slug="bansong", out=out
    )
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row>'
        b"</sheetData></worksheet>"
    )
    bomb = tmp_path / "laughs.xlsx"
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(bomb, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info, laughs if info.filename == "xl/worksheets/sheet1.xml" else data)
    with pytest.raises(ExchangeFileError, match=r"not a readable \.xlsx workbook"):
        services.exchange.check_import(actor=services.access.console_actor(), path=bomb)


def test_a_formula_cell_in_a_workbook_is_named(services: Services, tmp_path: Path) -> None:
    out = tmp_path / "b.xlsx"
    services.exchange.export_listings(
        actor=services.access.console_actor(), market_slug="bansong", out=out
    )
    book = openpyxl.load_workbook(out)
    book[fmt.GOODS_SHEET].cell(row=3, column=7).value = "=5000*2"
    book.save(out)
    with pytest.raises(ImportRefused) as refused:
        services.exchange.check_import(actor=services.access.console_actor(), path=out)
    assert [str(line) for line in refused.value.lines()] == [
        '상품, row 3: 가격 "=5000*2" is a formula; type the value itself (or start the cell '
        "with ')"
    ]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "the file is empty"),
        ("점포 번호 (stall_number),가격 (price_won)\r\n".encode(), "lacks the columns"),
        (b"\xd0\xcf\x11\xe0old excel", "old .xls workbook"),
        (b"PK\x03\x04not really a zip", "not a readable .xlsx"),
    ],
)
def test_files_that_are_not_listings(
    services: Services, tmp_path: Path, content: bytes, words: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises((ImportRefused, ExchangeFileError), match=words):
        services.exchange.check_import(
            actor=services.access.console_actor(), path=path, market_slug="bansong"
        )


def test_a_file_over_the_size_limit_is_not_read(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:
        handle.truncate(1025 * 1024 * 1024)  # sparse: no disk used
    with pytest.raises(ExchangeFileError, match="at most 1024 MB"):
        services.exchange.check_import(
            actor=services.access.console_actor(), path=path, market_slug="bansong"
        )
    assert os.path.getsize(path) > 1024 * 1024 * 1024


def test_export_refuses_an_unknown_kind_and_a_missing_folder(
    services: Services, tmp_path: Path
) -> None:
    from kiosk.render.atomic import OutputPathError

    console = services.access.console_actor()
    with pytest.raises(ExchangeFileError, match=r"\.csv or \.xlsx"):
        services.exchange.export_listings(
            actor=console, market_slug="bansong", out=tmp_path / "b.ods"
        )
    with pytest.raises(OutputPathError, match="does not exist"):
        services.exchange.export_listings(
            actor=console, market_slug="bansong", out=tmp_path / "x" / "b.csv"
        )
