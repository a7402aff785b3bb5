"""XLSX listings files: read with openpyxl in read-only mode behind bomb checks, write reproducibly.

Reading: the ZIP directory is checked first (member count, total and per-member
unpacked size, compression ratio), so a decompression bomb is refused before
any XML is parsed; openpyxl parses with defusedxml (installed with the app),
which refuses entity-expansion bombs. Writing: openpyxl's write-only mode,
then the archive is rewritten with fixed timestamps, so the same listings give
the same bytes (export -> import -> export is byte-for-byte).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from typing import Any, Final

from kiosk.domain.exchange import file_format as fmt
from kiosk.domain.exchange.csv_file import ExchangeFileError
from kiosk.domain.exchange.problems import Table
from kiosk.domain.exchange.read import MAX_ROWS
from kiosk.domain.exchange.write import Cell
from kiosk.domain.messages import N_, define

#: Unpacked size allowed for the whole workbook (a 50,000-good market unpacks to ~60 MB).
MAX_UNPACKED_BYTES: Final = 400 * 1024 * 1024
#: Most members an XLSX of ours or of Excel has (sheets, styles, relations...).
MAX_MEMBERS: Final = 1_000
#: Real workbooks compress XML about 5-20 times; a bomb thousands of times.
MAX_RATIO: Final = 200
_FIXED_TIME: Final = (2000, 1, 1, 0, 0, 0)
_FIXED_STAMP: Final = "2000-01-01T00:00:00Z"

NOT_XLSX = define(
    "exchange.not_xlsx", N_("{name} is not a readable .xlsx workbook ({reason}); save it again")
)
OLD_XLS = define(
    "exchange.old_xls",
    N_("{name} is an old .xls workbook or a password-protected one; save it as .xlsx"),
)
BOMB = define(
    "exchange.bomb",
    N_("{name} unpacks to far more data than a listings workbook holds; it was not opened"),
)


def _check_archive(archive: zipfile.ZipFile, name: str) -> None:
    members = archive.infolist()
    total = sum(info.file_size for info in members)
    if len(members) > MAX_MEMBERS or total > MAX_UNPACKED_BYTES:
        raise ExchangeFileError(BOMB(name=name))
    for info in members:
        packed = max(info.compress_size, 1)
        if info.file_size > 1024 * 1024 and info.file_size / packed > MAX_RATIO:
            raise ExchangeFileError(BOMB(name=name))


def read_workbook(data: bytes, name: str) -> list[Table]:
    """Every sheet of the workbook as a table of cell values (row 1 first)."""
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ExchangeFileError(OLD_XLS(name=name))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_archive(archive, name)
    except zipfile.BadZipFile as exc:
        raise ExchangeFileError(NOT_XLSX(name=name, reason=str(exc))) from None
    import openpyxl

    try:
        book = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=False, keep_links=False
        )
    except Exception as exc:  # openpyxl raises many kinds for a broken workbook
        raise ExchangeFileError(NOT_XLSX(name=name, reason=type(exc).__name__)) from None
    try:
        tables: list[Table] = []
        for sheet in book.worksheets:
            rows: list[Sequence[object]] = []
            for row in sheet.iter_rows(values_only=True):
                rows.append(row)
                if len(rows) > MAX_ROWS + 1:
                    break
            tables.append(Table(sheet.title, rows))
        return tables
    except Exception as exc:
        raise ExchangeFileError(NOT_XLSX(name=name, reason=type(exc).__name__)) from None
    finally:
        book.close()


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


def _text_cell(sheet: Any, text: str) -> Any:
    """A write-only cell that holds *text* as a string, never a formula, whatever it starts with."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"
    return cell


def write_workbook(stores_rows: Iterable[list[Cell]], goods_rows: Iterable[list[Cell]]) -> bytes:
    """A workbook with the stores sheet, the goods sheet and the guide, same bytes each time.

    Every text cell is written as a string: data cells are formula-safe
    (``fmt.neutralise``), the guide's cells are strings whatever they start with.
    """
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = openpyxl.Workbook(write_only=True)
    bold = Font(bold=True)
    for title, rows in ((fmt.STORES_SHEET, stores_rows), (fmt.GOODS_SHEET, goods_rows)):
        sheet = book.create_sheet(title)
        sheet.freeze_panes = "C2" if title == fmt.STORES_SHEET else "B2"
        for index, row in enumerate(rows):
            if index == 0:
                header: list[object] = []
                for value in row:
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.font = bold
                    header.append(cell)
                sheet.append(header)
            else:
                sheet.append([fmt.neutralise(v) if isinstance(v, str) else v for v in row])
    guide = book.create_sheet(fmt.GUIDE_SHEET)
    for line in _GUIDE:
        guide.append([_text_cell(guide, text) for text in line])
    book.properties.creator = "Market Kiosk"
    buffer = io.BytesIO()
    book.save(buffer)
    return _reproducible(buffer.getvalue())


_STAMPS = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def _reproducible(data: bytes) -> bytes:
    """The same archive with fixed member times and document dates."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _STAMPS.sub(rb"\g<1>" + _FIXED_STAMP.encode() + rb"\g<2>", content)
            member = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o600 << 16
            target.writestr(member, content)
    return out.getvalue()
