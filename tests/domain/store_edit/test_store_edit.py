"""The store draft: field-level checks, what changed, and merging my edits onto theirs."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kiosk.domain.categories import Category
from kiosk.domain.hours import OpeningHours
from kiosk.domain.phones import normalise_phone
from kiosk.domain.prices import MAX_PRICE_WON, parse_won
from kiosk.domain.store_edit.changes import changes_between, forbidden_for_merchant, rebase
from kiosk.domain.store_edit.checks import (
    cleaned,
    missing_locales,
    validate,
)
from kiosk.domain.store_edit.draft import (
    MAX_DESCRIPTION,
    MAX_NAME,
    MAX_UNIT,
    FieldChange,
    ProductDraft,
    StoreDraft,
)
from kiosk.i18n import set_locale

APPLE = ProductDraft(1, {"ko": "사과", "en": "Apples"}, 3000, "개")
PEAR = ProductDraft(2, {"ko": "배"}, 5000, "개")
BASE = StoreDraft(
    stall_number="A-1",
    category=Category.FRUIT,
    name={"ko": "과일 가게", "en": "Fruit Stall"},
    phone="051-000-0101",
    hours=OpeningHours.every_day(540, 1200),
    products=(APPLE, PEAR),
)


def _fields(draft: StoreDraft) -> list[str]:
    return [problem.field for problem in validate(draft)]


def test_a_good_draft_has_no_problems() -> None:
    assert validate(BASE) == []


def test_each_problem_names_its_field() -> None:
    set_locale("en")
    try:
        draft = replace(
            BASE,
            stall_number="A 1!",
            name={"en": "No Korean"},
            phone="12345",
            products=(replace(APPLE, price_won=-5), ProductDraft(None, {"en": "x"}, 0)),
        )
        problems = validate(draft)
        assert [p.field for p in problems] == [
            "stall_number",
            "name.ko",
            "phone",
            "goods.1.price_won",
            "goods.2.name.ko",
        ]
        texts = [str(p.message) for p in problems]
        assert texts[1] == "Name (한국어): this is required."
        assert texts[3].startswith("Good 1: Price: a price in whole won")
        assert texts[4] == "Good 2: Name (한국어): this is required."
    finally:
        set_locale("ko")


def test_messages_follow_the_language() -> None:
    set_locale("ko")
    problem = validate(replace(BASE, stall_number=""))[0]
    assert str(problem.message) != "Stall number: this is required."


def test_hidden_characters_and_long_texts_are_refused() -> None:
    assert _fields(replace(BASE, name={"ko": "가게\u200b"})) == ["name.ko"]
    assert _fields(replace(BASE, description={"ja": "x" * 2001})) == ["description.ja"]
    assert _fields(replace(BASE, stall_number="A-" + "1" * 30)) == ["stall_number"]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0212345678", "02-1234-5678"),
        ("02 123 4567", "02-123-4567"),
        ("051-000-0101", "051-000-0101"),
        ("010.1234.5678", "010-1234-5678"),
        ("1588-1234", "1588-1234"),
        ("0505-123-4567", "0505-123-4567"),
        ("", ""),
    ],
)
def test_korean_phone_formats(typed: str, stored: str) -> None:
    assert normalise_phone(typed) == stored


@pytest.mark.parametrize("typed", ["12345", "02-12-345", "+82 10 1234 5678x", "090-123-4567"])
def test_not_a_korean_phone(typed: str) -> None:
    assert normalise_phone(typed) is None


@pytest.mark.parametrize(("typed", "won"), [("12000", 12000), ("₩12,000", 12000), ("0", 0)])
def test_prices(typed: str, won: int) -> None:
    assert parse_won(typed) == won


@pytest.mark.parametrize("typed", ["12.5", "-100", "abc", "", "100000001"])
def test_not_prices(typed: str) -> None:
    assert parse_won(typed) is None


def test_changes_name_each_field_old_and_new() -> None:
    new = replace(
        BASE,
        phone="051-000-0102",
        name={"ko": "과일 가게", "en": "Fruit Stall", "ja": "果物屋"},
        products=(
            replace(APPLE, price_won=3500, sold_out=True),
            ProductDraft(None, {"ko": "귤"}, 2000),
        ),
    )
    changes = changes_between(BASE, new)
    assert FieldChange("name.ja", "", "果物屋") in changes
    assert FieldChange("phone", "051-000-0101", "051-000-0102") in changes
    assert FieldChange("goods[사과].price_won", "3000", "3500") in changes
    assert FieldChange("goods[사과].sold_out", "False", "True") in changes
    assert FieldChange("goods[배]", "present", "removed") in changes
    assert FieldChange("goods[귤]", "", "added, 2000 won") in changes
    assert str(FieldChange("phone", "a", "b")) == "phone: a -> b"
    assert changes_between(BASE, BASE) == []


def test_a_reorder_is_a_change() -> None:
    changes = changes_between(BASE, replace(BASE, products=(PEAR, APPLE)))
    assert changes == [FieldChange("goods.order", "", "changed")]


def test_a_merchant_may_change_goods_and_codes_only() -> None:
    goods = changes_between(BASE, replace(BASE, products=(replace(APPLE, price_won=1),)))
    assert forbidden_for_merchant(goods) == []
    codes = changes_between(BASE, replace(BASE, kakao="_Abc1"))
    assert forbidden_for_merchant(codes) == []
    name = changes_between(BASE, replace(BASE, stall_number="B-9"))
    assert [c.field for c in forbidden_for_merchant(name)] == ["stall_number"]


def test_missing_languages_are_listed() -> None:
    assert missing_locales(BASE.name) == ["ja", "zh_Hans", "zh_Hant"]


def test_cleaned_trims_and_drops_empty_languages() -> None:
    draft = replace(
        BASE, stall_number=" A-1 ", name={"ko": " 가게 ", "en": "  "}, phone="0212345678"
    )
    result = cleaned(draft)
    assert result.stall_number == "A-1" and result.name == {"ko": "가게"}
    assert result.phone == "02-1234-5678"


def test_rebase_keeps_my_edits_and_their_other_changes() -> None:
    mine = replace(
        BASE,
        phone="051-000-0999",
        products=(replace(APPLE, price_won=3200), PEAR, ProductDraft(None, {"ko": "귤"}, 1000)),
    )
    theirs = replace(
        BASE,
        name={"ko": "과일 가게", "en": "Fruit Shop"},
        products=(APPLE, replace(PEAR, sold_out=True)),
    )
    merged = rebase(BASE, mine, theirs)
    assert merged.phone == "051-000-0999"  # mine
    assert merged.name["en"] == "Fruit Shop"  # theirs
    assert [p.price_won for p in merged.products] == [3200, 5000, 1000]
    assert merged.products[1].sold_out  # theirs
    assert merged.products[2].id is None  # my new good


def test_rebase_brings_back_a_good_they_removed_that_i_changed() -> None:
    mine = replace(BASE, products=(APPLE, replace(PEAR, price_won=4500)))
    theirs = replace(BASE, products=(APPLE,))
    merged = rebase(BASE, mine, theirs)
    assert [(p.id, p.price_won) for p in merged.products] == [(1, 3000), (None, 4500)]


def test_every_goods_and_names_problem_passes_the_quick_test() -> None:
    """validate looks field by field only at texts and goods that fail a quick test (short,
    printable); every refused kind is still named, and a line break stays allowed."""
    goods = (
        ProductDraft(None, {"ko": "사과", "en": "Apples\u200b"}, 3000, "개"),
        ProductDraft(None, {"ko": "배"}, 3000, "x" * (MAX_UNIT + 1)),
        ProductDraft(None, {"ko": "   ", "en": "Pear"}, 3000),
        ProductDraft(None, {"ko": "감", "ja": "x" * (MAX_NAME + 1)}, MAX_PRICE_WON + 1),
        ProductDraft(None, {"ko": "귤\n"}, 10, "\u200b"),
        ProductDraft(None, {"ko": "밤"}, 0, "kg"),
    )
    draft = replace(
        BASE,
        name={"ko": "과일\t가게", "en": "x" * (MAX_NAME + 1)},
        description={"ko": "첫 줄\n둘째 줄", "ja": "x" * (MAX_DESCRIPTION + 1)},
        products=goods,
    )
    assert _fields(draft) == [
        "name.ko",
        "name.en",
        "description.ja",
        "goods.1.name.en",
        "goods.2.unit",
        "goods.3.name.ko",
        "goods.4.name.ja",
        "goods.4.price_won",
        "goods.5.unit",
    ]
    assert _fields(replace(BASE, name={"en": "Fruit"}, description={"ko": "첫\n둘"})) == ["name.ko"]
