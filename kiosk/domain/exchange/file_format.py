"""The listings file format: columns with Korean headers, sheets, cell words and formula safety.

One format for CSV and XLSX (README, "Listings files"). A CSV holds one row per
good with the store's columns repeated (a store without goods has one row with
the goods columns empty). An XLSX has a stores sheet (``점포``, one row per
store) and a goods sheet (``상품``, one row per good, tied to its store by the
stall number), plus a guide sheet (``안내``) that imports ignore. Headers read
``가격 (price_won)``: Korean for the manager, the English key for scripts; an
import also accepts the Korean part or the key alone.

Text cells that Excel would run as a formula (``=``, ``+``, ``-``, ``@`` or a
full-width form after leading whitespace, or a leading tab or CR) are written
with a leading apostrophe, and so is text that starts with an apostrophe; an
import removes exactly that one apostrophe, so export -> import -> export gives
the same bytes (the rule: :mod:`kiosk.domain.exchange.spreadsheet`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from kiosk.domain.categories import Category
from kiosk.domain.exchange import spreadsheet as _cells
from kiosk.domain.locales import LOCALES, LocaleCode
from kiosk.domain.payments import PaymentMethod


@dataclass(frozen=True, slots=True)
class Column:
    """One column: ``key`` is stable (scripts use it), ``korean`` is what the manager reads."""

    key: str
    korean: str

    @property
    def header(self) -> str:
        return f"{self.korean} ({self.key})"


_LANGUAGE_WORDS: Final[Mapping[LocaleCode, str]] = {
    "ko": "",
    "en": " 영어",
    "ja": " 일본어",
    "zh_Hans": " 중국어 간체",
    "zh_Hant": " 중국어 번체",
}


def _lang_key(locale: LocaleCode) -> str:
    return locale.lower()


def _five(key: str, korean: str) -> tuple[Column, ...]:
    return tuple(
        Column(f"{key}_{_lang_key(loc)}", korean + _LANGUAGE_WORDS[loc]) for loc in LOCALES
    )


MARKET = Column("market", "시장")
STALL = Column("stall_number", "점포 번호")
CATEGORY = Column("category", "업종")
NAMES = _five("name", "점포 이름")
DESCRIPTIONS = _five("description", "소개")
PHONE = Column("phone", "전화번호")
HOURS = Column("opening_hours", "영업시간")
PAYMENTS = Column("payment_methods", "결제 수단")
KAKAO = Column("kakao_channel", "카카오톡 채널")
PAYMENT_QR = Column("payment_qr", "결제 QR 내용")
ACTIVE = Column("active", "영업 중")
GOOD_NAMES = _five("good_name", "상품 이름")
PRICE = Column("price_won", "가격")
UNIT = Column("unit", "단위")
SOLD_OUT = Column("sold_out", "품절")

#: Store columns in file order (the market column first, then the stall number).
STORE_COLUMNS: Final = (
    MARKET,
    STALL,
    CATEGORY,
    *NAMES,
    *DESCRIPTIONS,
    PHONE,
    HOURS,
    PAYMENTS,
    KAKAO,
    PAYMENT_QR,
    ACTIVE,
)
GOOD_COLUMNS: Final = (*GOOD_NAMES, PRICE, UNIT, SOLD_OUT)
#: The CSV (and one-sheet XLSX) layout: one row per good, store columns repeated.
FLAT_COLUMNS: Final = (*STORE_COLUMNS, *GOOD_COLUMNS)
#: The goods sheet of an XLSX: the stall number ties a good to its store.
GOODS_SHEET_COLUMNS: Final = (STALL, *GOOD_COLUMNS)
ALL_COLUMNS: Final = {column.key: column for column in FLAT_COLUMNS}

#: The demo markets' own file (kiosk/data/demo/markets.csv): slug, names and cities.
MARKET_NAMES = _five("market_name", "시장 이름")
CITIES = _five("city", "도시")
MARKET_COLUMNS: Final = (MARKET, *MARKET_NAMES, *CITIES)

STORES_SHEET: Final = "점포"
GOODS_SHEET: Final = "상품"
GUIDE_SHEET: Final = "안내"


def column_for(header: object, columns: Sequence[Column] = FLAT_COLUMNS) -> Column | None:
    """The column of *columns* a header names: ``가격 (price_won)``, ``price_won`` or ``가격``."""
    if not isinstance(header, str):
        return None
    text = " ".join(header.replace("\ufeff", "").split())
    lowered = text.lower()
    for column in columns:
        if text == column.header or lowered == column.key or text == column.korean:
            return column
    return None


# Words in cells ---------------------------------------------------------------------------
YES: Final = "예"
NO: Final = "아니오"
_YES_WORDS: Final = frozenset({"예", "네", "y", "yes", "true", "1", "o"})
_NO_WORDS: Final = frozenset({"아니오", "아니요", "n", "no", "false", "0", "x"})


def parse_yes_no(text: str) -> bool | None:
    """True for 예/Y/yes/1/O, False for 아니오/N/no/0/X (any case); None for anything else."""
    word = text.strip().lower()
    if word in _YES_WORDS:
        return True
    if word in _NO_WORDS:
        return False
    return None


#: Fixed Korean words for categories and payment methods (the file's, whatever the UI language).
CATEGORY_WORDS: Final[Mapping[Category, str]] = {
    Category.SEAFOOD: "수산물",
    Category.PRODUCE: "채소",
    Category.FRUIT: "과일",
    Category.TANGERINES: "제주 감귤",
    Category.MEAT: "정육",
    Category.RICE_CAKES: "떡",
    Category.SIDE_DISHES: "반찬",
    Category.STREET_FOOD: "길거리 음식",
    Category.RESTAURANT: "식당",
    Category.DRIED_GOODS: "건어물",
    Category.BAKERY: "빵과 간식",
    Category.CLOTHING: "의류",
    Category.SOUVENIRS: "기념품",
    Category.HOUSEWARES: "생활용품",
    Category.FLOWERS: "꽃",
    Category.OTHER: "기타",
}
PAYMENT_WORDS: Final[Mapping[PaymentMethod, str]] = {
    PaymentMethod.CASH: "현금",
    PaymentMethod.CARD: "카드",
    PaymentMethod.ZEROPAY: "제로페이",
    PaymentMethod.ONNURI: "온누리상품권",
    PaymentMethod.KAKAOPAY: "카카오페이",
    PaymentMethod.NAVERPAY: "네이버페이",
    PaymentMethod.ALIPAY_PLUS: "알리페이플러스",
    PaymentMethod.BANK_TRANSFER: "계좌이체",
    PaymentMethod.FOREIGN_CARD: "해외카드",
}
PAYMENT_SEPARATOR: Final = ", "


#: Every word a cell may use for a category or a way to pay: the Korean word or the code.
_CATEGORY_BY_WORD: Final[Mapping[str, Category]] = {
    **{category.value: category for category in CATEGORY_WORDS},
    **{korean: category for category, korean in CATEGORY_WORDS.items()},
}
_PAYMENT_BY_WORD: Final[Mapping[str, PaymentMethod]] = {
    **{method.value: method for method in PAYMENT_WORDS},
    **{korean: method for method, korean in PAYMENT_WORDS.items()},
}


def parse_category(text: str) -> Category | None:
    word = " ".join(text.split())
    found = _CATEGORY_BY_WORD.get(word)
    return found if found is not None else _CATEGORY_BY_WORD.get(word.lower())


def parse_payment_word(text: str) -> PaymentMethod | None:
    word = text.strip()
    found = _PAYMENT_BY_WORD.get(word)
    return found if found is not None else _PAYMENT_BY_WORD.get(word.lower())


# Formula safety ---------------------------------------------------------------------------
# One rule for every file the app writes or reads (kiosk.domain.exchange.spreadsheet).
FORMULA_STARTS: Final = (*_cells.FORMULA_STARTS, "\t", "\r")
QUOTE: Final = _cells.QUOTE
neutralise = _cells.neutralise
restore = _cells.restore
#: What a typed formula starts with once leading whitespace is gone (``=``, full-width ``＝``).
_TYPED_FORMULA: Final = ("=", "\uff1d")


def is_formula(text: str) -> bool:
    """A cell as typed that Excel would run: ``=`` or ``＝`` after any leading whitespace
    (spaces, tabs, full-width spaces); a restored (apostrophe-protected) cell never is."""
    return text.lstrip().startswith(_TYPED_FORMULA)
