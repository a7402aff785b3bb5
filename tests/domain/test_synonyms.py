"""Synonym lists: checked with a clear message, and read as search terms."""

from __future__ import annotations

import pytest

from kiosk.domain.payment_words import PAYMENT_WORDS
from kiosk.domain.payments import PaymentMethod
from kiosk.domain.search_terms import SearchTerm, Vocabulary
from kiosk.domain.synonyms import (
    MAX_WORD,
    SynonymError,
    check_synonyms,
    group_line,
    parse_group_line,
)

TANGERINE = ["귤", "감귤", "밀감", "mandarin", "tangerine", "蜜柑", "みかん", "橘子"]


def test_a_good_list_is_cleaned() -> None:
    assert check_synonyms([[" 귤 ", "감귤"], ["떡", "rice  cake"]]) == [
        ("귤", "감귤"),
        ("떡", "rice cake"),
    ]


@pytest.mark.parametrize(
    ("groups", "code", "group", "says"),
    [
        ([["귤", "감귤"], []], "synonyms.empty_group", 2, "Group 2 has no words."),
        ([["  ", ""]], "synonyms.empty_group", 1, "Group 1 has no words."),
        ([["귤"]], "synonyms.one_word", 1, "only the word “귤”"),
        ([["귤", " "]], "synonyms.empty_word", 1, "Group 1, word 2 is empty"),
        ([["귤", "x" * (MAX_WORD + 1)]], "synonyms.too_long", 1, "41 characters; at most 40"),
        ([["귤", "감\u200b귤"]], "synonyms.hidden", 1, "zero-width space"),
        ([["みかん", "ミカン"]], "synonyms.twice_in_group", 1, "“ミカン” twice"),
        (
            [["귤", "감귤"], ["떡", "GUL", "귤"]],
            "synonyms.in_two_groups",
            2,
            "group 1 and in group 2",
        ),
        ([["橘子", "mandarin"], ["橘子", "tangerine"]], "synonyms.in_two_groups", 2, "“橘子”"),
    ],
)
def test_bad_lists_are_refused_naming_group_and_word(
    groups: list[list[str]], code: str, group: int, says: str
) -> None:
    with pytest.raises(SynonymError) as caught:
        check_synonyms(groups)
    assert caught.value.code == code
    assert caught.value.group == group
    assert says in caught.value.render(str)  # the English source


def test_traditional_and_simplified_duplicates_are_one_word() -> None:
    with pytest.raises(SynonymError) as caught:
        check_synonyms([["魷魚", "鱿鱼"]])
    assert caught.value.code == "synonyms.twice_in_group"


def test_group_lines_round_trip() -> None:
    assert parse_group_line("귤 = 감귤 = mandarin =") == ("귤", "감귤", "mandarin")
    assert parse_group_line("귤, 감귤") == ("귤", "감귤")
    assert parse_group_line("みかん＝蜜柑、橘子，mandarin") == (
        "みかん",
        "蜜柑",
        "橘子",
        "mandarin",
    )
    assert parse_group_line(" = , ") == ()
    assert group_line(("귤", "감귤")) == "귤 = 감귤"


def test_every_word_of_a_group_is_searched_as_the_whole_group() -> None:
    vocabulary = Vocabulary([TANGERINE])
    expected = ("mandarin", "tangerine", "橘子", "蜜柑", "귤", "밀감", "ミカン")  # 감귤 holds 귤
    for word in [*TANGERINE, "ミカン", "ﾐｶﾝ", "Tangerine", "ＭＡＮＤＡＲＩＮ"]:
        (term,) = vocabulary.terms(word)
        assert sorted(term.alternatives) == sorted(expected), word
    assert vocabulary.terms("귤빛") == (SearchTerm(("귤빛",)),)  # not a member: itself


def test_payment_words_and_phrases_become_one_term() -> None:
    vocabulary = Vocabulary([], PAYMENT_WORDS)
    (term,) = vocabulary.terms("Zero  Pay")
    assert term == SearchTerm(("zero pay",), (PaymentMethod.ZEROPAY,))
    assert vocabulary.terms("支付寶")[0].payments == (PaymentMethod.ALIPAY_PLUS,)
    assert vocabulary.terms("銀聯")[0].payments == (PaymentMethod.CARD,)
    assert vocabulary.terms("かーど")[0].payments == (PaymentMethod.CARD,)
    assert vocabulary.terms("wechat pay") == (SearchTerm(("wechat",)), SearchTerm(("pay",)))
    assert vocabulary.terms("") == ()
