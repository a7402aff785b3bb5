"""Templates that escape every value by default: only :class:`Html` goes in unescaped."""

from __future__ import annotations

import html
import string
from collections.abc import Iterable, Mapping
from typing import Final

from kiosk.domain.locales import LocaleCode

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
    if isinstance(value, Html):
        return value
    return Html(html.escape(str(value), quote=True))


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


def tag(name: str, content: object = "", /, **attributes: object) -> Html:
    """``<name a="v">content</name>``; attribute values escaped, ``None`` or False left out.

    A trailing underscore is dropped from a name (``class_``); ``_`` inside becomes ``-``.
    """
    attrs = "".join(
        f" {key.rstrip('_').replace('_', '-')}" + ("" if value is True else f'="{escape(value)}"')
        for key, value in attributes.items()
        if value is not None and value is not False
    )
    return Html(f"<{name}{attrs}>{escape(content)}</{name}>")


def text_in(
    locale: LocaleCode, text: str, shown: LocaleCode, name: str = "span", **attrs: object
) -> Html:
    """*text* in an element that carries ``lang`` when its language differs from *shown*."""
    lang = BCP47[locale] if locale != shown else None
    return tag(name, text, lang=lang, **attrs)
