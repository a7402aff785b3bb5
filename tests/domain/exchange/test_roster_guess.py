"""A roster's columns guessed from its headers; what the mapping step starts from and checks."""

from __future__ import annotations

import pytest

from kiosk.domain.exchange import file_format as fmt
from kiosk.domain.exchange.cells import REQUIRED
from kiosk.domain.exchange.guess import (
    field_for,
    guess_map,
    is_template,
    mapped_rows,
    missing_fields,
    preview_of,
    shared_headers,
    start_map,
)
from kiosk.domain.exchange.mapping import name_mapped
from kiosk.domain.exchange.problems import CellRef, FileProblem, Table
from kiosk.i18n import render_message

#: A real message of the app (a test must not add one to the app-wide registry).
PROBLEM = REQUIRED


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("상호", "name_ko"), ("상호명", "name_ko"), ("가게명", "name_ko"), ("Shop name", "name_ko"),
        ("연락처", "phone"), ("전화", "phone"), ("전화번호", "phone"), ("연락처(휴대폰)", "phone"),
        ("Tel", "phone"), ("호수", "stall_number"), ("점포번호", "stall_number"),
        ("점포 번호", "stall_number"), ("Stall No", "stall_number"), ("업종", "category"),
        ("영문상호", "name_en"), ("주요상품", "good_name_ko"), ("가격", "price_won"),
        ("가격 (price_won)", "price_won"), ("opening_hours", "opening_hours"),
        ("대표자", None), ("비고", None), ("순번", None), ("", None),
    ],
)  # fmt: skip
def test_headers_name_fields_in_korean_and_english(header: str, field: str | None) -> None:
    assert field_for(header) == field


def test_the_first_header_of_a_field_wins() -> None:
    assert guess_map(["상호", "가게명", "전화", "연락처"]) == {"name_ko": "상호", "phone": "전화"}


def test_only_a_row_1_of_template_headers_is_the_template() -> None:
    template = [c.header for c in fmt.FLAT_COLUMNS]
    assert is_template(Table("t", [template, []]))
    assert is_template(Table("t", [["점포 번호", "점포 이름", "", ""]]))
    assert not is_template(Table("t", [["점포 번호", "점포 이름", "대표자"]]))  # one of its own
    assert not is_template(Table("t", [["호수", "상호"]]))
    assert not is_template(Table("t", [[]]))


def test_a_remembered_mapping_starts_the_step_and_keeps_fields_left_unused() -> None:
    headers = ["호수", "상호", "연락처", "주요상품"]
    assert start_map(headers, {}) == {
        "stall_number": "호수",
        "name_ko": "상호",
        "phone": "연락처",
        "good_name_ko": "주요상품",
    }
    remembered = {"stall_number": "호수", "name_ko": "상호", "phone": "전화"}
    # 주요상품 was not used last time: not guessed again; 전화 is gone: phone guessed anew.
    assert start_map(headers, remembered) == {
        "stall_number": "호수",
        "name_ko": "상호",
        "phone": "연락처",
    }
    assert start_map(headers, {"name_ko": "가게"}) == start_map(headers, {})  # nothing fits


def test_required_fields_and_one_column_per_field() -> None:
    assert missing_fields({}) == ["stall_number", "name_ko"]
    assert missing_fields({"stall_number": "호수", "name_ko": "상호"}) == []
    assert missing_fields({"stall_number": "호수", "name_ko": "상호", "price_won": "가격"}) == [
        "good_name_ko"
    ]
    assert shared_headers({"name_ko": "상호", "name_en": "상호", "phone": "연락처"}) == {
        "상호": ["name_ko", "name_en"]
    }


def test_the_preview_shows_the_first_rows_as_mapped_with_their_row_numbers() -> None:
    rows: list[list[object]] = [["호수", "상호", "비고"], ["A-1", "가상수산", "1층"], ["", "", ""]]
    rows += [["A-" + str(n), f"가게{n}", None] for n in range(2, 9)]
    preview = preview_of(Table("명부", rows), source="명부.csv", market_slug="m", remembered={})
    assert preview.mapping == {"stall_number": "호수", "name_ko": "상호"}
    assert not preview.remembered
    assert [n for n, _cells in preview.rows] == [2, 4, 5, 6, 7]  # the blank row 3 skipped
    assert mapped_rows(preview, {"name_ko": "상호", "description_ko": "비고"})[0] == (
        2,
        ["가상수산", "1층"],
    )
    again = preview_of(
        Table("명부", rows), source="x", market_slug="m", remembered={"unit": "비고"}
    )
    assert again.remembered and again.mapping == {"unit": "비고"}


def test_a_problem_names_the_rosters_own_column() -> None:
    problems = [
        FileProblem(CellRef("명부.csv", 3, fmt.PHONE.korean), PROBLEM()),
        FileProblem(CellRef("명부.csv", 4, ""), PROBLEM()),
    ]
    named = name_mapped(problems, {"phone": "연락처"})
    shown = render_message(named[0].message(), "en")
    assert shown == "명부.csv, row 3: 연락처 (전화번호) is empty; it is required"
    assert named[1] == problems[1]
