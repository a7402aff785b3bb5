"""The built site: every language, escaped names, fallbacks with their lang, no payment code."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kiosk.domain.locales import LOCALES
from kiosk.publish.build import STALL_PAGE_LIMIT, SiteCheckError, build_site, check_site
from kiosk.publish.site import Site, Stall
from tests.publish.sites import HOSTILE, PAYLOAD, market, sample, store


def test_every_page_in_every_language_and_links_that_resolve() -> None:
    files = build_site(sample(), LOCALES)
    for page in ("index.html", "ko.html", "en.html", "ja.html", "zh-Hans.html", "zh-Hant.html"):
        assert page in files
        assert f"d/a-3/{page}" in files
    assert {"site.css", "site.js", "sw.js"} <= set(files)
    largest = check_site(files)
    assert 0 < largest < STALL_PAGE_LIMIT
    ja = files["d/a-3/ja.html"].decode()
    assert '<html lang="ja">' in ja and "<h1>緑の葉みかん畑</h1>" in ja
    assert '<p lang="ko" class="ko">초록잎 귤밭</p>' in ja  # the Korean name, marked Korean
    assert "区画 A-3" in ja and "営業時間" in ja and "営業中" in ja
    assert 'href="https://pf.kakao.com/_ZeUTxl/chat"' in ja
    assert 'href="https://www.instagram.com/tangerine_glow"' in ja
    assert "12,000원" in ja and "毎月第1・第3日曜定休" in ja


def test_the_language_chooser_names_the_stall_in_each_language_escaped_once() -> None:
    files = build_site(sample(), LOCALES)
    chooser = files["d/c-9/index.html"].decode()
    assert "<title>&lt;script&gt;" in chooser and "&amp;lt;" not in chooser
    assert '<a href="ja.html" data-lang="ja">日本語 · <span lang="en">&lt;script&gt;' in chooser
    assert (
        '<li lang="ko"><a href="ko.html" data-lang="ko">한국어 · <span>초록잎 귤밭</span>'
        in files["d/a-3/index.html"].decode()
    )


def test_the_payment_code_never_goes_on_the_web() -> None:
    for content in build_site(sample(), LOCALES).values():
        assert PAYLOAD.encode() not in content and b"SECRETPAYLOAD" not in content


def test_hostile_names_are_text_never_markup() -> None:
    files = build_site(sample(), LOCALES)
    page = files["d/c-9/en.html"].decode()
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&amp;amp;" in page  # an "&amp;" typed in the name is shown as typed
    assert HOSTILE not in files["en.html"].decode()


def test_no_text_in_the_readers_language_falls_back_marked_with_its_own_lang() -> None:
    files = build_site(sample(), LOCALES)
    ja = files["d/b-1/ja.html"].decode()
    assert '<h1 lang="ko">한글만 가게</h1>' in ja  # no Japanese, no English: Korean, marked
    assert "商品はまだ載っていません" in ja and "営業時間は載っていません" in ja
    en = files["d/a-3/zh-Hant.html"].decode()
    assert '<span lang="en">Tangerine 0</span>' in en  # goods without Chinese: English


def test_a_market_with_no_stalls_still_has_designed_pages() -> None:
    files = build_site(Site("https://m.example/", market(), ()), LOCALES)
    check_site(files)
    assert "No stalls are listed yet." in files["en.html"].decode()
    assert "아직 등록된 점포가 없습니다." in files["ko.html"].decode()
    assert not any(p.startswith("d/") for p in files)


def test_a_page_over_the_limit_or_a_broken_link_is_refused() -> None:
    big = Site("https://m.example/", market(), sample().stalls[:1])
    files = build_site(big, ["en"])
    files["d/a-3/en.html"] = b'<a href="ko.html">' + b"x" * STALL_PAGE_LIMIT
    with pytest.raises(SiteCheckError, match="over 50 KB"):
        check_site(files)
    files["d/a-3/en.html"] = b'<a href="ko.html">ko</a>'
    with pytest.raises(SiteCheckError, match=r"'ko\.html' goes to no page"):
        check_site(files)


def test_a_stall_with_many_goods_stays_under_50_kb() -> None:
    one = store(1, "A-3", {"ko": "큰 가게", "en": "Big stall"}, goods=60)
    files = build_site(Site("https://m.example/", market(), (Stall(one, "d/a-3/"),)), LOCALES)
    assert 10_000 < check_site(files) < STALL_PAGE_LIMIT


def test_market_page_lists_stalls_by_category_with_search_terms_and_market_days() -> None:
    page = build_site(sample(), LOCALES)["en.html"].decode()
    assert page.index("<h2>Seafood") < page.index("<h2>Jeju tangerines")  # the enum's order
    assert 'href="d/a-3/en.html"' in page and 'data-s="a-3 초록잎 귤밭 green leaf grove' in page
    assert "Market days" in page and "closed on the 1st &amp; 3rd Sundays of the month" in page
    assert "Stalls taking foreign wallets: 3 of 3" in page


def test_the_market_page_lists_the_coming_holidays_and_stall_pages_carry_their_dates() -> None:
    files = build_site(sample(), LOCALES)
    page = files["en.html"].decode()
    assert "<h2>Market holidays</h2>" in page
    assert 'Feb 6 – 8, 2027 <span lang="ko">설날 연휴</span>' in page.replace("\u2009", " ")
    assert '<span lang="ko">&lt;b&gt;공사&lt;/b&gt;</span>' in page  # a name is text, never markup
    assert "2027년 2월 6일~8일" in files["ko.html"].decode()
    stall = files["d/a-3/ja.html"].decode()
    assert 'data-off="2027-02-06 2027-02-07 2027-02-08 2027-03-02"' in stall
    assert 'data-holiday="市場の休業日"' in stall
    empty = build_site(replace(sample(), holidays=()), LOCALES)
    assert "Market holidays" not in empty["en.html"].decode()
    assert "data-off" not in empty["d/a-3/en.html"].decode()
