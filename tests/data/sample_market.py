"""A small five-language test market and a SQL statement counter for data-layer tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from factories.markets import T
from sqlalchemy import Engine, event

from kiosk.domain.categories import Category
from kiosk.domain.hours import parse_legacy_hours
from kiosk.domain.listing import GoodListing, MarketListing, StoreListing
from kiosk.domain.payments import PaymentMethod
from kiosk.domain.qr.emvco import build_payload

SMALL_SLUG = "test-market"

#: EMVCo demo payload with Hangul in the merchant name, to check storage is byte-exact.
DEMO_PAYLOAD = build_payload(
    [
        ("00", "01"),
        ("01", "11"),
        ("53", "410"),
        ("58", "KR"),
        ("59", "DEMO 바다수산"),
        ("60", "BUSAN"),
    ]
)


def _good(name: dict[Any, str], price: int, unit: str, sold_out: bool = False) -> GoodListing:
    return GoodListing(None, name, price, unit, sold_out)


def _store(stall: str, category: Category, name: dict[Any, str], **kw: Any) -> StoreListing:
    return StoreListing(
        stall_number=stall,
        category=category,
        name=name,
        description=kw.pop("description", T("", "", "", "", "")),
        phone="010-0000-0000",
        hours=parse_legacy_hours("08:00-20:00"),
        payment_methods=kw.pop("payment_methods", (PaymentMethod.CASH,)),
        products=kw.pop("products", ()),
        **kw,
    )


def small_market(slug: str = SMALL_SLUG) -> MarketListing:
    """Five stores whose names, descriptions and products differ in every language."""
    return MarketListing(
        slug=slug,
        name=T("시험 시장", "Test Market", "テスト市場", "测试市场", "測試市場"),
        city=T("부산", "Busan", "釜山", "釜山", "釜山"),
        stores=(
            _store(
                "A-10",
                Category.PRODUCE,
                T("싱싱 채소", "Fresh Greens", "新鮮野菜", "新鲜蔬菜", "新鮮蔬菜"),
                description=T(
                    "매일 아침 들어오는 나물",
                    "Delivered every morning",
                    "毎朝入荷",
                    "每天早上到货",
                    "每天早上到貨",
                ),
                products=(
                    GoodListing(
                        None, T("배추", "Napa cabbage", "白菜", "白菜", "白菜"), 3000, "개"
                    ),
                    GoodListing(
                        None, T("대파", "Green onion", "長ネギ", "大葱", "大蔥"), 2500, "단"
                    ),
                ),
            ),
            _store(
                "A-2",
                Category.TANGERINES,
                T(
                    "제주 귤 하우스",
                    "Jeju Citrus House",
                    "済州みかんハウス",
                    "济州橘子屋",
                    "濟州橘子屋",
                ),
                products=(
                    GoodListing(
                        None, T("한라봉", "Hallabong", "デコポン", "丑橘", "醜橘"), 30000, "박스"
                    ),
                ),
                kakao="_JejuGyul",
            ),
            _store(
                "A-1",
                Category.RICE_CAKES,
                T(
                    "할매 떡집",
                    "Grandma's Rice Cakes",
                    "おばあちゃんの餅屋",
                    "奶奶年糕店",
                    "奶奶年糕店",
                ),
                products=(
                    GoodListing(
                        None, T("인절미", "Injeolmi", "きな粉餅", "豆面糕", "豆麵糕"), 5000, "팩"
                    ),
                    GoodListing(
                        None, T("쌀떡", "100% rice cake", "米餅", "米糕", "米糕"), 4000, "팩"
                    ),
                    GoodListing(
                        None, T("꿀떡", "Honey tteok", "蜜餅", "蜜糕", "蜜糕"), 4500, "팩", True
                    ),
                ),
            ),
            _store(
                "B-1",
                Category.SEAFOOD,
                T("바다 수산", "Ocean Fish", "海の魚屋", "海洋鱼店", "海洋魚店"),
                products=(
                    GoodListing(
                        None, T("고등어", "Mackerel", "サバ", "鲭鱼", "鯖魚"), 5000, "마리"
                    ),
                ),
                kakao="_Bada1",
                payment=DEMO_PAYLOAD,
                payment_methods=(PaymentMethod.CASH, PaymentMethod.ZEROPAY),
            ),
            _store(
                "A-3",
                Category.TANGERINES,
                T(
                    "문 닫은 귤 가게",
                    "Closed Tangerine Stall",
                    "閉店みかん",
                    "关门橘子店",
                    "關門橘子店",
                ),
                active=False,
            ),
        ),
    )


class QueryCounter:
    """Counts SQL statements sent on an engine while active."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.statements: list[str] = []

    def _on_execute(self, *args: Any) -> None:
        self.statements.append(str(args[2]))

    @contextmanager
    def counting(self) -> Iterator[QueryCounter]:
        self.statements.clear()
        event.listen(self.engine, "before_cursor_execute", self._on_execute)
        try:
            yield self
        finally:
            event.remove(self.engine, "before_cursor_execute", self._on_execute)

    @property
    def count(self) -> int:
        return len(self.statements)
