"""Sites built from plain values for the page, writer and browser tests (no database)."""

from __future__ import annotations

from datetime import date

from kiosk.domain.categories import Category
from kiosk.domain.hours import DayHours, MonthlyClosure, OpeningHours
from kiosk.domain.listing import MarketInfo, ProductInfo, StoreDetail
from kiosk.domain.market_holidays import MarketHoliday
from kiosk.domain.onboarding.profile_links import ProfileKind, ProfileLink
from kiosk.domain.payments import PaymentMethod
from kiosk.domain.site import stall_paths
from kiosk.domain.text import LocalizedText
from kiosk.publish.site import Site, Stall

BASE = "https://market.example/dongmun/"
PAYLOAD = "00020101021126300009KR.ZEROPAY0113SECRETPAYLOAD5303410540412005802KR6304ABCD"
#: The market's holidays: 설날 2027 (Saturday 6 to Monday 8 February) and one closure.
HOLIDAYS = (
    *(MarketHoliday(date(2027, 2, day), "설날 연휴") for day in (6, 7, 8)),
    MarketHoliday(date(2027, 3, 2), "<b>공사</b>"),
)
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>&amp;'


def market(slug: str = "dongmun") -> MarketInfo:
    return MarketInfo(
        1,
        slug,
        LocalizedText({"ko": "동문재래시장", "en": "Dongmun Market", "ja": "東門市場"}),
        LocalizedText({"ko": "제주시", "en": "Jeju City"}),
        site_url=BASE,
    )


def store(
    store_id: int,
    stall: str,
    name: dict[str, str],
    *,
    goods: int = 3,
    category: Category = Category.TANGERINES,
    kakao: str | None = "_ZeUTxl",
    hours: OpeningHours | None = None,
) -> StoreDetail:
    products = tuple(
        ProductInfo(
            store_id * 100 + i,
            LocalizedText({"ko": f"감귤 {i}", "en": f"Tangerine {i}"}),
            12_000 + i * 1_000,
            "봉",
            sold_out=i == 2,
        )
        for i in range(goods)
    )
    week = OpeningHours(
        (DayHours(480, 1260),) * 6 + (None,), (MonthlyClosure(1, 6), MonthlyClosure(3, 6))
    )
    return StoreDetail(
        id=store_id,
        market_slug="dongmun",
        market_name=market().name,
        stall_number=stall,
        category=category,
        name=LocalizedText(name),  # type: ignore[arg-type]
        description=LocalizedText({"ko": "맛있는 감귤", "en": "Sweet tangerines"}),
        phone="064-000-0000",
        opening_hours=hours if hours is not None else week,
        kakao_channel_id=kakao,
        payment_qr_payload=PAYLOAD,
        payment_methods=(PaymentMethod.CASH, PaymentMethod.ZEROPAY, PaymentMethod.ALIPAY_PLUS),
        active=True,
        version=1,
        products=products,
    )


def site(*stores: StoreDetail) -> Site:
    paths = stall_paths((s.id, s.stall_number) for s in stores)
    link = ProfileLink(ProfileKind.INSTAGRAM, "https://www.instagram.com/tangerine_glow")
    stalls = tuple(Stall(s, paths[s.id], (link,)) for s in stores)
    return Site(BASE, market(), stalls, holidays=HOLIDAYS)


def sample() -> Site:
    """Three stalls: a full one, one with no goods and only Korean text, a hostile name."""
    return site(
        store(
            1,
            "A-3",
            {
                "ko": "초록잎 귤밭",
                "en": "Green Leaf Grove",
                "ja": "緑の葉みかん畑",
                "zh_Hans": "绿叶橘园",
                "zh_Hant": "綠葉橘園",
            },
        ),
        store(2, "B-1", {"ko": "한글만 가게"}, goods=0, kakao=None, hours=OpeningHours()),
        store(3, "C-9", {"ko": HOSTILE, "en": HOSTILE}, category=Category.SEAFOOD),
    )
