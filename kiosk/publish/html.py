"""Templates that escape every value by default: only :class:`Html` goes in unescaped."""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from functools import lru_cache
from html import escape as _escape
from typing import Final

from kiosk.domain.locales import LOCALES, LocaleCode, fallback_chain
from kiosk.domain.text import LocalizedText

#: The BCP 47 spelling of each locale, for ``lang`` attributes and file names.
BCP47: Final[Mapping[LocaleCode, str]] = {
    "ko": "ko",
    "en": "en",
    "ja": "ja",
    "zh_Hans": "zh-Hans",
    "zh_Hant": "zh-Hant",
}


class Html(str):
    """Markup that is already safe (built by this module from escaped parts)."""

    __slots__ = ()


def escape(value: object) -> Html:
    """*value* as HTML text: ``& < > " '`` escaped; an :class:`Html` value unchanged."""
    if type(value) is Html:
        return value
    return Html(_escape(str(value), quote=True))


def join(parts: Iterable[Html], sep: str = "") -> Html:
    return Html(sep.join(escape(part) for part in parts))


class Template:
    """``string.Template`` with ``$name`` placeholders, each value escaped unless it is Html.

    This is the autoescape rule in one place: a stall name such as
    ``<script>alert(1)</script>`` is text wherever it goes, and a template cannot
    forget to escape it. A missing placeholder raises KeyError (no silent blanks).
    """

    def __init__(self, text: str) -> None:
        self._template = string.Template(text)

    def render(self, **values: object) -> Html:
        return Html(self._template.substitute({k: escape(v) for k, v in values.items()}))


@lru_cache(maxsize=256)
def _attribute(key: str) -> str:
    return key.rstrip("_").replace("_", "-")


def tag(name: str, content: object = "", /, **attributes: object) -> Html:
    """``<name a="v">content</name>``; attribute values escaped, ``None`` or False left out.

    A trailing underscore is dropped from a name (``class_``); ``_`` inside becomes ``-``.
    """
    attrs = ""
    for key, value in attributes.items():
        if value is None or value is False:
            continue
        if value is True:
            attrs += " " + _attribute(key)
        else:
            attrs += f' {_attribute(key)}="{escape(value)}"'
    return Html(f"<{name}{attrs}>{escape(content)}</{name}>")


def text_in(
    locale: LocaleCode, text: str, shown: LocaleCode, name: str = "span", **attrs: object
) -> Html:
    """*text* in an element that carries ``lang`` when its language differs from *shown*."""
    lang = BCP47[locale] if locale != shown else None
    return tag(name, text, lang=lang, **attrs)


def pick(text: LocalizedText, locale: LocaleCode) -> tuple[str, LocaleCode]:
    """The text shown for *locale* and the language it is really in (language -> en -> ko)."""
    value = text.values.get(locale, "")
    if value:
        return value, locale
    for code in (*fallback_chain(locale), *LOCALES):
        value = text.values.get(code, "")
        if value:
            return value, code
    return "", locale
