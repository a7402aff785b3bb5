"""Search in the demo markets: kana, Chinese, synonyms, payment words, all markets, edits."""

from __future__ import annotations

import pytest

from kiosk.data.db import Database
from kiosk.domain.access import PermissionDenied
from kiosk.domain.audit import AuditAction
from kiosk.domain.synonyms import SynonymError
from kiosk.services.app import Services
from kiosk.services.changes import Change, ChangeKind


@pytest.fixture
def services(db: Database) -> Services:
    made = Services(db)
    made.listings.load_demo()
    return made


def _stalls(services: Services, query: str, market: str = "dongmun") -> list[str]:
    return [s.stall_number for s in services.directory.list_stores(market_slug=market, query=query)]


def test_every_tangerine_word_finds_the_same_stalls_as_gyul(services: Services) -> None:
    expected = _stalls(services, "귤")
    assert len(expected) >= 5
    for word in (
        "みかん",
        "ミカン",
        "ﾐｶﾝ",
        "蜜柑",
        "mandarin",
        "tangerine",
        "橘子",
        "감귤",
        "밀감",
    ):
        assert _stalls(services, word) == expected, word
        count = services.directory.count_stores(market_slug="dongmun", query=word)
        assert count == len(expected), word


def test_payment_words_find_the_stores_that_accept_them(services: Services) -> None:
    details = services.directory.list_store_details(market_slug="dongmun")
    accepts = {
        method: sorted(d.stall_number for d in details if method in d.payment_methods)
        for method in ("alipay_plus", "card", "zeropay")
    }
    for words, method in (
        (("Alipay", "支付宝", "支付寶", "알리페이", "アリペイ"), "alipay_plus"),
        (("银联", "銀聯", "card", "カード", "신용카드", "VISA"), "card"),
        (("Zero Pay", "zeropay", "제로페이", "ゼロペイ"), "zeropay"),
    ):
        assert accepts[method], method
        for word in words:
            found = set(_stalls(services, word))
            assert set(accepts[method]) <= found, word
    # a payment word narrows a goods search like any other word
    both = set(_stalls(services, "귤 alipay"))
    assert both == set(_stalls(services, "귤")) & set(accepts["alipay_plus"])


def test_other_markets_are_counted_home_first(services: Services) -> None:
    matches = services.directory.market_matches(query="みかん", home_slug="bansong")
    assert [m.slug for m in matches] == ["bansong", "dongmun"]
    assert matches[0].is_home and not matches[1].is_home
    assert matches[1].count == len(_stalls(services, "귤"))
    assert matches[1].name.get("ko") == "동문재래시장"
    assert matches[0].count == len(_stalls(services, "みかん", market="bansong"))
    blank = services.directory.market_matches(query=" ", home_slug="dongmun")
    assert [m.slug for m in blank] == ["dongmun", "bansong"]
    assert blank[0].count == services.directory.get_market(slug="dongmun").store_count
    none = services.directory.market_matches(query="zzqx")
    assert [m.count for m in none] == [0, 0]


