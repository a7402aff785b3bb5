"""On-screen keyboard input: Hangul composition (두벌식) and kana marks."""

from __future__ import annotations

import pytest

from kiosk.domain.keyboard_input import compose_hangul, kana_with_mark
from kiosk.domain.quick_picks import CHINESE_CHOICES, QUICK_PICKS, chinese_choices, quick_picks


@pytest.mark.parametrize(
    ("keys", "text"),
    [
        ("ㄱㅠㄹ", "귤"),
        ("ㄱㅏㄹㅊㅣ", "갈치"),  # the final ㄹ stays, ㅊ starts the next syllable
        ("ㄱㅏㅁㄱㅠㄹ", "감귤"),
        ("ㅎㅏㄴㄹㅏㅂㅗㅇ", "한라봉"),
        ("ㄷㅏㄹㄱ", "닭"),  # a double final
        ("ㄷㅏㄹㄱㄱㅗㄱㅣ", "닭고기"),
        ("ㅂㅏㄹㄱㅇㅡㄴ", "밝은"),
        ("ㄷㅏㄹㄱㅏ", "달가"),  # a vowel takes the second half of a double final
        ("ㅇㅗㅏ", "와"),  # a compound vowel
        ("ㅇㅡㅣ", "의"),
        ("ㄲㅜㄹ", "꿀"),
        ("ㅇㅓㅁㅜㄱ", "어묵"),
        ("ㄱ", "ㄱ"),
        ("ㅣ", "ㅣ"),
        ("ㄱㄴ", "ㄱㄴ"),
        ("ㅅㅏ ㄱㅘ", "사 과"),
        ("ㄱㅏㅂㅅㅅ", "값ㅅ"),
        ("", ""),
    ],
)
def test_hangul_keys_compose_into_syllables(keys: str, text: str) -> None:
    assert compose_hangul(list(keys)) == text


def test_backspace_removes_the_last_jamo() -> None:
    keys = list("ㄱㅠㄹ")
    keys.pop()
    assert compose_hangul(keys) == "규"


@pytest.mark.parametrize(
    ("text", "mark", "result"),
    [
        ("みか", "゛", "みが"),
        ("が", "゛", "か"),  # pressed again: back
        ("は", "゜", "ぱ"),
        ("ぱ", "゛", "ば"),
        ("つ", "小", "っ"),
        ("っ", "小", "つ"),
        ("あ", "゛", "あ"),  # no voiced あ: unchanged
        ("", "小", ""),
    ],
)
def test_kana_marks(text: str, mark: str, result: str) -> None:
    assert kana_with_mark(text, mark) == result


def test_every_language_has_chips_and_chinese_a_choice_list_in_its_script() -> None:
    assert set(QUICK_PICKS) == {"ko", "en", "ja", "zh_Hans", "zh_Hant"}
    assert quick_picks("ja")[0] == "みかん"
    assert chinese_choices("zh_Hant") == CHINESE_CHOICES["zh_Hant"]
    assert chinese_choices("en") == CHINESE_CHOICES["zh_Hans"]
