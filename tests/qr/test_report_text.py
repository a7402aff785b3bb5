"""The onboarding report PDF's text layer reads back exactly what is printed (copy, search,
screen readers), in Korean, Japanese and Chinese; repairing it changes no pixel, and a
repair whose check fails leaves the file as Qt wrote it (and still checked)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pdf_text import WRONG_FORMS, page_texts, rasters, updates
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont
from qr_helpers import make_store, zero_pay_like

from kiosk.domain.locales import LocaleCode
from kiosk.domain.onboarding.checklist import Checklist, Step
from kiosk.domain.onboarding.progress import StoreOnboarding
from kiosk.domain.onboarding.status import RecordKind, StepProgress, StepStatus
from kiosk.domain.qr.symbols import QrSpec
from kiosk.domain.text import LocalizedText as Text
from kiosk.render.onboarding_report import ReportCode, render_report
from kiosk.render.output import PdfCanvas
from kiosk.render.text_layer import TextLayer

#: Qt's own map read 色 用 入 鱼 as Kangxi radicals, ・ as U+2027, "fi" as U+FB01, and the
#: digits and spaces inside Korean text ("A-1번", "2명") not at all.
BRING = Text({"ko": "사업자등록증 1부", "ja": "色見本・用紙", "zh_Hans": "鱼类许可证 1份"})


def _step(key: str, order: int, title: dict[LocaleCode, str], url: str = "") -> Step:
    return Step(key, order, Text(title), Text({}), (), (BRING,), url, 15, None, RecordKind.NONE,
                False)  # fmt: skip


TITLES: dict[str, dict[LocaleCode, str]] = {
    "a": {"ko": "A-1번 채널 만들기", "ja": "色どり用の入口", "zh_Hans": "彩色鱼糕入口用品"},
    "b": {"ko": "2단계 file 확인", "ja": "ファイル・fi確認", "zh_Hans": "第2步 fine"},
    "c": {"ko": "건너뛴 3번", "ja": "入力", "zh_Hans": "入口"},
}
CHECKLIST = Checklist(
    (
        _step("a", 1, TITLES["a"]),
        _step("b", 2, TITLES["b"], url="https://example.org/step-2"),
        _step("c", 3, TITLES["c"]),
    )
)
STORE = dataclasses.replace(
    make_store(1, payment=zero_pay_like()),
    stall_number="A-1",
    name=Text({"ko": "색동 떡집 1호", "ja": "色どり・餅", "zh_Hans": "彩色鱼糕"}),
)
ONBOARDING = StoreOnboarding(
    STORE,
    CHECKLIST,
    {
        "a": StepProgress("a", StepStatus.DONE, helper="도우미 2명", completed_on=date(2026, 6, 2)),
        "c": StepProgress("c", StepStatus.SKIPPED),
    },
)
CODES = [ReportCode("카카오 1번 채널", QrSpec("https://pf.kakao.com/_ZeUTxl", "M"))]


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every text the report draws, in order."""
    texts: list[str] = []
    draw = PdfCanvas.draw_text

    def spy(self: PdfCanvas, rect: QRectF, flags: int, text: str, font: QFont) -> None:
        texts.append(text)
        draw(self, rect, flags, text, font)

    monkeypatch.setattr(PdfCanvas, "draw_text", spy)
    yield texts


def _report(out: Path, locale: str) -> Path:
    result = render_report(ONBOARDING, codes=CODES, out=out, locale=locale,  # type: ignore[arg-type]
                           printed_on=date(2026, 12, 7))  # fmt: skip
    assert result.codes_verified == 2  # the QR check of the written file still runs
    return out


def _lines(text: str) -> list[str]:
    """Lines with runs of spaces as one (PDFium writes one space for a wide gap)."""
    return [" ".join(line.split()) for line in text.split("\n")]


@pytest.mark.parametrize("locale", ["ko", "ja", "zh_Hans"])
def test_the_text_layer_is_exactly_what_is_drawn(
    locale: str, drawn: list[str], tmp_path: Path, gui_app: object
) -> None:
    out = _report(tmp_path / f"report-{locale}.pdf", locale)
    (text,) = page_texts(out)
    assert _lines(text) == _lines("\n".join(drawn))
    assert not WRONG_FORMS & set(text)
    assert updates(out) == 2  # the maps were appended to Qt's file


def test_digits_ligatures_and_shared_glyphs_read_back(tmp_path: Path, gui_app: object) -> None:
    ko, ja, zh = (
        page_texts(_report(tmp_path / f"{loc}.pdf", loc))[0] for loc in ("ko", "ja", "zh_Hans")
    )
    assert "A-1 색동 떡집 1호" in _lines(ko) and "카카오 1번 채널" in ko
    assert "✓ A-1번 채널 만들기 · 2026-06-02 · 도움: 도우미 2명" in _lines(ko)
    assert "2단계 file 확인" in ko and "사업자등록증 1부" in ko
    assert "A-1 色どり・餅" in _lines(ja) and "色どり用の入口" in ja
    assert "ファイル・fi確認" in ja and "色見本・用紙" in ja
    assert "A-1 彩色鱼糕" in _lines(zh) and "彩色鱼糕入口用品" in zh and "第2步 fine" in zh


def test_the_repair_changes_no_pixel(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, gui_app: object
) -> None:
    repaired = _report(tmp_path / "repaired.pdf", "ja")
    monkeypatch.setattr(TextLayer, "repair", lambda self, pdf: pdf)
    as_qt_wrote = _report(tmp_path / "qt.pdf", "ja")
    assert updates(as_qt_wrote) == 1
    assert "色どり用の入口" not in page_texts(as_qt_wrote)[0]  # the defect this repairs
    assert rasters(as_qt_wrote) == rasters(repaired)


def test_a_failing_check_keeps_the_file_as_qt_wrote_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, gui_app: object
) -> None:
    draw = PdfCanvas.draw_text

    def misrecorded(self: PdfCanvas, rect: QRectF, flags: int, text: str, font: QFont) -> None:
        draw(self, rect, flags, text, font)
        self.text_layer.drawn(font, "다른 글 9", width=rect.width(), flags=flags)

    monkeypatch.setattr(PdfCanvas, "draw_text", misrecorded)
    out = _report(tmp_path / "kept.pdf", "ko")  # written, its codes decoded back
    assert updates(out) == 1
    (text,) = page_texts(out)
    assert "A-1번" not in text and "다른 글" not in text  # Qt's own map, untouched
    assert "색동 떡집" in text
