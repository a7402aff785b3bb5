"""Printed through the print dialog to a PDF file ("print to file"): the stands' and a
single code's text layer reads back what is printed, the pixels stay Qt's, and a repair
whose check fails leaves Qt's file as it wrote it."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest
from pdf_text import WRONG_FORMS, page_texts, rasters, updates
from PySide6.QtPrintSupport import QPrinter
from qr_helpers import MARKET, make_store, zero_pay_like

from kiosk.domain.text import LocalizedText
from kiosk.render import stands, stands_text
from kiosk.render.qr import kakao_spec
from kiosk.render.text_layer import TextLayer
from kiosk.render.verify import render_verified

NAMES = LocalizedText({"ko": "색동 떡집 7호", "ja": "色どり・餅", "zh_Hans": "入口用品鱼糕"})
TITLE = "A-1번 색동 떡집"
LINES = ["KakaoTalk fine file", "色どり用・入口", "彩色鱼糕 2号"]


def _printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def _print_stands(path: Path) -> Path:
    from kiosk.services.values import StandSet
    from kiosk.ui.widgets.stand_paper import prepare_printer, print_on

    store = make_store(7, payment=zero_pay_like("색동떡집", "서울"))
    store = dataclasses.replace(store, stall_number="A-1", name=NAMES)
    printer = _printer(path)
    prepare_printer(printer, size="a6", copies=1)
    print_on(printer, StandSet(MARKET, tuple(stands.prepare_pages([store]))))
    return path


def _print_code(path: Path) -> Path:
    from kiosk.ui.widgets.qr_print import print_qr

    verified = render_verified(kakao_spec("https://pf.kakao.com/_ZeUTxl/friend"))
    print_qr(_printer(path), verified, title=TITLE, lines=LINES, locale="ko")
    return path


def test_printed_stands_read_back_their_names(gui_app: object, tmp_path: Path) -> None:
    out = _print_stands(tmp_path / "stands.pdf")
    (text,) = page_texts(out)
    assert stands_text.STALL.format(number="A-1") in text.split("\n")
    assert "色どり・餅" in text and "入口用品鱼糕" in text and "색동 떡집 7호" in text
    assert not WRONG_FORMS & set(text) and updates(out) == 2


def test_a_printed_code_reads_back_its_title_and_lines(gui_app: object, tmp_path: Path) -> None:
    out = _print_code(tmp_path / "code.pdf")
    (text,) = page_texts(out)
    assert [" ".join(line.split()) for line in text.split("\n")] == [TITLE, *LINES]
    assert updates(out) == 2


@pytest.mark.parametrize("print_to", [_print_stands, _print_code])
def test_the_repair_changes_no_pixel(
    print_to: Callable[[Path], Path],
    gui_app: object,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    repaired = print_to(tmp_path / "repaired.pdf")
    monkeypatch.setattr(TextLayer, "repair", lambda self, pdf: pdf)
    as_qt_wrote = print_to(tmp_path / "qt.pdf")
    assert updates(as_qt_wrote) == 1 and "A-1번" not in page_texts(as_qt_wrote)[0]
    assert rasters(as_qt_wrote) == rasters(repaired)


@pytest.mark.parametrize("print_to", [_print_stands, _print_code])
def test_a_failing_check_keeps_qts_file(
    print_to: Callable[[Path], Path],
    gui_app: object,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    drawn = TextLayer.drawn
    monkeypatch.setattr(
        TextLayer, "drawn", lambda self, font, text, **kw: drawn(self, font, "다른 글 9", **kw)
    )
    out = print_to(tmp_path / "kept.pdf")
    assert updates(out) == 1
    (text,) = page_texts(out)
    assert "A-1번" not in text and "다른 글" not in text and "색동 떡집" in text
