"""Read which glyphs a PDF written by Qt shows, and give its fonts new ToUnicode maps.

Only the plain structure Qt's PDF writer makes is read (a classic cross-reference
table, one page tree, composite fonts named in each page's resources, each with its
ToUnicode map and an embedded TrueType subset); anything else raises NotQtPdf and
the caller keeps the file as it was.
The new maps are appended as an incremental update: the bytes Qt wrote, and so
every drawn pixel, stay as they were.
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_XREF_SECTION = re.compile(rb"(\d+) (\d+)\s*\n")
_OBJ_HEAD = re.compile(rb"\s*(\d+) (\d+) obj\b")
_TRAILER = re.compile(rb"\s*trailer\s*(<<.*?>>)\s*startxref", re.S)
_KIDS = re.compile(rb"/Kids\s*\[([^\]]*)\]")
_REF = re.compile(rb"(\d+) 0 R")
_FONT_DICT = re.compile(rb"/Font\s*<<(.*?)>>", re.S)
_FONT_ENTRY = re.compile(rb"/([^\s/<>\[\]()]+)\s+(\d+) 0 R")
_BF_RANGES = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
_BF_CHARS = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
#: ``<lo> <hi> <first target>`` or ``<lo> <hi> [<target> <target> ...]``
_BF_RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]+)>|\[([^\]]*)\])")
_BF_CHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")
#: Entries per ``beginbfchar`` block (the CMap format allows at most 100).
_BLOCK = 100


class NotQtPdf(ValueError):
    """The file is not laid out as Qt's PDF writer lays it out."""


class _Objects:
    """The objects of a PDF by number, found through its cross-reference table."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        found = _STARTXREF.search(data[-64:])
        if found is None:
            raise NotQtPdf("no startxref at the end")
        self.xref_at = int(found.group(1))
        self.offsets: dict[int, int] = {}
        self.trailer = b""
        section: int | None = self.xref_at
        while section is not None:  # the newest section first, then each earlier (/Prev)
            offsets, end = self._read_xref(section)
            for number, offset in offsets.items():
                self.offsets.setdefault(number, offset)
            trailer = _TRAILER.match(data, end)
            if trailer is None:
                raise NotQtPdf("no trailer")
            self.trailer = self.trailer or trailer.group(1)
            earlier = _number(trailer.group(1), b"/Prev")
            section = earlier if earlier is not None and earlier < section else None

    def _read_xref(self, at: int) -> tuple[dict[int, int], int]:
        """The offsets of one cross-reference section and where it ends."""
        if self.data[at : at + 4] != b"xref":
            raise NotQtPdf("no cross-reference table")
        offsets: dict[int, int] = {}
        pos = at + 4
        while True:
            while self.data[pos : pos + 1] in (b"\r", b"\n", b" "):
                pos += 1
            section = _XREF_SECTION.match(self.data, pos)
            if section is None:
                return offsets, pos
            first, count = int(section.group(1)), int(section.group(2))
            pos = section.end()
            for number in range(first, first + count):
                entry = self.data[pos : pos + 20]
                if entry[17:18] == b"n":
                    offsets[number] = int(entry[:10])
                pos += 20

    def head(self, number: int) -> bytes:
        """The object's text up to its stream (a dictionary, array or number)."""
        start = self._body(number)
        end = self.data.find(b"endobj", start)
        stream = self.data.find(b"stream", start, end)
        return self.data[start : stream if stream >= 0 else end]

    def stream(self, number: int) -> bytes:
        """The object's stream, decompressed when it is FlateDecode."""
        start = self._body(number)
        marker = self.data.find(b"stream", start)
        head = self.data[start:marker]
        length = _number(head, b"/Length")
        if length is None:
            ref = _ref(head, b"/Length")
            if ref is None:
                raise NotQtPdf(f"object {number}: stream without length")
            length = int(self.head(ref).strip())
        begin = marker + 6
        begin += 2 if self.data[begin : begin + 2] == b"\r\n" else 1
        raw = self.data[begin : begin + length]
        if b"/FlateDecode" not in head:
            return raw
        try:
            return zlib.decompress(raw)
        except zlib.error as exc:
            raise NotQtPdf(f"object {number}: {exc}") from None

    def _body(self, number: int) -> int:
        if number not in self.offsets:
            raise NotQtPdf(f"object {number} is not in the table")
        head = _OBJ_HEAD.match(self.data, self.offsets[number])
        if head is None or int(head.group(1)) != number:
            raise NotQtPdf(f"object {number} is not where the table says")
        return head.end()


def _ref(text: bytes, key: bytes) -> int | None:
    found = re.search(re.escape(key) + rb"\s+(\d+) 0 R", text)
    return int(found.group(1)) if found else None


def _number(text: bytes, key: bytes) -> int | None:
    found = re.search(re.escape(key) + rb"\s+(\d+)(?!\s+\d+ R)\b", text)
    return int(found.group(1)) if found else None


def _pages(objects: _Objects, node: int) -> Iterator[int]:
    head = objects.head(node)
    kids = _KIDS.search(head)
    if kids is None:
        yield node
        return
    for kid in _REF.findall(kids.group(1)):
        yield from _pages(objects, int(kid))


def _page_fonts(objects: _Objects, page: int) -> dict[bytes, int]:
    head = objects.head(page)
    resources = _ref(head, b"/Resources")
    text = objects.head(resources) if resources is not None else head
    fonts = _FONT_DICT.search(text)
    if fonts is None:
        return {}
    return {name: int(number) for name, number in _FONT_ENTRY.findall(fonts.group(1))}


