"""The fast path of ``neutralise`` gives what the rule says for every text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.exchange.spreadsheet import (
    FORMULA_STARTS,
    QUOTE,
    Neutral,
    csv_text,
    is_formula_like,
    neutralise,
)

_STARTS = st.sampled_from([*FORMULA_STARTS, QUOTE, " ", "\u3000", "\t", "\r", "\n", "가", "a", ""])


def _by_the_rule(text: str) -> str:
    return QUOTE + text if is_formula_like(text) or text.startswith(QUOTE) else text


@given(st.tuples(_STARTS, _STARTS, st.text(max_size=8)).map("".join))
def test_neutralise_follows_the_rule(text: str) -> None:
    made = neutralise(text)
    assert type(made) is Neutral and made == _by_the_rule(text)
    assert neutralise(made) is made


@given(st.lists(st.tuples(_STARTS, st.text(max_size=4)).map("".join), max_size=5))
def test_csv_text_is_the_same_for_plain_and_neutral_cells(texts: list[str]) -> None:
    assert csv_text([texts]) == csv_text([[neutralise(text) for text in texts]])
