"""XLSX listings files: read with calamine behind the archive checks, written by a streaming writer.

Reading: :mod:`kiosk.services.exchange.xlsx_scan` checks the ZIP directory
(a decompression bomb is refused before anything is unpacked), refuses any
document type declaration (entity bombs) and finds the formula cells; then
python-calamine (Rust) reads the cells. Writing: the streaming writer of
:mod:`kiosk.services.exchange.xlsx_write`, every text cell a string (never a
formula, URL or number), with fixed document dates and member times, so the same
listings give the same bytes (export -> import -> export is byte-for-byte).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any, Final

from kiosk.domain.exchange import file_format as fmt
from kiosk.domain.exchange.csv_file import ExchangeFileError
from kiosk.domain.exchange.problems import Table
from kiosk.domain.exchange.read import MAX_ROWS
from kiosk.domain.exchange.write import Cell
from kiosk.domain.messages import N_, define
from kiosk.services.exchange.xlsx_scan import NOT_XLSX, FoundFormula, check_archive
from kiosk.services.exchange.xlsx_write import Sheet, write_xlsx

OLD_XLS = define(
    "exchange.old_xls",
    N_("{name} is an old .xls workbook or a password-protected one; save it as .xlsx"),
)


def read_workbook(data: bytes, name: str) -> list[Table]:
    """Every worksheet of the workbook as a table of cell values (row 1 first).

    Rows and columns keep their places (an empty row 1 or column A stays), so a
    problem names the row and column Excel shows. At most :data:`MAX_ROWS` + 2
    rows of a sheet are turned into values (more is reported by the reader).
    """
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ExchangeFileError(OLD_XLS(name=name))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            formulas = check_archive(archive, name)
    except zipfile.BadZipFile as exc:
        raise ExchangeFileError(NOT_XLSX(name=name, reason=str(exc))) from None
    from python_calamine import CalamineWorkbook, SheetTypeEnum

    try:
        with CalamineWorkbook.from_filelike(io.BytesIO(data)) as book:
            tables: list[Table] = []
            for meta in book.sheets_metadata:
                if meta.typ is not SheetTypeEnum.WorkSheet:
                    continue
                sheet = book.get_sheet_by_name(meta.name)
                rows = sheet.to_python(skip_empty_area=False, nrows=MAX_ROWS + 2)
                tables.append(Table(meta.name, [_whole_numbers(row) for row in rows]))
    except Exception as exc:  # calamine raises several kinds for a broken workbook
        raise ExchangeFileError(NOT_XLSX(name=name, reason=type(exc).__name__)) from None
    if formulas:
        _put_formulas(tables, formulas)
    return tables


def _whole_numbers(row: list[Any]) -> list[Any]:
    """*row* with whole numbers as int: calamine gives every number as a float, and the
    readers of a table (a roster's preview too) show 12000, not 12000.0."""
    return [int(v) if type(v) is float and v.is_integer() else v for v in row]


def _put_formulas(tables: Sequence[Table], formulas: Iterable[FoundFormula]) -> None:
    """Each formula cell holds its formula's text (the reader gave its cached value)."""
    by_name = {table.name: table for table in tables}
    for found in formulas:
        table = by_name.get(found.sheet)
        if table is None or found.row > len(table.rows):
            continue
        row = table.rows[found.row - 1]
        assert isinstance(row, list)
        row.extend([""] * (found.column + 1 - len(row)))
        row[found.column] = found.text


_GUIDE: Final = (
    ("열", "뜻", "예"),
    (fmt.MARKET.header, "시장의 짧은 이름 (관리자 모드 > 시장)", "bansong"),
    (fmt.STALL.header, "점포 번호: 글자, 숫자, '-' (같은 번호는 같은 점포)", "A-12"),
    (fmt.CATEGORY.header, "업종: " + ", ".join(fmt.CATEGORY_WORDS.values()), "수산물"),
    (fmt.NAMES[0].header, "점포 이름 (한국어는 꼭, 다른 언어는 있으면)", "바다 수산"),
    (fmt.DESCRIPTIONS[0].header, "소개 (한 줄 또는 여러 줄)", "새벽마다 들여온 생선"),
    (fmt.PHONE.header, "전화번호", "051-123-4567"),
    (
        fmt.HOURS.header,
        "영업시간: 매일 또는 요일별, 쉬는 날은 '매주 ... 휴무', 그 밖의 말은 '메모:' 뒤에",
        "매일 06:00-21:00 · 매월 첫째·셋째 일요일 휴무",
    ),
    (
        fmt.PAYMENTS.header,
        "결제 수단 (쉼표로): " + ", ".join(fmt.PAYMENT_WORDS.values()),
        "현금, 카드",
    ),
    (fmt.KAKAO.header, "카카오톡 채널 ID 또는 링크", "_ZeUTxl"),
    (fmt.PAYMENT_QR.header, "제로페이 결제 QR의 내용 그대로 (바꾸지 마세요)", ""),
    (fmt.ACTIVE.header, "영업 중이면 예, 쉬는 점포는 아니오", fmt.YES),
    (fmt.GOOD_NAMES[0].header, "상품 이름 (한 점포 안에서 겹치지 않게)", "생물 고등어"),
    (fmt.PRICE.header, "가격: 원 단위 숫자만 (12000 또는 12,000)", "12000"),
    (fmt.UNIT.header, "단위", "마리"),
    (fmt.SOLD_OUT.header, "품절이면 예", fmt.NO),
    ("", "엑셀 수식이 되지 않게, = + - @ 로 시작하는 글은 앞에 '를 붙여 씁니다.", ""),
)


def _rows(rows: Iterable[Sequence[Cell]]) -> Sequence[Sequence[Cell]]:
    return rows if isinstance(rows, Sequence) else list(rows)


def write_workbook(
    target: Path | IO[bytes],
    stores_rows: Iterable[Sequence[Cell]],
    goods_rows: Iterable[Sequence[Cell]],
) -> None:
    """The stores sheet, the goods sheet and the guide, streamed to *target*; same bytes
    each time. Data cells are formula-safe (``fmt.neutralise``, Neutral text as it is),
    the header rows bold, whole won numbers; the guide's cells are strings whatever they
    start with. Raises ExchangeFileError for a text with a broken character.
    """
    sheets = [
        Sheet(fmt.STORES_SHEET, _rows(stores_rows), bold_header=True, frozen=(1, 2), safe=_safe),
        Sheet(fmt.GOODS_SHEET, _rows(goods_rows), bold_header=True, frozen=(1, 1), safe=_safe),
        Sheet(fmt.GUIDE_SHEET, _GUIDE),
    ]
    write_xlsx(target, sheets, author="Market Kiosk")


def _safe(text: str) -> str:
    return fmt.neutralise(text)
