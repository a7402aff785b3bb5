"""A stall's page in one language: what every stall shares is made once per language."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from html import escape

from kiosk.domain.currency import ExchangeRate, RateCard, reference_price, reference_text
from kiosk.domain.formatting import format_price
from kiosk.domain.hours import OpeningHours
from kiosk.domain.listing import ProductInfo
from kiosk.domain.locales import LocaleCode
from kiosk.domain.payments import PaymentMethod
from kiosk.domain.text import LocalizedText
from kiosk.publish.frame import file_of, page
from kiosk.publish.html import BCP47, Html, pick, tag
from kiosk.publish.site import Site, Stall
from kiosk.publish.words import category, payment, word


def _in(text: LocalizedText, locale: LocaleCode, name: str, attrs: str = "") -> str:
    """*text* in *locale* or its fallback, in ``<name>`` marked with the language it is in."""
    value, code = pick(text, locale)
    lang = f' lang="{BCP47[code]}"' if code != locale else ""
    return f"<{name}{lang}{attrs}>{escape(value)}</{name}>"


@dataclass(frozen=True, slots=True)
class _Words:
    """A language's words of the stall page, already HTML (made once per language)."""

    goods: str
    no_goods: str
    hours: str
    no_hours: str
    open_closed: str
    pay: str
    pay_here: str
    sold_out: str
    kakao: str
    online: str
    phone: str


@lru_cache(maxsize=8)
def _words(locale: LocaleCode) -> _Words:
    def text(key: str) -> str:
        return escape(word(key, locale))

    return _Words(
        goods=f"<h2>{text('goods')}</h2>",
        no_goods=f'<p class="muted">{text("no_goods")}</p>',
        hours=f"<h2>{text('hours')}</h2>",
        no_hours=f'<p class="muted">{text("no_hours")}</p>',
        open_closed=(
            f'data-open="{text("open_now")}" data-closed="{text("closed_now")}"'
            f' data-holiday="{text("holiday_now")}"'
        ),
        pay=f"<h2>{text('pay')}</h2>",
        pay_here=f'<p class="note">{text("pay_here")}</p>',
        sold_out=f'<span class="sold">{text("sold_out")}</span>',
        kakao=text("kakao"),
        online=f"<h2>{text('online')}</h2>",
        phone=text("phone"),
    )


@dataclass(frozen=True, slots=True)
class PageRate:
    """The rate of a page's approximate prices and how many days after its date the phone
    still shows them (the manager's maximum age)."""

    rate: ExchangeRate
    max_age_days: int


def page_rate(site: Site, locale: LocaleCode) -> PageRate | None:
    """The rate a page in *locale* shows approximate prices in (the store page's choice on
    the publish day), or None: Korean, no rate entered, or every rate already too old."""
    found = reference_price(1, locale, site.rates, site.as_of)
    return PageRate(found.rate, site.rates.max_age_days) if found is not None else None


@lru_cache(maxsize=8192)
def _approx(won: int, locale: LocaleCode, rate: ExchangeRate) -> str:
    """``about ￥1,660 (rate of 2026/12/01)``: *rate* is known usable, so the text depends
    on the price, the language and the rate alone."""
    from kiosk.i18n import translate

    text = reference_text(
        won, locale, RateCard((rate,)), rate.as_of, partial(translate, locale=locale)
    )
    return f'<small class="approx">{escape(text)}</small>' if text else ""


@lru_cache(maxsize=8192)
def _tail(won: int, unit: str, locale: LocaleCode, rate: ExchangeRate | None) -> str:
    """A good's price in 원, its unit and its approximate price: the same for many goods."""
    price = f'<b class="price" lang="ko">{escape(format_price(won, "ko"))}</b>'
    approx = _approx(won, locale, rate) if rate is not None else ""
    shown = f'<span class="unit" lang="ko">/ {escape(unit)}</span>' if unit else ""
    return price + shown + approx


def _good(good: ProductInfo, locale: LocaleCode, words: _Words, rate: ExchangeRate | None) -> str:
    value, code = pick(good.name, locale)
    lang = f' lang="{BCP47[code]}"' if code != locale else ""
    sold = words.sold_out if good.sold_out else ""
    name = f'<span class="name"><span{lang}>{escape(value)}</span>{sold}</span>'
    tail = _tail(good.price_won, good.unit, locale, None if good.sold_out else rate)
    return f"<li>{name}{tail}</li>"


