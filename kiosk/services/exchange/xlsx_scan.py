"""What an XLSX archive must pass before its cells are read: size, bombs, DTDs, formulas.

The ZIP directory is checked first (member count, total and per-member unpacked
size, compression ratio), so a decompression bomb is refused before anything
is unpacked. Then every XML member is streamed once, in chunks: a document
type declaration (the door to entity-expansion bombs; no workbook of Excel's
has one) is refused, and the worksheets are searched for formula elements. The
cell reader (calamine) returns a formula's cached value, never its text, so the
formulas found here are handed back by sheet, row and column, and the import
names them as the openpyxl reader did (``"=5000*2" is a formula``).
"""

from __future__ import annotations

import html
import re
import zipfile
from dataclasses import dataclass
from typing import Final

from kiosk.domain.exchange.csv_file import ExchangeFileError
from kiosk.domain.messages import N_, define

#: Unpacked size allowed for the whole workbook: the app's own export of a 100,000-store
#: market with 10 goods a store unpacks to ~0.6 GB (5,000 stores: 31 MB); 2 GB is absurd.
MAX_UNPACKED_BYTES: Final = 2 * 1024 * 1024 * 1024
#: Most members an XLSX of ours or of Excel has (sheets, styles, relations...).
MAX_MEMBERS: Final = 1_000
#: Real workbooks compress XML about 5-30 times (the app's own exports ~12); a bomb
#: thousands of times.
MAX_RATIO: Final = 200
_CHUNK: Final = 4 * 1024 * 1024
_OVERLAP: Final = 16

NOT_XLSX = define(
    "exchange.not_xlsx", N_("{name} is not a readable .xlsx workbook ({reason}); save it again")
)
BOMB = define(
    "exchange.bomb",
    N_("{name} unpacks to far more data than a listings workbook holds; it was not opened"),
)

_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
#: What follows ``<f`` or ``:f`` when a formula element starts (``<f>``, ``<f t="shared"
#: .../>``, ``<x:f>``): found as plain bytes, many times faster than a pattern over every tag.
_FORMULA_ENDS: Final = frozenset((b">", b" ", b"/", b"\t", b"\n", b"\r"))
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.DOTALL)
_REF = re.compile(rb'\br="([A-Z]+)([0-9]+)"')
_CELL_FORMULA = re.compile(rb"<(?:\w+:)?f\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?f>)", re.DOTALL)
_SHEET = re.compile(rb"<(?:\w+:)?sheet\b([^>]*)/?>")
_RELATION = re.compile(rb"<Relationship\b([^>]*)/?>")
_ATTRIBUTE = re.compile(rb'([\w:]+)="([^"]*)"')


@dataclass(frozen=True, slots=True)
class FoundFormula:
    """A formula cell: its sheet, 1-based row, 0-based column and the text as typed."""

    sheet: str
    row: int
    column: int
    text: str


def check_archive(archive: zipfile.ZipFile, name: str) -> list[FoundFormula]:
    """Refuse a bomb, a DTD or a broken member; return the workbook's formula cells."""
    members = archive.infolist()
    total = sum(info.file_size for info in members)
    if len(members) > MAX_MEMBERS or total > MAX_UNPACKED_BYTES:
        raise ExchangeFileError(BOMB(name=name))
    for info in members:
        packed = max(info.compress_size, 1)
        if info.file_size > 1024 * 1024 and info.file_size / packed > MAX_RATIO:
            raise ExchangeFileError(BOMB(name=name))
    with_formulas: list[str] = []
    for info in members:
        if info.filename.endswith((".xml", ".rels")) and _scan(archive, info, name):
            with_formulas.append(info.filename)
    if not with_formulas:
        return []
    sheets = _sheet_names(archive)
    found: list[FoundFormula] = []
    for member in with_formulas:
        found += _formulas(archive.read(member), sheets.get(member, ""))
    return found


def _scan(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bool:
    """Stream *info*: ExchangeFileError on a DTD; whether a worksheet holds a formula."""
    worksheet = info.filename.startswith("xl/worksheets/")
    formulas = False
    tail = b""
    try:
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                window = tail + chunk
                if b"<!" in window and _DTD.search(window):
                    raise ExchangeFileError(NOT_XLSX(name=name, reason="DTD"))
                if worksheet and not formulas:
                    formulas = _has_formula(window)
                tail = window[-_OVERLAP:]
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise ExchangeFileError(NOT_XLSX(name=name, reason=type(exc).__name__)) from None
    return formulas


def _has_formula(window: bytes) -> bool:
    """Whether *window* holds a formula element's start: two byte searches over the window
    (``<f``, ``:f``), each hit checked for one of the endings, instead of twelve searches."""
    for head in (b"<f", b":f"):
        at = window.find(head)
        while at != -1:
            if window[at + 2 : at + 3] in _FORMULA_ENDS:
                return True
            at = window.find(head, at + 2)
    return False


def _attributes(text: bytes) -> dict[str, str]:
    return {
        key.decode().rpartition(":")[2]: html.unescape(value.decode("utf-8", "replace"))
        for key, value in _ATTRIBUTE.findall(text)
    }


def _sheet_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet member -> the sheet's name, from the workbook and its relations."""
    try:
        book = archive.read("xl/workbook.xml")
        relations = archive.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        return {}
    targets: dict[str, str] = {}
    for match in _RELATION.finditer(relations):
        found = _attributes(match.group(1))
        target = found.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else "xl/" + target
        targets[found.get("Id", "")] = target
    names: dict[str, str] = {}
    for match in _SHEET.finditer(book):
        found = _attributes(match.group(1))
        if found.get("id") in targets:
            names[targets[found["id"]]] = found.get("name", "")
    return names


def _column_index(letters: bytes) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + letter - ord("A") + 1
    return index - 1


def _formulas(xml: bytes, sheet: str) -> list[FoundFormula]:
    found: list[FoundFormula] = []
    for cell in _CELL.finditer(xml):
        inner = cell.group(2) or b""
        formula = _CELL_FORMULA.search(inner)
        ref = _REF.search(cell.group(1))
        if formula is None or ref is None:
            continue
        text = html.unescape((formula.group(1) or b"").decode("utf-8", "replace"))
        row, column = int(ref.group(2)), _column_index(ref.group(1))
        found.append(FoundFormula(sheet, row, column, "=" + text))
    return found
