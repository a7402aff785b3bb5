"""A small streaming XLSX writer: worksheets of shared strings zipped straight into a file."""

from __future__ import annotations

import math
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Final

from kiosk.domain.exchange.csv_file import ExchangeFileError
from kiosk.domain.messages import N_, define

#: Rows turned into XML and handed to the compressor at a time.
CHUNK_ROWS: Final = 2000
#: Deflate level of every member: zlib's default (6) took a quarter of the writing time of
#: inline-string sheets for a fifth fewer bytes.
COMPRESS_LEVEL: Final = 1
#: Distinct texts kept as shared strings (the table is held until the sheets are written);
#: more are written inline, so a huge market's export stays within bounded memory.
MAX_SHARED: Final = 200_000
#: A cell as written: text, a number, or nothing (an empty cell).
Cell = str | int | float | None

TOO_MANY_ROWS = define(
    "exchange.too_many_rows_for_excel",
    N_(
        "sheet {sheet} would have {rows} rows and Excel shows at most {max}; "
        "export this market as a CSV file instead"
    ),
)
BROKEN_TEXT = define(
    "exchange.broken_text",
    N_(
        "sheet {sheet}, row {row}, column {column}: the text has a broken character "
        "(U+{code:04X}) that a workbook cannot hold; correct it and export again"
    ),
)

_FIXED_ISO: Final = "2000-01-01T00:00:00Z"
#: Characters needing an escape in a ``<t>`` element: XML's own, those XML 1.0 cannot hold
#: (controls but tab and newline; a carriage return would be read as a newline), the two
#: non-characters, and a literal ``_xHHHH_`` that a reader would take for an escape.
_SPECIAL: Final = re.compile(r"[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_")
_LITERAL_ESCAPE: Final = re.compile(r"_x[0-9A-Fa-f]{4}_")
_UNWRITABLE: Final = re.compile(r"[\x00-\x08\x0b-\x1f\ufffe\uffff]")
#: Rows of a worksheet Excel opens (more would be cut off without a word).
EXCEL_MAX_ROWS: Final = 1_048_576
_XML: Final = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN: Final = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL: Final = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT: Final = "application/vnd.openxmlformats-officedocument.spreadsheetml"


@dataclass(frozen=True)
class Sheet:
    """One worksheet: *rows* from row 1; *frozen* rows and columns stay in view; *safe*,
    when given, is applied to every text of type ``str`` (a subclass such as
    ``spreadsheet.Neutral`` is taken as already safe)."""

    title: str
    rows: Sequence[Sequence[Cell]]
    bold_header: bool = False
    frozen: tuple[int, int] = (0, 0)
    safe: Callable[[str], str] | None = None


