"""Slides as values: each kind built from the market's data for one language and moment."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import TypeVar

from kiosk.domain.listing import StoreDetail
from kiosk.domain.locales import BABEL_LOCALES, LocaleCode
from kiosk.domain.market_holidays import HolidaySpan, span_text, spans, upcoming
from kiosk.domain.open_now import in_seoul
from kiosk.domain.promotions import Promotion, PromotionKind, is_showing
from kiosk.domain.signage.market_facts import SignageData
from kiosk.domain.signage.wallets import foreign_wallets
from kiosk.domain.signage.words import word
from kiosk.domain.units import price_tag

T = TypeVar("T")

#: A slide lists at most this many promotions, stores or announcements.
MAX_ITEMS = 3
#: A featured store shows at most this many goods.
MAX_GOODS = 3
#: Market holidays on the welcome slide: the next one (a span such as 설날 6-8 Feb is one),
#: so the card keeps one line at 1366x768.
MAX_HOLIDAY_SPANS = 1
#: Stores on the featured slide: two, so goods names and prices fit side by side.
MAX_FEATURED = 2


class SlideKind(StrEnum):
    WELCOME = "welcome"
    PROMOTIONS = "promotions"
    FEATURED = "featured"
    WALLETS = "wallets"
    ANNOUNCEMENTS = "announcements"


@dataclass(frozen=True, slots=True)
class SlideItem:
    """One block of a slide: a title, a line under it, a badge (stall, until when), rows of
    (name, price) and a promotion's image bytes (checked again where they are drawn)."""

    title: str
    detail: str = ""
    badge: str = ""
    rows: tuple[tuple[str, str], ...] = ()
    image: bytes | None = None


@dataclass(frozen=True, slots=True)
class Slide:
    """What one slide says, all in ``locale``; never empty (a heading and the touch line)."""

    kind: SlideKind
    locale: LocaleCode
    heading: str
    subtitle: str
    items: tuple[SlideItem, ...]
    touch: str


def showing(data: SignageData, at: datetime, kind: PromotionKind) -> list[Promotion]:
    """The promotions (or announcements) of *kind* showing at *at* (Seoul time)."""
    return [p for p in data.promotions if p.kind == kind and is_showing(p, at)]


def kinds(data: SignageData, at: datetime) -> tuple[SlideKind, ...]:
    """The slide kinds that have something to show at *at*; the welcome slide always."""
    found = [SlideKind.WELCOME]
    if showing(data, at, PromotionKind.PROMOTION):
        found.append(SlideKind.PROMOTIONS)
    if any(_goods(store) for store in data.featured):
        found.append(SlideKind.FEATURED)
    if foreign_wallets(data.summary.methods):
        found.append(SlideKind.WALLETS)
    if showing(data, at, PromotionKind.ANNOUNCEMENT):
        found.append(SlideKind.ANNOUNCEMENTS)
    return tuple(found)


def build(
    data: SignageData, kind: SlideKind, locale: LocaleCode, at: datetime, *, turn: int = 0
) -> Slide:
    """Slide *kind* of *data* in *locale* at *at*; *turn* (the loop's round) picks which of
    more promotions, announcements or stores than a slide holds are shown this time."""
    builders: dict[SlideKind, Callable[[SignageData, LocaleCode, datetime, int], Slide]] = {
        SlideKind.WELCOME: _welcome,
        SlideKind.PROMOTIONS: _promotions,
        SlideKind.FEATURED: _featured,
        SlideKind.WALLETS: _wallets,
        SlideKind.ANNOUNCEMENTS: _announcements,
    }
    return builders[kind](data, locale, at, turn)


def window_of(items: list[T], size: int, turn: int) -> list[T]:
    """*size* of *items* for round *turn*: all of them when they fit, else the next *size*
    in turn (wrapping round), so every one is shown over a few rounds."""
    if len(items) <= size:
        return items
    start = (turn * size) % len(items)
    return [items[(start + i) % len(items)] for i in range(size)]


def waiting(locale: LocaleCode) -> Slide:
    """The slide shown before the market's data has ever been read: a calm welcome."""
    return _slide(SlideKind.WELCOME, locale, word("welcome_plain", locale), "", [])


def _slide(
    kind: SlideKind, locale: LocaleCode, heading: str, subtitle: str, items: list[SlideItem]
) -> Slide:
    return Slide(kind, locale, heading, subtitle, tuple(items), word("touch", locale))


def _market_name(data: SignageData, locale: LocaleCode) -> str:
    return data.market.name.get(locale) or data.market.slug


def _coming_holidays(data: SignageData, at: datetime) -> list[HolidaySpan]:
    """The market's next holidays (consecutive days with one name as one span)."""
    return spans(upcoming(data.holidays, in_seoul(at).date()))[:MAX_HOLIDAY_SPANS]


