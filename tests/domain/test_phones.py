"""The one phone normaliser: national and +82 forms stored alike; the +82 form for display."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kiosk.domain.categories import Category
from kiosk.domain.exchange.cells import CellError
from kiosk.domain.exchange.rows import phone_value as _phone
from kiosk.domain.phones import international, normalise_phone
from kiosk.domain.store_edit.checks import cleaned, validate
from kiosk.domain.store_edit.draft import StoreDraft

FORM = StoreDraft(stall_number="A-1", category=Category.FRUIT, name={"ko": "과일"})

STORED = [
    ("+82 51-123-4567", "051-123-4567"),
    ("+82-51-123-4567", "051-123-4567"),
    ("+82 (0)51-123-4567", "051-123-4567"),
    ("+82 51 123 4567", "051-123-4567"),
    ("0082 51 123 4567", "051-123-4567"),
    ("051-123-4567", "051-123-4567"),
    ("0511234567", "051-123-4567"),
    ("(051) 123-4567", "051-123-4567"),
    ("+82 10 1234 5678", "010-1234-5678"),
    ("+821012345678", "010-1234-5678"),
    ("010-1234-5678", "010-1234-5678"),
    ("+82 2-123-4567", "02-123-4567"),
    ("＋８２ ５１－１２３－４５６７", "051-123-4567"),
    ("+82 1588-1234", "1588-1234"),
    ("1588-1234", "1588-1234"),
    ("", ""),
]

REFUSED = ["+82", "+82 0", "+82 051", "+81 3-1234-5678", "+82 10 1234 5678x", "82-51-123-4567"]


@pytest.mark.parametrize(("typed", "stored"), STORED)
def test_every_form_is_stored_alike(typed: str, stored: str) -> None:
    assert normalise_phone(typed) == stored
    assert cleaned(replace(FORM, phone=typed)).phone == stored  # the store form
    assert _phone(typed) == stored  # an import cell


@pytest.mark.parametrize("typed", REFUSED)
def test_not_korean_numbers(typed: str) -> None:
    assert normalise_phone(typed) is None
    assert [p.field for p in validate(replace(FORM, phone=typed))] == ["phone"]
    with pytest.raises(CellError):
        _phone(typed)


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("051-123-4567", "+82 51-123-4567"),
        ("010-1234-5678", "+82 10-1234-5678"),
        ("02-123-4567", "+82 2-123-4567"),
        ("1588-1234", "1588-1234"),
        ("", ""),
        ("not a number", "not a number"),
    ],
)
def test_international_form_for_tourists(stored: str, shown: str) -> None:
    assert international(stored) == shown


def test_a_stored_number_normalises_to_itself_so_it_is_remembered_as_its_own_answer() -> None:
    from kiosk.domain.phones import _normalised

    heads = ["02", "031", "051", "064", "010", "011", "019", "070", "0505", "050", "0701"]
    typed = [f"{h}{m}{t}" for h in heads for m in ("123", "1234") for t in ("4567", "0000")]
    typed += ["15881234", "1999-0000", "1499-1234", *(t for t, _ in STORED), *REFUSED]
    for text in typed:
        stored = _normalised(text)
        if stored:
            assert _normalised(stored) == stored
        assert normalise_phone(text) == stored == normalise_phone(text)  # computed, remembered
        if stored:
            assert normalise_phone(stored) == stored


def test_a_remembered_number_still_refuses_a_bad_cell_each_time() -> None:
    for _ in range(2):
        assert normalise_phone("051-123-456x") is None
        with pytest.raises(CellError):
            _phone("051-123-456x")
        assert validate(replace(FORM, phone="051-123-456x"))[0].field == "phone"
