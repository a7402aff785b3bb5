"""Localised text values: one string per locale, with a fallback when one is missing."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from kiosk.domain.characters import is_hidden
from kiosk.domain.locales import LOCALES, LocaleCode, fallback_chain


@dataclass(frozen=True, slots=True)
class LocalizedText:
    """Text in up to five locales.

    Rule: ``get(locale)`` never returns an empty string while any locale has
    text; it falls back to English, then Korean (see ``fallback_chain``).
    """

    values: Mapping[LocaleCode, str] = field(default_factory=dict)

    def get(self, locale: LocaleCode) -> str:
        for code in fallback_chain(locale):
            text = self.values.get(code, "")
            if text:
                return text
        for code in LOCALES:
            if self.values.get(code):
                return self.values[code]
        return ""

    def has(self, locale: LocaleCode) -> bool:
        return bool(self.values.get(locale))


def _search_folding() -> dict[int, int]:
    """Hiragana -> katakana, and Traditional -> Simplified Han where that is one to one."""
    from kiosk.domain.han_table import SIMPLIFIED, TRADITIONAL

    table = {code: code + 0x60 for code in range(0x3041, 0x3097)}  # ぁ..ゖ -> ァ..ヶ
    table |= {0x309D: 0x30FD, 0x309E: 0x30FE}  # ゝ ゞ -> ヽ ヾ
    table |= {ord(t): ord(s) for t, s in zip(TRADITIONAL, SIMPLIFIED, strict=True)}
    return table


@functools.cache
def _foldable() -> re.Pattern[str]:
    """Where every character the table folds lies: kana and the CJK ideograph blocks. A text
    with none of them (Hangul, Latin) skips ``translate``, which costs ~0.1 µs a character.

    Built on first use, like the table: compiling these ranges takes ~7 ms, which start-up
    (the first frame needs no folding) should not pay."""
    return re.compile("[\u3041-\u309e\u3400-\u9fff\U00020000-\U0003ffff]")


_folding = functools.cache(_search_folding)


def fold_scripts(text: str) -> str:
    """Hiragana as katakana (みかん -> ミカン) and Traditional Han as Simplified (橘子 stays,
    雞 -> 鸡 only where a character has one Simplified form: ``kiosk/domain/han_table.py``).
    """
    if text.isascii() or _foldable().search(text) is None:
        return text
    return text.translate(_folding())


def normalise_for_search(text: str) -> str:
    """Fold *text* for substring search: NFKC, case-folded, kana and Han folded, spaces collapsed.

    NFKC maps full-width Latin and half-width katakana (ﾐｶﾝ) to their usual
    forms, so a tourist typing on a phone-style keyboard still finds the store;
    :func:`fold_scripts` makes hiragana equal katakana and Traditional Chinese
    equal Simplified. Folding twice changes nothing. Short texts (names, goods,
    queries: they repeat across a market's stores) are folded once and remembered.
    """
    if len(text) <= _SHORT:
        return _fold_short(text)
    return _fold(text)


#: Texts up to this long are remembered (at most ``_REMEMBERED`` of them, a few MiB).
_SHORT = 60
_REMEMBERED = 32_768


def _fold(text: str) -> str:
    folded = fold_scripts(unicodedata.normalize("NFKC", text).casefold())
    return " ".join(folded.split())


_fold_short = functools.lru_cache(maxsize=_REMEMBERED)(_fold)


def _escape(ch: str) -> str:
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def terminal_safe(text: str) -> str:
    """*text* with control, invisible and bidi characters shown as ``\\x1b`` / ``\\u202e``.

    For printing text that came from a file, a scan or the database: an escape
    sequence or a right-to-left override must not act on the terminal or make
    the line read differently from what it holds. Lone surrogates are escaped
    too, so printing never fails.
    """
    return "".join(
        _escape(ch) if is_hidden(ch) or unicodedata.category(ch) == "Cs" else ch for ch in text
    )


#: U+2060 WORD JOINER: no line break here, draws nothing.
WORD_JOINER = "\u2060"


@functools.cache
def _breaks_anywhere() -> re.Pattern[str]:
    """Chinese characters and kana: a line may break between any two of them, even inside a
    name. Hangul is not here: Qt's line breaker keeps a Korean word whole (breaks at
    spaces). Compiled on first use (start-up does not need it)."""
    return re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def keep_together(name: str, *, longest: int = 12) -> str:
    """*name* with word joiners inside each word of Chinese characters or kana of at most
    *longest* characters, so a wrapping label breaks a proper noun (``ミカン色農園``,
    ``温努里商品券``) only at its spaces, never as ``ミカン色農|園``. Longer words stay
    breakable (a label too narrow for them breaks them rather than clipping)."""
    words = name.split(" ")
    joined = [
        WORD_JOINER.join(word) if len(word) <= longest and _breaks_anywhere().search(word) else word
        for word in words
    ]
    return " ".join(joined)


def without_joiners(text: str) -> str:
    """*text* as typed: the word joiners of :func:`keep_together` removed."""
    return text.replace(WORD_JOINER, "")


def elide_at_words(text: str, width: float, measure: Callable[[str], float]) -> str:
    """*text* when it fits *width*, else its first whole words and "…" (``Tangerine Glow…``,
    never ``Tangerine Glow Orch…``); "" when not even the first word fits (the caller then
    cuts by characters). Words are what :func:`keep_together` keeps: the parts between
    spaces. *measure* gives a text's drawn width."""
    if measure(text) <= width:
        return text
    words = text.split(" ")
    for count in range(len(words) - 1, 0, -1):
        shown = " ".join(words[:count]).rstrip(" ,.;:·、，。") + "…"
        if measure(shown) <= width:
            return shown
    return ""