def _welcome(data: SignageData, locale: LocaleCode, at: datetime, _turn: int) -> Slide:
    summary = data.summary
    items: list[SlideItem] = []
    closed: list[str] = []
    if summary.hours.is_given:
        # ``format`` joins the open days, then each closing rule, with " · " (no note here).
        week, *closed = summary.hours.format(locale).split(" · ")
        items.append(SlideItem(word("hours", locale), word("hours_text", locale, hours=week)))
    dated = [span_text(span, locale) for span in _coming_holidays(data, at)]
    if summary.hours.is_given or dated:
        holidays = "\n".join([*closed, *dated]) or word("no_holidays", locale)
        items.append(SlideItem(word("holidays", locale), holidays))
    if summary.halls:
        # Halls side by side, wrapping only between halls (no-break spaces inside one).
        halls = "   ".join(
            f"{word('hall', locale, hall=name)} {_stores(count, locale)}".replace(" ", "\u00a0")
            for name, count in summary.halls
        )
        items.append(SlideItem(word("halls", locale), halls))
    elif summary.store_count:
        items.append(SlideItem(word("halls", locale), _stores(summary.store_count, locale)))
    heading = word("welcome", locale, market=_market_name(data, locale))
    return _slide(SlideKind.WELCOME, locale, heading, data.market.city.get(locale), items)


def _stores(count: int, locale: LocaleCode) -> str:
    return word("one_store", locale) if count == 1 else word("stores", locale, count=count)


def _promotion_item(data: SignageData, promo: Promotion, locale: LocaleCode) -> SlideItem:
    badge = word("until", locale, date=_short_date(promo.ends_on, locale))
    if promo.window is not None:
        badge = f"{promo.window.start:%H:%M}–{promo.window.end:%H:%M} · {badge}"
    store = next((s for s in data.featured if s.id == promo.store_id), None)
    detail = promo.text_for(locale)
    if store is not None:
        where = word("stall", locale, stall=store.stall_number)
        detail = f"{store.name.get(locale)} · {where}\n{detail}"
    return SlideItem(promo.title_for(locale), detail, badge, image=promo.image)


def _promotions(data: SignageData, locale: LocaleCode, at: datetime, turn: int) -> Slide:
    found = window_of(showing(data, at, PromotionKind.PROMOTION), MAX_ITEMS, turn)
    items = [_promotion_item(data, promo, locale) for promo in found]
    subtitle = _market_name(data, locale)
    return _slide(SlideKind.PROMOTIONS, locale, word("promotions", locale), subtitle, items)


def _announcements(data: SignageData, locale: LocaleCode, at: datetime, turn: int) -> Slide:
    found = window_of(showing(data, at, PromotionKind.ANNOUNCEMENT), MAX_ITEMS, turn)
    items = [_promotion_item(data, promo, locale) for promo in found]
    subtitle = _market_name(data, locale)
    return _slide(SlideKind.ANNOUNCEMENTS, locale, word("announcements", locale), subtitle, items)


def _goods(store: StoreDetail) -> list[tuple[str, int, str]]:
    return [(p.name.get("ko"), p.price_won, p.unit) for p in store.products if not p.sold_out]


def featured_stores(data: SignageData, at: datetime) -> list[StoreDetail]:
    """Stores with goods to show, those with a promotion showing at *at* first (a slide
    shows ``MAX_FEATURED`` of them a round)."""
    promoted = {p.store_id for p in showing(data, at, PromotionKind.PROMOTION)}
    with_goods = [store for store in data.featured if _goods(store)]
    with_goods.sort(key=lambda store: store.id not in promoted)  # stable: best first kept
    return with_goods


def _featured(data: SignageData, locale: LocaleCode, at: datetime, turn: int) -> Slide:
    items: list[SlideItem] = []
    for store in window_of(featured_stores(data, at), MAX_FEATURED, turn):
        goods = [p for p in store.products if not p.sold_out][:MAX_GOODS]
        rows = tuple((p.name.get(locale), _price(p.price_won, p.unit, locale)) for p in goods)
        badge = word("stall", locale, stall=store.stall_number)
        items.append(SlideItem(store.name.get(locale), store.description.get(locale), badge, rows))
    subtitle = _market_name(data, locale)
    return _slide(SlideKind.FEATURED, locale, word("featured", locale), subtitle, items)


def _price(won: int, unit: str, locale: LocaleCode) -> str:
    return price_tag(won, unit, locale)  # 15,000원 / 근, ₩2,000 each, ￦12,000／匹


def _wallets(data: SignageData, locale: LocaleCode, _at: datetime, _turn: int) -> Slide:
    summary = data.summary
    # No-break spaces inside a brand and before each dot: lines break only between brands.
    brands = (name.replace(" ", "\u00a0") for name in foreign_wallets(summary.methods))
    wallets = "\u00a0· ".join(brands)
    count = word("wallet_stores", locale, count=summary.wallet_stores, total=summary.store_count)
    steps = "\n".join(word(key, locale) for key in ("step_sign", "step_scan", "step_show"))
    items = [SlideItem(wallets, count), SlideItem(steps)]
    return _slide(
        SlideKind.WALLETS, locale, word("wallets", locale), _market_name(data, locale), items
    )


def _short_date(day: date, locale: LocaleCode) -> str:
    from babel.dates import format_skeleton

    return str(format_skeleton("MMMd", day, locale=BABEL_LOCALES[locale]))
