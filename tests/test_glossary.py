"""Each catalogue follows its glossary (i18n/glossary/) and CJK text has full-width :;()."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from kiosk.domain.locales import LocaleCode
from kiosk.domain.signage.words import WORDS
from kiosk.domain.units import localize_unit

ROOT = Path(__file__).resolve().parent.parent
CJK_LOCALES: tuple[LocaleCode, ...] = ("ja", "zh_Hans", "zh_Hant")
ALL_LOCALES: tuple[LocaleCode, ...] = ("ko", "en", *CJK_LOCALES)
#: A Chinese character, kana or CJK punctuation (Hangul is left to Korean spacing rules).
_CJK = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([a-z_]+\)[sd]")
#: Qt file-dialog filters keep ASCII syntax: "Images (*.png *.jpg);;CSV (*.csv)".
_FILTER = re.compile(r"\(\*[^)]*\)|;;")


@cache
def glossary(locale: str) -> dict[str, Any]:
    with (ROOT / "i18n" / "glossary" / f"{locale}.toml").open("rb") as file:
        return tomllib.load(file)


@cache
def catalog(locale: str) -> Catalog:
    with (ROOT / "i18n" / locale / "LC_MESSAGES" / "kiosk.po").open("rb") as file:
        return read_po(file, locale=locale, domain="kiosk")


def entries(locale: str) -> list[tuple[str, str]]:
    """(source, translation) pairs of the catalogue (plural forms one pair each) and of the
    attract loop's own word table (kiosk.domain.signage.words)."""
    pairs = [(texts["en"], texts[locale]) for texts in WORDS.values() if locale in texts]
    for message in catalog(locale):
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        pairs += [(ids[min(i, len(ids) - 1)], text) for i, text in enumerate(strings)]
    return pairs


def half_width_beside_cjk(text: str) -> list[str]:
    """Each ``:`` ``;`` ``(`` ``)`` whose nearest neighbour (spaces skipped) is CJK text."""
    plain = _FILTER.sub(" ", _PLACEHOLDER.sub("\x00", text))
    found = []
    for at, char in enumerate(plain):
        if char not in ":;()":
            continue
        left = plain[:at].rstrip()[-1:]
        right = plain[at + 1 :].lstrip()[:1]
        if char == ":" and right == "/":
            continue  # a URL scheme
        if any(_CJK.match(side) for side in (left, right) if side):
            found.append(plain[max(0, at - 6) : at + 7].replace("\x00", "{…}"))
    return found


@pytest.mark.parametrize("locale", ALL_LOCALES)
def test_no_banned_variant(locale: str) -> None:
    banned = [re.compile(pattern) for pattern in glossary(locale)["avoid"]]
    bad = [
        f"{source!r}: {text!r} has {pattern.pattern!r}"
        for source, text in entries(locale)
        for pattern in banned
        if pattern.search(text)
    ]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("locale", ALL_LOCALES)
def test_required_terms_are_used(locale: str) -> None:
    bad = []
    for name, term in glossary(locale)["terms"].items():
        if not term.get("required"):
            continue
        source_word = re.compile(rf"(?<![A-Za-z]){re.escape(term['en'])}", re.IGNORECASE)
        for source, text in entries(locale):
            if source_word.search(source) and not any(word in text for word in term["use"]):
                bad.append(f"{name}: {source!r} -> {text!r} lacks one of {term['use']}")
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("locale", CJK_LOCALES)
def test_full_width_punctuation_beside_cjk_text(locale: str) -> None:
    bad = [f"{text!r}: {spots}" for _, text in entries(locale)
           if (spots := half_width_beside_cjk(text))]  # fmt: skip
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("locale", ALL_LOCALES)
def test_units_follow_the_glossary(locale: LocaleCode) -> None:
    for korean, shown in glossary(locale)["units"].items():
        assert localize_unit(korean, locale) == shown, korean


def test_the_checks_do_catch_what_they_look_for() -> None:
    assert half_width_beside_cjk("検証失敗: PDF") == ["検証失敗: PDF"]
    assert half_width_beside_cjk("温努里商品券 (Onnuri)") != []
    assert half_width_beside_cjk("画像 (*.png *.jpg);;CSV (*.csv)") == []
    assert half_width_beside_cjk("请使用 sqlite:/// 或 postgresql://") == []
    assert half_width_beside_cjk("{path}: {reason}") == []  # no CJK beside it
    avoid = [re.compile(p) for p in glossary("zh_Hant")["avoid"]]
    assert any(p.search("我的店鋪") for p in avoid)
    assert any(p.search("不支持的類型") for p in avoid)
