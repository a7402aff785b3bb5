"""Masking secrets is linear in the text: a 1 MB argument is masked in well under a second."""

from __future__ import annotations

import time

import pytest

from kiosk.domain.urls import mask_url

MB = 1_000_000
#: Shapes that made the old patterns scan to the end of the text from every position.
SHAPES = {
    "letters": "a" * MB,
    "scheme then letters": "x://" + "a" * MB,
    "letters then equals": "a" * MB + "=",
    "many schemes without @": "a://b:" * (MB // 6),
    "many schemes, @ first": "@" + "a://b:" * (MB // 6),
    "many schemes, @ after a space": "a://b:" * (MB // 6) + " @",
    "many keys": "a=" * (MB // 2),
    "unclosed quoted passwords": "password='" * (MB // 10),
    "unclosed double quotes": 'password="\\' * (MB // 11),
    "quotes after semicolons": "x='" + ";a='" * (MB // 4),
    "at signs": "a@" * (MB // 2),
    "spaces": "a" + " " * MB + "x",
}


def _seconds(text: str) -> float:
    start = time.perf_counter()
    mask_url(text)
    return time.perf_counter() - start


@pytest.mark.parametrize("text", SHAPES.values(), ids=SHAPES.keys())
def test_one_megabyte_is_masked_in_well_under_a_second(text: str) -> None:
    assert len(text) >= MB - 20
    assert _seconds(text) < 1.0  # the quadratic patterns took minutes here


@pytest.mark.parametrize(
    "shape", ["letters", "many schemes without @", "letters then equals"], ids=str
)
def test_ten_times_the_text_takes_about_ten_times_as_long(shape: str) -> None:
    text = SHAPES[shape]
    small = min(_seconds(text[: MB // 10]) for _ in range(3))
    large = min(_seconds(text) for _ in range(3))
    # Linear gives about 10; quadratic gives about 100. Small times are floored against noise.
    assert large / max(small, 0.002) < 40


def test_secrets_in_a_long_text_are_still_masked() -> None:
    filler = "x" * (MB // 2)
    text = f"{filler} postgresql://kiosk:s3cret@db/m?password=s3cret {filler}"
    masked = mask_url(text)
    assert "s3cret" not in masked
    assert "postgresql://kiosk:***@db/m?password=***" in masked
