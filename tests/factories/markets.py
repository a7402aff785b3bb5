"""Synthetic markets of any size for benchmarks and tests (invented, reproducible data).

Test support only (not shipped): markets are ``MarketListing`` values, the one
listing model, inserted through the Core bulk path (``kiosk.data.bulk``).
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from kiosk.domain.categories import Category
from kiosk.domain.hours import parse_legacy_hours
from kiosk.domain.listing import GoodListing, MarketListing, StoreListing
from kiosk.domain.locales import LocaleCode
from kiosk.domain.payments import PaymentMethod
from kiosk.domain.qr.emvco import build_payload, tlv

if TYPE_CHECKING:
    from kiosk.data.db import Database


def T(ko: str, en: str, ja: str, zh_Hans: str, zh_Hant: str) -> dict[LocaleCode, str]:
    """Text in all five locales; every argument is required so none is forgotten."""
    return {"ko": ko, "en": en, "ja": ja, "zh_Hans": zh_Hans, "zh_Hant": zh_Hant}


_FAMILIES = (
    ("김", "Kim", "キム", "金", "金"),
    ("이", "Lee", "イ", "李", "李"),
    ("박", "Park", "パク", "朴", "朴"),
    ("최", "Choi", "チェ", "崔", "崔"),
    ("정", "Jung", "チョン", "郑", "鄭"),
    ("강", "Kang", "カン", "姜", "姜"),
    ("조", "Cho", "チョ", "赵", "趙"),
    ("윤", "Yoon", "ユン", "尹", "尹"),
    ("한", "Han", "ハン", "韩", "韓"),
    ("오", "Oh", "オ", "吴", "吳"),
)

# category: (shop noun in five locales, description, products as (names, price range, unit))
_Names = dict[LocaleCode, str]
_Kind = tuple[_Names, _Names, tuple[tuple[_Names, int, int, str], ...]]
_KINDS: dict[Category, _Kind] = {
    Category.SEAFOOD: (
        T("수산", "Seafood", "海産物", "海鲜", "海鮮"),
        T(
            "매일 새벽 들어오는 생선",
            "Fish brought in every dawn",
            "毎朝届く鮮魚",
            "每天清晨到货的鲜鱼",
            "每天清晨到貨的鮮魚",
        ),
        (
            (T("고등어", "Mackerel", "サバ", "鲭鱼", "鯖魚"), 3000, 8000, "마리"),
            (T("갈치", "Hairtail", "タチウオ", "带鱼", "白帶魚"), 8000, 25000, "마리"),
            (T("오징어", "Squid", "イカ", "鱿鱼", "魷魚"), 4000, 12000, "마리"),
            (T("전복", "Abalone", "アワビ", "鲍鱼", "鮑魚"), 20000, 50000, "kg"),
        ),
    ),
    Category.PRODUCE: (
        T("채소", "Greens", "八百屋", "蔬菜", "蔬菜"),
        T(
            "직접 키운 제철 채소",
            "Seasonal vegetables we grow",
            "自家栽培の旬の野菜",
            "自家种植的时令蔬菜",
            "自家種植的時令蔬菜",
        ),
        (
            (T("배추", "Napa cabbage", "白菜", "白菜", "白菜"), 2000, 5000, "개"),
            (T("무", "Radish", "大根", "萝卜", "蘿蔔"), 1000, 3000, "개"),
            (T("대파", "Green onion", "長ネギ", "大葱", "大蔥"), 2000, 4000, "단"),
            (T("고추", "Chili pepper", "唐辛子", "辣椒", "辣椒"), 3000, 9000, "근"),
        ),
    ),
    Category.TANGERINES: (
        T("귤 농장", "Citrus farm", "みかん農園", "柑橘农场", "柑橘農場"),
        T(
            "제주 감귤과 한라봉",
            "Jeju tangerines and hallabong",
            "済州のみかんと漢拏峰",
            "济州柑橘和汉拿峰",
            "濟州柑橘和漢拏峰",
        ),
        (
            (T("감귤", "Tangerines", "みかん", "柑橘", "柑橘"), 10000, 25000, "박스"),
            (T("한라봉", "Hallabong", "漢拏峰", "汉拿峰", "漢拏峰"), 20000, 45000, "박스"),
            (T("천혜향", "Cheonhyehyang", "天恵香", "天惠香", "天惠香"), 25000, 50000, "박스"),
        ),
    ),
    Category.RICE_CAKES: (
        T("떡집", "Rice Cakes", "餅屋", "年糕店", "年糕店"),
        T(
            "아침마다 찌는 떡",
            "Rice cakes steamed every morning",
            "毎朝蒸すお餅",
            "每天早上蒸的年糕",
            "每天早上蒸的年糕",
        ),
        (
            (T("인절미", "Injeolmi", "インジョルミ", "豆面年糕", "豆麵年糕"), 4000, 8000, "팩"),
            (T("꿀떡", "Honey rice cake", "蜂蜜餅", "蜂蜜年糕", "蜂蜜年糕"), 3000, 6000, "팩"),
            (T("가래떡", "Garae-tteok", "カレトック", "条糕", "條糕"), 3000, 7000, "줄"),
        ),
    ),
    Category.STREET_FOOD: (
        T("분식", "Snacks", "軽食", "小吃", "小吃"),
        T(
            "떡볶이와 어묵",
            "Tteokbokki and fish cakes",
            "トッポッキとおでん",
            "炒年糕和鱼饼",
            "炒年糕和魚餅",
        ),
        (
            (T("떡볶이", "Tteokbokki", "トッポッキ", "炒年糕", "炒年糕"), 3000, 6000, "인분"),
            (T("어묵", "Fish cake skewer", "おでん", "鱼饼串", "魚餅串"), 1000, 2000, "개"),
            (T("호떡", "Hotteok", "ホットク", "糖饼", "糖餅"), 1000, 2500, "개"),
        ),
    ),
    Category.SIDE_DISHES: (
        T("반찬", "Side Dishes", "おかず", "小菜", "小菜"),
        T(
            "집에서 만든 김치와 나물",
            "Home-made kimchi and namul",
            "手作りキムチとナムル",
            "自制泡菜和拌菜",
            "自製泡菜和拌菜",
        ),
        (
            (T("배추김치", "Cabbage kimchi", "白菜キムチ", "辣白菜", "辣白菜"), 8000, 20000, "kg"),
            (
                T("깍두기", "Radish kimchi", "カクテキ", "萝卜块泡菜", "蘿蔔塊泡菜"),
                6000,
                15000,
                "kg",
            ),
            (
                T("멸치볶음", "Stir-fried anchovies", "煮干し炒め", "炒小银鱼", "炒小銀魚"),
                4000,
                9000,
                "팩",
            ),
        ),
    ),
    Category.DRIED_GOODS: (
        T("건어물", "Dried Goods", "乾物", "干货", "乾貨"),
        T(
            "마른 멸치와 김",
            "Dried anchovies and laver",
            "煮干しと海苔",
            "小银鱼干和紫菜",
            "小銀魚乾和紫菜",
        ),
        (
            (T("김", "Laver", "海苔", "紫菜", "紫菜"), 3000, 10000, "봉"),
            (
                T("마른 멸치", "Dried anchovies", "煮干し", "小银鱼干", "小銀魚乾"),
                10000,
                30000,
                "kg",
            ),
            (T("미역", "Seaweed", "ワカメ", "海带", "海帶"), 5000, 15000, "봉"),
        ),
    ),
    Category.FLOWERS: (
        T("꽃집", "Flowers", "花屋", "花店", "花店"),
        T(
            "계절 꽃과 화분",
            "Seasonal flowers and pot plants",
            "季節の花と鉢植え",
            "时令鲜花和盆栽",
            "時令鮮花和盆栽",
        ),
        (
            (T("장미", "Roses", "バラ", "玫瑰", "玫瑰"), 1000, 3000, "개"),
            (T("화분", "Pot plant", "鉢植え", "盆栽", "盆栽"), 8000, 30000, "개"),
        ),
    ),
}
_HOURS = ("07:00-19:00", "08:00-20:00", "09:00-21:00", "06:00-18:00")
_ROWS = "ABCDEFGHJK"
_STALLS_PER_ROW = 50


def _stall_number(index: int) -> str:
    row = _ROWS[(index // _STALLS_PER_ROW) % len(_ROWS)]
    block = index // (_STALLS_PER_ROW * len(_ROWS))
    return f"{row}{block or ''}-{index % _STALLS_PER_ROW + 1}"


def demo_payment_payload(number: int, city: str) -> str:
    """An EMVCo payload marked DEMO in tags 59 (name) and 62 (reference); never payable."""
    return build_payload(
        [
            ("00", "01"),
            ("01", "11"),
            ("26", tlv("00", "EXAMPLE.DEMO") + tlv("01", f"DEMO{number:08d}")),
            ("52", "5411"),
            ("53", "410"),
            ("58", "KR"),
            ("59", f"DEMO STORE {number:04d}"),
            ("60", city.upper()[:15]),
            ("62", tlv("05", "DEMO-NOT-FOR-PAYMENT")),
        ]
    )


def _goods(
    catalogue: tuple[tuple[_Names, int, int, str], ...], count: int
) -> list[tuple[_Names, int, int, str]]:
    """*count* goods from *catalogue*; past its end, numbered grades ("감귤 2호")."""
    goods = []
    for n in range(count):
        names, low, high, unit = catalogue[n % len(catalogue)]
        grade = n // len(catalogue)
        if grade:
            names = {
                code: f"{text} {grade + 1}{'호' if code == 'ko' else ''}"
                for code, text in names.items()
            }
        goods.append((names, low, high, unit))
    return goods


def _store(index: int, rng: random.Random, goods: int | None = None) -> StoreListing:
    number = index + 1
    category = rng.choice(list(_KINDS))
    shop, description, catalogue = _KINDS[category]
    ko, en, ja, zh_hans, zh_hant = rng.choice(_FAMILIES)
    name = T(
        f"{ko}가네 {shop['ko']}",
        f"{en}'s {shop['en']}",
        f"{ja}さんの{shop['ja']}",
        f"{zh_hans}家{shop['zh_Hans']}",
        f"{zh_hant}家{shop['zh_Hant']}",
    )
    products = tuple(
        GoodListing(
            id=None,
            name=names,
            price_won=rng.randrange(low, high + 1, 500) if high - low >= 500 else low,
            unit=unit,
            sold_out=rng.random() < 0.05,
        )
        for names, low, high, unit in (
            rng.sample(catalogue, k=rng.randint(2, len(catalogue)))
            if goods is None
            else _goods(catalogue, goods)
        )
    )
    payload = demo_payment_payload(number, "Busan") if index % 4 == 1 else None
    methods = [PaymentMethod.CASH, PaymentMethod.ONNURI]
    if payload:
        methods.append(PaymentMethod.ZEROPAY)
    if rng.random() < 0.7:
        methods.append(PaymentMethod.CARD)
    return StoreListing(
        stall_number=_stall_number(index),
        category=category,
        name=name,
        description=description,
        phone=f"010-0000-{number % 10000:04d}",  # the 0000 exchange is never assigned
        hours=parse_legacy_hours(rng.choice(_HOURS)),
        payment_methods=tuple(methods),
        products=products,
        kakao=f"_Gen{number:04d}" if index % 3 == 0 else "",
        payment=payload or "",
        active=index % 20 != 19,
    )


def build_market(
    *, slug: str, stores: int, seed: int = 0, goods_per_store: int | None = None
) -> MarketListing:
    """The synthetic market as plain data (same *seed*, same market).

    *goods_per_store* fixes every store's number of goods (default: 2-4 at random).
    """
    if not slug.strip():
        raise ValueError("slug must not be empty")
    if stores < 0:
        raise ValueError(f"stores must be 0 or more, got {stores}")
    if goods_per_store is not None and goods_per_store < 0:
        raise ValueError(f"goods_per_store must be 0 or more, got {goods_per_store}")
    rng = random.Random(seed)
    return MarketListing(
        slug=slug,
        name=T(
            f"생성 시장 {slug}",
            f"Generated market {slug}",
            f"生成市場 {slug}",
            f"生成市场 {slug}",
            f"生成市場 {slug}",
        ),
        city=T("부산", "Busan", "釜山", "釜山", "釜山"),
        stores=tuple(_store(i, rng, goods_per_store) for i in range(stores)),
    )


def generate_market(
    db: Database, *, slug: str, stores: int, seed: int = 0, goods_per_store: int | None = None
) -> None:
    """Insert a synthetic market of *stores* stores; raise ValueError if *slug* exists.

    Every 3rd store has a Kakao channel ID ``_Gen0001``-style, every 4th a DEMO
    EMVCo payment payload, every 20th is inactive. Written through Core
    executemany (``kiosk.data.bulk``) in one transaction.
    """
    from sqlalchemy import select

    from kiosk.data.bulk import insert_market_core
    from kiosk.data.models import Market

    market = build_market(slug=slug, stores=stores, seed=seed, goods_per_store=goods_per_store)
    with db.engine.begin() as conn:
        if conn.scalar(select(Market.id).where(Market.slug == slug)) is not None:
            raise ValueError(f"market {slug!r} already exists; choose another slug")
        insert_market_core(conn, market)
