"""Payment methods a stall can accept, with labels marked for translation."""

from __future__ import annotations

from enum import StrEnum

from kiosk.domain.messages import N_


class PaymentMethod(StrEnum):
    """Codes are stored in the database; never rename one, add new ones instead."""

    CASH = "cash"
    CARD = "card"
    ZEROPAY = "zeropay"
    ONNURI = "onnuri"  # 온누리상품권, the traditional-market gift certificate
    KAKAOPAY = "kakaopay"
    NAVERPAY = "naverpay"
    ALIPAY_PLUS = "alipay_plus"  # foreign wallets through Zero Pay (Alipay+)
    BANK_TRANSFER = "bank_transfer"
    FOREIGN_CARD = "foreign_card"  # the store says cards issued abroad work (Visa, Mastercard...)


PAYMENT_LABELS: dict[PaymentMethod, str] = {
    PaymentMethod.CASH: N_("Cash"),
    PaymentMethod.CARD: N_("Card"),
    PaymentMethod.ZEROPAY: N_("Zero Pay"),
    PaymentMethod.ONNURI: N_("Onnuri gift certificate"),
    PaymentMethod.KAKAOPAY: N_("KakaoPay"),
    PaymentMethod.NAVERPAY: N_("Naver Pay"),
    PaymentMethod.ALIPAY_PLUS: N_("Alipay+ (foreign wallets)"),
    PaymentMethod.BANK_TRANSFER: N_("Bank transfer"),
    PaymentMethod.FOREIGN_CARD: N_("Foreign cards accepted"),
}


def parse_payment_methods(text: str) -> list[PaymentMethod]:
    """Parse a comma/space separated list of codes; raise ValueError naming the bad one."""
    result: list[PaymentMethod] = []
    for raw in text.replace(";", ",").replace(" ", ",").split(","):
        code = raw.strip().lower()
        if not code:
            continue
        try:
            method = PaymentMethod(code)
        except ValueError:
            valid = ", ".join(m.value for m in PaymentMethod)
            raise ValueError(f"unknown payment method {raw.strip()!r}; use: {valid}") from None
        if method not in result:
            result.append(method)
    return result
