"""The code text gate on every path: `qr pay` / `qr kakao` and the import of a CSV row."""

from __future__ import annotations

import argparse
import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from qr_helpers import zero_pay_like

from kiosk.cli.qr import add_qr_parser
from kiosk.domain.exchange import file_format as fmt
from kiosk.services.app import Services
from kiosk.services.exchange.import_export import ImportRefused

#: Characters the review used, and one of every other refused class.
REFUSED = [
    "\u200b",
    "\u2060",
    "\ufeff",
    "\u3164",
    "\u115f",
    "\u1160",
    "\uffa0",
    "\u00ad",
    "\u034f",
    "\u180e",
    "\ufe0f",
    "\U000e0100",
    "\U000e0041",
    "\u202e",
    "\u0301",
    "\ue000",
    "\u0378",
]
IDS = [f"U+{ord(c):04X}" for c in REFUSED]


def _broken(payload: str) -> str:
    return payload[:-4] + ("0000" if not payload.endswith("0000") else "FFFF")


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="market-kiosk")
    add_qr_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    result: int = args.func(args)
    return result


@pytest.mark.parametrize("char", REFUSED, ids=IDS)
@pytest.mark.parametrize("index", [0, 1, 10])
def test_qr_pay_refuses_the_payload_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], char: str, index: int
) -> None:
    payload = _broken(zero_pay_like())
    text = payload[:index] + char + payload[index:]
    assert run(["qr", "pay", "--payload", text, "--out", str(tmp_path / "p.png")]) == 2
    err = capsys.readouterr().err
    assert f"U+{ord(char):04X}" in err and f"at position {index + 1}" in err, err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("char", REFUSED, ids=IDS)
@pytest.mark.parametrize("index", [0, 3, 25])
def test_qr_kakao_refuses_the_channel_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], char: str, index: int
) -> None:
    channel = "https://pf.kakao.com/_ZeUTxl"
    text = channel[:index] + char + channel[index:]
    assert run(["qr", "kakao", text, "--out", str(tmp_path / "k.png")]) == 2
    err = capsys.readouterr().err
    assert f"U+{ord(char):04X}" in err and f"at position {index + 1}" in err, err
    assert list(tmp_path.iterdir()) == []


# --- import ------------------------------------------------------------------------------


@pytest.fixture
def services(database_url: str) -> Iterator[Services]:
    with Services.open(database_url, seed_demo=True) as opened:
        yield opened


def _exported_rows(services: Services, out: Path) -> list[list[str]]:
    services.exchange.export_listings(
        actor=services.access.console_actor(), market_slug="bansong", out=out
    )
    return list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))


def _write(path: Path, rows: list[list[str]]) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))


@pytest.mark.parametrize("char", ["\u3164", "\u200b", "\ufe0f", "\u0301", "\ue000"], ids=str)
@pytest.mark.parametrize("column", [fmt.PAYMENT_QR, fmt.KAKAO], ids=lambda c: c.key)
def test_an_import_row_with_a_refused_code_character_is_refused(
    services: Services, tmp_path: Path, char: str, column: fmt.Column
) -> None:
    out = tmp_path / "b.csv"
    rows = _exported_rows(services, out)
    header = rows[0]
    payment = header.index(fmt.PAYMENT_QR.header)
    target = next(r for r in rows[1:] if r[payment])
    stall = target[header.index(fmt.STALL.header)]
    value = _broken(target[payment]) if column is fmt.PAYMENT_QR else "_ZeUTxl"
    for row in rows[1:]:
        if row[header.index(fmt.STALL.header)] == stall:
            row[header.index(column.header)] = char + value
    _write(out, rows)
    with pytest.raises(ImportRefused) as refused:
        services.exchange.check_import(actor=services.access.console_actor(), path=out)
    lines = [str(line) for line in refused.value.lines()]
    assert any(
        column.korean in line and f"U+{ord(char):04X}" in line and "at position 1" in line
        for line in lines
    ), lines