def _goods(stall: Stall, locale: LocaleCode, words: _Words, rated: PageRate | None) -> str:
    products = stall.store.products
    if not products:
        return words.no_goods
    rate = rated.rate if rated is not None else None
    rows = "".join(_good(good, locale, words, rate) for good in products)
    if rated is None or all(good.sold_out for good in products):
        return f'<ul class="goods">{rows}</ul>'
    # The phone hides the approximate prices once the rate is older than the manager allows.
    dated = f'data-rate-date="{rated.rate.as_of.isoformat()}" data-max-age="{rated.max_age_days}"'
    return f'<ul class="goods" {dated}>{rows}</ul>'


@lru_cache(maxsize=512)
def _hours(hours: OpeningHours, locale: LocaleCode, off: str) -> str:
    """The hours and the open-now line the phone fills in; *off* is the market's holiday
    dates (``YYYY-MM-DD`` separated by spaces), on which it says "Market holiday"."""
    words = _words(locale)
    if not hours.is_given:
        return words.no_hours
    data = escape(json.dumps(hours.to_json(), separators=(",", ":")))
    days = f' data-off="{escape(off)}"' if off else ""
    now = f'<p class="now" data-hours="{data}" {words.open_closed}{days} aria-live="polite"></p>'
    return f"<p>{escape(hours.format(locale))}</p>{now}"


@lru_cache(maxsize=512)
def _payments(methods: tuple[PaymentMethod, ...], locale: LocaleCode) -> str:
    items = "".join(f"<li>{escape(payment(m, locale))}</li>" for m in methods)
    listed = f'<ul class="pay">{items}</ul>' if methods else ""
    return listed + _words(locale).pay_here


def _online(stall: Stall, words: _Words) -> str:
    parts: list[str] = []
    store = stall.store
    if store.kakao_channel_id:
        href = escape(f"https://pf.kakao.com/{store.kakao_channel_id}/chat")
        parts.append(f'<a href="{href}" class="kakao" rel="noopener">{words.kakao}</a>')
    if stall.links:
        links = "".join(
            f'<li><a href="{escape(link.url)}" rel="noopener" lang="en">'
            f"{escape(link.brand)}</a></li>"
            for link in stall.links
        )
        parts.append(f'{words.online}<ul class="links">{links}</ul>')
    if store.phone:
        phone = escape(store.phone)
        parts.append(f'<p>{words.phone} <a href="tel:{phone}" class="tel">{phone}</a></p>')
    return "".join(parts)


def stall_page(
    site: Site,
    stall: Stall,
    locale: LocaleCode,
    locales: Sequence[LocaleCode],
    rate: PageRate | None = None,
) -> str:
    """One stall in *locale*: names (reader's and Korean), goods with their prices in 원 (and
    approximately at *rate*, see :func:`page_rate`), hours, payments, links."""
    store = stall.store
    words = _words(locale)
    off = " ".join(h.day.isoformat() for h in site.holidays)
    name, _code = pick(store.name, locale)
    korean = store.name.values.get("ko", "")
    market, _mc = pick(site.market.name, locale)
    meta = (
        f"{word('stall', locale, number=store.stall_number)} · {category(store.category, locale)}"
    )
    main = "\n".join(
        [
            _in(store.name, locale, "h1"),
            f'<p lang="ko" class="ko">{escape(korean)}</p>' if korean and korean != name else "",
            f'<p class="meta">{escape(meta)}</p>',
            _in(store.description, locale, "p") if pick(store.description, locale)[0] else "",
            f"<section>{words.goods}{_goods(stall, locale, words, rate)}</section>",
            f"<section>{words.hours}{_hours(store.opening_hours, locale, off)}</section>",
            f"<section>{words.pay}{_payments(tuple(store.payment_methods), locale)}</section>",
            f'<section class="online">{_online(stall, words)}</section>',
        ]
    )
    back = tag(
        "a", word("back", locale, market=market), href=f"../../{file_of(locale)}", class_="back"
    )
    return page(
        locale=locale, locales=locales, root="../../", kind="stall",
        title=f"{name} · {market}", back=back, main=Html(main),
    )  # fmt: skip
