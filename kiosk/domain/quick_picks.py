"""Popular market goods as quick-pick words per language (each one a word of the default
synonym list, so a tap finds the goods in every language), and the Chinese choice list."""

from __future__ import annotations

from kiosk.domain.locales import LocaleCode

#: The chips over the directory, most asked for first (Jeju and Busan markets).
QUICK_PICKS: dict[LocaleCode, tuple[str, ...]] = {
    "ko": ("귤", "한라봉", "갈치", "고등어", "옥돔", "흑돼지", "떡", "어묵", "김치", "건어물"),
    "en": ("tangerine", "hallabong", "hairtail", "mackerel", "tilefish", "black pork",
           "rice cake", "fish cake", "kimchi", "dried seafood"),
    "ja": ("みかん", "デコポン", "タチウオ", "サバ", "アマダイ", "黒豚", "お餅", "おでん",
           "キムチ", "乾物"),
    "zh_Hans": ("橘子", "汉拿峰", "带鱼", "青花鱼", "方头鱼", "黑猪", "年糕", "鱼饼", "泡菜",
                "干货"),
    "zh_Hant": ("橘子", "漢拿峰", "白帶魚", "青花魚", "方頭魚", "黑豬", "年糕", "魚餅", "泡菜",
                "乾貨"),
}  # fmt: skip

#: What the Chinese keyboard offers instead of pinyin: goods words to choose from.
CHINESE_CHOICES: dict[LocaleCode, tuple[str, ...]] = {
    "zh_Hans": (*QUICK_PICKS["zh_Hans"], "苹果", "草莓", "柿", "水果", "蔬菜", "海鲜", "鱿鱼",
                "鲍鱼", "虾", "生蚝", "紫菜", "小鱼干", "牛肉", "猪肉", "鸡肉", "鸡蛋", "豆腐",
                "蜂蜜", "高丽参", "香油", "辣椒粉", "米", "小菜", "支付宝", "银联", "现金"),
    "zh_Hant": (*QUICK_PICKS["zh_Hant"], "蘋果", "草莓", "柿", "水果", "蔬菜", "海鮮", "魷魚",
                "鮑魚", "蝦", "生蠔", "紫菜", "小魚乾", "牛肉", "豬肉", "雞肉", "雞蛋", "豆腐",
                "蜂蜜", "高麗參", "香油", "辣椒粉", "米", "小菜", "支付寶", "銀聯", "現金"),
}  # fmt: skip


def quick_picks(locale: LocaleCode) -> tuple[str, ...]:
    """The chips for *locale* (English for a language without its own)."""
    return QUICK_PICKS.get(locale, QUICK_PICKS["en"])


def chinese_choices(locale: LocaleCode) -> tuple[str, ...]:
    """The Chinese choice list in the script of *locale* (Simplified unless Traditional)."""
    return CHINESE_CHOICES["zh_Hant" if locale == "zh_Hant" else "zh_Hans"]
