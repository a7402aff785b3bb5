"""The words of the published pages, marked here and translated through the app's catalogs."""

from __future__ import annotations

from typing import Final

from kiosk.domain.categories import CATEGORY_LABELS, Category
from kiosk.domain.locales import LocaleCode
from kiosk.domain.messages import N_
from kiosk.domain.payments import PAYMENT_LABELS, PaymentMethod

WORDS: Final = {
    "stall": N_("Stall {number}"),
    "goods": N_("Goods and prices"),
    "no_goods": N_("No goods listed yet; ask at the stall."),
    "hours": N_("Opening hours"),
    "open_now": N_("Open now"),
    "closed_now": N_("Closed now"),
    "holiday_now": N_("Market holiday"),
    "holidays": N_("Market holidays"),
    "no_hours": N_("Hours not given; ask at the stall."),
    "pay": N_("Ways to pay"),
    "pay_here": N_(
        "Pay at the stall: scan the stall's own payment code there. "
        "This page never shows a payment code."
    ),
    "kakao": N_("Chat on KakaoTalk"),
    "online": N_("Find us online"),
    "phone": N_("Phone"),
    "back": N_("All stalls of {market}"),
    "search": N_("Search stalls"),
    "no_stalls": N_("No stalls are listed yet."),
    "no_match": N_("No stall matches your search."),
    "days": N_("Market days"),
    "wallets": N_("How to pay with foreign wallets"),
    "wallets_how": N_(
        "Stalls marked Alipay+ take Alipay and other foreign wallets through Zero Pay: "
        "open your wallet app and scan the Zero Pay code at the stall."
    ),
    "wallets_count": N_("Stalls taking foreign wallets: {count} of {total}"),
    "choose": N_("Choose your language"),
    "language": N_("Language"),
    "sold_out": N_("Sold out"),
}


def word(key: str, locale: LocaleCode, **values: object) -> str:
    """The page word *key* in *locale* (the app's catalog and glossary), with *values* filled."""
    from kiosk.i18n import translate

    text = translate(WORDS[key], locale)
    return text.format(**values) if values else text


def category(value: Category, locale: LocaleCode) -> str:
    from kiosk.i18n import translate

    return translate(CATEGORY_LABELS[value], locale)


def payment(value: PaymentMethod, locale: LocaleCode) -> str:
    from kiosk.i18n import translate

    return translate(PAYMENT_LABELS[value], locale)