def escape_text(text: str) -> str:
    """*text* as the content of a ``<t>`` element (the escapes are described at write_xlsx)."""
    if _LITERAL_ESCAPE.search(text):
        text = _LITERAL_ESCAPE.sub(lambda m: "_x005F" + m.group(), text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _UNWRITABLE.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def column_letters(count: int) -> list[str]:
    """``A``, ``B``, ... for the first *count* columns (``AA`` after ``Z``)."""
    letters: list[str] = []
    for number in range(1, count + 1):
        name, left = "", number
        while left:
            left, rest = divmod(left - 1, 26)
            name = chr(65 + rest) + name
        letters.append(name)
    return letters


def _number(value: int | float) -> str:
    if type(value) is int:
        return str(value)
    if isinstance(value, float) and math.isfinite(value):
        return repr(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(int(value))
    raise ValueError(f"not a number a workbook can hold: {value!r}")


def _text_element(text: str) -> str:
    """``<t>`` holding *text*, escaped, its edge spaces kept."""
    body = escape_text(text) if _SPECIAL.search(text) else text
    space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
    return f"<t{space}>{body}</t>"


def _row_xml(
    number: int,
    row: Sequence[Cell],
    letters: Sequence[str],
    style: str,
    sheet: Sheet,
    *,
    shared: dict[str, int],
) -> str:
    """One ``<row>`` element; empty texts and None are left out (their cells stay empty).
    A text is a shared string (its index in *shared*, added when new) while *shared* has
    room, an inline string after that."""
    at = str(number)
    safe = sheet.safe
    find = shared.get
    cells: list[str] = []
    add = cells.append
    for letter, cell in zip(letters, row, strict=False):
        if isinstance(cell, str):
            value = safe(cell) if safe is not None and type(cell) is str else cell
            if not value:
                if style:
                    add(f'<c r="{letter}{at}"{style}/>')
                continue
            index = find(value)
            if index is None:
                if len(shared) >= MAX_SHARED:
                    inline = _text_element(value)
                    add(f'<c r="{letter}{at}"{style} t="inlineStr"><is>{inline}</is></c>')
                    continue
                index = shared[value] = len(shared)
            add(f'<c r="{letter}{at}"{style} t="s"><v>{index}</v></c>')
        elif cell is not None:
            add(f'<c r="{letter}{at}"{style}><v>{_number(cell)}</v></c>')
    return f'<row r="{at}">{"".join(cells)}</row>'


def _pane(frozen: tuple[int, int]) -> str:
    rows, columns = frozen
    if not rows and not columns:
        return ""
    corner = f"{column_letters(columns + 1)[-1]}{rows + 1}"
    split = (f' xSplit="{columns}"' if columns else "") + (f' ySplit="{rows}"' if rows else "")
    active = "bottomRight" if rows and columns else ("bottomLeft" if rows else "topRight")
    return (
        f'<pane{split} topLeftCell="{corner}" activePane="{active}" state="frozen"/>'
        f'<selection pane="{active}" activeCell="{corner}" sqref="{corner}"/>'
    )


def _sheet_head(sheet: Sheet, first: bool) -> str:
    width = max((len(row) for row in sheet.rows), default=0)
    size = f"A1:{column_letters(width)[-1]}{len(sheet.rows)}" if width else "A1"
    selected = ' tabSelected="1"' if first else ""
    return (
        f'{_XML}<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}"><dimension ref="{size}"/>'
        f'<sheetViews><sheetView{selected} workbookViewId="0">{_pane(sheet.frozen)}'
        '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>'
    )


_SHEET_TAIL: Final = (
    '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" '
    'header="0.3" footer="0.3"/></worksheet>'
)


def _write_sheet(stream: IO[bytes], sheet: Sheet, first: bool, shared: dict[str, int]) -> None:
    rows = sheet.rows
    width = max((len(row) for row in rows), default=0)
    letters = column_letters(width)
    stream.write(_sheet_head(sheet, first).encode())
    for start in range(0, len(rows), CHUNK_ROWS):
        chunk = []
        for number in range(start + 1, min(start + CHUNK_ROWS, len(rows)) + 1):
            style = ' s="1"' if number == 1 and sheet.bold_header else ""
            chunk.append(_row_xml(number, rows[number - 1], letters, style, sheet, shared=shared))
        text = "".join(chunk)
        try:
            data = text.encode()
        except UnicodeEncodeError:
            raise _broken([sheet]) from None
        stream.write(data)
    stream.write(_SHEET_TAIL.encode())


def _write_shared(stream: IO[bytes], shared: dict[str, int], sheets: Sequence[Sheet]) -> None:
    """The shared strings, in their indexes' order, a few thousand at a time."""
    stream.write(f'{_XML}<sst xmlns="{_MAIN}" uniqueCount="{len(shared)}">'.encode())
    texts = list(shared)
    step = CHUNK_ROWS * 10
    for start in range(0, len(texts), step):
        part = "".join(f"<si>{_text_element(text)}</si>" for text in texts[start : start + step])
        try:
            data = part.encode()
        except UnicodeEncodeError:
            raise _broken(sheets) from None
        stream.write(data)
    stream.write(b"</sst>")


def _broken(sheets: Sequence[Sheet]) -> ExchangeFileError:
    """The error naming the first cell with a lone surrogate."""
    for sheet in sheets:
        letters = column_letters(max((len(row) for row in sheet.rows), default=0))
        for number, row in enumerate(sheet.rows, start=1):
            for letter, value in zip(letters, row, strict=False):
                if isinstance(value, str):
                    bad = next((ch for ch in value if 0xD800 <= ord(ch) <= 0xDFFF), None)
                    if bad is not None:
                        return ExchangeFileError(
                            BROKEN_TEXT(sheet=sheet.title, row=number, column=letter, code=ord(bad))
                        )
    raise AssertionError("no broken character found")  # pragma: no cover


def _attr(text: str) -> str:
    return escape_text(text).replace('"', "&quot;")


def _parts(sheets: Sequence[Sheet], author: str) -> dict[str, str]:
    """Every member but the worksheets, by name."""
    count = range(1, len(sheets) + 1)
    sheet_ct = f"{_CT}.worksheet+xml"
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{sheet_ct}"/>'
        for n in count
    )
    rels = "".join(
        f'<Relationship Id="rId{n}" Type="{_REL}/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in count
    )
    names = "".join(
        f'<sheet name="{_attr(sheet.title)}" sheetId="{n}" r:id="rId{n}"/>'
        for n, sheet in zip(count, sheets, strict=True)
    )
    n = len(sheets) + 1
    return {
        "[Content_Types].xml": f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/'
        '2006/content-types"><Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
        'ContentType="application/xml"/><Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_CT}.sharedStrings+xml"/>'
        f"{overrides}</Types>",
        "_rels/.rels": f'{_XML}<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
        f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" '
        f'Type="{_PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/>'
        "</Relationships>",
        "docProps/core.xml": f'{_XML}<cp:coreProperties xmlns:cp="http://schemas.'
        'openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/'
        'dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.'
        f'w3.org/2001/XMLSchema-instance"><dc:creator>{escape_text(author)}</dc:creator>'
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{_FIXED_ISO}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{_FIXED_ISO}</dcterms:modified>'
        "</cp:coreProperties>",
        "xl/workbook.xml": f'{_XML}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><bookViews>'
        f'<workbookView activeTab="0"/></bookViews><sheets>{names}</sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'{_XML}<Relationships xmlns="{_PKG_REL}">{rels}'
        f'<Relationship Id="rId{n}" Type="{_REL}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId{n + 1}" Type="{_REL}/sharedStrings" '
        'Target="sharedStrings.xml"/></Relationships>',
        "xl/styles.xml": f'{_XML}<styleSheet xmlns="{_MAIN}"><fonts count="2"><font>'
        '<sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/>'
        '<name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill>'
        '<patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>'
        '</fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/>'
        '</border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" '
        'borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" '
        'fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" '
        'borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle '
        'name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
    }


def write_xlsx(target: Path | IO[bytes], sheets: Sequence[Sheet], *, author: str) -> None:
    """Write *sheets* as a workbook to *target* (a path or a seekable binary file).

    Only what the listings workbooks need: text and number cells, a bold header row,
    frozen panes and fixed document dates. Every text cell is a shared string (``t="s"``;
    after :data:`MAX_SHARED` distinct texts, an inline string), never a formula: a market
    repeats most of its texts (stalls, yes/no, units), so the sheets are small and quick
    to read back. ``& < >`` are XML-escaped, and characters XML
    1.0 cannot hold are written as Excel writes them (``_x000B_``; a literal ``_x000B_``
    in the text becomes ``_x005F_x000B_``), which Excel and calamine read back as the
    original text. A text with a broken character (a lone surrogate) is refused with
    ExchangeFileError naming its sheet, row and column, and so is a sheet with more rows
    than Excel opens, before anything is written. Rows are turned into XML
    :data:`CHUNK_ROWS` at a time and streamed through ``zipfile``, so a big market's
    sheet is never one string in memory. Member dates are fixed: the same rows give the
    same bytes.
    """
    for sheet in sheets:
        if len(sheet.rows) > EXCEL_MAX_ROWS:
            raise ExchangeFileError(
                TOO_MANY_ROWS(sheet=sheet.title, rows=len(sheet.rows), max=EXCEL_MAX_ROWS)
            )
    # A member opened by name gets ZipInfo's fixed date (1980-01-01) and the archive's
    # compression (COMPRESS_LEVEL).
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL) as zf:
        for name, text in _parts(sheets, author).items():
            with zf.open(name, "w") as stream:
                stream.write(text.encode())
        shared: dict[str, int] = {}
        for number, sheet in enumerate(sheets, start=1):
            with zf.open(f"xl/worksheets/sheet{number}.xml", "w") as stream:
                _write_sheet(stream, sheet, number == 1, shared)
        with zf.open("xl/sharedStrings.xml", "w") as stream:
            _write_shared(stream, shared, sheets)
