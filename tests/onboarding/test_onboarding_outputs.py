"""Market export (CSV with BOM and CRLF, XLSX, formula-safe), the store report PDF, the checklist
file fallback and this PC's remembered store."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from onboarding_helpers import store_at

from kiosk.data.checklists import PACKAGED_CHECKLIST
from kiosk.domain.onboarding.status import StepStatus
from kiosk.domain.store_edit.draft import draft_from
from kiosk.render.sheets import SheetError
from kiosk.services.app import Services
from kiosk.services.onboarding.progress import StepDraft


def _formula_store(services: Services) -> int:
    """Give bansong A-2 a name that a spreadsheet would run as a formula."""
    store_id = store_at(services, "bansong", "A-2")
    console = services.access.console_actor()
    base = services.directory.get_store(store_id=store_id)
    draft = draft_from(base)
    name = {code: '=HYPERLINK("http://evil.example","클릭")' for code in draft.name}
    from dataclasses import replace

    services.listings.save_store(
        actor=console, market_slug="bansong", base=base, draft=replace(draft, name=name)
    )
    return store_id


def test_csv_export_has_bom_crlf_and_neutralised_formulas(
    services: Services, tmp_path: Path
) -> None:
    _formula_store(services)
    out = tmp_path / "bansong.csv"
    rows = services.onboarding.export_onboarding(
        actor=services.access.console_actor(), market_slug="bansong", out=out, locale="ko"
    )
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    table = list(csv.reader(io.StringIO(text, newline="")))
    assert len(table) == rows == 1 + 22 + 1  # header, 22 active stores, totals
    header = table[0]
    assert header[:3] == ["시장", "점포 번호", "가게"] and "카카오톡 채널 만들기" in header
    a1 = next(row for row in table if row[1] == "A-1")
    assert a1[4] == "10" and a1[header.index("카카오톡 채널 만들기")] == "완료 2026-06-02"
    a2 = next(row for row in table if row[1] == "A-2")
    assert a2[2].startswith("'=HYPERLINK(")
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in table for cell in row)
    assert table[-1][2] == "전체 가게: 완료 / 해당"


def test_xlsx_export_keeps_text_as_text(services: Services, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    _formula_store(services)
    out = tmp_path / "bansong.xlsx"
    services.onboarding.export_onboarding(
        actor=services.access.console_actor(), market_slug="bansong", out=out, locale="en"
    )
    book = load_workbook(out)
    sheet = book.worksheets[0]
    assert sheet["A1"].value == "Market" and sheet["C1"].value == "Store"
    names = [sheet.cell(row=r, column=3) for r in range(2, sheet.max_row + 1)]
    evil = next(c for c in names if str(c.value).startswith("=HYPERLINK"))
    assert evil.data_type == "s" and evil.quotePrefix
    assert sheet.cell(row=2, column=5).data_type == "n"


def test_export_refuses_a_bad_name_and_writes_nothing(services: Services, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "bansong.ods"
    with pytest.raises(SheetError) as caught:
        services.onboarding.export_onboarding(
            actor=services.access.console_actor(), market_slug="bansong", out=out
        )
    assert ".csv or .xlsx" in str(caught.value)
    assert list(folder.iterdir()) == []


def test_category_filter(services: Services) -> None:
    from kiosk.domain.categories import Category

    progress = services.onboarding.market_onboarding(
        actor=services.access.console_actor(), market_slug="dongmun", category=Category.TANGERINES
    )
    assert {row.stall_number for row in progress.stores} == {"A-1", "A-3", "A-12"}


def test_report_pdf_has_real_glyphs_and_decodable_codes(services: Services, tmp_path: Path) -> None:
    store_id = store_at(services, "bansong", "A-3")
    out = tmp_path / "report.pdf"
    result = services.onboarding.onboarding_report(
        actor=services.access.console_actor(), store_id=store_id, out=out, locale="ko"
    )
    assert result.pages >= 1 and result.codes_verified >= 4
    document = pypdfium2.PdfDocument(out.read_bytes())
    try:
        texts, found = [], set()
        for index in range(len(document)):
            page = document[index]
            texts.append(page.get_textpage().get_text_range())
            image = page.render(scale=1100 / page.get_width(), grayscale=True).to_pil()
            codes = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
            found |= {r.text for r in codes if r.valid}
            page.close()
    finally:
        document.close()
    text = "\n".join(texts)
    # Hangul comes out of the file as Hangul: the glyphs are real (not boxes, not images).
    assert "디지털 전환 진행 보고서" in text and "반송큰시장" in text
    assert "물결 수제어묵" in text and "남은 단계" in text and "통장 사본" in text
    assert "https://pf.kakao.com/_bsDemoEomuk/friend" in found
    assert "https://www.instagram.com/demo_bansong_a3/" in found
    assert any(code.startswith("000201") for code in found)  # the payment payload


def test_report_of_a_store_with_nothing_done_lists_every_step(
    services: Services, tmp_path: Path
) -> None:
    store_id = store_at(services, "dongmun", "A-3")
    result = services.onboarding.onboarding_report(
        actor=services.access.console_actor(),
        store_id=store_id,
        out=tmp_path / "r.pdf",
        locale="en",
    )
    assert result.codes_verified >= 9  # the official page of every step left (one per URL)


def test_malformed_replacement_keeps_the_last_good_checklist(
    services: Services, checklist_dir: Path
) -> None:
    replacement = checklist_dir / "checklist.toml"
    good = PACKAGED_CHECKLIST.read_text(encoding="utf-8").replace(
        'title.en = "Put the QR stand on the counter"', 'title.en = "Stand the QR sign up"'
    )
    replacement.write_text(good, encoding="utf-8")
    state = services.onboarding.onboarding_checklist(reload=True)
    assert state.problem is None and state.source == replacement
    assert (checklist_dir / "checklist.last-good.toml").read_text(encoding="utf-8") == good
    broken = good.replace('title.ja = "レジにQRスタンドを置く"\n', "")
    replacement.write_text(broken, encoding="utf-8")
    state = services.onboarding.onboarding_checklist(reload=True)
    assert state.problem is not None and state.problem.file == str(replacement)
    assert "the ja text is missing" in str(state.problem)
    assert state.source.name == "checklist.last-good.toml"
    step = state.checklist.get("qr_stand")
    assert step is not None and step.title.get("en") == "Stand the QR sign up"


def test_malformed_replacement_without_a_good_copy_falls_back_to_the_shipped_file(
    services: Services, checklist_dir: Path
) -> None:
    (checklist_dir / "checklist.toml").write_text("schema = 1\n[[step]]\nkey = 3\n", "utf-8")
    state = services.onboarding.onboarding_checklist(reload=True)
    assert state.source == PACKAGED_CHECKLIST and state.problem is not None
    assert state.problem.line == 2  # [[step]] lacks its fields; "key = 3" is refused too
    assert (3, "step key 3") in [(line, str(p)[:10]) for line, p in state.problem.problems]
    base = services.onboarding.store_onboarding(
        actor=services.access.console_actor(), store_id=store_at(services, "bansong", "A-1")
    )
    assert len(base.checklist) == 11


def test_this_pc_remembers_its_store(services: Services, checklist_dir: Path) -> None:
    assert services.onboarding.remembered_store() is None
    store_id = store_at(services, "bansong", "C-2")
    services.onboarding.remember_store(store_id=store_id)
    assert services.onboarding.remembered_store() == store_id
    assert (checklist_dir / "this-pc.json").is_file()
    services.onboarding.remember_store(store_id=None)
    assert services.onboarding.remembered_store() is None


def test_doing_after_done_clears_the_day(services: Services) -> None:
    console = services.access.console_actor()
    store_id = store_at(services, "bansong", "A-1")
    base = services.onboarding.store_onboarding(actor=console, store_id=store_id)
    assert base.step("qr_stand").completed_on is not None
    after = services.onboarding.save_onboarding_step(
        actor=console, base=base, step="qr_stand", draft=StepDraft(StepStatus.DOING)
    )
    assert after.step("qr_stand").completed_on is None
