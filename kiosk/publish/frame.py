"""The frame every page shares: head, language switch, and the small language-chooser page."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from kiosk.domain.locales import NATIVE_NAMES, LocaleCode
from kiosk.domain.text import LocalizedText
from kiosk.publish.html import BCP47, Html, Template, escape, join, pick, tag
from kiosk.publish.words import word

PAGE = Template("""<!doctype html>
<html lang="$lang">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>$title</title>
<link rel="stylesheet" href="${root}site.css">
$alternates<script src="${root}site.js" defer data-root="$root" data-langs="$langs"></script>
</head>
<body data-page="$kind">
<header>$back<nav class="langs" aria-label="$language">$switch</nav></header>
<main>
$main</main>
</body>
</html>
""")

CHOOSER = Template("""<!doctype html>
<html lang="$first">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>$title</title>
<link rel="stylesheet" href="${root}site.css">
<script src="${root}site.js" defer data-root="$root" data-langs="$langs"></script>
</head>
<body data-page="choose">
<main>
<h1>$heading</h1>
<ul class="choose">$links</ul>
</main>
</body>
</html>
""")


def file_of(locale: LocaleCode) -> str:
    """The page file of *locale* in a folder: ``ja.html``, ``zh-Hans.html``."""
    return f"{BCP47[locale]}.html"


@lru_cache(maxsize=64)
def switch(locales: tuple[LocaleCode, ...], shown: LocaleCode) -> Html:
    """The language switch: native names, links to the same page in each language."""
    return join(
        tag(
            "a",
            NATIVE_NAMES[code],
            href=file_of(code),
            hreflang=BCP47[code],
            lang=BCP47[code],
            data_lang=BCP47[code],
            aria_current="page" if code == shown else None,
        )
        for code in locales
    )


def page(
    *,
    locale: LocaleCode,
    locales: Sequence[LocaleCode],
    root: str,
    kind: str,
    title: str,
    back: Html,
    main: Html,
) -> str:
    head, middle, end = _frame(locale, tuple(locales), root, kind)
    return f"{head}{escape(title)}{middle}{escape(back)}{end[0]}{escape(main)}{end[1]}"


_TITLE, _BACK, _MAIN = "\x00title\x00", "\x00back\x00", "\x00main\x00"


@lru_cache(maxsize=64)
def _frame(
    locale: LocaleCode, locales: tuple[LocaleCode, ...], root: str, kind: str
) -> tuple[str, str, tuple[str, str]]:
    """The page around its title, back link and main part, rendered once per language and
    kind of page (the template escapes; the markers are replaced, never escaped twice)."""
    whole = PAGE.render(
        lang=BCP47[locale],
        title=Html(_TITLE),
        root=root,
        alternates=_alternates(locales, locale),
        langs=" ".join(BCP47[c] for c in locales),
        kind=kind,
        back=Html(_BACK),
        language=word("language", locale),
        switch=switch(locales, locale),
        main=Html(_MAIN),
    )
    head, rest = whole.split(_TITLE)
    middle, rest = rest.split(_BACK)
    before, after = rest.split(_MAIN)
    return head, middle, (before, after)


@lru_cache(maxsize=64)
def _alternates(locales: tuple[LocaleCode, ...], locale: LocaleCode) -> Html:
    return join(
        Html(f'<link rel="alternate" hreflang="{BCP47[c]}" href="{file_of(c)}">\n')
        for c in locales
        if c != locale
    )


def chooser(*, locales: Sequence[LocaleCode], root: str, name: LocalizedText) -> str:
    """The folder's ``index.html``: the script opens the phone's language at once; without
    it (or before it runs) the reader picks one of the links (*name* in each language)."""
    names: dict[LocaleCode, Html] = {}
    for code in locales:
        value, real = pick(name, code)
        names[code] = tag("span", value, lang=BCP47[real] if real != code else None)
    links = join(
        tag(
            "li",
            tag(
                "a",
                Html(f"{escape(NATIVE_NAMES[c])} · {names[c]}"),
                href=file_of(c),
                data_lang=BCP47[c],
            ),
            lang=BCP47[c],
        )
        for c in locales
    )
    heading = join(
        tag("span", word("choose", c), lang=BCP47[c], class_="choose-word") for c in locales
    )
    first = locales[0]
    return CHOOSER.render(
        first=BCP47[first],
        title=pick(name, first)[0],
        root=root,
        langs=" ".join(BCP47[c] for c in locales),
        heading=heading,
        links=links,
    )
