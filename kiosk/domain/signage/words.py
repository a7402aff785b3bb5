"""The loop's own wording in the five languages (slides change language on their own)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from kiosk.domain.locales import LocaleCode

#: Fixed in every language here rather than in the catalogs: a slide is drawn in its own
#: language whatever language the rest of the app shows at that moment.
WORDS: Final[Mapping[str, Mapping[LocaleCode, str]]] = {
    "welcome": {
        "ko": "{market}에 오신 것을 환영합니다",
        "en": "Welcome to {market}",
        "ja": "{market}へようこそ",
        "zh_Hans": "欢迎光临{market}",
        "zh_Hant": "歡迎光臨{market}",
    },
    "welcome_plain": {
        "ko": "어서 오세요",
        "en": "Welcome",
        "ja": "いらっしゃいませ",
        "zh_Hans": "欢迎光临",
        "zh_Hant": "歡迎光臨",
    },
    "hours": {
        "ko": "영업시간",
        "en": "Opening hours",
        "ja": "営業時間",
        "zh_Hans": "营业时间",
        "zh_Hant": "營業時間",
    },
    "hours_text": {
        "ko": "대부분의 점포: {hours}",
        "en": "Most stores: {hours}",
        "ja": "ほとんどのお店：{hours}",
        "zh_Hans": "大部分店铺：{hours}",
        "zh_Hant": "大部分店家：{hours}",
    },
    "holidays": {
        "ko": "시장 휴무일",
        "en": "Market holidays",
        "ja": "市場の休業日",
        "zh_Hans": "市场休息日",
        "zh_Hant": "市場休息日",
    },
    "no_holidays": {
        "ko": "매일 문을 엽니다",
        "en": "Open every day",
        "ja": "毎日営業しています",
        "zh_Hans": "每天营业",
        "zh_Hant": "每天營業",
    },
    "halls": {
        "ko": "시장 안내",
        "en": "In the market",
        "ja": "市場のご案内",
        "zh_Hans": "市场导览",
        "zh_Hant": "市場導覽",
    },
    "hall": {
        "ko": "{hall}구역",
        "en": "Hall {hall}",
        "ja": "{hall}エリア",
        "zh_Hans": "{hall}区",
        "zh_Hant": "{hall}區",
    },
    "stores": {
        "ko": "점포 {count}곳",
        "en": "{count} stores",
        "ja": "{count}店舗",
        "zh_Hans": "{count}家店铺",
        "zh_Hant": "{count}家店",
    },
    "one_store": {
        "ko": "점포 1곳",
        "en": "1 store",
        "ja": "1店舗",
        "zh_Hans": "1家店铺",
        "zh_Hant": "1家店",
    },
    "promotions": {
        "ko": "오늘의 할인과 행사",
        "en": "Today's offers",
        "ja": "本日のお得情報",
        "zh_Hans": "今日优惠",
        "zh_Hant": "今日優惠",
    },
    "announcements": {
        "ko": "시장 소식",
        "en": "News from the market office",
        "ja": "市場からのお知らせ",
        "zh_Hans": "市场公告",
        "zh_Hant": "市場公告",
    },
    "featured": {
        "ko": "가 볼 만한 점포",
        "en": "Stores to visit",
        "ja": "おすすめのお店",
        "zh_Hans": "推荐店铺",
        "zh_Hant": "推薦店家",
    },
    "stall": {
        "ko": "{stall}번 점포",
        "en": "Stall {stall}",
        "ja": "区画 {stall}",
        "zh_Hans": "{stall}号摊位",
        "zh_Hant": "{stall}號攤位",
    },
    "until": {
        "ko": "{date}까지",
        "en": "Until {date}",
        "ja": "{date}まで",
        "zh_Hans": "截至{date}",
        "zh_Hant": "截至{date}",
    },
    "wallets": {
        "ko": "해외 간편결제로 결제할 수 있어요",
        "en": "Pay with your own mobile wallet",
        "ja": "海外のスマホ決済で支払えます",
        "zh_Hans": "可用境外移动支付付款",
        "zh_Hant": "可用境外行動支付付款",
    },
    "wallet_stores": {
        "ko": "점포 {total}곳 중 {count}곳에서 사용할 수 있습니다",
        "en": "Accepted at {count} of {total} stores",
        "ja": "{total}店舗中{count}店舗で使えます",
        "zh_Hans": "{total}家店铺中有{count}家可用",
        "zh_Hant": "{total}家店中有{count}家可用",
    },
    "step_sign": {
        "ko": "1  점포에서 제로페이·Alipay+ 표시를 찾으세요",
        "en": "1  Look for the Zero Pay or Alipay+ sign at the stall",
        "ja": "1  お店のZero Pay・Alipay+の表示を探してください",
        "zh_Hans": "1  在店铺寻找 Zero Pay 或 Alipay+ 标志",
        "zh_Hant": "1  在店家尋找 Zero Pay 或 Alipay+ 標誌",
    },
    "step_scan": {
        "ko": "2  앱으로 점포의 QR 코드를 찍으세요",
        "en": "2  Scan the stall's QR code with your app",
        "ja": "2  アプリでお店のQRコードを読み取ってください",
        "zh_Hans": "2  用您的应用扫描店铺的二维码",
        "zh_Hant": "2  用您的應用程式掃描店家的QR碼",
    },
    "step_show": {
        "ko": "3  금액을 넣고 화면을 상인에게 보여 주세요",
        "en": "3  Enter the amount and show the screen to the seller",
        "ja": "3  金額を入力して画面をお店の人に見せてください",
        "zh_Hans": "3  输入金额后把画面给店主看",
        "zh_Hant": "3  輸入金額後把畫面給店主看",
    },
    "touch": {
        "ko": "화면을 누르면 점포와 상품, 가격을 찾아볼 수 있어요",
        "en": "Touch the screen to find stores, goods and prices",
        "ja": "画面にタッチすると、お店・商品・価格を探せます",
        "zh_Hans": "触摸屏幕，查找店铺、商品和价格",
        "zh_Hant": "輕觸螢幕，搜尋店家、商品和價格",
    },
}


def word(key: str, locale: LocaleCode, **values: object) -> str:
    """The wording *key* in *locale* (English when missing), filled with *values*."""
    texts = WORDS[key]
    return (texts.get(locale) or texts["en"]).format(**values)
