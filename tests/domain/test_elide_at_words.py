"""A name too long for its line ends after a whole word, never inside a proper noun."""

from __future__ import annotations

from kiosk.domain.text import elide_at_words, keep_together


def _chars(text: str) -> float:
    """One unit per character (a monospaced measure for the rules)."""
    return float(len(text))


def test_a_name_that_fits_is_unchanged() -> None:
    assert elide_at_words("Tangerine Glow Orchard", 22, _chars) == "Tangerine Glow Orchard"


def test_a_long_name_ends_after_a_whole_word() -> None:
    assert elide_at_words("Tangerine Glow Orchard", 20, _chars) == "Tangerine Glow…"
    assert elide_at_words("Tangerine Glow Orchard", 10, _chars) == "Tangerine…"
    assert elide_at_words("제주 귤빛 농원 동문시장 본점", 12, _chars) == "제주 귤빛 농원…"


def test_punctuation_before_the_ellipsis_is_dropped() -> None:
    name = "Tangerine Glow Orchard, Dongmun main shop"
    assert elide_at_words(name, 24, _chars) == "Tangerine Glow Orchard…"


def test_japanese_and_chinese_names_keep_their_words() -> None:
    name = "済州ミカン色農園 東門市場本店 直売所"
    assert elide_at_words(name, 16, _chars) == "済州ミカン色農園 東門市場本店…"
    assert elide_at_words(name, 12, _chars) == "済州ミカン色農園…"
    # the word joiners of keep_together draw nothing and do not move the break
    joined = keep_together(name)
    assert elide_at_words(joined, 9 * 2, lambda t: len(t.replace("\u2060", ""))).startswith(
        keep_together("済州ミカン色農園")
    )


def test_a_first_word_too_long_leaves_the_cut_to_the_caller() -> None:
    assert elide_at_words("ミカン色農園", 4, _chars) == ""
    assert elide_at_words("Orchard", 3, _chars) == ""
