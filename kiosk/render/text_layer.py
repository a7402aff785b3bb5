"""The text layer of a PDF drawn with QPainter: what each glyph shows, recorded as it is drawn.

Qt's PDF writer says which character a glyph shows (its ToUnicode map) by asking the
font which code point leads to the glyph, and takes the lowest one below U+10000.
With Noto Sans CJK that is wrong or missing for text any reader copies, searches
or reads aloud: 色, 用, 入, 鱼 come back as Kangxi radicals (U+2F8A ...) that share
their glyph; the Japanese middle dot as U+2027; digits and spaces inside Korean text,
drawn with the font's Korean forms (its ``locl`` feature), had no character at all
("A-1번" read "A-번"); a ligature as U+FB01. The drawing itself is right.

A TextLayer shapes each text the painter draws the way ``QPainter.drawText`` does
(the same font, device, line width and wrap mode, line by line, without the spaces
Qt leaves undrawn at a line's end) and keeps, glyph by glyph, the characters it
stands for, numbering each face's glyphs as Qt's writer numbers them in its subset
(in the order first drawn). ``repair`` checks that numbering against the written
file (kiosk.render.pdf_tounicode: one font a face, as many glyphs, and every CID
Qt's own map names shows the glyph its code point leads to) and gives every font a
map of the recorded characters. Where they differ (a text drawn outside the record,
a Qt that numbers differently) the file is kept as Qt wrote it: its pages print the
same either way, and the tests read the text layer back
(tests/qr/test_*_text.py). Every ``PdfCanvas`` has a layer (its ``draw_text`` draws
and records); ``repair_file`` repairs a file a QPrinter printed to PDF.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from PySide6.QtGui import QFont, QPaintDevice, QRawFont, QTextLayout, QTextLine, QTextOption

from kiosk.render import pdf_check, pdf_tounicode
from kiosk.render.atomic import write_verified

#: A font face as Qt's glyph runs name it: (family, style).
Face = tuple[str, str]
#: Glyphs drawn in one face: each glyph index with the text it shows ("" for none).
Run = tuple[Face, tuple[tuple[int, str], ...]]

_WORD_WRAP = 0x1000  # Qt.TextFlag.TextWordWrap
_WRAP_ANYWHERE = 0x2000  # Qt.TextFlag.TextWrapAnywhere
#: The line width ``drawText`` lays out text with when it does not wrap.
_NO_WRAP_WIDTH = float(0x01000000)
_RUNS = (
    QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphIndexes
    | QTextLayout.GlyphRunRetrievalFlag.RetrieveStringIndexes
)


def _wrap_mode(flags: int) -> QTextOption.WrapMode:
    if flags & _WORD_WRAP:
        return QTextOption.WrapMode.WordWrap
    if flags & _WRAP_ANYWHERE:
        return QTextOption.WrapMode.WrapAnywhere
    return QTextOption.WrapMode.ManualWrap


def _cluster_text(units: bytes, start: int, end: int) -> str:
    """The characters from UTF-16 unit *start* to *end* of a text (*units*: UTF-16-LE, as
    Qt counts), less the spaces Qt does not draw at a line's end."""
    part = units[2 * start : 2 * end].decode("utf-16-le", "replace")
    return part.rstrip() or part


def _line_runs(units: bytes, line: QTextLine, raws: dict[Face, QRawFont]) -> list[Run]:
    """The glyph runs of one laid-out *line* of a text (*units*: its UTF-16-LE), each glyph
    with the characters it shows; each face's raw font is kept in *raws*."""
    placed: list[tuple[Face, list[int], list[int]]] = []
    for run in line.glyphRuns(-1, -1, _RUNS):
        raw = run.rawFont()
        face = (raw.familyName(), raw.styleName())
        raws.setdefault(face, raw)
        placed.append((face, run.glyphIndexes(), run.stringIndexes()))
    starts = sorted({i for _, _, indexes in placed for i in indexes})
    starts.append(line.textStart() + line.textLength())
    ends = dict(pairwise(starts))
    seen: set[int] = set()
    runs: list[Run] = []
    for face, glyphs, indexes in placed:
        shown: list[tuple[int, str]] = []
        for glyph, index in zip(glyphs, indexes, strict=True):
            # The first glyph of a cluster shows its characters; the others show none.
            shown.append((glyph, "" if index in seen else _cluster_text(units, index, ends[index])))
            seen.add(index)
        runs.append((face, tuple(shown)))
    return runs


