"""Foreign mobile wallets as data: which payment method lets which tourists' wallets pay."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from kiosk.domain.payments import PaymentMethod

#: Wallets tourists bring, by the payment method a stall records for them. Alipay+ reaches
#: Korean stalls through Zero Pay's merchant QR; these are among its partner wallets.
#: Brand names are shown as the brands write them, in every language.
FOREIGN_WALLETS: Final[Mapping[PaymentMethod, tuple[str, ...]]] = {
    PaymentMethod.ALIPAY_PLUS: (
        "Alipay",
        "AlipayHK",
        "GCash",
        "Touch 'n Go eWallet",
        "TrueMoney",
    ),
}


def foreign_wallets(methods: Mapping[PaymentMethod, int]) -> tuple[str, ...]:
    """The wallets of the methods some store accepts (*methods*: stores per method)."""
    found: list[str] = []
    for method, wallets in FOREIGN_WALLETS.items():
        if methods.get(method, 0) > 0:
            found += [w for w in wallets if w not in found]
    return tuple(found)
