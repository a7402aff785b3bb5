"""Contrast maths, the legibility limits and window sizes, without Qt."""

from __future__ import annotations

import pytest

from kiosk.domain import design
from kiosk.domain.legibility import (
    contrast_ratio,
    outline_contrast_problem,
    parse_colour,
    target_problem,
    text_contrast_problem,
)
from kiosk.domain.screen_size import SUPPORTED, is_portrait, parse_size


def test_contrast_ratio_matches_wcag() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1.0)
    assert contrast_ratio("#FFFFFF", "#767676") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio(design.INK, design.PAPER) == pytest.approx(15.5, abs=0.2)
    assert contrast_ratio(design.PAPER, design.INK) == contrast_ratio(design.INK, design.PAPER)


def test_the_palette_meets_the_limits_it_claims() -> None:
    for text, behind in (
        (design.INK, design.PAPER),
        (design.MUTED, design.PAPER),
        (design.MUTED, design.CARD),
        (design.ON_PRIMARY, design.PRIMARY),
        (design.ACCENT, design.PAPER),
        (design.ON_KAKAO, design.KAKAO),
    ):
        assert text_contrast_problem(parse_colour(text), parse_colour(behind)) is None
    for behind in (design.PAPER, design.CARD, design.SOFT):
        assert contrast_ratio(design.OUTLINE, behind) >= 3.0


def test_text_below_4_5_is_named_with_both_colours() -> None:
    problem = text_contrast_problem((0x8D, 0x8D, 0x8D), (255, 255, 255), what="placeholder text")
    assert problem == "placeholder text contrast 3.3:1 (#8D8D8D on #FFFFFF), needs 4.5:1"


def test_outline_rules() -> None:
    paper, white = parse_colour(design.PAPER), parse_colour(design.CARD)
    line, outline = parse_colour(design.LINE), parse_colour(design.OUTLINE)
    assert outline_contrast_problem(outline, white, paper) is None
    assert outline_contrast_problem(paper, parse_colour(design.PRIMARY), paper) is None  # filled
    assert outline_contrast_problem(paper, paper, paper) is None  # a text-only button
    problem = outline_contrast_problem(line, white, paper)
    assert problem is not None and problem.startswith("outline contrast 1.3:1 (#DDD5C6 against")


def test_targets() -> None:
    assert target_problem(48, 48) is None
    assert target_problem(18, 22) == "touch target 18x22 px, needs 48 px on each side"


@pytest.mark.parametrize("bad", ["#12345", "red", "#GGGGGG"])
def test_bad_colours_are_named(bad: str) -> None:
    with pytest.raises(ValueError, match="not a #RRGGBB colour"):
        parse_colour(bad)


def test_sizes() -> None:
    assert parse_size("1080x1920") == (1080, 1920)
    assert parse_size(" 1366X768 ") == (1366, 768)
    assert (1080, 1920) in SUPPORTED and (1366, 768) in SUPPORTED and (1920, 1080) in SUPPORTED
    assert is_portrait(1080, 1920) and not is_portrait(1920, 1080)


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        ("12x", "'12x' is not a size: write WIDTHxHEIGHT"),
        ("abc", "'abc' is not a size"),
        ("", "'' is not a size"),
        ("1080x-1920", "is not a size"),
        ("0x100", "'0x100': the width 0 is outside 320..8192 pixels"),
        ("1920x99999", "the height 99999 is outside"),
    ],
)
def test_bad_sizes_say_why(bad: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason.replace("(", r"\(").replace(".", r"\.")):
        parse_size(bad)
