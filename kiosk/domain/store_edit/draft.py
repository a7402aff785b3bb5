"""A store being edited: the draft, its field labels, refused fields, and the edit errors."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from kiosk.domain.categories import Category
from kiosk.domain.listing import GoodListing, ProductInfo, StoreDetail, StoreListing
from kiosk.domain.locales import NATIVE_NAMES, LocaleCode
from kiosk.domain.messages import N_, KioskError, Message, MessageDef, define

MAX_NAME: Final = 200
MAX_DESCRIPTION: Final = 2000
MAX_STALL: Final = 20
MAX_UNIT: Final = 20

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
