"""Approximate prices on the stall pages: the reader's currency, dated, gone when too old."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from functools import partial

from kiosk.domain.currency import ExchangeRate, RateCard, reference_text
from kiosk.domain.locales import LOCALES
from kiosk.i18n import translate
from kiosk.publish.build import STALL_PAGE_LIMIT, build_site, check_site
from kiosk.publish.site import Site, Stall
from tests.publish.sites import market, sample, store

DAY = date(2026, 12, 1)
RATES = (
    ExchangeRate("JPY", Decimal("9.05"), DAY),
    ExchangeRate("CNY", Decimal("195.4"), DAY),
    ExchangeRate("TWD", Decimal("44.6"), DAY),
    ExchangeRate("USD", Decimal("1380"), DAY),
)
APPROX = re.compile(r'<small class="approx">([^<]*)</small>')


def rated(site: Site, *rates: ExchangeRate, today: date = DAY, max_age: int = 14) -> Site:
    return replace(site, rates=RateCard(rates or RATES, max_age), as_of=today)


def _pages(files: dict[str, bytes]) -> dict[str, bytes]:
    return {path: content for path, content in files.items() if path.endswith(".html")}


def test_no_rate_no_line() -> None:
    files = build_site(sample(), LOCALES)
    for path, content in _pages(files).items():
        assert b'class="approx"' not in content and b"data-rate-date" not in content, path


def test_each_language_shows_its_usual_currency_dated_korean_none() -> None:
    files = build_site(rated(sample()), LOCALES)
    shown = {
        code: APPROX.findall(files[f"d/a-3/{code}.html"].decode())
        for code in ("ko", "en", "ja", "zh-Hans", "zh-Hant")
    }
    assert shown["ko"] == []
    assert shown["ja"][0] == "約￥1,330（2026/12/01のレート）"  # 12,000원 / 9.05
    assert shown["zh-Hans"][0].startswith("约¥61") and "2026年12月1日" in shown["zh-Hans"][0]
    assert shown["zh-Hant"][0].startswith("約NT$269") and "2026年12月1日" in shown["zh-Hant"][0]
    assert shown["en"][0] == "about US$8.70 (rate of Dec 1, 2026)"
    # The same words as the kiosk's store page for the same price, language and rate.
    app = reference_text(12_000, "ja", RateCard(RATES), DAY, partial(translate, locale="ja"))
    assert shown["ja"][0] == app
    ja = files["d/a-3/ja.html"].decode()
    assert '<ul class="goods" data-rate-date="2026-12-01" data-max-age="14">' in ja
    assert len(shown["ja"]) == 2  # three goods, one sold out: no approximate price for it
    assert 'class="sold"' in ja


def test_only_the_currencies_entered_are_shown() -> None:
    files = build_site(rated(sample(), RATES[0]), LOCALES)
    assert APPROX.search(files["d/a-3/ja.html"].decode())
    for code in ("ko", "en", "zh-Hans", "zh-Hant"):
        page = files[f"d/a-3/{code}.html"].decode()
        assert not APPROX.search(page) and "data-rate-date" not in page, code


def test_a_rate_too_old_at_publish_is_not_on_the_page_even_without_script() -> None:
    old = rated(sample(), today=DAY + timedelta(days=15))  # the manager allows 14 days
    for content in _pages(build_site(old, LOCALES)).values():
        assert b'class="approx"' not in content and b"data-rate-date" not in content
    last_day = build_site(rated(sample(), today=DAY + timedelta(days=14)), LOCALES)
    assert APPROX.search(last_day["d/a-3/ja.html"].decode())  # 14 days old: still shown
    longer = build_site(rated(sample(), today=DAY + timedelta(days=30), max_age=30), LOCALES)
    assert 'data-max-age="30"' in longer["d/a-3/ja.html"].decode()


def test_a_stall_with_many_goods_and_rates_stays_under_50_kb() -> None:
    one = store(1, "A-3", {"ko": "큰 가게", "en": "Big stall"}, goods=60)
    site = rated(Site("https://m.example/", market(), (Stall(one, "d/a-3/"),)))
    files = build_site(site, LOCALES)
    assert len(APPROX.findall(files["d/a-3/ja.html"].decode())) == 59
    assert 10_000 < check_site(files) < STALL_PAGE_LIMIT


def test_a_stall_with_no_goods_or_only_sold_out_goods_carries_no_rate() -> None:
    files = build_site(rated(sample()), LOCALES)
    assert "data-rate-date" not in files["d/b-1/ja.html"].decode()  # no goods at all
    sold = store(4, "D-1", {"ko": "품절 가게"}, goods=3)
    sold = replace(sold, products=tuple(replace(p, sold_out=True) for p in sold.products))
    site = rated(Site("https://m.example/", market(), (Stall(sold, "d/d-1/"),)))
    page = build_site(site, ["ja"])["d/d-1/ja.html"].decode()
    assert "data-rate-date" not in page and 'class="approx"' not in page
