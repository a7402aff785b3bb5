"""Sales units (개, 근, 5kg 박스, ...) in the tourist's language; unknown text passes through."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Final, NamedTuple

from kiosk.domain.locales import LocaleCode


class UnitWord(NamedTuple):
    """One Korean unit word in the other locales.

    ``en_bare`` stands alone after the price ("₩5,000 / pack"; "each" reads
    "₩2,000 each"); ``en_one``/``en_many`` follow a count ("1 box", "3 boxes") or a
    size ("5 kg box"); empty, the count stands alone ("₩10,000 for 2"). For Japanese and
    Chinese the *counter* follows a count or stands alone ("3個", "/個") and the
    *noun* follows a size ("350ml瓶"); they differ only where a counter is not a noun
    (Japanese counts bottles with 本).
    """

    en_bare: str
    en_one: str
    en_many: str
    ja: str
    zh_hans: str
    zh_hant: str
    ja_noun: str = ""


#: Korean unit words of the market (``kiosk.domain.listing.UNITS`` and more).
#: Choices made for the goods these words count at 반송큰시장 and 동문재래시장:
#: 근 keeps its Korean name (the weight differs by goods; see GEUN_NOTE), and
#: Chinese 斤 (500 g) would mislead, so Chinese says 韩斤/韓斤; 마리 counts fish,
#: squid and chickens, so the generic animal counters 匹 and 只/隻 (尾 and 条 fit fish
#: only); 장 alone is a blanket or scarf ("piece"), counted it is laver ("10 sheets");
#: 채 is a quilt (床 is its Chinese classifier); 벌 is one garment.
UNIT_WORDS: Final[Mapping[str, UnitWord]] = {
    "개": UnitWord("each", "piece", "pieces", "個", "个", "個"),
    "근": UnitWord("geun", "geun", "geun", "斤（クン）", "韩斤", "韓斤"),
    "인분": UnitWord("serving", "serving", "servings", "人前", "份", "份"),
    "팩": UnitWord("pack", "pack", "packs", "パック", "盒", "盒"),
    "봉": UnitWord("bag", "bag", "bags", "袋", "袋", "袋"),
    "마리": UnitWord("each", "", "", "匹", "只", "隻"),
    "박스": UnitWord("box", "box", "boxes", "箱", "箱", "箱"),
    "단": UnitWord("bunch", "bunch", "bunches", "束", "把", "把"),
    "줄": UnitWord("roll", "roll", "rolls", "本", "条", "條"),
    "벌": UnitWord("each", "piece", "pieces", "着", "件", "件"),
    "장": UnitWord("each", "sheet", "sheets", "枚", "张", "張"),
    "병": UnitWord("bottle", "bottle", "bottles", "本", "瓶", "瓶", ja_noun="瓶"),
    "포기": UnitWord("head", "head", "heads", "株", "棵", "棵"),
    "모": UnitWord("block", "block", "blocks", "丁", "块", "塊"),
    "송이": UnitWord("bunch", "bunch", "bunches", "房", "串", "串"),
    "켤레": UnitWord("pair", "pair", "pairs", "足", "双", "雙"),
    "채": UnitWord("each", "piece", "pieces", "枚", "床", "床"),
    "잔": UnitWord("cup", "cup", "cups", "杯", "杯", "杯"),
}

#: One 근 is 600 g of meat but 375 g of fruit or vegetables: said once under the prices.
GEUN_NOTE: Final[Mapping[LocaleCode, str]] = {
    "en": "1 geun = 600 g (meat) / 375 g (fruit, vegetables)",
    "ja": "1斤（クン）＝600g（肉）／375g（果物・野菜）",
    "zh_Hans": "1韩斤＝600克（肉类）／375克（水果、蔬菜）",
    "zh_Hant": "1韓斤＝600克（肉類）／375克（水果、蔬菜）",
}

_METRIC = r"(?:kg|mg|g|ml|mL|L|l|cm|m)"
# "5kg 박스", "350ml 병", "3개", "2 마리", "개", "500g", "kg": a size or a count, then a word.
_UNIT_RE = re.compile(
    rf"(?:(?P<size>(?:(?P<amount>\d+(?:\.\d+)?)\s*)?(?P<metric>{_METRIC}))(?![A-Za-z])\s*"
    rf"|(?P<count>\d+)\s*)?(?P<word>[가-힣]+)?"
)


def _size(amount: str | None, metric: str, locale: LocaleCode) -> str:
    if amount is None:
        return metric
    return f"{amount} {metric}" if locale == "en" else f"{amount}{metric}"


def _word(word: UnitWord, locale: LocaleCode, *, count: int | None, sized: bool) -> str:
    if locale == "en":
        noun = word.en_one if count == 1 else word.en_many
        if count is not None:
            return f"{count} {noun}" if noun else str(count)
        return (word.en_one or word.en_bare) if sized else word.en_bare
    if locale == "ja":
        counter = word.ja_noun if sized and word.ja_noun else word.ja
    else:
        counter = word.zh_hans if locale == "zh_Hans" else word.zh_hant
    return counter if count is None else f"{count}{counter}"


def localize_unit(unit: str, locale: LocaleCode) -> str:
    """*unit* for a tourist reading *locale*: Korean words translated, numbers and metric kept.

    ``localize_unit("5kg 박스", "en") == "5 kg box"``, ``("3개", "ja") == "3個"``.
    Korean returns *unit* unchanged; so does any text this module does not know
    (a free-text unit is better shown as typed than half-translated).
    """
    text = unit.strip()
    if locale == "ko" or not text:
        return unit
    match = _UNIT_RE.fullmatch(text)
    if match is None or not (match["size"] or match["word"]):
        return unit
    word = UNIT_WORDS.get(match["word"]) if match["word"] else None
    if match["word"] and word is None:
        return unit
    size = _size(match["amount"], match["metric"], locale) if match["size"] else ""
    if word is None:
        return size
    count = int(match["count"]) if match["count"] else None
    shown = _word(word, locale, count=count, sized=bool(size))
    if not size:
        return shown
    return f"{size} {shown}" if locale == "en" else f"{size}{shown}"


def unit_notes(units: Iterable[str], locale: LocaleCode) -> list[str]:
    """Footnotes that *units* need in *locale* (the weight of a 근), each said once."""
    if locale == "ko":
        return []
    needs_geun = any(
        (m := _UNIT_RE.fullmatch(u.strip())) is not None and m["word"] == "근" for u in units
    )
    return [GEUN_NOTE[locale]] if needs_geun else []


def price_per_unit(price: str, unit: str, locale: LocaleCode) -> str:
    """*price* (already formatted) for one *unit* as *locale* writes a price tag.

    ``15,000원 / 근`` (ko), ``₩2,000 each`` / ``₩5,000 / pack`` / ``₩10,000 for 3 pieces``
    (en), ``￦12,000／匹`` (ja, full-width slash), ``₩12,000/只`` (zh: 元/斤 style).
    Without a unit just the price.
    """
    text = unit.strip()
    if not text:
        return price
    shown = localize_unit(text, locale).strip()
    if locale == "ko":
        return f"{price} / {shown}"
    if locale == "en":
        if shown == "each":
            return f"{price} each"
        if shown[:1].isdigit() and not _SIZED.match(shown):  # a count, not a size
            return f"{price} for {shown}"
        return f"{price} / {shown}"
    if locale == "ja":
        return f"{price}／{shown}"
    return f"{price}/{shown}"


_SIZED = re.compile(rf"\d+(?:\.\d+)?\s*{_METRIC}(?![A-Za-z])")


def price_tag(won: int, unit: str, locale: LocaleCode) -> str:
    """A good's price for one *unit* in *locale*: ``15,000원 / 근``, ``₩2,000 each``."""
    from kiosk.domain.formatting import format_price

    return price_per_unit(format_price(won, locale), unit, locale)


def name_with_unit(name: str, unit: str, locale: LocaleCode) -> str:
    """A good's name and what one price buys, as a label: ``어묵꼬치 / 개`` (ko),
    ``Fish cake skewer (each)`` / ``… (5 kg box)`` (en), ``おでん串（1個）`` (ja),
    ``鱼饼串（每个）`` / ``…（3个）`` (zh). Without a unit just the name."""
    text = unit.strip()
    if not text:
        return name
    shown = localize_unit(text, locale).strip()
    if locale == "ko":
        return f"{name} / {shown}"
    if locale == "en":
        return f"{name} ({shown})"
    counted = shown[:1].isdigit()
    if locale == "ja":
        if "（" in shown:
            return f"{name}／{shown}"
        return f"{name}（{shown}）" if counted else f"{name}（1{shown}）"
    return f"{name}（{shown}）" if counted else f"{name}（每{shown}）"
