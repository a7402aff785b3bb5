"""SQLAlchemy 2 typed ORM models: markets, holidays, stores, goods, onboarding, promotions, rates.

The schema is portable: every type and constraint here means the same on SQLite
and PostgreSQL (no FTS, no arrays, no database-specific JSON operators).
Every localised text (market, store and product names, descriptions, titles)
has one shape: a ``LocalizedColumn`` JSON object ``{locale: text}``, turned into
the domain's ``LocalizedText`` by :mod:`kiosk.data.convert`.
Search uses ``Store.search_text``, kept current by :mod:`kiosk.data.search`.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from kiosk.data.columns import (
    CategoryType,
    LocalizedColumn,
    OpeningHoursJSON,
    PaymentMethodsType,
    UTCDateTime,
    utcnow,
)
from kiosk.data.ordering import stall_sort_bytes
from kiosk.domain.categories import Category
from kiosk.domain.hours import OpeningHours
from kiosk.domain.payments import PaymentMethod

#: Stable constraint names so Alembic batch migrations on SQLite can find them again.
NAMING_CONVENTION: dict[str, str] = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_search_stamp() -> str:
    """A fresh random market search stamp (32 hex digits): equal stamps, same search data."""
    return uuid.uuid4().hex


def _no_hours() -> OpeningHours:
    return OpeningHours()


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Market(Base):
    """A market; ``name`` and ``city`` map locale codes to text.

    ``search_stamp`` changes, in the same transaction, with every write that
    changes what a search of the market sees (``kiosk.data.search``); the
    in-process search index compares it before answering.
    """

    __tablename__ = "markets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[dict[str, str]] = mapped_column(LocalizedColumn)
    city: Mapped[dict[str, str]] = mapped_column(LocalizedColumn)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The server default only serves rows inserted by hand; every app write sets a fresh one.
    search_stamp: Mapped[str] = mapped_column(
        String(32), default=new_search_stamp, server_default="0"
    )
    #: The market's synonym groups (lists of words); None: the default list
    #: (``kiosk/data/synonyms.toml``). Read through ``kiosk.data.synonym_lists``.
    synonyms: Mapped[list[list[str]] | None] = mapped_column(JSON, default=None)
    #: The market's tourist website (https, ending in /), or "" (``kiosk.domain.site``).
    site_url: Mapped[str] = mapped_column(String(200), default="")
    #: ``kiosk.domain.market_profile.MarketProfile`` as JSON (None: nothing known).
    profile: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    stores: Mapped[list[Store]] = relationship(back_populates="market", passive_deletes=True)
    holidays: Mapped[list[MarketHoliday]] = relationship(
        passive_deletes=True, order_by="MarketHoliday.day"
    )


def _stall_sort_default(context: DefaultExecutionContext) -> bytes:
    """Column default: the sort key of the row's stall number (Core and ORM inserts alike)."""
    parameters: dict[str, object] = context.get_current_parameters()  # type: ignore[no-untyped-call]
    return stall_sort_bytes(str(parameters["stall_number"]))


