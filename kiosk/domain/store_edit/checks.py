"""Field checks of a store draft, and the draft as stored (trimmed texts, phone with hyphens)."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace

from kiosk.domain.characters import is_hidden
from kiosk.domain.locales import LOCALES, LocaleCode
from kiosk.domain.messages import N_, define
from kiosk.domain.phones import normalise_phone
from kiosk.domain.prices import MAX_PRICE_WON
from kiosk.domain.store_edit.draft import (
    MAX_DESCRIPTION,
    MAX_NAME,
    MAX_STALL,
    MAX_UNIT,
    Problem,
    ProductDraft,
    StoreDraft,
    field_label,
)

REQUIRED = define("edit.required", N_("{field}: this is required."))
TOO_LONG = define("edit.too_long", N_("{field}: at most {max} characters."))
HIDDEN_CHARS = define(
    "edit.hidden_chars", N_("{field}: remove the invisible or control characters.")
)
BAD_STALL = define(
    "edit.bad_stall", N_("{field}: use letters, digits and '-' only (for example A-12).")
)
DUPLICATE_STALL = define(
    "edit.duplicate_stall", N_("{field}: stall {stall} already exists in this market.")
)
BAD_PHONE = define(
    "edit.bad_phone",
    N_("{field}: not a Korean phone number (for example 02-123-4567 or 010-1234-5678)."),
)
BAD_PRICE = define(
    "edit.bad_price", N_("{field}: a price in whole won, from 0 to {max} (for example 12,000).")
)


_STALL = re.compile(r"^[0-9A-Za-z가-힣]+(?:-[0-9A-Za-z가-힣]+)*$")


def is_stall_number(text: str) -> bool:
    """Letters (Latin or Hangul) and digits in groups joined by single hyphens: ``A-12``."""
    return len(text) <= MAX_STALL and _STALL.match(text) is not None


def _text_problems(
    key: str,
    field: str,
    text: str,
    limit: int,
    locale: LocaleCode | None = None,
    *,
    good: int | None = None,
) -> list[Problem]:
    """Too long or hidden characters; the label is made only for a problem (imports check
    tens of thousands of texts with this)."""
    if len(text) <= limit and (
        text.isprintable() or not any(is_hidden(ch) for ch in text if ch not in "\n")
    ):
        return []
    label = field_label(field, locale, good=good)
    if len(text) > limit:
        return [Problem(key, TOO_LONG(field=label, max=limit))]
    return [Problem(key, HIDDEN_CHARS(field=label))]


def validate(draft: StoreDraft) -> list[Problem]:
    """Every refused field of *draft*, in form order (empty: it may be saved)."""
    problems: list[Problem] = []
    stall = draft.stall_number.strip()
    if not stall:
        problems.append(Problem("stall_number", REQUIRED(field=field_label("stall_number"))))
    elif len(stall) > MAX_STALL:
        label = field_label("stall_number")
        problems.append(Problem("stall_number", TOO_LONG(field=label, max=MAX_STALL)))
    elif not _STALL.match(stall):
        problems.append(Problem("stall_number", BAD_STALL(field=field_label("stall_number"))))
    descriptions = draft.description.values()
    if _plain(draft.name.values(), MAX_NAME) and _plain(descriptions, MAX_DESCRIPTION):
        if not draft.name.get("ko", "").strip():  # the one problem plain texts can have
            problems.append(Problem("name.ko", REQUIRED(field=field_label("name", "ko"))))
    else:
        problems += _names_problems(draft)
    if normalise_phone(draft.phone) is None:
        problems.append(Problem("phone", BAD_PHONE(field=field_label("phone"))))
    if draft.products and _plain_goods(draft.products):
        return problems  # the full check finds nothing in goods that pass the quick test
    for row, product in enumerate(draft.products, start=1):
        if not (
            0 <= product.price_won <= MAX_PRICE_WON
            and product.name.get("ko", "").strip()
            and _plain(product.name.values(), MAX_NAME)
            and len(product.unit) <= MAX_UNIT
            and product.unit.isprintable()
        ):  # a good that passes this quick test has no problem: the full check finds none
            problems += product_problems(product, row)
    return problems


def _plain_goods(products: Sequence[ProductDraft]) -> bool:
    """The goods' quick test all at once: prices in range, a Korean name each, every name
    and unit :func:`_plain` (a market's store has tens of goods; an import, thousands)."""
    names = [product.name for product in products]
    prices = [product.price_won for product in products]
    units = [product.unit for product in products]
    texts = [text for name in names for text in name.values()]
    return (
        min(prices) >= 0
        and max(prices) <= MAX_PRICE_WON
        and all(map(str.strip, [name.get("ko", "") for name in names]))
        and _plain(texts, MAX_NAME)
        and _plain(units, MAX_UNIT)
    )


def _plain(texts: Collection[str], limit: int) -> bool:
    """Every text at most *limit* characters and printable (no line break either): then
    :func:`_text_problems` finds nothing in any of them."""
    return not texts or (max(map(len, texts)) <= limit and "".join(texts).isprintable())


def _names_problems(draft: StoreDraft) -> list[Problem]:
    """The store's names and descriptions checked locale by locale, in form order."""
    problems: list[Problem] = []
    for locale in LOCALES:
        name = draft.name.get(locale, "")
        key = f"name.{locale}"
        if locale == "ko" and not name.strip():
            problems.append(Problem(key, REQUIRED(field=field_label("name", locale))))
        problems += _text_problems(key, "name", name, MAX_NAME, locale)
        problems += _text_problems(
            f"description.{locale}",
            "description",
            draft.description.get(locale, ""),
            MAX_DESCRIPTION,
            locale,
        )
    return problems


def product_problems(product: ProductDraft, row: int) -> list[Problem]:
    """The refused fields of the good in *row* (1-based)."""
    problems: list[Problem] = []
    name = product.name.get("ko", "")
    key = f"goods.{row}"
    if not name.strip():
        label = field_label("name", "ko", good=row)
        problems.append(Problem(f"{key}.name.ko", REQUIRED(field=label)))
    for locale in LOCALES:
        problems += _text_problems(
            f"{key}.name.{locale}", "name", product.name.get(locale, ""), MAX_NAME, locale, good=row
        )
    if not 0 <= product.price_won <= MAX_PRICE_WON:
        problems.append(
            Problem(
                f"{key}.price_won",
                BAD_PRICE(field=field_label("price_won", good=row), max=MAX_PRICE_WON),
            )
        )
    problems += _text_problems(f"{key}.unit", "unit", product.unit, MAX_UNIT, good=row)
    return problems


def missing_locales(texts: Mapping[LocaleCode, str]) -> list[LocaleCode]:
    """The locales without text (the form marks each one)."""
    return [locale for locale in LOCALES if not texts.get(locale, "").strip()]


def cleaned(draft: StoreDraft) -> StoreDraft:
    """*draft* as it is stored: trimmed texts, empty locales left out, phone with hyphens."""

    def texts(values: Mapping[LocaleCode, str]) -> dict[LocaleCode, str]:
        return {k: values[k].strip() for k in LOCALES if values.get(k, "").strip()}

    return replace(
        draft,
        stall_number=draft.stall_number.strip(),
        name=texts(draft.name),
        description=texts(draft.description),
        phone=normalise_phone(draft.phone) or "",
        kakao=draft.kakao.strip(),
        payment=draft.payment.strip(),
        products=tuple(replace(p, name=texts(p.name), unit=p.unit.strip()) for p in draft.products),
    )
