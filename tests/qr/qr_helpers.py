"""Helpers for the QR tests: DEMO EMVCo payloads and stores to print."""

from __future__ import annotations

from kiosk.domain.categories import Category
from kiosk.domain.hours import OpeningHours
from kiosk.domain.listing import StoreDetail
from kiosk.domain.payments import PaymentMethod
from kiosk.domain.qr.emvco import build_payload
from kiosk.domain.text import LocalizedText

MARKET = LocalizedText({"ko": "동문재래시장", "en": "Dongmun Traditional Market"})


def zero_pay_like(name: str = "제주감귤상회", city: str = "제주") -> str:
    """A DEMO EMVCo payload shaped like a national scheme's static merchant QR."""
    return build_payload(
        [
            ("00", "01"),
            ("01", "11"),
            ("26", "0010A000000677" + "0108DEMO0001"),
            ("52", "5411"),
            ("53", "410"),
            ("58", "KR"),
            ("59", name),
            ("60", city),
            ("62", "0508DEMO-123"),
        ]
    )


def make_store(
    number: int,
    *,
    kakao: str | None = "_ZeUTxl",
    payment: str | None = None,
    active: bool = True,
) -> StoreDetail:
    return StoreDetail(
        id=number,
        market_slug="dongmun",
        market_name=MARKET,
        stall_number=f"{number}",
        category=Category.TANGERINES,
        name=LocalizedText({"ko": f"감귤 상회 {number}", "en": f"Tangerine Shop {number}"}),
        description=LocalizedText({}),
        phone="",
        opening_hours=OpeningHours(),
        kakao_channel_id=kakao,
        payment_qr_payload=payment,
        payment_methods=(PaymentMethod.CASH, PaymentMethod.ZEROPAY, PaymentMethod.ALIPAY_PLUS),
        active=active,
        version=1,
    )
