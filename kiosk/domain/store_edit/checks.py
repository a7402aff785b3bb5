"""A store being edited: the draft, its field-level checks, what changed, and merging edits."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Final

from kiosk.domain.categories import Category
from kiosk.domain.characters import is_hidden
from kiosk.domain.listing import GoodListing, ProductInfo, StoreDetail, StoreListing
from kiosk.domain.locales import LOCALES, NATIVE_NAMES, LocaleCode
from kiosk.domain.messages import N_, KioskError, Message, MessageDef, define

MAX_NAME: Final = 200
MAX_DESCRIPTION: Final = 2000
MAX_STALL: Final = 20
MAX_UNIT: Final = 20
MAX_PRICE_WON: Final = 100_000_000

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
    "edit.bad_price", N_("{field}: a price in whole won, from 0 to {max} (digits only).")
)
STALE = define(
    "edit.stale",
    N_(
        "Changed on another PC: reload. {name} was saved elsewhere after you opened it "
        "({changes}). Nothing of yours was saved and nothing is lost: your entries stay "
        "until you reload."
    ),
)
GONE = define(
    "edit.gone",
    N_("{name} was removed on another PC meanwhile; nothing was saved."),
)

FIELD_NAMES: Final[Mapping[str, MessageDef]] = {
    "stall_number": define("edit.field.stall_number", N_("Stall number")),
    "category": define("edit.field.category", N_("Category")),
    "name": define("edit.field.name", N_("Name")),
    "description": define("edit.field.description", N_("Description")),
    "phone": define("edit.field.phone", N_("Phone")),
    "opening_hours": define("edit.field.opening_hours", N_("Opening hours")),
    "payment_methods": define("edit.field.payment_methods", N_("Ways to pay")),
    "kakao_channel": define("edit.field.kakao_channel", N_("KakaoTalk channel")),
    "payment_qr": define("edit.field.payment_qr", N_("Zero Pay payment QR")),
    "active": define("edit.field.active", N_("Open for business")),
    "goods": define("edit.field.goods", N_("Goods")),
    "price_won": define("edit.field.price_won", N_("Price")),
    "unit": define("edit.field.unit", N_("Unit")),
    "sold_out": define("edit.field.sold_out", N_("Sold out")),
}
FIELD_IN_LOCALE = define("edit.field_in_locale", N_("{field} ({locale})"))
GOOD_FIELD = define("edit.good_field", N_("Good {row}: {field}"))


def field_label(key: str, locale: LocaleCode | None = None, *, good: int | None = None) -> Message:
    """A field named for people: "Name (ja)", "Good 2: Price", "Good 3: Name (ko)"."""
    label = FIELD_NAMES[key]()
    if locale is not None:
        label = FIELD_IN_LOCALE(field=label, locale=NATIVE_NAMES[locale])
    if good is not None:
        label = GOOD_FIELD(row=good, field=label)
    return label


#: The editor's names for the one listing model (kiosk.domain.listing): a good and a store.
ProductDraft = GoodListing
StoreDraft = StoreListing


@dataclass(frozen=True, slots=True)
class Problem:
    """One refused field: ``field`` is a stable key (``name.ko``, ``goods.2.price_won``)."""

    field: str
    message: Message


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One change for the audit log and the stale-save message: ``field: old -> new``."""

    field: str
    old: str
    new: str

    def __str__(self) -> str:
        return f"{self.field}: {self.old or '∅'} -> {self.new or '∅'}"


