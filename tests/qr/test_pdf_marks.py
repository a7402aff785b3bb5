"""The check of a written stands PDF reads each page's codes band and header, not the whole page."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from qr_helpers import MARKET, make_store, zero_pay_like

from kiosk.render.pdf_check import (
    CHECK_PX_PER_MODULE,
    PageMarks,
    PdfCheckError,
    verify_pdf_marks,
)
from kiosk.render.stands import prepare_pages, stands_pdf

SMALL = make_store(1, kakao="_ZeUTxl", payment=zero_pay_like())
DENSE = make_store(2, kakao=None, payment="DEMO-" + "0123456789" * 30)


def written(tmp_path: Path, size: str = "a6") -> tuple[Path, list[PageMarks]]:
    data, marks = stands_pdf(prepare_pages([SMALL, DENSE]), MARKET, size=size)  # type: ignore[arg-type]
    out = tmp_path / f"stands-{size}.pdf"
    out.write_bytes(data)
    return out, marks


@pytest.mark.parametrize("size", ["a6", "a4"])
def test_every_code_decodes_from_its_band_at_four_pixels_a_module(
    gui_app: object, tmp_path: Path, size: str
) -> None:
    out, marks = written(tmp_path, size)
    assert verify_pdf_marks(out, marks) == 3
    for page in marks:
        left, top, right, bottom = page.codes
        assert 0 <= left < right and 0 <= top < bottom
        assert page.drawn[1] == 0 < page.drawn[3] < top  # the header, above the codes


def test_the_poster_band_is_the_card_band_twice(gui_app: object, tmp_path: Path) -> None:
    card, poster = written(tmp_path, "a6")[1][0], written(tmp_path, "a4")[1][0]
    # the band is drawn CHECK_PX_PER_MODULE pixels a module on both: the same pixels
    assert poster.module_pt == pytest.approx(2 * card.module_pt)
    assert poster.codes == pytest.approx(tuple(2 * v for v in card.codes), rel=0.01)
    assert CHECK_PX_PER_MODULE == 4


def test_a_code_outside_its_band_fails_naming_the_page(gui_app: object, tmp_path: Path) -> None:
    out, marks = written(tmp_path)
    left, top, right, bottom = marks[0].codes
    half = replace(marks[0], codes=(left, top, (left + right) / 2, bottom))  # Kakao's half only
    with pytest.raises(PdfCheckError, match="page 1 of the PDF holds 1 of its 2 QR codes"):
        verify_pdf_marks(out, [half, marks[1]])
    wrong = replace(marks[1], texts=("DEMO-something else",))
    with pytest.raises(PdfCheckError, match="page 2 of the PDF holds 0 of its 1 QR codes"):
        verify_pdf_marks(out, [marks[0], wrong])


def test_a_page_without_its_drawing_fails_as_not_drawn(gui_app: object, tmp_path: Path) -> None:
    out, marks = written(tmp_path)
    margin = replace(marks[1], drawn=(0.0, 400.0, 6.0, 419.0))  # plain paper at the bottom
    with pytest.raises(PdfCheckError, match="page 2 of the PDF is not drawn"):
        verify_pdf_marks(out, [marks[0], margin])


def test_a_missing_page_fails_with_the_count(gui_app: object, tmp_path: Path) -> None:
    out, marks = written(tmp_path)
    with pytest.raises(PdfCheckError, match="the PDF has 2 pages, expected 3"):
        verify_pdf_marks(out, [*marks, marks[0]])
