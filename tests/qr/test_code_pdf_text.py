"""A single code saved as PDF prints no text, and its text layer holds none: nothing to
copy or read aloud but what is printed (the code is decoded back as before)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_text import page_texts, rasters, updates

from kiosk.render.export import save_qr
from kiosk.render.qr import kakao_spec
from kiosk.render.text_layer import TextLayer


def test_a_code_pdf_has_an_empty_text_layer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, gui_app: object
) -> None:
    out = tmp_path / "kakao.pdf"
    saved = save_qr(kakao_spec("https://pf.kakao.com/_ZeUTxl/friend"), out)
    assert saved.verified_by.startswith("PDF file rendered by PDFium")
    assert page_texts(out) == [""]
    assert b"/FontFile" not in out.read_bytes() and updates(out) == 1  # nothing to repair
    monkeypatch.setattr(TextLayer, "repair", lambda self, pdf: pdf)
    as_qt_wrote = save_qr(kakao_spec("https://pf.kakao.com/_ZeUTxl/friend"), tmp_path / "qt.pdf")
    assert rasters(as_qt_wrote.path) == rasters(out)
