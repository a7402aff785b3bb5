"""전국전통시장표준데이터 (the national standard data of traditional markets) read into markets."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import IO, Final

from kiosk.domain.market_days import parse_market_days
from kiosk.domain.market_profile import MarketProfile
from kiosk.domain.messages import N_, Message, define
from kiosk.domain.payments import PaymentMethod
from kiosk.domain.public_data.stream import (
    OTHER_DATASET,
    Header,
    PublicFileError,
    coordinates,
    open_rows,
)

DATASET: Final = "전국전통시장표준데이터"
COLUMNS: Final = (
    "시장명", "시장유형", "소재지도로명주소", "소재지지번주소", "시장개설주기", "위도", "경도",
    "점포수", "취급품목", "사용가능상품권", "홈페이지주소", "공중화장실보유여부", "주차장보유여부",
    "개설년도", "전화번호", "데이터기준일자", "제공기관코드", "제공기관명",
)  # fmt: skip
#: The columns the app reads (개설년도/개설연도, toilets, parking and dates are not needed).
REQUIRED: Final = (
    "시장명", "시장유형", "소재지도로명주소", "소재지지번주소", "시장개설주기", "위도", "경도",
    "사용가능상품권", "홈페이지주소", "전화번호",
)  # fmt: skip
#: Gift certificates that are one of the app's payment methods.
CERTIFICATE_PAYMENTS: Final = {"온누리": PaymentMethod.ONNURI, "제로페이": PaymentMethod.ZEROPAY}

BAD_DAYS = define(
    "public.bad_market_days",
    N_("row {row}, column 시장개설주기: {value!r} is not 매일 nor market days such as 2, 7"),
)
NO_NAME = define("public.no_market_name", N_("row {row}, column 시장명: empty"))
NO_PLACE = define(
    "public.market_no_place",
    N_("row {row} ({market}): coordinates missing or outside Korea; saved without a location"),
)


@dataclass(frozen=True, slots=True)
class PublicMarket:
    """One market of the list, with the row it came from."""

    row: int
    name: str
    profile: MarketProfile


@dataclass(frozen=True, slots=True)
class MarketsRead:
    """The selected markets, the problems that stop the import, and notes (kept going)."""

    markets: tuple[PublicMarket, ...]
    problems: tuple[Message, ...]
    notes: tuple[Message, ...]
    encoding: str
    rows: int


def read_markets_list(
    raw: IO[bytes], name: str, *, sido: str = "", contains: str = ""
) -> MarketsRead:
    """The markets of the file (only those in *sido* and whose name has *contains*)."""
    header, rows = _open(raw, name)
    markets: list[PublicMarket] = []
    problems: list[Message] = []
    notes: list[Message] = []
    count = 0
    for number, row in rows:
        count += 1
        market_name = header.get(row, "시장명")
        road, lot = header.get(row, "소재지도로명주소"), header.get(row, "소재지지번주소")
        if sido and not _in_sido(sido, road, lot, header.get(row, "제공기관명")):
            continue
        if contains and contains not in market_name:
            continue
        if not market_name:
            problems.append(NO_NAME(row=number))
            continue
        cycle = header.get(row, "시장개설주기")
        try:
            days = parse_market_days(cycle)
        except ValueError:
            problems.append(BAD_DAYS(row=number, value=cycle))
            continue
        place = coordinates(header.get(row, "위도"), header.get(row, "경도"))
        if place is None:
            notes.append(NO_PLACE(row=number, market=market_name))
        certificates = _split(header.get(row, "사용가능상품권"))
        profile = MarketProfile(
            road_address=road,
            lot_address=lot,
            latitude=place[0] if place else None,
            longitude=place[1] if place else None,
            kind=header.get(row, "시장유형"),
            phone=header.get(row, "전화번호"),
            homepage=header.get(row, "홈페이지주소"),
            certificates=tuple(certificates),
            payments=_payments(certificates),
            market_days=days,
            items=header.get(row, "취급품목"),
            listed_stores=_count(header.get(row, "점포수")),
            source=DATASET,
        )
        markets.append(PublicMarket(number, market_name, profile))
    return MarketsRead(tuple(markets), tuple(problems), tuple(notes), header.encoding, count)


def _open(raw: IO[bytes], name: str) -> tuple[Header, Iterator[tuple[int, list[str]]]]:
    try:
        return open_rows(raw, name, required=REQUIRED, dataset=DATASET)
    except PublicFileError:
        raw.seek(0)
        head = raw.read(4096)
        if "상가업소번호".encode() in head or "상가업소번호".encode("cp949") in head:
            raise PublicFileError(
                OTHER_DATASET(
                    name=name,
                    found="상가(상권)정보",
                    dataset=DATASET,
                    command="stores import-public",
                )
            ) from None
        raise


def _in_sido(sido: str, road: str, lot: str, office: str) -> bool:
    first = (road or lot).split(" ", 1)[0]
    return (bool(first) and (first.startswith(sido) or sido.startswith(first))) or (
        office.startswith(sido)
    )


def _split(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,+/·|;]", text) if part.strip()]


def _payments(certificates: Sequence[str]) -> tuple[PaymentMethod, ...]:
    found: list[PaymentMethod] = []
    for certificate in certificates:
        for word, method in CERTIFICATE_PAYMENTS.items():
            if word in certificate and method not in found:
                found.append(method)
    return tuple(found)


def _count(text: str) -> int | None:
    digits = text.replace(",", "").strip()
    return int(digits) if digits.isdigit() else None
