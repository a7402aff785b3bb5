"""The directory card's values: names, price range, payment marks in tourist order, the filter."""

from __future__ import annotations

from datetime import datetime

import pytest

from kiosk.domain.categories import Category
from kiosk.domain.directory_card import (
    PaymentFilter,
    accepts,
    directory_card,
    format_price_range,
    payment_marks,
    price_range,
)
from kiosk.domain.formatting import format_price
from kiosk.domain.hours import OpeningHours
from kiosk.domain.listing import StoreSummary
from kiosk.domain.open_now import OpenKind
from kiosk.domain.payments import PaymentMethod as P
from kiosk.domain.text import LocalizedText


def summary(**changes: object) -> StoreSummary:
    values: dict[str, object] = {
        "id": 7,
        "market_slug": "dongmun",
        "stall_number": "A-1",
        "category": Category.TANGERINES,
        "name": LocalizedText({"ko": "귤빛 농원", "ja": "ミカン色農園"}),
        "payment_methods": (P.CASH, P.CARD, P.ZEROPAY, P.ALIPAY_PLUS, P.ONNURI),
        "hours": OpeningHours.every_day(8 * 60, 21 * 60),
        "price_range": (15000, 35000),
    }
    values.update(changes)
    return StoreSummary(**values)  # type: ignore[arg-type]


def test_marks_put_foreign_ways_to_pay_first_and_count_the_rest() -> None:
    shown, more = payment_marks((P.CASH, P.CARD, P.ZEROPAY, P.ALIPAY_PLUS, P.ONNURI), limit=3)
    assert shown == (P.ALIPAY_PLUS, P.CARD, P.CASH) and more == 2
    assert payment_marks((P.CASH,), limit=3) == ((P.CASH,), 0)
    assert payment_marks((), limit=3) == ((), 0)


def test_korean_readers_see_the_domestic_ways_first() -> None:
    methods = (P.ALIPAY_PLUS, P.FOREIGN_CARD, P.CASH, P.ONNURI, P.CARD)
    shown, more = payment_marks(methods, limit=3, locale="ko")
    assert shown == (P.CARD, P.CASH, P.ONNURI) and more == 2


def test_marks_refuse_a_negative_limit() -> None:
    with pytest.raises(ValueError, match="limit must be 0 or more, got -1"):
        payment_marks((P.CASH,), limit=-1)


def test_price_range_and_its_text_use_the_price_format() -> None:
    assert price_range([3000, 15000, 1200]) == (1200, 15000)
    assert price_range([]) is None
    assert format_price_range(1200, 15000, "en") == (
        f"{format_price(1200, 'en')}–{format_price(15000, 'en')}"
    )
    assert format_price_range(5000, 5000, "ko") == format_price(5000, "ko")


def test_payment_filter() -> None:
    assert accepts((P.CASH, P.ALIPAY_PLUS), PaymentFilter.ALIPAY_PLUS)
    assert not accepts((P.CASH, P.CARD), PaymentFilter.FOREIGN_CARDS)
    assert accepts((P.FOREIGN_CARD,), PaymentFilter.FOREIGN_CARDS)
    assert accepts((), None)


def test_card_in_japanese_carries_the_korean_signboard_name() -> None:
    card = directory_card(summary(), "ja", datetime(2026, 12, 2, 12))
    assert (card.name, card.signboard, card.stall) == ("ミカン色農園", "귤빛 농원", "A-1")
    assert card.prices == format_price_range(15000, 35000, "ja")
    assert card.marks == (P.ALIPAY_PLUS, P.CARD, P.CASH) and card.more_marks == 2
    assert card.state.kind is OpenKind.OPEN


def test_card_in_korean_does_not_repeat_the_name() -> None:
    card = directory_card(summary(), "ko", datetime(2026, 12, 2, 22))
    assert card.signboard == "" and card.state.kind is OpenKind.CLOSED


def test_card_of_a_store_without_goods_or_hours() -> None:
    card = directory_card(
        summary(price_range=None, hours=OpeningHours()), "en", datetime(2026, 12, 2, 12)
    )
    assert card.prices == "" and card.state.kind is OpenKind.UNKNOWN
    assert card.name == "귤빛 농원" and card.signboard == ""  # no English name: Korean only
