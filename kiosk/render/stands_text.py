"""Printed texts of the table stands and posters, in the five display locales.

These are fixed print copy, written per language (not gettext strings): every
stand shows all five languages at once, whatever the UI language is.
"""

from __future__ import annotations

from typing import Final

from kiosk.domain.locales import LOCALES, LocaleCode
from kiosk.domain.payments import PAYMENT_LABELS, PaymentMethod
from kiosk.i18n import translate

KAKAO_CTA: Final[dict[LocaleCode, str]] = {
    "ko": "스캔해서 카카오톡 채널 추가",
    "en": "Scan to add us on KakaoTalk",
    "ja": "スキャンしてカカオトークでチャンネル追加",
    "zh_Hans": "扫码添加KakaoTalk频道",
    "zh_Hant": "掃碼加入KakaoTalk頻道",
}

PAY_HOWTO: Final[dict[LocaleCode, str]] = {
    "ko": "가게에서 제로페이·Alipay+ 앱으로 스캔해 결제하세요",
    "en": "Scan at the stall with Zero Pay or your Alipay+ wallet to pay",
    "ja": "店頭でゼロペイ・Alipay+でスキャンしてお支払い",
    "zh_Hans": "在店内用Zero Pay或Alipay+钱包扫码付款",
    "zh_Hant": "在店內用Zero Pay或Alipay+錢包掃碼付款",
}

#: The "stall page" code (the market's website, kiosk.publish): prices and hours in the
#: reader's language on their own phone.
PAGE_LINES: Final[dict[LocaleCode, str]] = {
    "ko": "휴대폰으로 가격·영업시간 보기",
    "en": "Prices and hours on your phone",
    "ja": "価格・営業時間をスマホで",
    "zh_Hans": "用手机查看价格和营业时间",
    "zh_Hant": "用手機查看價格和營業時間",
}

KAKAO_HEADING = "카카오톡 채널 · KakaoTalk"
PAGE_HEADING = "점포 안내 · Stall page"
PAY_HEADING = "결제 · Pay"
STALL = "{number}번 점포 · Stall {number}"
METHODS_HEADING = "결제 수단 · We accept"
#: Said on a stand that has only one of the two usual codes.
NO_KAKAO = "이 가게는 카카오톡 채널이 아직 없습니다 · No KakaoTalk channel yet"
NO_PAYMENT = (
    "결제 QR은 아직 없습니다: 가게에서 직접 결제하세요 · No payment QR yet: pay at the counter"
)

#: Reminder for the merchant (FSC 2018 QR-payment standard asks for tamper-proof film).
LAMINATE: Final[tuple[str, str]] = (
    "결제 QR은 코팅하거나 위·변조 방지 필름을 붙여 두세요.",
    "Laminate the payment QR or cover it with tamper-proof film.",
)


def method_badge(method: PaymentMethod) -> str:
    """Badge text: the Korean label and the English one (once if they are the same)."""
    label = PAYMENT_LABELS[method]
    korean, english = translate(label, "ko"), translate(label, "en")
    return korean if korean == english else f"{korean} · {english}"


def check_complete() -> None:
    """Raise AssertionError if a locale lacks print copy (called by the tests)."""
    for table in (KAKAO_CTA, PAY_HOWTO, PAGE_LINES):
        missing = [code for code in LOCALES if not table.get(code)]
        if missing:
            raise AssertionError(f"print copy missing for {missing}")
