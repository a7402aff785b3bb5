"""Units in the tourist's language: every word in every locale, compounds, pass-through."""

from __future__ import annotations

import pytest

from kiosk.domain.listing import UNITS
from kiosk.domain.locales import LOCALES, LocaleCode
from kiosk.domain.units import (
    GEUN_NOTE,
    UNIT_WORDS,
    localize_unit,
    name_with_unit,
    price_tag,
    unit_notes,
)

#: Korean word -> (en, ja, zh_Hans, zh_Hant) when it stands alone after the price.
BARE: dict[str, tuple[str, str, str, str]] = {
    "개": ("each", "個", "个", "個"),
    "근": ("geun", "斤（クン）", "韩斤", "韓斤"),
    "인분": ("serving", "人前", "份", "份"),
    "팩": ("pack", "パック", "盒", "盒"),
    "봉": ("bag", "袋", "袋", "袋"),
    "마리": ("each", "匹", "只", "隻"),
    "박스": ("box", "箱", "箱", "箱"),
    "단": ("bunch", "束", "把", "把"),
    "줄": ("roll", "本", "条", "條"),
    "벌": ("each", "着", "件", "件"),
    "장": ("each", "枚", "张", "張"),
    "병": ("bottle", "本", "瓶", "瓶"),
    "포기": ("head", "株", "棵", "棵"),
    "모": ("block", "丁", "块", "塊"),
    "송이": ("bunch", "房", "串", "串"),
    "켤레": ("pair", "足", "双", "雙"),
    "채": ("each", "枚", "床", "床"),
    "잔": ("cup", "杯", "杯", "杯"),
}
OTHERS: tuple[LocaleCode, ...] = ("en", "ja", "zh_Hans", "zh_Hant")


@pytest.mark.parametrize("word", sorted(BARE))
@pytest.mark.parametrize("index", range(4), ids=OTHERS)
def test_each_word_in_each_language(word: str, index: int) -> None:
    assert localize_unit(word, OTHERS[index]) == BARE[word][index]


def test_the_table_covers_every_word_and_every_listed_unit() -> None:
    assert set(BARE) == set(UNIT_WORDS)
    for unit in UNITS:
        for locale in OTHERS:
            shown = localize_unit(unit, locale)
            assert not any("가" <= ch <= "힣" for ch in shown), (unit, locale, shown)


@pytest.mark.parametrize("unit", ["개", "5kg 박스", "3개", "350ml 병", "근", "아무거나"])
def test_korean_gets_the_unit_unchanged(unit: str) -> None:
    assert localize_unit(unit, "ko") == unit


@pytest.mark.parametrize(
    ("unit", "en", "ja", "zh_hans", "zh_hant"),
    [
        ("5kg 박스", "5 kg box", "5kg箱", "5kg箱", "5kg箱"),
        ("3kg 봉", "3 kg bag", "3kg袋", "3kg袋", "3kg袋"),
        ("350ml 병", "350 ml bottle", "350ml瓶", "350ml瓶", "350ml瓶"),
        ("1L 병", "1 L bottle", "1L瓶", "1L瓶", "1L瓶"),
        ("5kg박스", "5 kg box", "5kg箱", "5kg箱", "5kg箱"),
        ("3개", "3 pieces", "3個", "3个", "3個"),
        ("1개", "1 piece", "1個", "1个", "1個"),
        ("10장", "10 sheets", "10枚", "10张", "10張"),
        ("2마리", "2", "2匹", "2只", "2隻"),
        ("2인분", "2 servings", "2人前", "2份", "2份"),
        ("2 박스", "2 boxes", "2箱", "2箱", "2箱"),
        ("5켤레", "5 pairs", "5足", "5双", "5雙"),
        ("500g", "500 g", "500g", "500g", "500g"),
        ("1.5kg", "1.5 kg", "1.5kg", "1.5kg", "1.5kg"),
        ("kg", "kg", "kg", "kg", "kg"),
        (" 개 ", "each", "個", "个", "個"),
    ],
)
def test_compounds_keep_numbers_and_metric_units(
    unit: str, en: str, ja: str, zh_hans: str, zh_hant: str
) -> None:
    got = [localize_unit(unit, locale) for locale in OTHERS]
    assert got == [en, ja, zh_hans, zh_hant]


