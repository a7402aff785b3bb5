"""The text layer of a printed stands PDF reads back what the page shows (copy, search,
screen readers), and repairing it changes no pixel."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from pdf_text import page_texts, rasters
from qr_helpers import MARKET, make_store, zero_pay_like

from kiosk.domain.listing import StoreDetail
from kiosk.domain.text import LocalizedText
from kiosk.render import pdf_tounicode, stands_text
from kiosk.render.stands import render_stands
from kiosk.render.text_layer import TextLayer

#: Characters Qt's own map got wrong: 色 用 入 支 鱼 魚 share their glyphs with Kangxi
#: radicals, the digits and spaces of "A-300번" are the font's Korean forms, "fi" is a
#: ligature, ・ shares its glyph with U+2027, 𠮷 lies outside the BMP.
NAMES = {
    "ko": "색동 떡집",
    "en": "Fine Cakes",
    "ja": "色どり・𠮷餅",
    "zh_Hans": "彩色鱼糕",
    "zh_Hant": "彩色魚糕",
}


def _store(number: int, stall: str, names: dict[str, str], **codes: str | None) -> StoreDetail:
    return dataclasses.replace(
        make_store(number, **codes), stall_number=stall, name=LocalizedText(names)
    )


STORES = [
    _store(1, "A-300", NAMES, payment=zero_pay_like("색동떡집", "서울")),
    _store(2, "B-12", {"ko": "입구 용품점", "zh_Hans": "入口用品支店"}, payment=None),
]
PAGE_URLS = {1: "https://example.org/d/a-300/", 2: "https://example.org/d/b-12/"}


@pytest.fixture(scope="module")
def stands_file(tmp_path_factory: pytest.TempPathFactory, gui_app: object) -> Path:
    out = tmp_path_factory.mktemp("stands") / "stands.pdf"
    render_stands(STORES, MARKET, out, page_urls=PAGE_URLS)
    return out


def test_every_page_reads_back_its_stall_names_and_copy(stands_file: Path) -> None:
    first, card, second = page_texts(stands_file)  # A-300's stall page has a card of its own
    for text, store in ((first, STORES[0]), (card, STORES[0]), (second, STORES[1])):
        lines = text.split("\n")
        assert "동문재래시장 · Dongmun Traditional Market" in lines
        assert stands_text.STALL.format(number=store.stall_number) in lines
        assert store.name.get("ko") in lines
    assert "Fine Cakes · 色どり・𠮷餅 · 彩色鱼糕 · 彩色魚糕" in first.split("\n")
    assert "入口用品支店" in second.split("\n")
    for copy in (stands_text.KAKAO_CTA, stands_text.PAY_HOWTO):
        for locale in ("ja", "zh_Hans", "zh_Hant"):
            assert copy[locale] in first.replace("\n", "")  # a CJK line wraps without a space
        for locale in ("ko", "en"):
            assert copy[locale] in first.replace("\n", " ")
    assert stands_text.LAMINATE[0] in first and stands_text.LAMINATE[1] in first
    assert stands_text.NO_PAYMENT in second.replace("\n", " ")
    for page in (card, second):
        assert stands_text.PAGE_HEADING in page
        for locale in ("ja", "zh_Hans", "zh_Hant"):
            assert stands_text.PAGE_LINES[locale] in page.replace("\n", "")


def test_no_radical_or_compatibility_form_is_left(stands_file: Path) -> None:
    text = "".join(page_texts(stands_file))
    kangxi = [c for c in text if 0x2E80 <= ord(c) <= 0x2FDF]
    assert kangxi == [] and "\u2027" not in text and "\ufb01" not in text


def test_the_repair_changes_no_pixel(
    stands_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(TextLayer, "repair", lambda self, pdf: pdf)
    as_qt_wrote = tmp_path / "qt.pdf"
    render_stands(STORES, MARKET, as_qt_wrote, page_urls=PAGE_URLS)
    assert "A-300번" not in page_texts(as_qt_wrote)[0]  # the defect this repairs
    assert rasters(as_qt_wrote) == rasters(stands_file)


def test_a_layer_that_does_not_match_keeps_the_file(gui_app: object) -> None:
    from PySide6.QtCore import QRectF

    from kiosk.render.fonts import font_for
    from kiosk.render.output import PdfCanvas
    from kiosk.render.stands import page_layout

    canvas = PdfCanvas(page_layout("a6"), resolution=300)
    layer = TextLayer(canvas.writer)
    font = font_for("ko", 40)
    canvas.painter.setFont(font)
    canvas.painter.drawText(QRectF(0, 0, 800, 100), 0, "A-1번 점포")
    layer.drawn(font, "다른 글", width=800, flags=0)  # not what was drawn
    data = canvas.finish()
    assert layer.repair(data) == data
    assert layer.repair(b"%PDF-1.4 not a file Qt wrote") == b"%PDF-1.4 not a file Qt wrote"


def test_to_unicode_cmap_maps_clusters_and_astral_characters() -> None:
    cmap = pdf_tounicode.to_unicode_cmap({1: "fi", 2: "𠮷", 3: "", 260: "색"})
    assert b"<0001> <00660069>" in cmap
    assert b"<0002> <D842DFB7>" in cmap
    assert b"<0003>" not in cmap
    assert b"<0104> <C0C9>" in cmap


def test_qt_style_ranges_are_read() -> None:
    cmap = (
        b"2 beginbfrange\n<0001> <0003> [<0041> <002D> <0031> ]\n<0010> <0012> <0061>\n"
        b"endbfrange\n1 beginbfchar\n<0020> <AC00>\nendbfchar\n"
    )
    assert pdf_tounicode._bf_entries(cmap) == {
        1: 0x41,
        2: 0x2D,
        3: 0x31,
        0x10: 0x61,
        0x11: 0x62,
        0x12: 0x63,
        0x20: 0xAC00,
    }