def test_a_synonym_change_is_searched_at_once_audited_and_published(services: Services) -> None:
    console = services.access.console_actor()
    seen: list[Change] = []
    services.changes.subscribe(seen.append)
    assert services.search.synonyms(market_slug="dongmun").is_default
    assert _stalls(services, "hallabong") != []  # default group: 한라봉
    assert _stalls(services, "デコポン") == _stalls(services, "한라봉")
    before_gyul = _stalls(services, "귤")
    index = services._db.search_index
    loaded = dict(index._snapshots)  # the market's texts as loaded for the searches above
    groups = [*services.search.synonyms(market_slug="dongmun").groups, ("한라봉", "부지화")]
    groups = [g for g in groups if "한라봉" not in g or "부지화" in g]
    saved = services.search.set_synonyms(actor=console, market_slug="dongmun", groups=groups)
    assert not saved.is_default and ("한라봉", "부지화") in saved.groups
    assert seen == [Change(ChangeKind.MARKETS, "dongmun")]
    assert _stalls(services, "부지화") == _stalls(services, "한라봉") != []
    assert _stalls(services, "デコポン") == []  # no longer a synonym, and no text holds it
    assert _stalls(services, "귤") == before_gyul
    # no store text was reloaded: the same snapshots answered with the new list
    assert all(index._snapshots[key] is snap for key, snap in loaded.items())
    assert services.search.synonyms(market_slug="bansong").is_default  # per market
    log = services.audit.audit_log(actor=console, actions=(AuditAction.SYNONYMS_CHANGED,))
    assert log and any("부지화" in change.new for change in log[0].changes)
    reset = services.search.reset_synonyms(actor=console, market_slug="dongmun")
    assert reset.is_default and _stalls(services, "デコポン") == _stalls(services, "한라봉")


@pytest.mark.parametrize(
    ("groups", "says"),
    [
        ([["귤", "감귤"], []], "Group 2 has no words."),
        ([["귤", "x" * 41]], "41 characters; at most 40"),
        ([["귤", "감귤"], ["みかん", "귤"]], "“귤” is in group 1 and in group 2"),
        ([["みかん", "ミカン"]], "“ミカン” twice"),
    ],
)
def test_a_bad_list_is_refused_and_nothing_is_written(
    services: Services, groups: list[list[str]], says: str
) -> None:
    console = services.access.console_actor()
    with pytest.raises(SynonymError) as caught:
        services.search.set_synonyms(actor=console, market_slug="dongmun", groups=groups)
    assert says in caught.value.render(str)  # the English source
    assert services.search.synonyms(market_slug="dongmun").is_default
    assert services.audit.audit_log(actor=console, actions=(AuditAction.SYNONYMS_CHANGED,)) == []


def test_only_the_manager_edits_synonyms(services: Services) -> None:
    from kiosk.domain.access import Actor

    with pytest.raises(PermissionDenied):
        services.search.set_synonyms(
            actor=Actor.tourist("pc"), market_slug="dongmun", groups=[["귤", "감귤"]]
        )


def test_each_languages_chip_finds_what_its_korean_chip_finds(services: Services) -> None:
    from kiosk.domain.quick_picks import QUICK_PICKS

    for index, korean in enumerate(QUICK_PICKS["ko"]):
        expected = _stalls(services, korean) + _stalls(services, korean, market="bansong")
        assert expected, korean
        for locale, words in QUICK_PICKS.items():
            word = words[index]
            found = _stalls(services, word) + _stalls(services, word, market="bansong")
            assert found == expected, (locale, word)


def test_every_chip_and_chinese_choice_finds_a_demo_store(services: Services) -> None:
    from kiosk.domain.quick_picks import CHINESE_CHOICES, QUICK_PICKS

    for locale, words in (*QUICK_PICKS.items(), *CHINESE_CHOICES.items()):
        for word in words:
            found = _stalls(services, word) + _stalls(services, word, market="bansong")
            assert found, (locale, word)
    assert _stalls(services, "生蚝", market="bansong") == _stalls(services, "굴", market="bansong")
    assert _stalls(services, "高麗參") == _stalls(services, "인삼") != []


def test_wechat_pay_finds_the_stores_that_name_it_not_the_alipay_stores(
    services: Services,
) -> None:
    named = [
        d.stall_number
        for d in services.directory.list_store_details(market_slug="dongmun")
        if "WeChat Pay" in d.description.get("en")
    ]
    assert named == ["B-10"]
    assert len(_stalls(services, "alipay")) > 1
    for word in ("微信", "微信支付", "WeChat Pay", "wechat", "위챗페이", "ウィーチャットペイ"):
        assert _stalls(services, word) == named, word
        assert _stalls(services, word, market="bansong") == [], word
