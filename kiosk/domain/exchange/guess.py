"""A roster's columns guessed from its headers (상호 -> name_ko), and the mapping step's checks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from kiosk.domain.exchange import file_format as fmt
from kiosk.domain.exchange.cells import is_blank
from kiosk.domain.exchange.mapping import FIELDS
from kiosk.domain.exchange.problems import Table

#: Rows of a roster the mapping step shows.
PREVIEW_ROWS: Final = 5

#: Header words (spaces removed, lower case) that name a field, Korean and English.
SYNONYMS: Final[Mapping[str, tuple[str, ...]]] = {
    "stall_number": (
        "호수", "호", "호실", "점포번호", "점포호수", "매장번호", "가게번호", "호정보",
        "stall", "stallno", "stallnumber", "booth", "boothno",
    ),
    "name_ko": (
        "상호", "상호명", "가게명", "가게이름", "점포명", "점포이름", "상점명", "업소명",
        "매장명", "가게", "name", "storename", "shopname", "store", "shop",
    ),
    "name_en": ("영문상호", "영문명", "영문이름", "영어상호", "englishname", "nameen"),
    "category": ("업종", "업종명", "업종분류", "분류", "category"),
    "phone": (
        "연락처", "전화", "전화번호", "휴대폰", "핸드폰", "휴대전화", "휴대폰번호",
        "phone", "tel", "telephone", "mobile", "contact",
    ),
    "opening_hours": ("영업시간", "운영시간", "hours", "openinghours"),
    "payment_methods": ("결제수단", "결제방법", "결제", "payment", "payments"),
    "description_ko": ("소개", "가게소개", "설명", "description", "about"),
    "kakao_channel": ("카카오톡", "카카오톡채널", "카카오채널", "kakao", "kakaotalk"),
    "active": ("영업중", "영업여부", "운영여부", "active"),
    "good_name_ko": (
        "상품", "상품명", "품명", "대표상품", "주요상품", "판매상품", "goods", "product", "item",
    ),
    "price_won": ("가격", "판매가", "단가", "price"),
    "unit": ("단위", "unit"),
    "sold_out": ("품절", "soldout"),
}  # fmt: skip

#: The fields every roster must map; a goods column needs the good's Korean name too.
REQUIRED: Final = ("stall_number", "name_ko")
GOOD_NAME: Final = "good_name_ko"
_GOODS: Final = frozenset(c.key for c in fmt.GOOD_COLUMNS)


def _word(header: str) -> str:
    return "".join(header.replace("\ufeff", "").split()).lower()


def field_for(header: str) -> str | None:
    """The field a header names: a template header, a synonym, or one before ``(...)``."""
    column = fmt.column_for(header)
    if column is not None and column.key in FIELDS:
        return column.key
    word = _word(header)
    for candidate in (word, word.split("(")[0]):
        for field, words in SYNONYMS.items():
            if candidate in words:
                return field
    return None


def guess_map(headers: Sequence[str]) -> dict[str, str]:
    """field -> header for every header a field is guessed from (the first one wins)."""
    found: dict[str, str] = {}
    for header in headers:
        field = field_for(header)
        if field is not None and field not in found:
            found[field] = header
    return found


def start_map(headers: Sequence[str], remembered: Mapping[str, str]) -> dict[str, str]:
    """The remembered mapping (the pairs whose header the file has; a field the manager
    left unused stays so), a remembered field whose header is gone guessed again; with
    nothing remembered that fits, every field guessed."""
    present = set(headers)
    chosen = {f: h for f, h in remembered.items() if f in FIELDS and h in present}
    used, remembering = set(chosen.values()), bool(chosen)
    for field, header in guess_map(headers).items():
        if remembering and field not in remembered:
            continue
        if field not in chosen and header not in used:
            chosen[field] = header
            used.add(header)
    return chosen


def missing_fields(mapping: Mapping[str, str]) -> list[str]:
    """The required fields *mapping* leaves out, in field order."""
    needed = set(REQUIRED)
    if _GOODS & mapping.keys():
        needed.add(GOOD_NAME)
    return [field for field in FIELDS if field in needed and not mapping.get(field)]


def shared_headers(mapping: Mapping[str, str]) -> dict[str, list[str]]:
    """Headers chosen for more than one field: header -> those fields (one column, one field)."""
    by_header: dict[str, list[str]] = {}
    for field in FIELDS:
        header = mapping.get(field)
        if header:
            by_header.setdefault(header, []).append(field)
    return {h: fields for h, fields in by_header.items() if len(fields) > 1}


def header_cells(table: Table) -> list[str]:
    """Row 1 as text (blank cells as ""; trailing blanks dropped)."""
    header = [str(c).strip() if not is_blank(c) else "" for c in (table.rows[:1] or [[]])[0]]
    while header and not header[-1]:
        header.pop()
    return header


def is_template(table: Table) -> bool:
    """Whether every header of row 1 is one of the listings file's own (no mapping needed)."""
    header = [cell for cell in header_cells(table) if cell]
    return bool(header) and all(fmt.column_for(cell) is not None for cell in header)


@dataclass(frozen=True, slots=True)
class RosterPreview:
    """A file whose row 1 is not the template: its headers, first rows and a starting mapping.

    ``rows`` are (row number as Excel shows it, cells as text); ``remembered``
    tells whether ``mapping`` starts from the market's saved one.
    """

    source: str
    market_slug: str
    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    mapping: Mapping[str, str]
    remembered: bool


def preview_of(
    table: Table, *, source: str, market_slug: str, remembered: Mapping[str, str]
) -> RosterPreview:
    """The mapping step's start for *table* (the roster's first sheet)."""
    headers = header_cells(table)
    rows: list[tuple[int, tuple[str, ...]]] = []
    for number, cells in enumerate(table.rows[1:], start=2):
        if all(is_blank(c) for c in cells):
            continue
        text = [str(c).strip() if not is_blank(c) else "" for c in list(cells)[: len(headers)]]
        rows.append((number, tuple(text + [""] * (len(headers) - len(text)))))
        if len(rows) == PREVIEW_ROWS:
            break
    named = [h for h in headers if h]
    mapping = start_map(named, remembered)
    kept = any(remembered.get(f) == h for f, h in mapping.items())
    return RosterPreview(source, market_slug, tuple(headers), tuple(rows), mapping, kept)


def mapped_rows(preview: RosterPreview, mapping: Mapping[str, str]) -> list[tuple[int, list[str]]]:
    """The preview's rows as *mapping* reads them: one cell per mapped field, in field order."""
    index = {h: i for i, h in reversed(list(enumerate(preview.headers))) if h}
    fields = [f for f in FIELDS if mapping.get(f) in index]
    return [(n, [cells[index[mapping[f]]] for f in fields]) for n, cells in preview.rows]
