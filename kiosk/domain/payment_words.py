"""Words tourists type for a way to pay (Alipay, 支付宝, 银联, カード, 제로페이)."""

from __future__ import annotations

from kiosk.domain.payments import PaymentMethod

#: Each method and the words that ask for it, in the five languages (folded before use, so
#: 支付寶 = 支付宝 and カード = かーど). WeChat Pay is not here: it is not one of the
#: methods a stall records and Alipay+ does not include it, so 微信, WeChat Pay and 위챗페이
#: are one group of the default synonym list (``kiosk/data/synonyms.toml``) and find only
#: the stores whose own text names it, never the Alipay+ stores as such.
PAYMENT_WORDS: dict[PaymentMethod, tuple[str, ...]] = {
    PaymentMethod.ALIPAY_PLUS: (
        "alipay", "alipay+", "alipay plus", "alipayhk", "支付宝", "支付宝+", "アリペイ",
        "알리페이", "알리페이플러스", "gcash", "truemoney", "touch 'n go", "tng",
    ),
    PaymentMethod.CARD: (
        "card", "cards", "credit card", "debit card", "visa", "mastercard", "master card",
        "jcb", "amex", "unionpay", "union pay", "银联", "银联卡", "银行卡", "信用卡", "刷卡",
        "カード", "クレジットカード", "クレジット", "ユニオンペイ", "銀聯カード", "카드",
        "신용카드", "체크카드", "유니온페이",
    ),
    PaymentMethod.ZEROPAY: ("zero pay", "zeropay", "제로페이", "ゼロペイ"),
    PaymentMethod.CASH: ("cash", "현금", "現金", "现金", "げんきん"),
    PaymentMethod.ONNURI: (
        "onnuri", "온누리", "온누리상품권", "상품권", "gift certificate", "オンヌリ",
    ),
    PaymentMethod.KAKAOPAY: ("kakao pay", "kakaopay", "카카오페이", "カカオペイ"),
    PaymentMethod.NAVERPAY: ("naver pay", "naverpay", "네이버페이", "ネイバーペイ"),
    PaymentMethod.FOREIGN_CARD: (
        "foreign card", "foreign cards", "overseas card", "visa", "mastercard", "master card",
        "해외카드", "해외 카드", "海外カード", "海外発行カード", "境外银行卡", "外卡", "海外信用卡",
    ),
    PaymentMethod.BANK_TRANSFER: (
        "bank transfer", "transfer", "계좌이체", "이체", "振込", "振り込み", "转账", "轉帳",
    ),
}  # fmt: skip
