"""The market page and the stall pages of one language, built from escaped parts."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache

from kiosk.domain.categories import Category
from kiosk.domain.formatting import format_price
from kiosk.domain.hours import OpeningHours
from kiosk.domain.locales import LocaleCode
from kiosk.domain.payments import PaymentMethod
from kiosk.domain.text import LocalizedText, normalise_for_search
from kiosk.publish.frame import file_of, page
from kiosk.publish.html import BCP47, Html, escape, join, pick, tag
from kiosk.publish.site import Site, Stall
from kiosk.publish.words import category, payment, word


def localized(text: LocalizedText, locale: LocaleCode, name: str = "span", **attrs: object) -> Html:
    """*text* in *locale* or its fallback, the element marked with the language it is in."""
    value, code = pick(text, locale)
    return tag(name, value, lang=BCP47[code] if code != locale else None, **attrs)


def approximate_price(won: int, locale: LocaleCode) -> str | None:
    """The approximate price in the reader's currency, or None.

    Hook: the app's exchange rates (entered by the manager) are not on this branch's
    base yet; when the domain gains its "approximate price" function, call it here.
    """
    del won, locale
    return None


@lru_cache(maxsize=4096)
def _won(won: int) -> Html:
    """The price as Korean writes it (Babel is slow and a market has few distinct prices)."""
    return tag("b", format_price(won, "ko"), class_="price", lang="ko")


@lru_cache(maxsize=8192)
def _tail(won: int, unit: str, locale: LocaleCode) -> Html:
    """A good's price (and approximate price) and unit: the same for many goods."""
    approx = approximate_price(won, locale)
    shown = _won(won) + (tag("small", approx, class_="approx") if approx else "")
    return Html(shown + (tag("span", f"/ {unit}", class_="unit", lang="ko") if unit else ""))


def _hours(hours: OpeningHours, locale: LocaleCode) -> Html:
    if not hours.is_given:
        return tag("p", word("no_hours", locale), class_="muted")
    data = json.dumps(hours.to_json(), separators=(",", ":"))
    now = tag(
        "p",
        "",
        class_="now",
        data_hours=data,
        data_open=word("open_now", locale),
        data_closed=word("closed_now", locale),
        aria_live="polite",
    )
    return Html(tag("p", hours.format(locale)) + now)


def _goods(stall: Stall, locale: LocaleCode) -> Html:
    products = stall.store.products
    if not products:
        return tag("p", word("no_goods", locale), class_="muted")
    sold_out = word("sold_out", locale)
    rows = []
    for good in products:
        sold = tag("span", sold_out, class_="sold") if good.sold_out else ""
        name = tag("span", Html(localized(good.name, locale) + sold), class_="name")
        rows.append(f"<li>{name}{_tail(good.price_won, good.unit, locale)}</li>")
    return Html('<ul class="goods">' + "".join(rows) + "</ul>")


def _payments(methods: Sequence[PaymentMethod], locale: LocaleCode) -> Html:
    items = join(tag("li", payment(m, locale)) for m in methods)
    listed = tag("ul", items, class_="pay") if methods else ""
    return Html(listed + tag("p", word("pay_here", locale), class_="note"))


def _online(stall: Stall, locale: LocaleCode) -> Html:
    parts: list[Html] = []
    store = stall.store
    if store.kakao_channel_id:
        href = f"https://pf.kakao.com/{store.kakao_channel_id}/chat"
        parts.append(tag("a", word("kakao", locale), href=href, class_="kakao", rel="noopener"))
    links = [
        tag("li", tag("a", link.brand, href=link.url, rel="noopener", lang="en"))
        for link in stall.links
    ]
    if links:
        parts.append(
            join([tag("h2", word("online", locale)), tag("ul", join(links), class_="links")])
        )
    if store.phone:
        parts.append(
            tag(
                "p",
                Html(
                    word("phone", locale)
                    + " "
                    + tag("a", store.phone, href=f"tel:{store.phone}", class_="tel")
                ),
            )
        )
    return join(parts)


def stall_page(site: Site, stall: Stall, locale: LocaleCode, locales: Sequence[LocaleCode]) -> str:
    """One stall in *locale*: names (reader's and Korean), goods, hours, payments, links."""
    store = stall.store
    name, _code = pick(store.name, locale)
    korean = store.name.values.get("ko", "")
    market, _mc = pick(site.market.name, locale)
    kind = category(store.category, locale)
    main = join(
        [
            localized(store.name, locale, "h1"),
            tag("p", korean, lang="ko", class_="ko") if korean and korean != name else Html(""),
            tag("p", f"{word('stall', locale, number=store.stall_number)} · {kind}", class_="meta"),
            localized(store.description, locale, "p")
            if pick(store.description, locale)[0]
            else Html(""),
            tag("section", Html(tag("h2", word("goods", locale)) + _goods(stall, locale))),
            tag(
                "section",
                Html(tag("h2", word("hours", locale)) + _hours(store.opening_hours, locale)),
            ),
            tag(
                "section",
                Html(tag("h2", word("pay", locale)) + _payments(store.payment_methods, locale)),
            ),
            tag("section", _online(stall, locale), class_="online"),
        ],
        "\n",
    )
    back = tag(
        "a", word("back", locale, market=market), href=f"../../{file_of(locale)}", class_="back"
    )
    return page(
        locale=locale, locales=locales, root="../../", kind="stall",
        title=f"{name} · {market}", back=back, main=main,
    )  # fmt: skip


def _stall_row(stall: Stall, locale: LocaleCode) -> Html:
    store = stall.store
    terms = " ".join([store.stall_number, *store.name.values.values()])
    badge = (
        tag("span", "Alipay+", class_="badge", lang="en")
        if PaymentMethod.ALIPAY_PLUS in store.payment_methods
        else ""
    )
    body = Html(
        localized(store.name, locale, "b") + tag("span", store.stall_number, class_="no") + badge
    )
    link = tag("a", body, href=f"{stall.path}{file_of(locale)}")
    return tag("li", link, data_s=normalise_for_search(terms))


def _wallets(site: Site, locale: LocaleCode) -> Html:
    taking = sum(PaymentMethod.ALIPAY_PLUS in s.store.payment_methods for s in site.stalls)
    count = word("wallets_count", locale, count=taking, total=len(site.stalls))
    return Html(
        tag("h2", word("wallets", locale)) + tag("p", word("wallets_how", locale)) + tag("p", count)
    )


def market_page(site: Site, locale: LocaleCode, locales: Sequence[LocaleCode]) -> str:
    """The market in *locale*: name, market days, foreign wallets, stalls by category, search."""
    market = site.market
    hours = site.market_hours()
    sections = [
        localized(market.name, locale, "h1"),
        localized(market.city, locale, "p", class_="meta"),
        tag(
            "section", Html(tag("h2", word("days", locale)) + tag("p", hours.format(locale) or "–"))
        ),
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
        by_category: dict[Category, list[Stall]] = {}
        for stall in site.stalls:
            by_category.setdefault(stall.store.category, []).append(stall)
        for cat in Category:
            if cat in by_category:
                rows = join(_stall_row(s, locale) for s in by_category[cat])
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