@dataclass(frozen=True, slots=True)
class QtFont:
    """One font Qt embedded: its object, the characters its ToUnicode map gives (CID ->
    code point) and how many glyphs its embedded subset holds."""

    number: int
    code_points: dict[int, int]
    glyphs: int


def qt_fonts(pdf: bytes) -> list[QtFont]:
    """The composite (Type0) fonts the pages use, in object-number order: Qt numbers each
    when it is first drawn with. Raises NotQtPdf when the file is not laid out as Qt's."""
    objects = _Objects(pdf)
    root = _ref(objects.trailer, b"/Root")
    tree = _ref(objects.head(root), b"/Pages") if root is not None else None
    if tree is None:
        raise NotQtPdf("no page tree")
    numbers = {n for page in _pages(objects, tree) for n in _page_fonts(objects, page).values()}
    fonts = []
    for number in sorted(numbers):
        head = objects.head(number)
        if b"/Type0" not in head:
            raise NotQtPdf(f"font object {number} is not a composite font")
        to_unicode = _ref(head, b"/ToUnicode")
        descendant = re.search(rb"/DescendantFonts\s*\[\s*(\d+) 0 R", head)
        if to_unicode is None or descendant is None:
            raise NotQtPdf(f"font object {number} lacks its map or its glyphs")
        codes = _bf_entries(objects.stream(to_unicode))
        fonts.append(QtFont(number, codes, _subset_glyphs(objects, int(descendant.group(1)))))
    return fonts


def _bf_entries(cmap: bytes) -> dict[int, int]:
    """CID -> code point of a ToUnicode CMap's ``bfrange`` and ``bfchar`` entries (one
    UTF-16 unit each, as Qt writes them)."""
    codes: dict[int, int] = {}
    for block in _BF_RANGES.findall(cmap):
        for low, high, target, listed in _BF_RANGE.findall(block):
            first, last = int(low, 16), int(high, 16)
            if listed:
                values = [int(v, 16) for v in _HEX.findall(listed)]
                codes.update(zip(range(first, last + 1), values, strict=False))
            else:
                start = int(target, 16)
                codes.update((cid, start + cid - first) for cid in range(first, last + 1))
    for block in _BF_CHARS.findall(cmap):
        codes.update((int(cid, 16), int(target, 16)) for cid, target in _BF_CHAR.findall(block))
    return codes


def _subset_glyphs(objects: _Objects, descendant: int) -> int:
    """How many glyphs the embedded TrueType subset holds (its ``maxp`` table)."""
    descriptor = _ref(objects.head(descendant), b"/FontDescriptor")
    file = _ref(objects.head(descriptor), b"/FontFile2") if descriptor is not None else None
    if file is None:
        raise NotQtPdf(f"font {descendant} has no embedded TrueType file")
    data = objects.stream(file)
    try:
        (tables,) = struct.unpack_from(">H", data, 4)
        for index in range(tables):
            tag, _sum, offset, _length = struct.unpack_from(">4sIII", data, 12 + 16 * index)
            if tag == b"maxp":
                return int(struct.unpack_from(">H", data, offset + 4)[0])
    except struct.error:
        pass
    raise NotQtPdf(f"font {descendant}: no glyph count in its embedded file")


def _utf16(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def to_unicode_cmap(texts: Mapping[int, str]) -> bytes:
    """A ToUnicode CMap saying which text each CID of *texts* shows (one or more characters,
    outside the Basic Multilingual Plane too)."""
    entries = [f"<{cid:04X}> <{_utf16(text)}>" for cid, text in sorted(texts.items()) if text]
    blocks = [
        f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar\n"
        for chunk in (entries[i : i + _BLOCK] for i in range(0, len(entries), _BLOCK))
    ]
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        + "".join(blocks)
        + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    ).encode("ascii")


def replace_to_unicode(pdf: bytes, maps: Mapping[int, Mapping[int, str]]) -> bytes:
    """*pdf* with the ToUnicode map of each font object in *maps* (CID -> text) replaced.

    The new maps are appended as an incremental update (a new cross-reference section
    whose trailer points back to the old one). Raises NotQtPdf when a font has no
    ToUnicode object of its own.
    """
    if not maps:
        return pdf
    objects = _Objects(pdf)
    out = bytearray(pdf)
    if not out.endswith(b"\n"):
        out += b"\n"
    written: list[tuple[int, int]] = []
    for font, texts in sorted(maps.items()):
        target = _ref(objects.head(font), b"/ToUnicode")
        if target is None:
            raise NotQtPdf(f"font object {font} has no ToUnicode map")
        cmap = to_unicode_cmap(texts)
        written.append((target, len(out)))
        out += b"%d 0 obj\n<< /Length %d >>\nstream\n" % (target, len(cmap))
        out += cmap + b"\nendstream\nendobj\n"
    xref_at = len(out)
    out += b"xref\n"
    for number, offset in sorted(written):
        out += b"%d 1\n%010d 00000 n \n" % (number, offset)
    trailer = re.sub(rb"/Prev\s+\d+", b"", objects.trailer)
    trailer = trailer[: trailer.rindex(b">>")] + b"/Prev %d\n>>" % objects.xref_at
    out += b"trailer\n" + trailer + b"\nstartxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)
