"""The codes a store's onboarding report prints: its KakaoTalk and payment codes, its profiles."""

from __future__ import annotations

from kiosk.domain.locales import LocaleCode
from kiosk.domain.onboarding.progress import StoreOnboarding
from kiosk.domain.qr.symbols import QrSpec
from kiosk.i18n import N_, translate
from kiosk.render.onboarding_report import ReportCode
from kiosk.services.qr.store_codes import store_kakao_spec, store_payment_spec

KAKAO = N_("KakaoTalk channel (add friend)")
PAYMENT = N_("Zero Pay payment QR")


def report_codes(state: StoreOnboarding, locale: LocaleCode) -> list[ReportCode]:
    """The store's saved codes (a refused saved code is left out) and its profile links."""
    codes: list[ReportCode] = []
    kakao, payment = store_kakao_spec(state.store), store_payment_spec(state.store)
    if kakao is not None:
        codes.append(ReportCode(translate(KAKAO, locale), kakao))
    if payment is not None:
        codes.append(ReportCode(translate(PAYMENT, locale), payment))
    for link in state.profile_links():
        codes.append(ReportCode(link.brand, QrSpec(link.url, "M")))
    return codes
