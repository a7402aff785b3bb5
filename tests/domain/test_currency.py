"""Reference prices: the rate checks (bad input next to good), rounding, age limit, wording."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from kiosk.domain.currency import (
    MAX_AGE_LIMIT,
    ExchangeRate,
    RateCard,
    RateError,
    check_currency,
    check_max_age,
    check_rate,
    reference_price,
    reference_text,
)
from kiosk.i18n import set_locale, translate

TODAY = date(2026, 12, 6)


@pytest.fixture(autouse=True)
def english() -> None:
    set_locale("en")


CARD = RateCard(
    (
        ExchangeRate("JPY", Decimal("9.05"), date(2026, 12, 1)),
        ExchangeRate("CNY", Decimal("192.4"), date(2026, 12, 1)),
        ExchangeRate("TWD", Decimal("43.1"), date(2026, 12, 1)),
        ExchangeRate("USD", Decimal("1385"), date(2026, 12, 1)),
    ),
    max_age_days=14,
)


@pytest.mark.parametrize(
    ("currency", "rate", "as_of", "expected"),
    [
        ("JPY", "9.05", TODAY, ExchangeRate("JPY", Decimal("9.05"), TODAY)),
        ("jpy ", "9.050", TODAY, ExchangeRate("JPY", Decimal("9.05"), TODAY)),
        ("USD", "1,385", date(2026, 11, 1), ExchangeRate("USD", Decimal(1385), date(2026, 11, 1))),
        ("CNY", Decimal("192.4"), TODAY, ExchangeRate("CNY", Decimal("192.4"), TODAY)),
        ("THB", "39.8", TODAY, ExchangeRate("THB", Decimal("39.8"), TODAY)),  # any band
    ],
)
def test_good_rates(currency: str, rate: str, as_of: date, expected: ExchangeRate) -> None:
    assert check_rate(currency, rate, as_of, today=TODAY) == expected


@pytest.mark.parametrize(
    ("currency", "rate", "as_of", "field", "words"),
    [
        ("JP", "9.05", TODAY, "currency", '"JP" is not a currency code'),
        ("YEN", "9.05", TODAY, "currency", '"YEN" is not a currency code'),
        ("엔화", "9.05", TODAY, "currency", "is not a currency code"),
        ("KRW", "1", TODAY, "currency", "KRW is the won itself"),
        ("JPY", "abc", TODAY, "rate", '"abc" is not a rate; type the won for one JPY'),
        ("JPY", "", TODAY, "rate", "is not a rate"),
        ("JPY", "NaN", TODAY, "rate", "is not a rate"),
        ("JPY", "0", TODAY, "rate", "must be more than 0 won"),
        ("JPY", "-9", TODAY, "rate", "must be more than 0 won"),
        (
            "JPY",
            "905",
            TODAY,
            "rate",
            "905 won for one JPY cannot be right; it is usually between 4 and 25 won",
        ),
        ("USD", "13850", TODAY, "rate", "between 700 and 2500"),
        ("THB", "99999", TODAY, "rate", "cannot be right"),
        ("JPY", "9.05", TODAY + timedelta(days=1), "date", "2026-12-07 is after today"),
        ("JPY", "9.05", date(1999, 12, 31), "date", "before 2000"),
    ],
)
def test_bad_rates_name_the_field(
    currency: str, rate: str, as_of: date, field: str, words: str
) -> None:
    with pytest.raises(RateError) as caught:
        check_rate(currency, rate, as_of, today=TODAY)
    assert caught.value.field == field
    assert words in str(caught.value)


def test_currency_codes_alone() -> None:
    assert check_currency(" usd") == "USD"
    with pytest.raises(RateError, match="not a currency code"):
        check_currency("ABC")


@pytest.mark.parametrize("good", ["1", "14", str(MAX_AGE_LIMIT), 30])
def test_good_max_ages(good: str | int) -> None:
    assert check_max_age(good) == int(good)


@pytest.mark.parametrize("bad", ["0", "-1", "366", "two weeks", "", 1.5])
def test_bad_max_ages(bad: str) -> None:
    with pytest.raises(RateError, match="is not a number of days from 1 to 365") as caught:
        check_max_age(bad)
    assert caught.value.field == "max_age"


def test_the_tourists_currency_rounded_as_an_approximation() -> None:
    yen = reference_price(15000, "ja", CARD, TODAY)
    assert yen is not None and yen.currency == "JPY" and yen.amount == 1660  # 1657.5
    assert reference_price(15000, "zh_Hans", CARD, TODAY).amount == 78  # type: ignore[union-attr]
    assert reference_price(15000, "en", CARD, TODAY).amount == 11  # type: ignore[union-attr]
    assert reference_price(15000, "zh_Hant", CARD, TODAY).amount == 348  # type: ignore[union-attr]
    assert reference_price(500, "en", CARD, TODAY).amount == 0.36  # type: ignore[union-attr]
    assert reference_price(15000, "ko", CARD, TODAY) is None


def test_hidden_without_a_rate_when_too_old_or_dated_ahead() -> None:
    assert reference_price(15000, "ja", RateCard(), TODAY) is None
    last_day = date(2026, 12, 1) + timedelta(days=14)
    assert reference_price(15000, "ja", CARD, last_day) is not None
    assert reference_price(15000, "ja", CARD, last_day + timedelta(days=1)) is None
    short = RateCard(CARD.rates, max_age_days=1)
    assert reference_price(15000, "ja", short, TODAY) is None
    assert reference_price(15000, "ja", CARD, date(2026, 11, 30)) is None  # rate of tomorrow


def test_a_later_currency_stands_in_when_the_first_has_no_rate() -> None:
    card = RateCard((ExchangeRate("HKD", Decimal("177"), TODAY),))
    shown = reference_price(17700, "zh_Hant", card, TODAY)
    assert shown is not None and shown.currency == "HKD" and shown.amount == 100


def test_the_sentence_in_each_language() -> None:
    def text(locale: str) -> str | None:
        return reference_text(15000, locale, CARD, TODAY,  # type: ignore[arg-type]
                              lambda s: translate(s, locale))  # type: ignore[arg-type]  # fmt: skip

    assert text("en") == "about US$11 (rate of Dec 1, 2026)"
    assert text("ja") == "約￥1,660（2026/12/01のレート）"
    assert text("zh_Hans") == "约¥78（按2026年12月1日汇率）"
    assert text("zh_Hant") == "約NT$348（依2026年12月1日匯率）"
    assert text("ko") is None
    assert reference_text(15000, "en", RateCard(), TODAY) is None
