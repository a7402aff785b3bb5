"""Search folding: kana (hiragana = katakana, half-width = full-width), Traditional = Simplified."""

from __future__ import annotations

import pytest

from kiosk.domain.han_table import SIMPLIFIED, TRADITIONAL
from kiosk.domain.text import fold_scripts, normalise_for_search


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("みかん", "ミカン"),
        ("ミカン", "ミカン"),
        ("ﾐｶﾝ", "ミカン"),  # half-width katakana
        ("ｶﾞｷﾞｸﾞ", "ガギグ"),  # half-width voiced marks compose
        ("ﾊﾟﾝ", "パン"),
        ("ぱん", "パン"),
        ("ゔぁ", "ヴァ"),
        ("ゝゞ", "ヽヾ"),  # iteration marks
        ("ぁぃぅぇぉっゃゅょゎゕゖ", "ァィゥェォッャュョヮヵヶ"),  # small kana stay small
        ("タチウオ", "タチウオ"),
        ("ｰ", "ー"),
        ("Ｔａｎｇｅｒｉｎｅ", "tangerine"),  # full-width Latin
        ("TANGERINE", "tangerine"),
        ("  귤   감귤 ", "귤 감귤"),
    ],
)
def test_kana_width_and_case(typed: str, folded: str) -> None:
    assert normalise_for_search(typed) == folded


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("雞肉", "鸡肉"),
        ("魷魚", "鱿鱼"),
        ("銀聯", "银联"),
        ("支付寶", "支付宝"),
        ("豬肉", "猪肉"),
        ("帶魚", "带鱼"),
        ("鮮魚", "鲜鱼"),
        ("醃漬", "腌渍"),
    ],
)
def test_traditional_folds_to_simplified(traditional: str, simplified: str) -> None:
    assert normalise_for_search(traditional) == simplified
    assert normalise_for_search(simplified) == simplified


@pytest.mark.parametrize("ambiguous", ["乾", "麵", "蘋"])
def test_characters_with_several_simplified_forms_stay(ambiguous: str) -> None:
    # 乾 is 干 (dry) or 乾 (heaven), 麵 面 or 麺, 蘋 苹 or 𬞟: the right one depends on the word.
    assert normalise_for_search(ambiguous) == ambiguous


def test_korean_and_shared_han_are_untouched() -> None:
    assert normalise_for_search("귤빛 농원 橘子 蜜柑") == "귤빛 농원 橘子 蜜柑"


def test_the_table_is_a_function_and_folding_twice_changes_nothing() -> None:
    assert len(TRADITIONAL) == len(SIMPLIFIED) == len(set(TRADITIONAL)) > 2500
    assert not set(TRADITIONAL) & set(SIMPLIFIED)  # no chains left
    assert fold_scripts(SIMPLIFIED) == SIMPLIFIED
    text = "みかん ﾐｶﾝ 雞 魷魚 Tangerine"
    assert normalise_for_search(normalise_for_search(text)) == normalise_for_search(text)
