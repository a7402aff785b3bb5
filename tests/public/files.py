"""Small public-data CSV files written from the published column lists (invented markets)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from kiosk.domain.public_data.markets_list import COLUMNS as MARKET_COLUMNS


def write_csv(path: Path, header: list[str], rows: list[list[str]], encoding: str) -> Path:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows([header, *rows])
    path.write_bytes(out.getvalue().encode(encoding))
    return path


def market_row(
    name: str,
    *,
    days: str = "매일",
    road: str = "부산광역시 가상구 새벽로 12",
    lat: str = "35.1001",
    lon: str = "129.0502",
    certificates: str = "온누리상품권, 지역사랑상품권",
) -> list[str]:
    values = {
        "시장명": name,
        "시장유형": "상설장",
        "소재지도로명주소": road,
        "소재지지번주소": "부산광역시 가상구 새벽동 1-1",
        "시장개설주기": days,
        "위도": lat,
        "경도": lon,
        "점포수": "120",
        "취급품목": "수산물, 농산물",
        "사용가능상품권": certificates,
        "홈페이지주소": "https://example.org/market",
        "공중화장실보유여부": "Y",
        "주차장보유여부": "N",
        "개설년도": "1970",
        "전화번호": "051-000-0000",
        "데이터기준일자": "2026-01-01",
        "제공기관코드": "0000000",
        "제공기관명": "부산광역시 가상구",
    }
    return [values[c] for c in MARKET_COLUMNS]


def markets_file(path: Path, rows: list[list[str]], encoding: str = "cp949") -> Path:
    return write_csv(path, list(MARKET_COLUMNS), rows, encoding)


def semas_row(
    shop_id: str,
    name: str,
    *,
    lat: str = "35.1001",
    lon: str = "129.0502",
    small: str = "수산물 소매",
    middle: str = "식료품 소매",
    large: str = "소매",
    building: str = "",
    road: str = "부산광역시 가상구 새벽로 14",
    floor: str = "1",
    unit: str = "",
) -> list[str]:
    from kiosk.domain.public_data.semas import COLUMNS

    values = dict.fromkeys(COLUMNS, "")
    values.update(
        {
            "상가업소번호": shop_id,
            "상호명": name,
            "상권업종대분류명": large,
            "상권업종중분류명": middle,
            "상권업종소분류명": small,
            "시도명": "부산광역시",
            "건물명": building,
            "도로명주소": road,
            "층정보": floor,
            "호정보": unit,
            "경도": lon,
            "위도": lat,
        }
    )
    return [values[c] for c in COLUMNS]


def semas_file(path: Path, rows: list[list[str]], encoding: str = "utf-8-sig") -> Path:
    from kiosk.domain.public_data.semas import COLUMNS

    return write_csv(path, list(COLUMNS), rows, encoding)