class EditRefused(KioskError):
    """The draft has problems; ``problems`` names each field. Nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems[0].message)
        self.problems = problems


class StaleEdit(KioskError):
    """Someone saved the store after it was loaded; ``changes`` says what they changed."""

    def __init__(self, *, store_id: int, name: str, changes: list[FieldChange]) -> None:
        shown = "; ".join(str(c) for c in changes[:6]) + ("; …" if len(changes) > 6 else "")
        super().__init__(STALE(name=name, changes=shown or "-"))
        self.store_id = store_id
        self.changes = changes


class Gone(KioskError):
    """The store or good was removed on another PC meanwhile."""

    def __init__(self, name: str) -> None:
        super().__init__(GONE(name=name))


def draft_from(store: StoreDetail) -> StoreDraft:
    """The draft that saves *store* unchanged."""
    return StoreDraft(
        stall_number=store.stall_number,
        category=store.category,
        name=dict(store.name.values),
        description=dict(store.description.values),
        phone=store.phone,
        hours=store.opening_hours,
        payment_methods=store.payment_methods,
        kakao=store.kakao_channel_id or "",
        payment=store.payment_qr_payload or "",
        active=store.active,
        products=tuple(product_draft(p) for p in store.products),
    )


def product_draft(product: ProductInfo) -> ProductDraft:
    return ProductDraft(
        id=product.id,
        name=dict(product.name.values),
        price_won=product.price_won,
        unit=product.unit,
        sold_out=product.sold_out,
    )


def empty_draft() -> StoreDraft:
    return StoreDraft(stall_number="", category=Category.OTHER, name={})


# Checks -------------------------------------------------------------------------------
_STALL = re.compile(r"^[0-9A-Za-z가-힣]+(?:-[0-9A-Za-z가-힣]+)*$")
_PHONE = re.compile(
    r"^(?:02-\d{3,4}-\d{4}"  # Seoul
    r"|0[3-6][1-5]-\d{3,4}-\d{4}"  # other areas
    r"|01[016789]-\d{3,4}-\d{4}"  # mobile
    r"|0[57]0\d?-\d{3,4}-\d{4}"  # 070 internet phones, 050x safe numbers
    r"|1[5-9]\d{2}-\d{4})$"  # 1588-xxxx company numbers
)


def is_stall_number(text: str) -> bool:
    """Letters (Latin or Hangul) and digits in groups joined by single hyphens: ``A-12``."""
    return len(text) <= MAX_STALL and _STALL.match(text) is not None


def normalise_phone(text: str) -> str | None:
    """A Korean phone number with hyphens (``0212345678`` -> ``02-1234-5678``), or None.

    Blank stays blank. Spaces, dots and hyphens as typed are accepted.
    """
    digits = re.sub(r"[\s.\-()]", "", text)
    if not digits:
        return ""
    if not digits.isascii() or not digits.isdigit():
        return None
    if digits.startswith("02"):
        head, rest = "02", digits[2:]
    elif re.match(r"^1[5-9]\d{2}", digits):
        head, rest = digits[:4], digits[4:]
        candidate = f"{head}-{rest}"
        return candidate if _PHONE.match(candidate) else None
    elif digits.startswith("050"):  # 0505-123-4567 safe numbers have a 4-digit prefix
        head, rest = digits[:4], digits[4:]
    else:
        head, rest = digits[:3], digits[3:]
    if len(rest) not in (7, 8):
        return None
    candidate = f"{head}-{rest[:-4]}-{rest[-4:]}"
    return candidate if _PHONE.match(candidate) else None


def parse_won(text: str) -> int | None:
    """Whole won from ``12000``, ``12,000`` or ``₩12,000``; None when it is not that."""
    cleaned = re.sub(r"[\s,₩￦원]", "", text)
    if not cleaned.isascii() or not cleaned.isdigit():
        return None
    value = int(cleaned)
    return value if value <= MAX_PRICE_WON else None


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
    label = field_label("stall_number")
    if not stall:
        problems.append(Problem("stall_number", REQUIRED(field=label)))
    elif len(stall) > MAX_STALL:
        problems.append(Problem("stall_number", TOO_LONG(field=label, max=MAX_STALL)))
    elif not _STALL.match(stall):
        problems.append(Problem("stall_number", BAD_STALL(field=label)))
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
    if normalise_phone(draft.phone) is None:
        problems.append(Problem("phone", BAD_PHONE(field=field_label("phone"))))
    for row, product in enumerate(draft.products, start=1):
        problems += product_problems(product, row)
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


# What changed ---------------------------------------------------------------------------
def _show_texts(values: Mapping[LocaleCode, str], locale: LocaleCode) -> str:
    return values.get(locale, "")


def _product_label(product: ProductDraft) -> str:
    return product.name.get("ko") or next(iter(product.name.values()), "") or f"#{product.id}"


def changes_between(old: StoreDraft, new: StoreDraft) -> list[FieldChange]:
    """Each field that differs, as ``field: old -> new`` (goods by name, codes in full)."""
    found: list[FieldChange] = []

    def add(key: str, a: object, b: object) -> None:
        if a != b:
            found.append(FieldChange(key, str(a), str(b)))

    add("stall_number", old.stall_number, new.stall_number)
    add("category", old.category.value, new.category.value)
    for locale in LOCALES:
        add(f"name.{locale}", _show_texts(old.name, locale), _show_texts(new.name, locale))
    for locale in LOCALES:
        add(
            f"description.{locale}",
            _show_texts(old.description, locale),
            _show_texts(new.description, locale),
        )
    add("phone", old.phone, new.phone)
    if old.hours != new.hours:
        found.append(FieldChange("opening_hours", old.hours.format("ko"), new.hours.format("ko")))
    add(
        "payment_methods",
        ",".join(m.value for m in old.payment_methods),
        ",".join(m.value for m in new.payment_methods),
    )
    add("kakao_channel", old.kakao, new.kakao)
    add("payment_qr", old.payment, new.payment)
    add("active", old.active, new.active)
    found += product_changes(old.products, new.products)
    return found


def product_changes(
    old: tuple[ProductDraft, ...], new: tuple[ProductDraft, ...]
) -> list[FieldChange]:
    found: list[FieldChange] = []
    before = {p.id: p for p in old if p.id is not None}
    kept = {p.id for p in new if p.id is not None}
    for product in old:
        if product.id not in kept:
            found.append(FieldChange(f"goods[{_product_label(product)}]", "present", "removed"))
    for product in new:
        was = before.get(product.id) if product.id is not None else None
        label = f"goods[{_product_label(product)}]"
        if was is None:
            found.append(FieldChange(label, "", f"added, {product.price_won} won"))
            continue
        for locale in LOCALES:
            a, b = was.name.get(locale, ""), product.name.get(locale, "")
            if a != b:
                found.append(FieldChange(f"{label}.name.{locale}", a, b))
        pairs: tuple[tuple[str, object, object], ...] = (
            ("price_won", was.price_won, product.price_won),
            ("unit", was.unit, product.unit),
            ("sold_out", was.sold_out, product.sold_out),
        )
        for key, before_value, after_value in pairs:
            if before_value != after_value:
                found.append(FieldChange(f"{label}.{key}", str(before_value), str(after_value)))
    old_order = [p.id for p in old if p.id in kept]
    new_order = [p.id for p in new if p.id in before]
    if old_order != new_order:
        found.append(FieldChange("goods.order", "", "changed"))
    return found


def touches_codes(old: StoreDraft, new: StoreDraft) -> bool:
    """True when the KakaoTalk channel or the payment payload changes (needs a PIN or password)."""
    return old.kakao != new.kakao or old.payment != new.payment


def forbidden_for_merchant(changes: list[FieldChange]) -> list[FieldChange]:
    """The changes a merchant may not make (everything but goods and their own codes)."""
    allowed = ("goods", "kakao_channel", "payment_qr")
    return [c for c in changes if not c.field.startswith(allowed)]


# Merging -----------------------------------------------------------------------------------
def rebase(base: StoreDraft, mine: StoreDraft, theirs: StoreDraft) -> StoreDraft:
    """My edits (base -> mine) applied on top of what was saved meanwhile (*theirs*).

    Field by field: a field I changed takes my value, any other keeps theirs.
    Goods by id: mine changed -> mine; I removed -> removed; new ones of mine
    are added; a good they removed that I changed comes back as a new one.
    """

    def pick(key: str) -> object:
        mine_value = getattr(mine, key)
        return mine_value if mine_value != getattr(base, key) else getattr(theirs, key)

    def texts(key: str) -> dict[LocaleCode, str]:
        b, m, t = getattr(base, key), getattr(mine, key), getattr(theirs, key)
        merged: dict[LocaleCode, str] = {}
        for locale in LOCALES:
            mine_text = m.get(locale, "")
            value = mine_text if mine_text != b.get(locale, "") else t.get(locale, "")
            if value:
                merged[locale] = value
        return merged

    merged = replace(
        theirs,
        **{
            key: pick(key)
            for key in (
                "stall_number",
                "category",
                "phone",
                "hours",
                "payment_methods",
                "kakao",
                "payment",
                "active",
            )
        },  # type: ignore[arg-type]
        name=texts("name"),
        description=texts("description"),
    )
    base_goods: dict[int | None, ProductDraft] = {
        p.id: p for p in base.products if p.id is not None
    }
    mine_goods: dict[int | None, ProductDraft] = {
        p.id: p for p in mine.products if p.id is not None
    }
    theirs_ids = {p.id for p in theirs.products}
    products: list[ProductDraft] = []
    for product in theirs.products:
        if product.id in base_goods and product.id not in mine_goods:
            continue  # I removed it
        mine_version = mine_goods.get(product.id)
        changed = mine_version is not None and mine_version != base_goods.get(product.id)
        products.append(mine_version if changed and mine_version is not None else product)
    for product in mine.products:
        if product.id is None:
            products.append(product)
        elif product.id not in theirs_ids and product != base_goods.get(product.id):
            products.append(replace(product, id=None))
    return replace(merged, products=tuple(products))
