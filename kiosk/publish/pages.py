"""The market page of one language, built from escaped parts (stall pages: stall.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kiosk.domain.categories import Category
from kiosk.domain.locales import LocaleCode
from kiosk.domain.market_holidays import span_text, spans
from kiosk.domain.payments import PaymentMethod
from kiosk.domain.text import LocalizedText, normalise_for_search
from kiosk.publish.frame import file_of, page
from kiosk.publish.html import BCP47, Html, escape, join, pick, tag
from kiosk.publish.site import Site, Stall
from kiosk.publish.words import category, word


def localized(text: LocalizedText, locale: LocaleCode, name: str = "span", **attrs: object) -> Html:
    """*text* in *locale* or its fallback, the element marked with the language it is in."""
    value, code = pick(text, locale)
    return tag(name, value, lang=BCP47[code] if code != locale else None, **attrs)


_BADGE = '<span class="badge" lang="en">Alipay+</span>'


def _stall_row(stall: Stall, locale: LocaleCode, terms: str) -> str:
    """A stall's line in the list: name, stall number, Alipay+ badge; *terms* searched."""
    store = stall.store
    value, code = pick(store.name, locale)
    lang = f' lang="{BCP47[code]}"' if code != locale else ""
    badge = _BADGE if PaymentMethod.ALIPAY_PLUS in store.payment_methods else ""
    body = f'<b{lang}>{escape(value)}</b><span class="no">{escape(store.stall_number)}</span>'
    href = escape(f"{stall.path}{file_of(locale)}")
    return f'<li data-s="{terms}"><a href="{href}">{body}{badge}</a></li>'


def search_terms(site: Site) -> tuple[str, ...]:
    """Each stall's search terms, escaped: the same in every language (made once)."""
    return tuple(
        escape(
            normalise_for_search(" ".join([s.store.stall_number, *s.store.name.values.values()]))
        )
        for s in site.stalls
    )


def _wallets(site: Site, locale: LocaleCode) -> Html:
    taking = sum(PaymentMethod.ALIPAY_PLUS in s.store.payment_methods for s in site.stalls)
    count = word("wallets_count", locale, count=taking, total=len(site.stalls))
    return Html(
        tag("h2", word("wallets", locale)) + tag("p", word("wallets_how", locale)) + tag("p", count)
    )


def _holidays(site: Site, locale: LocaleCode) -> Html:
    """The market's coming holidays, one line per run of days (none: nothing)."""
    found = spans(sorted(site.holidays))
    if not found:
        return Html("")
    items = join(  # the name as the manager typed it (Korean)
        tag("li", Html(escape(span_text(replace(span, name=""), locale)) + " "
                       + tag("span", span.name, lang="ko")))
        for span in found
    )  # fmt: skip
    return tag("section", Html(tag("h2", word("holidays", locale)) + tag("ul", items)))


def market_page(
    site: Site,
    locale: LocaleCode,
    locales: Sequence[LocaleCode],
    terms: Sequence[str] | None = None,
) -> str:
    """The market in *locale*: name, market days, foreign wallets, stalls by category, search
    (*terms*: :func:`search_terms`, given when several languages are made)."""
    market = site.market
    hours = site.market_hours()
    sections = [
        localized(market.name, locale, "h1"),
        localized(market.city, locale, "p", class_="meta"),
        tag(
            "section", Html(tag("h2", word("days", locale)) + tag("p", hours.format(locale) or "–"))
        ),
        _holidays(site, locale),
        tag("section", _wallets(site, locale)),
    ]
    if not site.stalls:
        sections.append(tag("p", word("no_stalls", locale), class_="empty"))
    else:
        label = word("search", locale)
        field = f'<input id="q" type="search" autocomplete="off" placeholder="{escape(label)}">'
        sections.append(
            join(
                [
                    tag("label", label, for_="q", class_="search-label"),
                    Html(field),
                    tag("p", word("no_match", locale), class_="muted", id="none", hidden=True),
                ]
            )
        )
        by_category: dict[Category, list[tuple[Stall, str]]] = {}
        for stall, found in zip(site.stalls, terms or search_terms(site), strict=True):
            by_category.setdefault(stall.store.category, []).append((stall, found))
        for cat in Category:
            if cat in by_category:
                rows = Html("".join(_stall_row(s, locale, t) for s, t in by_category[cat]))
                sections.append(
                    tag(
                        "section",
                        Html(tag("h2", category(cat, locale)) + tag("ul", rows, class_="stalls")),
                        class_="cat",
                    )
                )
    name, _ = pick(market.name, locale)
    return page(
        locale=locale, locales=locales, root="", kind="market",
        title=name, back=Html(""), main=join(sections, "\n"),
    )  # fmt: skip
