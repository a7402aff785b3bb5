"""An invented SEMAS-registry file for the screenshot tour (no real shop in it)."""

from __future__ import annotations

from pathlib import Path

from kiosk.domain.exchange.spreadsheet import Neutral, csv_bytes
from kiosk.domain.public_data.semas import COLUMNS


def tour_registry(folder: Path, market: str) -> Path:
    """A small invented SEMAS-shaped file: shops whose building names *market* (no real shop)."""
    shops = (("가상수산", "수산물 소매", "35.1001"), ("가상청과", "채소 소매", "35.1002"),
             ("가상떡방앗간", "떡 소매", ""), ("가상반찬", "반찬 소매", "35.1003"),
             ("가상분식", "분식", "35.1004"), ("가상건어물", "건어물 소매", "35.1005"))  # fmt: skip
    rows = [list(COLUMNS)]
    for n, (name, small, lat) in enumerate(shops, start=1):
        values = dict.fromkeys(COLUMNS, "")
        values.update(
            {
                "상가업소번호": f"MA{n:06d}",
                "상호명": name,
                "상권업종소분류명": small,
                "건물명": market,
                "도로명주소": f"가상시 가상로 {n}",
                "층정보": "1",
                "호정보": str(n),
                "위도": lat,
                "경도": "129.0502" if lat else "",
            }
        )
        rows.append([values[c] for c in COLUMNS])
    path = folder / "tour-registry.csv"
    path.write_bytes(csv_bytes([[Neutral(cell) for cell in row] for row in rows]))
    return path
