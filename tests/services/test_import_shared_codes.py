"""One payment code and one KakaoTalk channel per stall: import and the store form refuse a
code another stall has, naming both stalls; codes a stall already has stay importable."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import update

from kiosk.data.db import Database
from kiosk.data.models import Store
from kiosk.domain.access import CodeProof, Secret
from kiosk.domain.exchange import file_format as fmt
from kiosk.domain.store_edit.draft import EditRefused, draft_from
from kiosk.services.app import Services
from kiosk.services.exchange.import_export import ImportRefused

PASSWORD = "market-office-2026"
Rows = list[list[str]]


pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def services(db: Database) -> Services:
    services = Services(db)
    services.listings.load_demo()
    return services


def _export(services: Services, tmp_path: Path, slug: str = "bansong") -> Rows:
    out = tmp_path / f"{slug}.csv"
    console = services.access.console_actor()
    services.exchange.export_listings(actor=console, market_slug=slug, out=out)
    return list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))


def _cell(rows: Rows, stall: str, column: fmt.Column) -> str:
    header = rows[0]
    row = next(r for r in rows[1:] if r[header.index(fmt.STALL.header)] == stall)
    return row[header.index(column.header)]


def _set(rows: Rows, stall: str, column: fmt.Column, value: str) -> None:
    header = rows[0]
    for row in rows[1:]:
        if row[header.index(fmt.STALL.header)] == stall:
            row[header.index(column.header)] = value


def _first_row(rows: Rows, stall: str) -> int:
    header = rows[0]
    return next(
        n for n, r in enumerate(rows, start=1) if r[header.index(fmt.STALL.header)] == stall
    )


def _write(path: Path, rows: Rows) -> Path:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))
    return path


def _give_a1_payment_to_a2(rows: Rows, _other: Rows) -> str:
    _set(rows, "A-2", fmt.PAYMENT_QR, _cell(rows, "A-1", fmt.PAYMENT_QR))
    return (
        f"row {_first_row(rows, 'A-2')}: {fmt.PAYMENT_QR.korean} is the same as stall A-1 "
        f"(바다향 수산) in row {_first_row(rows, 'A-1')}; stall A-2 (갯바위 활어) and stall "
        "A-1 cannot share it"
    )


def _give_a1_kakao_to_a2(rows: Rows, _other: Rows) -> str:
    _set(rows, "A-2", fmt.KAKAO, _cell(rows, "A-1", fmt.KAKAO))
    return f"row {_first_row(rows, 'A-2')}: {fmt.KAKAO.korean} is the same as stall A-1"


def _give_a1_payment_but_leave_a1_out(rows: Rows, _other: Rows) -> str:
    _set(rows, "A-2", fmt.PAYMENT_QR, _cell(rows, "A-1", fmt.PAYMENT_QR))
    rows[:] = [rows[0], *(r for r in rows[1:] if r[rows[0].index(fmt.STALL.header)] != "A-1")]
    return (
        f"{fmt.PAYMENT_QR.korean} is already saved for stall A-1 (바다향 수산) of the market "
        "bansong; stall A-2 (갯바위 활어) cannot have it too"
    )


def _take_another_markets_channel(rows: Rows, other: Rows) -> str:
    _set(rows, "A-2", fmt.KAKAO, _cell(other, "A-1", fmt.KAKAO))
    return (
        f"{fmt.KAKAO.korean} is already saved for stall A-1 (귤빛 농원) of the market dongmun; "
        "stall A-2 (갯바위 활어) cannot have it too"
    )


@pytest.mark.parametrize(
    "change",
    [
        _give_a1_payment_to_a2,
        _give_a1_kakao_to_a2,
        _give_a1_payment_but_leave_a1_out,
        _take_another_markets_channel,
    ],
)
def test_a_code_another_stall_has_is_refused_naming_both(
    services: Services, tmp_path: Path, change: Callable[[Rows, Rows], str]
) -> None:
    rows, other = _export(services, tmp_path), _export(services, tmp_path, "dongmun")
    expected = change(rows, other)
    before = services.directory.list_store_details(market_slug="bansong", active_only=False)
    with pytest.raises(ImportRefused) as refused:
        services.exchange.check_import(
            actor=services.access.console_actor(), path=_write(tmp_path / "x.csv", rows)
        )
    lines = [str(line) for line in refused.value.lines()]
    assert any(expected in line for line in lines), lines
    after = services.directory.list_store_details(market_slug="bansong", active_only=False)
    assert after == before


def test_swapping_two_stalls_codes_in_one_file_is_fine(services: Services, tmp_path: Path) -> None:
    rows = _export(services, tmp_path)
    one, three = (_cell(rows, s, fmt.PAYMENT_QR) for s in ("A-1", "A-3"))
    _set(rows, "A-1", fmt.PAYMENT_QR, three)
    _set(rows, "A-3", fmt.PAYMENT_QR, one)
    console = services.access.console_actor()
    plan = services.exchange.check_import(actor=console, path=_write(tmp_path / "s.csv", rows))
    services.exchange.apply_import(actor=console, plan=plan)
    stores = {
        s.stall_number: s
        for s in services.directory.list_store_details(market_slug="bansong", active_only=False)
    }
    assert (stores["A-1"].payment_qr_payload, stores["A-3"].payment_qr_payload) == (three, one)


def test_codes_two_stalls_already_share_stay_importable(
    services: Services, db: Database, tmp_path: Path
) -> None:
    """Old data with a shared code is not refused again; only a new sharing is."""
    rows = _export(services, tmp_path)
    payload = _cell(rows, "A-1", fmt.PAYMENT_QR)
    with db.engine.begin() as conn:
        conn.execute(
            update(Store)
            .where(Store.stall_number == "A-2", Store.market_id == 1)
            .values(payment_qr_payload=payload)
        )
    rows = _export(services, tmp_path)
    _set(rows, "A-2", fmt.PHONE, "+82 51-000-0999")
    plan = services.exchange.check_import(
        actor=services.access.console_actor(), path=_write(tmp_path / "old.csv", rows)
    )
    assert [p.stall for p in plan.changed()] == ["A-2"]
    assert plan.changed()[0].listing.phone == "051-000-0999"


def test_the_store_form_refuses_another_stalls_code(services: Services) -> None:
    console = services.access.console_actor()
    services.access.set_manager_password(actor=console, password=Secret(PASSWORD))
    manager = services.access.sign_in_manager(password=Secret(PASSWORD))
    bansong = services.directory.list_store_details(market_slug="bansong", active_only=False)
    dongmun = services.directory.list_store_details(market_slug="dongmun", active_only=False)
    a1, a2 = bansong[0], bansong[1]
    draft = replace(
        draft_from(a2),
        payment=a1.payment_qr_payload or "",
        kakao=dongmun[0].kakao_channel_id or "",
    )
    with pytest.raises(EditRefused) as refused:
        services.listings.save_store(
            actor=manager,
            market_slug="bansong",
            base=a2,
            draft=draft,
            proof=CodeProof("password", Secret(PASSWORD)),
        )
    problems = {p.field: str(p.message) for p in refused.value.problems}
    assert problems == {
        "kakao_channel": "KakaoTalk channel: stall A-1 (귤빛 농원) of the market dongmun already "
        "has this; stall A-2 (갯바위 활어) cannot have it too. Each stall needs its own.",
        "payment_qr": "Zero Pay payment QR: stall A-1 (바다향 수산) of the market bansong already "
        "has this; stall A-2 (갯바위 활어) cannot have it too. Each stall needs its own.",
    }
    assert services.directory.get_store(store_id=a2.id) == a2
    unchanged = replace(draft_from(a1), phone="+82 51-000-0111")  # its own code: fine
    saved = services.listings.save_store(
        actor=manager, market_slug="bansong", base=a1, draft=unchanged
    )
    assert saved.phone == "051-000-0111" and saved.payment_qr_payload == a1.payment_qr_payload


@pytest.mark.parametrize("field", ["kakao_channel", "payment_qr"])
def test_the_merchant_qr_screen_refuses_another_stalls_code(services: Services, field: str) -> None:
    from kiosk.services.qr.input_error import QrInputError
    from kiosk.services.qr.store_codes import check_kakao, check_payment

    console = services.access.console_actor()
    services.access.set_manager_password(actor=console, password=Secret(PASSWORD))
    a1, a2 = services.directory.list_store_details(market_slug="bansong", active_only=False)[:2]
    kakao = check_kakao(a1.kakao_channel_id or "") if field == "kakao_channel" else None
    payment = check_payment(a1.payment_qr_payload or "") if field == "payment_qr" else None
    with pytest.raises(QrInputError) as refused:
        services.codes.save_store_codes(
            proof=CodeProof("password", Secret(PASSWORD)),
            store_id=a2.id,
            expected_version=a2.version,
            kakao=kakao,
            payment=payment,
        )
    assert refused.value.field == field
    assert str(refused.value).endswith(
        ": stall A-1 (바다향 수산) of the market bansong already has this; stall A-2 "
        "(갯바위 활어) cannot have it too. Each stall needs its own."
    )
    assert services.directory.get_store(store_id=a2.id) == a2
    again = services.codes.save_store_codes(  # a1 saving its own codes again is fine
        proof=CodeProof("password", Secret(PASSWORD)),
        store_id=a1.id,
        expected_version=a1.version,
        kakao=check_kakao(a1.kakao_channel_id or ""),
        payment=check_payment(a1.payment_qr_payload or ""),
    )
    assert again.payment_qr_payload == a1.payment_qr_payload


def test_a_code_saved_elsewhere_after_the_check_stops_the_import(
    services: Services, tmp_path: Path
) -> None:
    from kiosk.services.exchange.bulk import ImportStale
    from kiosk.services.qr.store_codes import check_payment

    console = services.access.console_actor()
    services.access.set_manager_password(actor=console, password=Secret(PASSWORD))
    proof = CodeProof("password", Secret(PASSWORD))
    a1, _a2, a3 = services.directory.list_store_details(market_slug="bansong", active_only=False)[
        :3
    ]
    payload = a1.payment_qr_payload or ""
    services.codes.save_store_codes(  # A-1 gives its payload up: it is free
        proof=proof, store_id=a1.id, expected_version=a1.version, kakao=None, payment=None
    )
    rows = _export(services, tmp_path)
    added = list(rows[-1])
    header = rows[0]
    added[header.index(fmt.STALL.header)] = "Z-1"
    added[header.index(fmt.KAKAO.header)] = ""
    added[header.index(fmt.PAYMENT_QR.header)] = payload
    rows.append(added)
    plan = services.exchange.check_import(actor=console, path=_write(tmp_path / "z.csv", rows))
    a3 = services.directory.get_store(store_id=a3.id)
    services.codes.save_store_codes(  # meanwhile, on another PC, A-3 takes it
        proof=proof,
        store_id=a3.id,
        expected_version=a3.version,
        kakao=None,
        payment=check_payment(payload),
    )
    with pytest.raises(ImportStale, match="saved for another stall on another PC"):
        services.exchange.apply_import(actor=console, plan=plan)
    assert services.directory.list_stores(market_slug="bansong", query="Z-1") == []
