"""Signage slides from data: the schedule (Asia/Seoul), fallbacks, empty markets, the order."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time

from kiosk.domain.categories import Category
from kiosk.domain.hours import DayHours, MonthlyClosure, OpeningHours
from kiosk.domain.listing import MarketInfo, ProductInfo, StoreDetail
from kiosk.domain.locales import LOCALES
from kiosk.domain.payments import PaymentMethod
from kiosk.domain.promotions import Promotion, PromotionKind, TimeWindow
from kiosk.domain.signage import deck, slides
from kiosk.domain.signage.market_facts import (
    SignageData,
    StoreFacts,
    halls,
    summarise,
    usual_week,
)
from kiosk.domain.signage.slides import SlideKind
from kiosk.domain.text import LocalizedText

MARKET = MarketInfo(
    id=1,
    slug="dongmun",
    name=LocalizedText({"ko": "동문재래시장", "en": "Dongmun Market", "ja": "東門市場"}),
    city=LocalizedText({"ko": "제주시", "en": "Jeju City"}),
)
#: Saturday 5 December 2026, 19:00 in Seoul.
SATURDAY_EVENING = datetime(2026, 12, 5, 19, 0)


def _promo(pid: int = 1, **changes: object) -> Promotion:
    base: dict[str, object] = {
        "id": pid,
        "market_slug": "dongmun",
        "title": LocalizedText({"ko": "귤 할인", "en": "Tangerine sale"}),
        "text": LocalizedText({"ko": "오늘만 10% 할인"}),
        "starts_on": date(2026, 12, 1),
        "ends_on": date(2026, 12, 31),
    }
    base.update(changes)
    return Promotion(**base)  # type: ignore[arg-type]


def _store(sid: int = 7, goods: int = 2, sold_out: bool = False) -> StoreDetail:
    products = tuple(
        ProductInfo(
            id=i,
            name=LocalizedText({"ko": f"감귤 {i}", "en": f"Tangerines {i}"}),
            price_won=15000 + i,
            unit="5kg 박스",
            sold_out=sold_out,
        )
        for i in range(goods)
    )
    return StoreDetail(
        id=sid,
        market_slug="dongmun",
        market_name=MARKET.name,
        stall_number="A-1",
        category=Category.TANGERINES,
        name=LocalizedText({"ko": "귤빛 농원", "en": "Tangerine Glow"}),
        description=LocalizedText({"ko": "감귤을 팝니다"}),
        phone="",
        opening_hours=OpeningHours(),
        kakao_channel_id=None,
        payment_qr_payload=None,
        payment_methods=(PaymentMethod.CASH,),
        active=True,
        version=1,
        products=products,
    )


def _facts(*methods: PaymentMethod, stall: str = "A-1") -> StoreFacts:
    return StoreFacts(1, stall, OpeningHours.every_day(8 * 60, 20 * 60), tuple(methods), 3)


def _data(
    promotions: tuple[Promotion, ...] = (),
    featured: tuple[StoreDetail, ...] = (),
    facts: tuple[StoreFacts, ...] = (),
) -> SignageData:
    return SignageData(MARKET, summarise(facts), promotions, featured)


def test_empty_market_still_has_a_welcome_slide_in_every_language() -> None:
    data = _data()
    assert slides.kinds(data, SATURDAY_EVENING) == (SlideKind.WELCOME,)
    for locale in LOCALES:
        slide = slides.build(data, SlideKind.WELCOME, locale, SATURDAY_EVENING)
        assert slide.heading and slide.touch
        assert slide.locale == locale
    assert "Dongmun Market" in slides.build(data, SlideKind.WELCOME, "en", SATURDAY_EVENING).heading


def test_market_name_falls_back_to_english_then_korean() -> None:
    data = _data()
    chinese = slides.build(data, SlideKind.WELCOME, "zh_Hans", SATURDAY_EVENING)
    assert "Dongmun Market" in chinese.heading  # no Chinese name: English
    assert chinese.subtitle == "Jeju City"
    korean_only = SignageData(
        MarketInfo(1, "m", LocalizedText({"ko": "시장"}), LocalizedText()), summarise(())
    )
    assert "시장" in slides.build(korean_only, SlideKind.WELCOME, "ja", SATURDAY_EVENING).heading


def test_promotion_text_falls_back_and_is_never_empty() -> None:
    promo = _promo(title=LocalizedText({"ko": "귤 할인"}), text=LocalizedText({"ko": "10%"}))
    data = _data((promo,))
    for locale in LOCALES:
        slide = slides.build(data, SlideKind.PROMOTIONS, locale, SATURDAY_EVENING)
        assert slide.items[0].title == "귤 할인"
        assert "10%" in slide.items[0].detail
    english = _promo(title=LocalizedText({"ko": "귤 할인", "en": "Tangerine sale"}))
    slide = slides.build(_data((english,)), SlideKind.PROMOTIONS, "ja", SATURDAY_EVENING)
    assert slide.items[0].title == "Tangerine sale"


def test_schedule_decides_what_shows_dates_weekdays_and_window() -> None:
    night = _promo(
        1,
        kind=PromotionKind.ANNOUNCEMENT,
        weekdays=frozenset({4, 5, 6}),
        window=TimeWindow(time(18), time(23)),
    )
    over = _promo(2, starts_on=date(2026, 11, 1), ends_on=date(2026, 11, 30))
    later = _promo(3, starts_on=date(2026, 12, 6))
    data = _data((night, over, later))
    assert slides.kinds(data, SATURDAY_EVENING) == (SlideKind.WELCOME, SlideKind.ANNOUNCEMENTS)
    assert slides.kinds(data, datetime(2026, 12, 5, 17, 59)) == (SlideKind.WELCOME,)
    assert slides.kinds(data, datetime(2026, 12, 3, 19, 0)) == (  # Thursday
        SlideKind.WELCOME,
    )
    sunday_noon = datetime(2026, 12, 6, 12, 0)
    assert slides.kinds(data, sunday_noon) == (SlideKind.WELCOME, SlideKind.PROMOTIONS)


def test_schedule_reads_the_clock_in_seoul() -> None:
    evening = _promo(window=TimeWindow(time(18), time(23)))
    data = _data((evening,))
    # 10:00 UTC is 19:00 in Seoul: showing; 19:00 UTC is 04:00 the next day in Seoul: not.
    assert SlideKind.PROMOTIONS in slides.kinds(data, datetime(2026, 12, 5, 10, tzinfo=UTC))
    assert SlideKind.PROMOTIONS not in slides.kinds(data, datetime(2026, 12, 5, 19, tzinfo=UTC))


def test_featured_stores_need_goods_and_promoted_ones_come_first() -> None:
    assert SlideKind.FEATURED not in slides.kinds(
        _data(featured=(_store(goods=0),)), SATURDAY_EVENING
    )
    sold_out = _data(featured=(_store(goods=2, sold_out=True),))
    assert SlideKind.FEATURED not in slides.kinds(sold_out, SATURDAY_EVENING)
    plain, promoted = _store(1, goods=3), _store(2, goods=1)
    data = _data((_promo(store_id=2),), (plain, promoted))
    assert [s.id for s in slides.featured_stores(data, SATURDAY_EVENING)] == [2, 1]
    slide = slides.build(data, SlideKind.FEATURED, "en", SATURDAY_EVENING)
    name, price = slide.items[1].rows[0]
    assert name == "Tangerines 0"
    assert price.startswith("₩15,000")


def test_wallet_slide_names_the_wallets_the_stores_accept() -> None:
    without = _data(facts=(_facts(PaymentMethod.CASH),))
    assert SlideKind.WALLETS not in slides.kinds(without, SATURDAY_EVENING)
    facts = (_facts(PaymentMethod.ALIPAY_PLUS), _facts(PaymentMethod.CARD, stall="B-1"))
    data = _data(facts=facts)
    slide = slides.build(data, SlideKind.WALLETS, "en", SATURDAY_EVENING)
    assert "Alipay" in slide.items[0].title
    assert "1 of 2" in slide.items[0].detail


def test_usual_week_and_market_holidays() -> None:
    sundays_off = OpeningHours.every_day(480, 1200, closed=[6])
    first_monday = OpeningHours(OpeningHours.every_day(480, 1200).days, (MonthlyClosure(1, 0),))
    week = usual_week([sundays_off, sundays_off, first_monday])
    assert week.days[6] is None
    assert week.days[0] == DayHours(480, 1200)
    assert week.monthly == ()  # only one store of three keeps the first Monday
    data = _data(facts=tuple(StoreFacts(i, "A-1", sundays_off, ()) for i in range(3)))
    slide = slides.build(data, SlideKind.WELCOME, "en", SATURDAY_EVENING)
    assert "08:00–20:00" in slide.items[0].detail
    assert "Sunday" in slide.items[1].detail or "Sun" in slide.items[1].detail
    assert usual_week([]) == OpeningHours()


def test_halls_from_stall_numbers() -> None:
    assert halls(["A-1", "A-2", "B-1", "가12"]) == (("A", 2), ("B", 1), ("가", 1))
    assert halls(["1", "2"]) == ()
    assert halls(["A-1", "A-2"]) == ()  # one hall is no plan


def test_order_shows_every_kind_in_every_language_and_never_repeats_a_language() -> None:
    kinds = (SlideKind.WELCOME, SlideKind.PROMOTIONS, SlideKind.FEATURED, SlideKind.WALLETS)
    seen = {deck.position(step, kinds) for step in range(len(kinds) * len(LOCALES))}
    assert seen == {(k, loc) for k in kinds for loc in LOCALES}
    order = [deck.position(step, kinds)[1] for step in range(40)]
    assert all(a != b for a, b in itertools.pairwise(order))
    assert {deck.position(step, ())[1] for step in range(5)} == set(LOCALES)


def test_more_than_a_slide_holds_take_turns_round_by_round() -> None:
    assert slides.window_of([1, 2, 3], 3, turn=5) == [1, 2, 3]
    assert slides.window_of([1, 2, 3, 4, 5], 2, turn=0) == [1, 2]
    assert slides.window_of([1, 2, 3, 4, 5], 2, turn=2) == [5, 1]
    stores = tuple(_store(sid, goods=1) for sid in range(1, 6))
    data = _data(featured=stores)
    for turn in range(3):
        slide = slides.build(data, SlideKind.FEATURED, "en", SATURDAY_EVENING, turn=turn)
        assert len(slide.items) == slides.MAX_FEATURED
    ordered = slides.featured_stores(data, SATURDAY_EVENING)
    turns = [slides.window_of(ordered, slides.MAX_FEATURED, turn) for turn in range(3)]
    assert {store.id for shown in turns for store in shown} == {1, 2, 3, 4, 5}
    promos = tuple(_promo(pid, title=LocalizedText({"en": f"Sale {pid}"})) for pid in range(5))
    seen = set()
    for turn in range(2):
        slide = slides.build(_data(promos), SlideKind.PROMOTIONS, "en", SATURDAY_EVENING, turn=turn)
        seen.update(item.title for item in slide.items)
    assert seen == {f"Sale {pid}" for pid in range(5)}  # every promotion gets its turn
    assert deck.turn(7, (SlideKind.WELCOME, SlideKind.PROMOTIONS)) == 3
