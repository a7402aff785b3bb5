"""The five display locales, their native names and their Babel/gettext equivalents."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal

LocaleCode = Literal["ko", "en", "ja", "zh_Hans", "zh_Hant"]

#: Order shown in the language bar. Korean is the market's own language.
LOCALES: Final[tuple[LocaleCode, ...]] = ("ko", "en", "ja", "zh_Hans", "zh_Hant")
DEFAULT_LOCALE: Final[LocaleCode] = "ko"

#: Native names only, never flags (docs/architecture.md, product principles).
NATIVE_NAMES: Final[Mapping[LocaleCode, str]] = {
    "ko": "한국어",
    "en": "English",
    "ja": "日本語",
    "zh_Hans": "简体中文",
    "zh_Hant": "繁體中文",
}

#: Babel locale identifiers used for number/currency formatting.
BABEL_LOCALES: Final[Mapping[LocaleCode, str]] = {
    "ko": "ko_KR",
    "en": "en_US",
    "ja": "ja_JP",
    "zh_Hans": "zh_Hans_CN",
    "zh_Hant": "zh_Hant_TW",
}


#: Fallback order when a translation is missing: the locale itself, English, Korean.
def fallback_chain(locale: LocaleCode) -> tuple[LocaleCode, ...]:
    """Return the locales to try, in order, for text shown in *locale*."""
    chain: list[LocaleCode] = [locale]
    fallbacks: tuple[LocaleCode, ...] = ("en", "ko")
    for other in fallbacks:
        if other not in chain:
            chain.append(other)
    return tuple(chain)


def parse_locale(text: str) -> LocaleCode:
    """Return the locale code for *text* ('ko', 'zh-Hant', 'zh_TW', ...) or raise ValueError."""
    norm = text.strip().replace("-", "_")
    aliases: dict[str, LocaleCode] = {
        "ko": "ko",
        "ko_kr": "ko",
        "en": "en",
        "en_us": "en",
        "en_gb": "en",
        "ja": "ja",
        "ja_jp": "ja",
        "zh_hans": "zh_Hans",
        "zh_cn": "zh_Hans",
        "zh": "zh_Hans",
        "zh_sg": "zh_Hans",
        "zh_hant": "zh_Hant",
        "zh_tw": "zh_Hant",
        "zh_hk": "zh_Hant",
    }
    try:
        return aliases[norm.lower()]
    except KeyError:
        raise ValueError(f"unknown language {text!r}; use one of: {', '.join(LOCALES)}") from None
