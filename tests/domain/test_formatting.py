"""Prices as each language reads them: 15,000원 in Korean (a Babel override), Babel elsewhere."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.domain.formatting import format_day, format_money, format_price, format_won
from kiosk.domain.locales import LOCALES


@pytest.mark.parametrize(("won", "shown"), [(15000, "15,000원"), (0, "0원"), (1200, "1,200원"),
                                            (100_000_000, "100,000,000원")])  # fmt: skip
def test_korean_reads_the_number_then_won(won: int, shown: str) -> None:
    assert format_price(won, "ko") == format_won(won) == shown


def test_other_languages_keep_babels_won_sign_and_no_decimals() -> None:
    assert format_price(15000, "en") == "₩15,000"
    for locale in LOCALES:
        shown = format_price(15000, locale)
        assert "15,000" in shown and "." not in shown, locale
        assert ("원" in shown) == (locale == "ko"), locale


def test_money_in_whole_units_on_request_and_always_for_yen() -> None:
    assert format_money(1660, "JPY", "ja") == "￥1,660"
    assert format_money(45, "JPY", "ja") == "￥45"
    assert format_money(86.5, "CNY", "zh_Hans") == "¥86.50"
    assert format_money(87, "CNY", "zh_Hans", whole=True) == "¥87"
    assert format_money(380, "TWD", "zh_Hant", whole=True, symbol="NT$") == "NT$380"
    assert format_money(11, "USD", "en", whole=True) == "$11"


def test_days_as_each_language_writes_them() -> None:
    day = date(2026, 12, 1)
    assert format_day(day, "ja") == "2026/12/01"
    assert format_day(day, "zh_Hant") == "2026年12月1日"
    assert format_day(day, "en") == "Dec 1, 2026"
