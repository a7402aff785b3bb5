"""Shared codes in a listings file: which pairs are refused, and against which saved stores."""

from __future__ import annotations

import pytest

from kiosk.domain.categories import Category
from kiosk.domain.exchange import file_format as fmt
from kiosk.domain.exchange.plan import CurrentStore
from kiosk.domain.exchange.problems import CellRef, ReadStore
from kiosk.domain.exchange.shared_codes import (
    CodeHolder,
    file_clashes,
    new_codes,
    saved_clashes,
)
from kiosk.domain.listing import StoreListing
from kiosk.i18n import set_locale

#: The cells a store's codes come from, as problems name them.
KAKAO, QR = fmt.KAKAO.korean, fmt.PAYMENT_QR.korean


def _read(stall: str, row: int, *, kakao: str = "", payment: str = "") -> ReadStore:
    listing = StoreListing(
        stall_number=stall,
        category=Category.FRUIT,
        name={"ko": f"가게 {stall}"},
        kakao=kakao,
        payment=payment,
    )
    at = CellRef("t.csv", row)
    return ReadStore(listing, at)


def _saved(store: ReadStore, store_id: int) -> CurrentStore:
    return CurrentStore(store_id, 1, store.listing)


@pytest.mark.parametrize(
    ("file", "saved", "refused"),
    [
        (
            [_read("A", 2, payment="P"), _read("B", 3, payment="P")],
            {},
            [f"t.csv, row 3: {QR}"],
        ),
        (
            [_read("A", 2, kakao="_k"), _read("B", 3, kakao="_k")],
            {},
            [f"t.csv, row 3: {KAKAO}"],
        ),
        ([_read("A", 2, payment="P"), _read("B", 3, payment="Q")], {}, []),
        ([_read("A", 2), _read("B", 3)], {}, []),  # blank is not a code
        (  # both stalls had it saved already: old data stays importable
            [_read("A", 2, payment="P"), _read("B", 3, payment="P")],
            {"A": _read("A", 2, payment="P"), "B": _read("B", 3, payment="P")},
            [],
        ),
        (  # one of them is new to it
            [_read("A", 2, payment="P"), _read("B", 3, payment="P")],
            {"A": _read("A", 2, payment="P")},
            [f"t.csv, row 3: {QR}"],
        ),
    ],
)
def test_clashes_within_the_file(
    file: list[ReadStore], saved: dict[str, ReadStore], refused: list[str]
) -> None:
    set_locale("en")
    try:
        current = {k: _saved(v, n) for n, (k, v) in enumerate(saved.items(), start=1)}
        found = [str(p) for p in file_clashes(file, current)]
        assert [line.split(" is the same")[0] for line in found] == refused
        for line in found:
            assert "stall A (가게 A) in row 2" in line and "stall B (가게 B)" in line
    finally:
        set_locale("ko")


HOLDER = CodeHolder(9, "dongmun", "C-1", "귤 가게", kakao="_k", payment="P")


@pytest.mark.parametrize(
    ("store", "saved", "refused"),
    [
        (
            _read("A", 2, payment="P"),
            None,
            f"t.csv, row 2: {QR} is already saved for stall C-1",
        ),
        (
            _read("A", 2, kakao="_k"),
            None,
            f"t.csv, row 2: {KAKAO} is already saved for stall C-1",
        ),
        (_read("A", 2, payment="P"), _read("A", 2, payment="P"), ""),  # A had it already
        (_read("A", 2, payment="Q"), None, ""),
    ],
)
def test_clashes_with_saved_stores(store: ReadStore, saved: ReadStore | None, refused: str) -> None:
    set_locale("en")
    try:
        current = {"A": _saved(saved, 1)} if saved is not None else {}
        found = [str(p) for p in saved_clashes([store], current, [HOLDER])]
        assert found == ([] if not refused else found) and all(refused in f for f in found)
        assert bool(found) == bool(refused)
        if found:
            assert "of the market dongmun; stall A (가게 A) cannot have it too" in found[0]
    finally:
        set_locale("ko")


def test_new_codes_are_the_ones_a_stall_does_not_have() -> None:
    a, b = _read("A", 2, payment="P", kakao="_a"), _read("B", 3, payment="Q")
    current = {"A": _saved(_read("A", 2, payment="P"), 1)}
    assert new_codes([a, b], current, "payment") == {"Q"}
    assert new_codes([a, b], current, "kakao") == {"_a"}
