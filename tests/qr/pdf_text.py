"""Helpers for the PDF text-layer tests: each page's text and pixels as PDFium reads them."""

from __future__ import annotations

from pathlib import Path

import pypdfium2

#: Code points a wrong map gave: Kangxi and CJK radicals (色 用 入 鱼 ...), U+2027 (for ・),
#: the ligature U+FB01 (for "fi").
WRONG_FORMS = {chr(c) for c in range(0x2E80, 0x2FE0)} | {"\u2027", "\ufb01"}


def page_texts(path: Path) -> list[str]:
    """Each page's text layer as PDFium extracts it (lines end in ``\\n``)."""
    document = pypdfium2.PdfDocument(path)
    try:
        texts = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range().replace("\r\n", "\n"))
            textpage.close()
            page.close()
        return texts
    finally:
        document.close()


def rasters(path: Path, dpi: int = 150) -> list[bytes]:
    """Each page rendered by PDFium at *dpi*, as RGB bytes."""
    document = pypdfium2.PdfDocument(path)
    try:
        return [
            document[i].render(scale=dpi / 72).to_pil().convert("RGB").tobytes()
            for i in range(len(document))
        ]
    finally:
        document.close()


def updates(path: Path) -> int:
    """How many times the file was saved: 1 as Qt wrote it, 2 with the repaired maps appended."""
    return path.read_bytes().count(b"%%EOF")