class _Subset:
    """What Qt's PDF writer makes of one face: each glyph's number in the embedded subset
    (CID 0 is glyph 0, then the glyphs in the order they are first drawn), and the
    text each CID shows."""

    def __init__(self) -> None:
        self.cids: dict[int, int] = {0: 0}
        self.texts: dict[int, str] = {}

    def add(self, glyphs: tuple[tuple[int, str], ...]) -> None:
        """Number the *glyphs* drawn for the first time; keep the first text of each."""
        for glyph, text in glyphs:
            cid = self.cids.setdefault(glyph, len(self.cids))
            if text:
                self.texts.setdefault(cid, text)


class TextLayer:
    """Records the texts drawn on one PDF, in drawing order (see the module docstring)."""

    def __init__(self, device: QPaintDevice) -> None:
        self._device = device
        self._subsets: dict[Face, _Subset] = {}  # in the order first drawn
        self._raw: dict[Face, QRawFont] = {}
        #: Each text laid out (by font, text, width and wrap mode): drawn again, it adds
        #: no glyph Qt has not numbered.
        self._seen: set[tuple[int, str, float, int]] = set()
        self._fonts: list[QFont] = []

    def drawn(self, font: QFont, text: str, *, width: float, flags: int) -> None:
        """Record that ``drawText(QRectF(x, y, width, h), flags, text)`` was called with *font*."""
        key = (id(font), text, width, flags & (_WORD_WRAP | _WRAP_ANYWHERE))
        if key in self._seen:
            return
        self._seen.add(key)
        self._fonts.append(font)  # kept, so that its id names it for the layer's life
        for face, glyphs in self._shape(font, text, width, flags):
            self._subsets.setdefault(face, _Subset()).add(glyphs)

    def _shape(self, font: QFont, text: str, width: float, flags: int) -> list[Run]:
        layout = QTextLayout(text, font, self._device)
        option = QTextOption()
        option.setWrapMode(_wrap_mode(flags))
        wraps = option.wrapMode() != QTextOption.WrapMode.ManualWrap
        if not wraps:  # as drawText lays out a line that does not wrap
            option.setFlags(QTextOption.Flag.IncludeTrailingSpaces)
        layout.setTextOption(option)
        lines = []
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(max(0.0, width) if wraps else _NO_WRAP_WIDTH)
            lines.append(line)
        layout.endLayout()
        units = text.encode("utf-16-le")
        return [run for line in lines for run in _line_runs(units, line, self._raw)]

    def repair(self, pdf: bytes) -> bytes:
        """*pdf* (the file this layer's device wrote) with ToUnicode maps of what was drawn,
        or *pdf* itself when its fonts are not the ones recorded."""
        try:
            maps = self._maps(pdf_tounicode.qt_fonts(pdf))
            return pdf_tounicode.replace_to_unicode(pdf, maps) if maps is not None else pdf
        except pdf_tounicode.NotQtPdf:
            return pdf

    def repair_file(self, path: Path) -> bool:
        """Repair the PDF Qt wrote at *path* itself (a QPrinter printing to a file) through
        the one writer: the repaired file is written to a temp file, must open in PDFium
        with as many pages as Qt's, then replaces it. False, and Qt's file left as it is,
        when the check of the maps or of the repaired file fails."""
        try:
            data = path.read_bytes()
            repaired = self.repair(data)
            if repaired is data:
                return False
            pages = pdf_check.page_count(path)
            write_verified(path, repaired, lambda tmp: pdf_check.verify_pages(tmp, pages))
        except (OSError, pdf_check.PdfCheckError):
            return False
        return True

    def _maps(self, fonts: list[pdf_tounicode.QtFont]) -> dict[int, dict[int, str]] | None:
        """Font object -> CID -> text, or None unless the file's fonts are the recorded
        faces: one font a face, in the order first drawn, each with as many glyphs, and
        every CID Qt's own map names showing the glyph its code point leads to."""
        if len(fonts) != len(self._subsets):
            return None
        maps: dict[int, dict[int, str]] = {}
        for font, (face, subset) in zip(fonts, self._subsets.items(), strict=True):
            if font.glyphs != len(subset.cids):
                return None
            glyph_of = {cid: glyph for glyph, cid in subset.cids.items()}
            codes = sorted(font.code_points.items())
            leads_to = self._raw[face].glyphIndexesForString("".join(chr(c) for _, c in codes))
            if [glyph_of.get(cid) for cid, _ in codes] != list(leads_to):
                return None
            maps[font.number] = subset.texts
        return maps
