"""The one price parser: every way a Korean price is typed, and every refusal with its reason."""

from __future__ import annotations

import pytest

from kiosk.domain.exchange.cells import CellError, price_value
from kiosk.domain.prices import MAX_PRICE_WON, PriceError, parse_price, parse_won
from kiosk.i18n import set_locale

ACCEPTED = [
    ("12000", 12000),
    ("12,000", 12000),
    ("12,000원", 12000),
    ("12,000 원", 12000),
    ("₩12,000", 12000),
    ("₩ 12,000", 12000),
    ("￦12,000", 12000),
    ("１２０００", 12000),
    ("１２，０００원", 12000),
    (" 12000 ", 12000),
    ("0", 0),
    ("1,234,567", 1234567),
    (str(MAX_PRICE_WON), MAX_PRICE_WON),
]

REFUSED = [
    ("", "no price given"),
    ("   ", "no price given"),
    ("12.000", "has a decimal point"),
    ("12.5", "has a decimal point"),
    ("12,00", "is not a whole number of won"),
    ("1,2,3", "is not a whole number of won"),
    ("-100", "is not a whole number of won"),
    ("abc", "is not a whole number of won"),
    ("12,000원원", "is not a whole number of won"),
    ("원", "is not a whole number of won"),
    ("₩", "is not a whole number of won"),
    ("100,000,001", "is not a price from 0 to 100000000 won"),
    ("٣٣", "is not a whole number of won"),  # other scripts' digits are not won
]


@pytest.mark.parametrize(("typed", "won"), ACCEPTED)
def test_the_same_price_in_the_form_and_the_import(typed: str, won: int) -> None:
    assert parse_price(typed) == won
    assert parse_won(typed) == won  # the store form and the merchant screen
    assert price_value(typed) == won  # an import cell


@pytest.mark.parametrize(("typed", "reason"), REFUSED)
def test_refused_prices_say_why(typed: str, reason: str) -> None:
    set_locale("en")
    try:
        with pytest.raises(PriceError) as caught:
            parse_price(typed)
        assert reason in str(caught.value)
        assert parse_won(typed) is None
        if typed.strip():
            with pytest.raises(CellError) as cell:
                price_value(typed)
            assert reason in str(cell.value.message)
    finally:
        set_locale("ko")


@pytest.mark.parametrize(("cell", "won"), [(12000, 12000), (12000.0, 12000), (0, 0)])
def test_number_cells(cell: object, won: int) -> None:
    assert price_value(cell) == won


@pytest.mark.parametrize("cell", [-1, MAX_PRICE_WON + 1, 12.5, True])
def test_refused_number_cells(cell: object) -> None:
    with pytest.raises(CellError):
        price_value(cell)
