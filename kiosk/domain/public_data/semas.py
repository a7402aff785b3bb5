"""소상공인시장진흥공단 상가(상권)정보 (the SEMAS store registry): one province file scanned
streaming for the shops of one market (near its centre, or naming it in their address)."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Final

from kiosk.domain.categories import Category
from kiosk.domain.messages import N_, Message, define
from kiosk.domain.public_data.categories import CategoryTable
from kiosk.domain.public_data.stream import (
    OTHER_DATASET,
    Header,
    PublicFileError,
    coordinates,
    open_rows,
)

DATASET: Final = "상가(상권)정보"
COLUMNS: Final = (
    "상가업소번호", "상호명", "지점명", "상권업종대분류코드", "상권업종대분류명",
    "상권업종중분류코드", "상권업종중분류명", "상권업종소분류코드", "상권업종소분류명",
    "표준산업분류코드", "표준산업분류명", "시도코드", "시도명", "시군구코드", "시군구명",
    "행정동코드", "행정동명", "법정동코드", "법정동명", "지번코드", "대지구분코드", "대지구분명",
    "지번본번지", "지번부번지", "지번주소", "도로명코드", "도로명", "건물본번지", "건물부번지",
    "건물관리번호", "건물명", "도로명주소", "구우편번호", "신우편번호", "동정보", "층정보",
    "호정보", "경도", "위도",
)  # fmt: skip
REQUIRED: Final = (
    "상가업소번호", "상호명", "상권업종대분류명", "상권업종중분류명", "상권업종소분류명",
    "건물명", "도로명주소", "층정보", "호정보", "경도", "위도",
)  # fmt: skip
EARTH_RADIUS_M: Final = 6_371_008.8
#: Longest stall number the app keeps.
STALL_MAX: Final = 20

DUPLICATE_ID = define(
    "public.duplicate_shop",
    N_("row {row}, column 상가업소번호: {shop_id} is also in row {first}"),
)
NO_SHOP_ID = define("public.no_shop_id", N_("row {row}, column 상가업소번호: empty"))


@dataclass(frozen=True, slots=True)
class Area:
    """What belongs to the market: within ``radius_m`` of ``centre``, or an address or
    building name containing one of ``names``."""

    centre: tuple[float, float] | None
    radius_m: float
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A registry shop that belongs to the market. ``place`` None: no usable location
    (empty or outside Korea), for the manager to place by hand."""

    row: int
    shop_id: str
    name: str
    category: Category
    kind: str
    stall: str
    road_address: str
    building: str
    place: tuple[float, float] | None
    distance_m: float | None


@dataclass(frozen=True, slots=True)
class SemasRead:
    candidates: tuple[Candidate, ...]
    problems: tuple[Message, ...]
    encoding: str
    rows: int


def distance_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in metres between two (latitude, longitude) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(h))


def stall_number(floor: str, unit: str, shop_id: str) -> str:
    """The stall from 층정보/호정보: ``12``, ``2층 12``, ``지하1층 3``; else ``R`` + the id."""
    floor, unit = floor.strip(), unit.strip().removesuffix("호")
    if unit:
        if floor and floor not in ("1", "1층"):
            level = floor if floor.endswith("층") else f"{floor}층"
            return f"{level} {unit}"[:STALL_MAX]
        return unit[:STALL_MAX]
    return f"R{shop_id[-8:]}"


class _Near:
    """A cheap box test before the haversine (a degree of latitude is ~111 km)."""

    def __init__(self, area: Area) -> None:
        self.area = area
        if area.centre is not None:
            lat = area.centre[0]
            self.dlat = area.radius_m / 111_000 * 1.01
            self.dlon = self.dlat / max(math.cos(math.radians(lat)), 0.01)

    def distance(self, place: tuple[float, float] | None) -> float | None:
        centre = self.area.centre
        if place is None or centre is None:
            return None
        if abs(place[0] - centre[0]) > self.dlat or abs(place[1] - centre[1]) > self.dlon:
            return None
        found = distance_m(centre, place)
        return found if found <= self.area.radius_m else None


def scan_registry(raw: IO[bytes], name: str, area: Area, table: CategoryTable) -> SemasRead:
    """The shops of *area* in the registry file, one row at a time (memory stays flat)."""
    header, rows = _open(raw, name)
    near = _Near(area)
    at = header.index
    i_id, i_lat, i_lon = at["상가업소번호"], at["위도"], at["경도"]
    i_building, i_road = at["건물명"], at["도로명주소"]
    width = max(at[c] for c in REQUIRED) + 1
    found: list[Candidate] = []
    first_row: dict[str, int] = {}
    problems: list[Message] = []
    count = 0
    for number, cells in rows:
        count += 1
        row = cells if len(cells) >= width else cells + [""] * (width - len(cells))
        lat, lon = row[i_lat], row[i_lon]
        place = coordinates(lat, lon) if lat and lon else None
        distance = near.distance(place)
        if distance is None:
            building, road = row[i_building], row[i_road]
            if not any(n in building or n in road for n in area.names):
                continue
        shop_id = row[i_id].strip()
        if not shop_id:
            problems.append(NO_SHOP_ID(row=number))
            continue
        if shop_id in first_row:
            problems.append(DUPLICATE_ID(row=number, shop_id=shop_id, first=first_row[shop_id]))
            continue
        first_row[shop_id] = number
        found.append(
            _candidate(
                header, row, number, shop_id=shop_id, place=place, distance=distance, table=table
            )
        )
    return SemasRead(tuple(found), tuple(problems), header.encoding, count)


def _candidate(
    header: Header,
    row: list[str],
    number: int,
    *,
    shop_id: str,
    place: tuple[float, float] | None,
    distance: float | None,
    table: CategoryTable,
) -> Candidate:
    def cell(column: str) -> str:
        return header.get(row, column)

    large, middle, small = (
        cell("상권업종대분류명"),
        cell("상권업종중분류명"),
        cell("상권업종소분류명"),
    )
    branch = cell("지점명")
    return Candidate(
        row=number,
        shop_id=shop_id,
        name=f"{cell('상호명')} {branch}".strip(),
        category=table.category_of(large, middle, small),
        kind=small or middle or large,
        stall=stall_number(cell("층정보"), cell("호정보"), shop_id),
        road_address=cell("도로명주소"),
        building=cell("건물명"),
        place=place,
        distance_m=distance,
    )


def _open(raw: IO[bytes], name: str) -> tuple[Header, Iterator[tuple[int, list[str]]]]:
    try:
        return open_rows(raw, name, required=REQUIRED, dataset=DATASET)
    except PublicFileError:
        raw.seek(0)
        head = raw.read(4096)
        if "시장개설주기".encode() in head or "시장개설주기".encode("cp949") in head:
            raise PublicFileError(
                OTHER_DATASET(
                    name=name,
                    found="전국전통시장표준데이터",
                    dataset=DATASET,
                    command="markets import-public",
                )
            ) from None
        raise