@pytest.mark.parametrize(
    "unit",
    ["", "  ", "1 bag", "바구니", "5kg 바구니", "3kg 2박스", "10", "5 gal", "한 접", "개 반"],
)
def test_unknown_text_passes_through_unchanged(unit: str) -> None:
    for locale in LOCALES:
        assert localize_unit(unit, locale) == unit


def test_geun_note_is_said_once_and_only_where_needed() -> None:
    assert unit_notes(["근", "3근", "kg"], "en") == [GEUN_NOTE["en"]]
    assert unit_notes(["근"], "ja") == [GEUN_NOTE["ja"]]
    assert "600" in GEUN_NOTE["zh_Hant"] and "375" in GEUN_NOTE["zh_Hant"]
    assert unit_notes(["근"], "ko") == []
    assert unit_notes(["개", "5kg 박스", "근처"], "en") == []
    assert unit_notes([], "zh_Hans") == []


@pytest.mark.parametrize(
    ("unit", "ko", "en", "ja", "zh_hans"),
    [
        ("개", "15,000원 / 개", "₩15,000 each", "₩15,000／個", "₩15,000/个"),
        ("마리", "15,000원 / 마리", "₩15,000 each", "₩15,000／匹", "₩15,000/只"),
        ("2마리", "15,000원 / 2마리", "₩15,000 for 2", "₩15,000／2匹", "₩15,000/2只"),
        ("3개", "15,000원 / 3개", "₩15,000 for 3 pieces", "₩15,000／3個", "₩15,000/3个"),
        ("근", "15,000원 / 근", "₩15,000 / geun", "₩15,000／斤（クン）", "₩15,000/韩斤"),
        (
            "5kg 박스",
            "15,000원 / 5kg 박스",
            "₩15,000 / 5 kg box",
            "₩15,000／5kg箱",
            "₩15,000/5kg箱",
        ),
        ("500g", "15,000원 / 500g", "₩15,000 / 500 g", "₩15,000／500g", "₩15,000/500g"),
        ("", "15,000원", "₩15,000", "₩15,000", "₩15,000"),
        ("바구니", "15,000원 / 바구니", "₩15,000 / 바구니", "₩15,000／바구니", "₩15,000/바구니"),
    ],
)
def test_a_price_tag_per_unit_reads_as_each_language_writes_it(
    unit: str, ko: str, en: str, ja: str, zh_hans: str
) -> None:
    got = [price_tag(15000, unit, locale) for locale in ("ko", "en", "ja", "zh_Hans")]
    assert got == [ko, en, ja, zh_hans]


def test_no_clumsy_english_unit_words() -> None:
    words = {w for unit in UNIT_WORDS.values() for w in (unit.en_bare, unit.en_one, unit.en_many)}
    assert not any("(" in w or "whole" in w for w in words)
    assert price_tag(12000, "마리", "en") == "₩12,000 each"


def test_cjk_unit_words_and_notes_use_full_width_brackets() -> None:
    for locale in ("ja", "zh_Hans", "zh_Hant"):
        texts = [GEUN_NOTE[locale], *(localize_unit(w, locale) for w in UNIT_WORDS)]
        assert not any(ch in text for text in texts for ch in "():;"), locale


@pytest.mark.parametrize(
    ("unit", "ko", "en", "ja", "zh_hans"),
    [
        ("개", "어묵 / 개", "어묵 (each)", "어묵（1個）", "어묵（每个）"),
        ("3개", "어묵 / 3개", "어묵 (3 pieces)", "어묵（3個）", "어묵（3个）"),
        ("5kg 박스", "어묵 / 5kg 박스", "어묵 (5 kg box)", "어묵（5kg箱）", "어묵（5kg箱）"),
        ("근", "어묵 / 근", "어묵 (geun)", "어묵／斤（クン）", "어묵（每韩斤）"),
        ("", "어묵", "어묵", "어묵", "어묵"),
    ],
)
def test_a_name_with_what_one_price_buys(
    unit: str, ko: str, en: str, ja: str, zh_hans: str
) -> None:
    got = [name_with_unit("어묵", unit, locale) for locale in ("ko", "en", "ja", "zh_Hans")]
    assert got == [ko, en, ja, zh_hans]
