"""On-screen keyboard input: Hangul jamo composed into syllables (two-set layout), kana marks."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
JUNGSEONG = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
JONGSEONG = ("", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ")
_VOWEL_PAIRS = {
    ("ㅗ", "ㅏ"): "ㅘ", ("ㅗ", "ㅐ"): "ㅙ", ("ㅗ", "ㅣ"): "ㅚ", ("ㅜ", "ㅓ"): "ㅝ",
    ("ㅜ", "ㅔ"): "ㅞ", ("ㅜ", "ㅣ"): "ㅟ", ("ㅡ", "ㅣ"): "ㅢ",
}  # fmt: skip
_FINAL_PAIRS = {
    ("ㄱ", "ㅅ"): "ㄳ", ("ㄴ", "ㅈ"): "ㄵ", ("ㄴ", "ㅎ"): "ㄶ", ("ㄹ", "ㄱ"): "ㄺ",
    ("ㄹ", "ㅁ"): "ㄻ", ("ㄹ", "ㅂ"): "ㄼ", ("ㄹ", "ㅅ"): "ㄽ", ("ㄹ", "ㅌ"): "ㄾ",
    ("ㄹ", "ㅍ"): "ㄿ", ("ㄹ", "ㅎ"): "ㅀ", ("ㅂ", "ㅅ"): "ㅄ",
}  # fmt: skip
_SPLIT_FINAL = {cluster: pair for pair, cluster in _FINAL_PAIRS.items()}


def is_jamo(key: str) -> bool:
    """A consonant or vowel key of the Hangul keyboard (compatibility jamo)."""
    return len(key) == 1 and 0x3131 <= ord(key) <= 0x3163


class _Syllable:
    """One syllable being built: initial, medial and final jamo (each may be empty)."""

    __slots__ = ("final", "initial", "medial")

    def __init__(self, initial: str = "", medial: str = "", final: str = "") -> None:
        self.initial, self.medial, self.final = initial, medial, final

    def text(self) -> str:
        if self.initial and self.medial:
            code = CHOSEONG.index(self.initial) * 21 + JUNGSEONG.index(self.medial)
            return chr(0xAC00 + code * 28 + JONGSEONG.index(self.final))
        return self.initial + self.medial + self.final


def _add_vowel(done: list[_Syllable], now: _Syllable, vowel: str) -> _Syllable:
    if now.initial and now.medial and now.final:  # 갈 + ㅏ -> 가라: the final moves on
        first, second = _SPLIT_FINAL.get(now.final, ("", now.final))
        now.final = first
        done.append(now)
        return _Syllable(second, vowel)
    if now.medial and not now.final:
        paired = _VOWEL_PAIRS.get((now.medial, vowel))
        if paired is not None:
            now.medial = paired
            return now
    if now.initial and not now.medial:
        now.medial = vowel
        return now
    done.append(now)
    return _Syllable("", vowel)


def _add_consonant(done: list[_Syllable], now: _Syllable, consonant: str) -> _Syllable:
    if now.initial and now.medial:
        if not now.final and consonant in JONGSEONG:
            now.final = consonant
            return now
        paired = _FINAL_PAIRS.get((now.final, consonant))
        if paired is not None:
            now.final = paired
            return now
    done.append(now)
    return _Syllable(consonant)


def compose_hangul(keys: Sequence[str]) -> str:
    """The text the two-set (두벌식) keys *keys* type: ``ㄱㅠㄹ`` -> ``귤``, ``ㄱㅏㄹㅊㅣ`` -> 갈치.

    Keys other than jamo (a space, a letter) are kept as they are and end the syllable.
    Composing again from the keys after a backspace removes the last jamo, not the syllable.
    """
    done: list[_Syllable] = []
    now = _Syllable()
    out: list[str] = []
    for key in keys:
        if not is_jamo(key):
            out.extend(part.text() for part in (*done, now))
            out.append(key)
            done, now = [], _Syllable()
        elif key in JUNGSEONG:
            now = _add_vowel(done, now, key)
        else:
            now = _add_consonant(done, now, key)
    out.extend(part.text() for part in (*done, now))
    return "".join(out)


_SMALL_KANA = dict(zip("あいうえおつやゆよわかけ", "ぁぃぅぇぉっゃゅょゎゕゖ", strict=True))
_SMALL_KANA |= {small: big for big, small in _SMALL_KANA.items()}


def kana_with_mark(text: str, mark: str) -> str:
    """*text* with its last kana voiced (``゛``: か -> が), half-voiced (``゜``: は -> ぱ) or
    made small or big again (``小``: つ -> っ); unchanged when the mark does not apply.
    """
    if not text:
        return text
    last = text[-1]
    if mark == "小":
        return text[:-1] + _SMALL_KANA.get(last, last)
    combining = {"゛": "\u3099", "゜": "\u309a"}.get(mark)
    if combining is None:
        return text
    base = unicodedata.normalize("NFD", last)[0]  # が + ゛ toggles back to か
    if base != last and unicodedata.normalize("NFC", base + combining) == last:
        return text[:-1] + base
    joined = unicodedata.normalize("NFC", base + combining)
    return text[:-1] + joined if len(joined) == 1 else text