class Store(Base):
    """A stall. ``version`` is bumped on every UPDATE (optimistic concurrency).

    ``name`` and ``description`` map locale codes to text, so a store's whole
    directory row is this one row (no per-locale table to load).

    ``search_text`` is derived data: the stall number, the five names and
    descriptions and every product name, each folded by ``normalise_for_search``
    and joined by newlines; never edit it by hand. ``stall_sort_key`` is derived
    too (``kiosk.data.ordering.stall_sort_bytes``): the directory sorts on it in SQL.
    """

    __tablename__ = "stores"
    __table_args__ = (
        UniqueConstraint("market_id", "stall_number"),
        # The directory's pages: one market's active stores in stall order.
        Index("ix_stores_directory", "market_id", "active", "stall_sort_key"),
        # A shop of a public registry (SEMAS 상가업소번호) is found again by its number.
        Index("ix_stores_external", "market_id", "external_id"),
        # No index on search_text: searches run in memory (migration 0013 dropped the
        # pg_trgm GIN index 0004 made on PostgreSQL).
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # (market_id, stall_number) is unique, so that index also serves market_id lookups
    market_id: Mapped[int] = mapped_column(ForeignKey("markets.id", ondelete="CASCADE"))
    stall_number: Mapped[str] = mapped_column(String(20))
    category: Mapped[Category] = mapped_column(CategoryType)
    name: Mapped[dict[str, str]] = mapped_column(LocalizedColumn)
    description: Mapped[dict[str, str]] = mapped_column(LocalizedColumn, default=dict)
    phone: Mapped[str] = mapped_column(String(40), default="")
    opening_hours: Mapped[OpeningHours] = mapped_column(OpeningHoursJSON, default=_no_hours)
    kakao_channel_id: Mapped[str | None] = mapped_column(String(64))
    payment_qr_payload: Mapped[str | None] = mapped_column(Text)
    payment_methods: Mapped[tuple[PaymentMethod, ...]] = mapped_column(
        PaymentMethodsType, default=()
    )
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    #: The shop's number in a public registry (SEMAS 상가업소번호); None when typed in.
    external_id: Mapped[str | None] = mapped_column(String(40))
    search_text: Mapped[str] = mapped_column(Text, default="")
    stall_sort_key: Mapped[bytes] = mapped_column(LargeBinary, default=_stall_sort_default)
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    market: Mapped[Market] = relationship(back_populates="stores")
    products: Mapped[list[Product]] = relationship(
        back_populates="store",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="(Product.sort_order, Product.id)",
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy convention


class Product(Base):
    """A product with its price in whole won (KRW has no minor unit) per ``unit``."""

    __tablename__ = "products"
    __table_args__ = (CheckConstraint("price_won >= 0", name="price_not_negative"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id", ondelete="CASCADE"), index=True)
    name: Mapped[dict[str, str]] = mapped_column(LocalizedColumn)
    price_won: Mapped[int] = mapped_column(Integer)
    unit: Mapped[str] = mapped_column(String(20), default="")
    sold_out: Mapped[bool] = mapped_column(Boolean, default=False)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    store: Mapped[Store] = relationship(back_populates="products")


class OnboardingProgress(Base):
    """One onboarding step of one store. ``account_owner`` is the phone or e-mail
    that owns the created account; passwords are never stored anywhere.

    ``version`` is bumped on every UPDATE (two PCs never overwrite each other);
    ``link`` is the profile link a link step recorded; ``helper`` the mentor;
    ``updated_by`` the actor's audit label. ``step`` is a checklist key.
    """

    __tablename__ = "onboarding_progress"
    __table_args__ = (UniqueConstraint("store_id", "step"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id", ondelete="CASCADE"))
    step: Mapped[str] = mapped_column(String(48))
    status: Mapped[str] = mapped_column(String(16), default="todo")
    account_owner: Mapped[str | None] = mapped_column(String(200))
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    helper: Mapped[str] = mapped_column(String(100), default="")
    link: Mapped[str | None] = mapped_column(String(300))
    updated_by: Mapped[str] = mapped_column(String(64), default="")
    version: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy convention


class Promotion(Base):
    """A promotion or announcement of a market (or of one of its stores) on the tourist screen.

    Shown between ``starts_on`` and ``ends_on`` (both inclusive) on ``weekdays``
    (digits 0 Monday to 6 Sunday; empty: every day), from ``shows_from`` up to
    ``shows_until`` (minutes after midnight, Asia/Seoul; both None: all day).
    ``image`` is a PNG or JPEG checked before it was stored.
    """

    __tablename__ = "promotions"
    __table_args__ = (CheckConstraint("ends_on >= starts_on", name="ends_after_start"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    market_id: Mapped[int] = mapped_column(ForeignKey("markets.id", ondelete="CASCADE"), index=True)
    store_id: Mapped[int | None] = mapped_column(
        ForeignKey("stores.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16), default="promotion", server_default="promotion")
    title: Mapped[dict[str, str]] = mapped_column(LocalizedColumn)
    text: Mapped[dict[str, str]] = mapped_column(LocalizedColumn, default=dict)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    weekdays: Mapped[str] = mapped_column(String(7), default="")
    shows_from: Mapped[int | None] = mapped_column(Integer)
    shows_until: Mapped[int | None] = mapped_column(Integer)
    image: Mapped[bytes | None] = mapped_column(LargeBinary)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Credential(Base):
    """A secret's scrypt hash (``scrypt$n$r$p$salt$hash``, base64), never the secret.

    ``key`` is ``manager`` (the one manager password), ``store:<id>`` (that
    store's PIN; the row goes when the store goes) or ``manager-setup`` (the
    one-time set-up code; ``set_at`` starts its 24 hours).
    """

    __tablename__ = "credentials"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    store_id: Mapped[int | None] = mapped_column(
        ForeignKey("stores.id", ondelete="CASCADE"), index=True
    )
    secret_hash: Mapped[str] = mapped_column(Text)
    set_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SignInAttempts(Base):
    """Failed sign-ins per account: one row per PC and one for all PCs together.

    ``key`` is a SHA-256 of what was tried against (``manager``, the store id, the
    set-up code) for the all-PC row, or its first 31 hex digits, ``:`` and a hash
    of the PC's name for a PC's row, so the table neither lists stores nor PCs nor
    tells whether a store exists. ``locked_until`` is left from an older scheme
    and no longer set.
    """

    __tablename__ = "sign_in_attempts"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    not_before: Mapped[datetime | None] = mapped_column(UTCDateTime)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AuditLog(Base):
    """Who changed what, when, on which PC (kept when the store or market is removed).

    ``changes`` is a JSON list of ``[field, old, new]``; it never holds a secret.
    """

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor_role: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(64))
    pc: Mapped[str] = mapped_column(String(100), default="")
    action: Mapped[str] = mapped_column(String(32))
    market_slug: Mapped[str | None] = mapped_column(String(64), index=True)
    store_id: Mapped[int | None] = mapped_column(Integer)
    subject: Mapped[str] = mapped_column(String(300), default="")
    changes: Mapped[list[list[str]]] = mapped_column(JSON, default=list)


class ChangeEvent(Base):
    """One committed write, for other PCs: they poll for ids above the last they saw.

    ``origin`` is the writing process's random id (it skips its own events);
    ``store_ids`` a JSON list (empty: the whole market, or everything).
    """

    __tablename__ = "change_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    origin: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16))
    market_slug: Mapped[str | None] = mapped_column(String(64))
    store_ids: Mapped[list[int]] = mapped_column(JSON, default=list)


class ExchangeRate(Base):
    """A rate the market manager typed: ``won_per_unit`` won for one ``currency`` on ``as_of``.

    ``won_per_unit`` is the exact decimal text as checked (``9.05``), never a float.
    Rates are never fetched: they are what the office typed, dated.
    """

    __tablename__ = "exchange_rates"

    currency: Mapped[str] = mapped_column(String(3), primary_key=True)
    won_per_unit: Mapped[str] = mapped_column(String(24))
    as_of: Mapped[date] = mapped_column(Date)
    set_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class RateSettings(Base):
    """One row (``id`` 1): how many days a rate is shown after its date (the manager sets it)."""

    __tablename__ = "rate_settings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    max_age_days: Mapped[int] = mapped_column(Integer)


class MarketHoliday(Base):
    """A day the whole market is closed (설날, 추석, a closure): one row per market and date.

    ``name`` is the reason as the manager typed it ("" when none).
    """

    __tablename__ = "market_holidays"

    market_id: Mapped[int] = mapped_column(
        ForeignKey("markets.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), default="")
    set_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
