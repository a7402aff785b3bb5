"""Stands printed from the app: sizes, copies, one code, long names, printer and disk faults."""

from __future__ import annotations

import errno
import os
from dataclasses import replace
from pathlib import Path

import pypdfium2
import pytest
from qr_helpers import MARKET, make_store, zero_pay_like

from kiosk.domain.text import LocalizedText
from kiosk.render import stand_print, stands, stands_text
from kiosk.render.atomic import OutputPathError

BOTH = make_store(1, kakao="_ZeUTxl", payment=zero_pay_like("물결수제어묵", "부산"))
ONLY_PAY = make_store(2, kakao=None, payment=zero_pay_like("물결수제어묵", "부산"))
ONLY_KAKAO = make_store(3, kakao="_Abc123", payment=None)
LONG_NAME = "물결수제어묵과부산명물떡볶이와순대와김밥을함께파는아주긴이름의가게"


def pdf_texts(path: Path) -> list[str]:
    document = pypdfium2.PdfDocument(path)
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


def test_copies_repeat_each_stand_and_every_page_is_checked(
    gui_app: object, tmp_path: Path
) -> None:
    out = tmp_path / "stands.pdf"
    result = stands.render_stands([BOTH, ONLY_KAKAO], MARKET, out, size="a5", copies=3)
    assert result.pages == 6
    texts = pdf_texts(out)
    assert all("감귤 상회 1" in t for t in texts[:3])
    assert all("감귤 상회 3" in t for t in texts[3:])


def test_a_stall_with_one_code_says_which_is_missing_and_prints_the_other(
    gui_app: object, tmp_path: Path
) -> None:
    out = tmp_path / "one.pdf"
    stands.render_stands([ONLY_PAY, ONLY_KAKAO], MARKET, out)
    only_pay, only_kakao = (" ".join(t.split()) for t in pdf_texts(out))
    assert " ".join(stands_text.NO_KAKAO.split()) in only_pay
    assert "결제 QR은 아직 없습니다" in only_kakao
    assert stands.prepare_pages([BOTH])[0].texts()  # both codes, no note
    assert stand_print_note(BOTH) == ""


def stand_print_note(store: object) -> str:
    from kiosk.render import stand_page

    (page,) = stands.prepare_pages([store])  # type: ignore[list-item]
    return stand_page._missing_note(page)


def test_a_name_too_long_for_a6_wraps_and_is_never_cut(gui_app: object, tmp_path: Path) -> None:
    store = replace(BOTH, name=LocalizedText({"ko": LONG_NAME, "en": "Mulgyeol Fishcake"}))
    out = tmp_path / "long.pdf"
    stands.render_stands([store], MARKET, out, size="a6")
    text = "".join(pdf_texts(out)[0].split())
    assert LONG_NAME in text  # every syllable is on the page (wrapped lines joined)
    (page,) = stands.prepare_pages([store])
    image = stand_print.stand_preview(page, MARKET, size="a6", width_px=420)
    assert image.height() == round(420 * 148 / 105)


def test_previews_have_the_proportions_of_each_size(gui_app: object) -> None:
    (page,) = stands.prepare_pages([BOTH])
    for size, height in (("a6", 423), ("a5", 426), ("a4", 424)):
        image = stand_print.stand_preview(page, MARKET, size=size, width_px=300)
        assert (image.width(), image.height()) == (300, height)


def test_a_full_disk_leaves_no_file_and_says_so(
    gui_app: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.render import atomic

    out = tmp_path / "stands.pdf"
    out.write_bytes(b"%PDF-1.4 the old file\n%%EOF")

    def full(fd: int, data: bytes | memoryview) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic, "_os_write", full)
    stand_set = stands.StandSet(MARKET, tuple(stands.prepare_pages([BOTH])))
    with pytest.raises(OutputPathError, match="disk is full"):
        stands.write_stands(stand_set, out)
    assert out.read_bytes() == b"%PDF-1.4 the old file\n%%EOF"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stands.pdf"]


def test_painting_on_a_paged_device_sends_every_copy(gui_app: object, tmp_path: Path) -> None:
    from PySide6.QtGui import QPdfWriter

    writer = QPdfWriter(str(tmp_path / "printed.pdf"))
    writer.setPageLayout(stands.page_layout("a5"))
    pages = stands.prepare_pages([BOTH, ONLY_PAY])
    seen: list[tuple[int, int]] = []
    sent = stand_print.paint_stands(
        writer, pages, MARKET, copies=2, progress=lambda d, t: seen.append((d, t))
    )
    del writer
    assert seen == [(1, 2), (2, 2)]
    assert sent == 4
    assert len(pdf_texts(tmp_path / "printed.pdf")) == 4


def test_a_device_that_does_not_start_is_a_plain_message(
    gui_app: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QPainter, QPdfWriter

    writer = QPdfWriter(str(tmp_path / "never.pdf"))
    monkeypatch.setattr(QPainter, "begin", lambda self, device: False)
    with pytest.raises(stand_print.StandPrintError, match="The printer did not print"):
        stand_print.paint_stands(writer, stands.prepare_pages([BOTH]), MARKET)
