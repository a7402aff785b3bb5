"""The compact search columns: ASCII views in one string, shared payments, freed pages."""

from __future__ import annotations

import random

import pytest

from kiosk.data import search_columns
from kiosk.data.search_columns import AsciiViews, Coded, PackedKeys, ascii_view, read_columns
from kiosk.domain.categories import Category

TEXTS = [
    "a-1\n조가네 건어물\ncho's dried goods\nlaver 2",
    "",
    "귤 감귤\n橘子",
    "b-2\ntangerine\nmandarin orange",
    "tang\nerine",  # the view joins the runs: a superset, confirmed in the full text
]


def _naive(texts: list[str], word: str) -> list[int]:
    return [i for i, text in enumerate(texts) if word in ascii_view(text)]


@pytest.mark.parametrize("word", ["a", "tangerine", "tang", "laver2", "2", "-", "zz", "orange"])
def test_views_find_what_a_list_of_views_finds(word: str) -> None:
    views = AsciiViews.of(TEXTS)
    assert len(views) == len(TEXTS)
    assert [views.row(i) for i in range(len(TEXTS))] == [ascii_view(t) for t in TEXTS]
    assert views.rows_with(word) == _naive(TEXTS, word)
    assert [i for i in range(len(TEXTS)) if views.holds(i, word)] == _naive(TEXTS, word)


def test_a_word_never_matches_across_two_rows() -> None:
    views = AsciiViews.of(["ab", "cd"])
    assert views.rows_with("bc") == []
    assert not views.holds(0, "bc") and not views.holds(1, "bc")


def test_the_empty_word_is_in_every_row() -> None:
    assert AsciiViews.of(TEXTS).rows_with("") == list(range(len(TEXTS)))


def test_appended_rows_are_found_after_the_joined_ones() -> None:
    views = AsciiViews.of(TEXTS)
    more = views.appended(["new tangerine", "귤"])
    assert more.joined is views.joined  # the big string is shared, not copied
    assert len(more) == len(TEXTS) + 2
    assert more.rows_with("tangerine") == [3, 4, 5]
    assert more.holds(5, "newtang") and not more.holds(6, "a")
    assert any("newtangerine" in part for part in more.parts())
    assert len(views) == len(TEXTS)  # the old views are unchanged


def test_many_texts_across_pieces_match_the_naive_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_columns, "_PIECE", 7)
    rng = random.Random(24)
    texts = ["".join(rng.choice("ab 귤c\n") for _ in range(rng.randint(0, 9))) for _ in range(100)]
    views = AsciiViews.of(texts)
    for word in ("a", "ab", "abc", "ca", "bb"):
        assert views.rows_with(word) == _naive(texts, word)
    assert views.sample(37) == [ascii_view(texts[i]) for i in range(0, 100, 37)]


def test_columns_share_each_payment_combination() -> None:
    rows = [
        (b"1", 1, True, Category.FRUIT, "a", "cash,card"),
        (b"2", 2, False, Category.FRUIT, "b", "cash,card"),
        (b"3", 3, 1, Category.FRUIT, "c", None),
    ]
    columns = read_columns(rows)
    assert list(columns["ids"]) == [1, 2, 3]
    assert list(columns["active"]) == [1, 0, 1]
    payments = columns["payments"]
    assert [payments[i] for i in range(3)] == [",cash,card,", ",cash,card,", ",,"]
    assert payments.values == [",cash,card,", ",,"] and list(payments.codes) == [0, 0, 1]
    assert payments.rows_where(lambda codes: ",card," in codes) == [0, 1]
    assert columns["categories"] == [Category.FRUIT] * 3
    assert [columns["keys"][i] for i in range(3)] == [b"1", b"2", b"3"]


def test_a_coded_column_gives_back_each_value_and_copies_apart() -> None:
    column = Coded.of(["a", "b", "a", "c"])
    assert len(column) == 4 and [column[i] for i in range(4)] == ["a", "b", "a", "c"]
    assert column.values == ["a", "b", "c"] and column.code("b") == 1 and column.code("z") is None
    assert column.rows_where(lambda v: v in "ac") == [0, 2, 3]
    assert column.rows_where(lambda v: v == "z") == []
    more = column.copy()
    more.append("z")
    assert len(more) == 5 and more[4] == "z" and len(column) == 4 and column.code("z") is None


def test_a_coded_column_past_65535_distinct_values_widens_its_codes() -> None:
    column = Coded.of(range(70_000))
    assert column.codes.typecode == "I" and column[69_999] == 69_999 and column[3] == 3


def test_packed_keys_give_back_each_key_and_share_their_bytes_when_appended() -> None:
    keys = [b"\x03a\x00\x02", b"", b"\x01A1-20", b"\x00"]  # an empty key, zero bytes inside
    packed = PackedKeys.of(keys)
    assert len(packed) == 4 and [packed[i] for i in range(4)] == keys
    more = packed.appended([b"z", b""])
    assert more.joined is packed.joined  # the big bytes object is shared, not copied
    assert [more[i] for i in range(6)] == [*keys, b"z", b""]
    assert len(packed) == 4  # the old keys are unchanged
    assert len(PackedKeys.of([])) == 0


def test_freed_memory_is_given_back_only_where_glibc_offers_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    search_columns.give_back_freed_memory()  # Linux: malloc_trim; elsewhere nothing
    search_columns._malloc_trim.cache_clear()
    monkeypatch.setattr(search_columns.sys, "platform", "win32")
    try:
        assert search_columns._malloc_trim() is None
        search_columns.give_back_freed_memory()
    finally:
        search_columns._malloc_trim.cache_clear()
