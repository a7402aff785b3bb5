"""An invented merchants' association roster for the screenshot tour (no real merchant in it)."""

from __future__ import annotations

from pathlib import Path

from kiosk.domain.exchange.spreadsheet import Neutral, csv_bytes

#: A roster's own layout: not the template, so the Import page asks for the column mapping.
HEADER = ("순번", "점포번호", "상호명", "대표자", "연락처(휴대폰)", "주요상품", "영업시간", "비고")
ROWS = (
    ("1", "R-1", "가상수산", "홍가상", "010-1234-0001", "고등어", "매일 06:00-20:00", "1층"),
    ("2", "R-2", "가상청과", "김가상", "010-1234-0002", "사과", "매일 07:00-21:00", ""),
    ("3", "R-3", "가상떡집", "이가상", "051-000-0003", "인절미", "", "월 휴무"),
    ("4", "R-4", "가상반찬", "박가상", "010-1234-0004", "멸치볶음", "", ""),
    ("5", "R-5", "가상분식", "최가상", "010-1234-0005", "떡볶이", "매일 10:00-22:00", "2층"),
)


def tour_roster(folder: Path) -> Path:
    """The roster as a CSV (UTF-8 with BOM) in *folder*."""
    path = folder / "tour-roster.csv"
    path.write_bytes(csv_bytes([[Neutral(c) for c in row] for row in (HEADER, *ROWS)]))
    return path
