"""Invented demo markets (package data files): counts, translations, prices, IDs, DEMO payloads."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import pytest
import qrcode
import zxingcpp
from factories.demo_payloads import DEMO_GUID, DEMO_PURPOSE, demo_payload
from qrcode.constants import ERROR_CORRECT_M

from kiosk.data.seed import demo_markets
from kiosk.domain.categories import Category
from kiosk.domain.hours_text import hours_cell
from kiosk.domain.listing import MarketListing, StoreListing
from kiosk.domain.locales import LOCALES
from kiosk.domain.payments import PaymentMethod
from kiosk.domain.qr.emvco import crc16_ccitt_false, parse_payload
from kiosk.domain.qr.kakao import parse_channel_id
from kiosk.domain.qr.payment import parse_payment_payload

MARKETS = demo_markets()
BANSONG, DONGMUN = MARKETS
BY_MARKET = pytest.mark.parametrize("market", [pytest.param(m, id=m.slug) for m in MARKETS])

KAKAO_ID = re.compile(r"^_[A-Za-z0-9]{1,30}$")
STALL = re.compile(r"^[A-Z]-[0-9]{1,3}$")
#: The hours as the file and the store page write them in Korean (every day, or a closing day).
HOURS = re.compile(
    r"^(매일 )?([01][0-9]|2[0-4]):[0-5][0-9]-([01][0-9]|2[0-4]):[0-5][0-9]( · 매(주|월) .+ 휴무)?$"
)
AREA_CODE = {"bansong": "051", "dongmun": "064"}
CITY = {"bansong": "BUSAN", "dongmun": "JEJU"}

# Characters whose Simplified and Traditional forms differ (鱼/魚, 饼/餅, ...): a
# Traditional text holding one of the first is a copy of the Simplified one.
SIMPLIFIED_ONLY = (
    "鱼饼门东们个汤卖买鸡猪虾贝鲜饭韩济国产时这样钱价带鱿酱绿红岛场龙风爷头处营业为从锅汉礼钥护鲍铁"
)
TRADITIONAL_ONLY = (
    "魚餅門東們個湯賣買雞豬蝦貝鮮飯韓濟國產時這樣錢價帶魷醬綠紅島場龍風爺頭處營業為從鍋漢禮鑰護鮑鐵"
)


def _texts(market: MarketListing) -> Iterator[tuple[str, dict[str, str]]]:
    """Every five-locale text of *market*, with where it lives."""
    yield f"{market.slug} name", market.name
    yield f"{market.slug} city", market.city
    for store in market.stores:
        where = f"{market.slug} {store.stall_number}"
        yield f"{where} name", store.name
        yield f"{where} description", store.description
        for product in store.products:
            yield f"{where} product {product.name.get('ko')!r}", product.name


def _payload_stores() -> list[StoreListing]:
    return [s for m in MARKETS for s in m.stores if s.payment]


def _is_allowed_char(ch: str) -> bool:
    """Plain scripts only: no emoji or rare symbols the bundled font might lack."""
    code = ord(ch)
    return (
        0x20 <= code <= 0x7E  # ASCII
        or code == 0xB7  # middle dot in 김·미역
        or 0xAC00 <= code <= 0xD7A3  # Hangul syllables
        or 0x3000 <= code <= 0x30FF  # CJK punctuation, hiragana, katakana
        or 0x4E00 <= code <= 0x9FFF  # CJK unified ideographs
        or 0xFF01 <= code <= 0xFF5E  # full-width punctuation （），：
    )


# --- markets and stores -------------------------------------------------------


def test_the_two_markets() -> None:
    assert [m.slug for m in MARKETS] == ["bansong", "dongmun"]
    assert BANSONG.name["ko"] == "반송큰시장"
    assert BANSONG.name["en"] == "Bansong Big Market"
    assert "부산" in BANSONG.city["ko"]
    assert DONGMUN.name["ko"] == "동문재래시장"
    assert DONGMUN.name["en"] == "Dongmun Traditional Market"
    assert DONGMUN.city["ko"] == "제주시"


@BY_MARKET
def test_enough_stores_with_unique_stall_numbers(market: MarketListing) -> None:
    stalls = [s.stall_number for s in market.stores]
    assert len(stalls) >= 20
    assert len(set(stalls)) == len(stalls), "a stall number appears twice"
    bad = [s for s in stalls if not STALL.fullmatch(s)]
    assert not bad, f"{market.slug}: stall numbers not like 'B-12': {bad}"


@BY_MARKET
def test_at_least_eight_categories(market: MarketListing) -> None:
    categories = [s.category for s in market.stores]
    assert all(isinstance(c, Category) for c in categories)
    assert len(set(categories)) >= 8


def test_each_market_has_its_characteristic_stores() -> None:
    bansong_categories = {s.category for s in BANSONG.stores}
    assert {Category.SEAFOOD, Category.STREET_FOOD, Category.RESTAURANT} <= bansong_categories
    dongmun_categories = {s.category for s in DONGMUN.stores}
    assert {Category.TANGERINES, Category.SOUVENIRS, Category.MEAT} <= dongmun_categories
    night = [s for s in DONGMUN.stores if all(d and d.closes == 24 * 60 for d in s.hours.days)]
    assert len(night) >= 3, "Dongmun needs night-market stalls open until midnight"


@BY_MARKET
def test_one_or_two_inactive_stores(market: MarketListing) -> None:
    inactive = [s.stall_number for s in market.stores if not s.active]
    assert 1 <= len(inactive) <= 2, inactive


@BY_MARKET
def test_phone_numbers_are_obviously_invented(market: MarketListing) -> None:
    pattern = re.compile(rf"^{AREA_CODE[market.slug]}-000-[0-9]{{4}}$")
    phones = [s.phone for s in market.stores]
    bad = [p for p in phones if not pattern.fullmatch(p)]
    assert not bad, f"{market.slug}: phones must use exchange 000: {bad}"
    assert len(set(phones)) == len(phones)


@BY_MARKET
def test_opening_hours_are_readable(market: MarketListing) -> None:
    bad = [
        (s.stall_number, hours_cell(s.hours))
        for s in market.stores
        if not HOURS.fullmatch(hours_cell(s.hours)) or s.hours.note
    ]
    assert not bad, bad


def test_hours_pattern_rejects_malformed_text() -> None:
    assert HOURS.fullmatch("매일 18:00-24:00")
    assert HOURS.fullmatch("매일 06:00-21:00 · 매월 첫째·셋째 일요일 휴무")
    assert HOURS.fullmatch("08:00-18:00 · 매주 일요일 휴무")
    for bad in ("8:00-20:00", "08:00~20:00", "08:00-25:00", "08:00-20:00 closed Sundays"):
        assert not HOURS.fullmatch(bad), bad


@BY_MARKET
def test_payment_methods(market: MarketListing) -> None:
    for store in market.stores:
        methods = store.payment_methods
        assert methods, f"{store.stall_number}: no payment method"
        assert all(isinstance(m, PaymentMethod) for m in methods)
        assert len(set(methods)) == len(methods), f"{store.stall_number}: duplicate method"
    accepted = {m for s in market.stores for m in s.payment_methods}
    assert PaymentMethod.ONNURI in accepted
    assert PaymentMethod.ZEROPAY in accepted


def test_foreign_wallets_are_common_in_dongmun() -> None:
    active = [s for s in DONGMUN.stores if s.active]
    alipay = [s for s in active if PaymentMethod.ALIPAY_PLUS in s.payment_methods]
    assert len(alipay) * 2 >= len(active), "most Dongmun stalls take Alipay+ via Zero Pay"


def test_store_names_use_no_personal_names() -> None:
    # "영희네"-style names point at a person; demo names are descriptive.
    for market in MARKETS:
        for store in market.stores:
            assert "네" not in store.name["ko"], store.name["ko"]


# --- products ----------------------------------------------------------------


@BY_MARKET
def test_products_have_sane_prices_and_units(market: MarketListing) -> None:
    for store in market.stores:
        where = f"{market.slug} {store.stall_number}"
        assert 3 <= len(store.products) <= 10, f"{where}: {len(store.products)} products"
        names = [p.name["ko"] for p in store.products]
        assert len(set(names)) == len(names), f"{where}: duplicate product name"
        for product in store.products:
            price = product.price_won
            label = f"{where} {product.name['ko']!r}"
            assert type(price) is int, f"{label}: price {price!r} is not an int"
            assert 500 <= price <= 100_000, f"{label}: price {price} out of range"
            assert price % 100 == 0, f"{label}: price {price} is not a multiple of 100"
            assert product.unit.strip() == product.unit, f"{label}: unit has spaces around"
            assert 1 <= len(product.unit) <= 20, f"{label}: unit {product.unit!r}"


@BY_MARKET
def test_some_products_are_sold_out(market: MarketListing) -> None:
    products = [p for s in market.stores for p in s.products]
    sold_out = [p for p in products if p.sold_out]
    assert 2 <= len(sold_out) <= len(products) // 10


# --- translations ------------------------------------------------------------


@BY_MARKET
def test_every_text_has_all_five_locales(market: MarketListing) -> None:
    for where, text in _texts(market):
        assert tuple(text) == LOCALES, f"{where}: locales {tuple(text)}"
        empty = [loc for loc, value in text.items() if not value.strip()]
        assert not empty, f"{where}: empty {empty}"
        assert all(value == value.strip() for value in text.values()), f"{where}: spaces"


@BY_MARKET
def test_foreign_texts_are_translated_not_copied(market: MarketListing) -> None:
    for where, text in _texts(market):
        for loc in ("en", "ja", "zh_Hans", "zh_Hant"):
            hangul = [ch for ch in text[loc] if unicodedata.name(ch, "").startswith("HANGUL")]
            assert not hangul, f"{where} [{loc}]: Korean left in {text[loc]!r}"
        assert text["en"].isascii(), f"{where} [en]: {text['en']!r}"


@BY_MARKET
def test_japanese_descriptions_are_japanese(market: MarketListing) -> None:
    for store in market.stores:
        ja = store.description["ja"]
        kana = [ch for ch in ja if "\u3041" <= ch <= "\u30ff"]
        assert kana, f"{store.stall_number}: Japanese description has no kana: {ja!r}"
        assert ja != store.description["zh_Hans"]


@BY_MARKET
def test_traditional_chinese_is_not_a_copy_of_simplified(market: MarketListing) -> None:
    texts = list(_texts(market))
    differ = [w for w, t in texts if t["zh_Hans"] != t["zh_Hant"]]
    assert len(differ) >= 0.7 * len(texts), f"only {len(differ)} of {len(texts)} differ"
    for store in market.stores:
        assert store.description["zh_Hans"] != store.description["zh_Hant"], store.stall_number


@BY_MARKET
def test_each_chinese_script_uses_its_own_characters(market: MarketListing) -> None:
    for where, text in _texts(market):
        simplified_in_hant = sorted(set(text["zh_Hant"]) & set(SIMPLIFIED_ONLY))
        assert not simplified_in_hant, f"{where} [zh_Hant]: simplified {simplified_in_hant}"
        traditional_in_hans = sorted(set(text["zh_Hans"]) & set(TRADITIONAL_ONLY))
        assert not traditional_in_hans, f"{where} [zh_Hans]: traditional {traditional_in_hans}"


def test_script_check_catches_a_copied_text() -> None:
    assert set("釜山鱼饼") & set(SIMPLIFIED_ONLY)
    assert set("釜山魚板") & set(TRADITIONAL_ONLY)
    assert len(SIMPLIFIED_ONLY) == len(TRADITIONAL_ONLY)
    assert not set(SIMPLIFIED_ONLY) & set(TRADITIONAL_ONLY)


@BY_MARKET
def test_only_plain_characters(market: MarketListing) -> None:
    for where, text in _texts(market):
        for loc, value in text.items():
            odd = [f"U+{ord(ch):04X}" for ch in value if not _is_allowed_char(ch)]
            assert not odd, f"{where} [{loc}]: unexpected characters {odd}"
    for store in market.stores:
        units = hours_cell(store.hours) + "".join(p.unit for p in store.products)
        assert all(_is_allowed_char(ch) for ch in units), store.stall_number


def test_plain_character_check_rejects_emoji() -> None:
    assert not _is_allowed_char("\U0001f34a")  # tangerine emoji
    assert not _is_allowed_char("\u2605")  # black star
    assert _is_allowed_char("귤") and _is_allowed_char("ミ") and _is_allowed_char("（")


# --- KakaoTalk channels --------------------------------------------------------


@BY_MARKET
def test_about_a_third_have_kakao_channels(market: MarketListing) -> None:
    ids = [s.kakao for s in market.stores if s.kakao]
    assert len(market.stores) // 4 <= len(ids) <= len(market.stores) // 2
    for channel_id in ids:
        assert KAKAO_ID.fullmatch(channel_id), channel_id
        assert "Demo" in channel_id, f"{channel_id}: should look invented"
        assert parse_channel_id(channel_id) == channel_id


def test_kakao_ids_are_unique_across_markets() -> None:
    ids = [s.kakao for m in MARKETS for s in m.stores if s.kakao]
    assert len(set(ids)) == len(ids)


def test_kakao_pattern_rejects_bad_ids() -> None:
    for bad in ("bsDemo", "_", "_bs-Demo", "_bs Demo", "_귤Demo", "_" + "a" * 31):
        assert not KAKAO_ID.fullmatch(bad), bad


# --- DEMO payment payloads -------------------------------------------------------


@BY_MARKET
def test_about_a_third_have_payment_payloads(market: MarketListing) -> None:
    count = sum(1 for s in market.stores if s.payment)
    assert len(market.stores) // 4 <= count <= len(market.stores) // 2


@pytest.mark.parametrize(
    "store", [pytest.param(s, id=s.stall_number + " " + s.name["en"]) for s in _payload_stores()]
)
def test_payload_is_valid_and_marked_demo(store: StoreListing) -> None:
    raw = store.payment
    assert raw is not None
    assert raw.startswith("000201")
    assert raw.isascii() and raw.isprintable()
    assert raw[-8:-4] == "6304"
    assert raw[-4:] == f"{crc16_ccitt_false(raw[:-4].encode('ascii')):04X}"
    parsed = parse_payload(raw)
    assert parsed.value("01") == "11", "demo codes are static"
    assert parsed.currency == "KRW" and parsed.country == "KR"
    assert parsed.merchant_name.startswith("DEMO ") and len(parsed.merchant_name) <= 25
    assert parsed.city in CITY.values()
    mcc = parsed.value("52")
    assert mcc is not None and mcc.isdigit() and len(mcc) == 4
    templates = {obj.tag: obj for obj in parsed.objects if obj.children is not None}
    account = {c.tag: c.value for c in templates["26"].children or ()}
    assert account["00"] == DEMO_GUID
    assert account["01"].startswith("DEMO-")
    extra = {c.tag: c.value for c in templates["62"].children or ()}
    assert extra["08"] == DEMO_PURPOSE
    assert parse_payment_payload(raw).kind == "emvco"


def test_payload_cities_match_their_markets() -> None:
    for market in MARKETS:
        for store in market.stores:
            if store.payment:
                assert parse_payload(store.payment).city == CITY[market.slug]


def test_payload_merchant_ids_are_unique() -> None:
    ids = []
    for store in _payload_stores():
        assert store.payment is not None
        parsed = parse_payload(store.payment)
        account = next(o for o in parsed.objects if o.tag == "26")
        ids.append(account.value)
    assert len(set(ids)) == len(ids)


def test_a_payload_survives_a_real_qr_round_trip() -> None:
    store = _payload_stores()[0]
    raw = store.payment
    assert raw is not None
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=4, box_size=6)
    code.add_data(raw)
    image = code.make_image().get_image().convert("L")
    decoded = zxingcpp.read_barcodes(image)
    assert [d.text for d in decoded] == [raw]


def test_demo_payload_builds_the_expected_text() -> None:
    raw = demo_payload(merchant_id="T-1", name="TEST STALL", mcc="5411", city="JEJU")
    body = (
        "000201"
        "010211"
        "2635"
        "0019KR.DEMO.MARKETKIOSK"
        "0108DEMO-T-1"
        "52045411"
        "5303410"
        "5802KR"
        "5915DEMO TEST STALL"
        "6004JEJU"
        "6227"
        "0823DEMO DATA - NOT PAYABLE"
        "6304"
    )
    assert raw == body + f"{crc16_ccitt_false(body.encode('ascii')):04X}"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"merchant_id": ""}, "merchant_id"),
        ({"merchant_id": "bs-a01"}, "merchant_id"),
        ({"merchant_id": "X" * 21}, "merchant_id"),
        ({"name": "바다향"}, "name"),
        ({"name": "Sea Scent"}, "name"),
        ({"name": "A VERY LONG STALL NAME"}, "tag 59"),
        ({"mcc": "541"}, "mcc"),
        ({"mcc": "54a1"}, "mcc"),
        ({"city": "Busan"}, "city"),
        ({"city": "SEOGWIPO CITY JEJU"}, "city"),
    ],
)
def test_demo_payload_refuses_bad_fields(kwargs: dict[str, str], field: str) -> None:
    args = {"merchant_id": "A01", "name": "GOOD NAME", "mcc": "5411", "city": "BUSAN"}
    args.update(kwargs)
    with pytest.raises(ValueError, match=re.escape(field)):
        demo_payload(**args)
