"""What changed between two drafts of a store, and my edits merged onto what was saved meanwhile."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from kiosk.domain.locales import LOCALES, LocaleCode
from kiosk.domain.store_edit.draft import FieldChange, ProductDraft, StoreDraft


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
