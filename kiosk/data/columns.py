"""Column types that behave the same on SQLite and PostgreSQL (UTC times, codes, texts)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Dialect, String
from sqlalchemy.ext.mutable import MutableDict
from sqlalchemy.types import TypeDecorator

from kiosk.domain.categories import Category
from kiosk.domain.hours import OpeningHours, parse_legacy_hours
from kiosk.domain.locales import LOCALES
from kiosk.domain.payments import PaymentMethod


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC timestamps.

    Rule: only aware datetimes may be stored (naive ones raise ``ValueError``);
    values come back aware in UTC from both SQLite (which keeps no zone) and
    PostgreSQL (``timestamptz``).
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value.isoformat()} given; use an aware UTC time")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class CategoryType(TypeDecorator[Category]):
    """A ``Category`` stored as its code; unknown codes in the database raise on load."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: Category | str | None, dialect: Dialect) -> str | None:
        return None if value is None else Category(value).value

    def process_result_value(self, value: str | None, dialect: Dialect) -> Category | None:
        return None if value is None else Category(value)


class PaymentMethodsType(TypeDecorator[tuple[PaymentMethod, ...]]):
    """Payment method codes as a comma-separated string, e.g. ``cash,zeropay``; order kept."""

    impl = String(200)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        codes: list[str] = []
        for item in value:
            code = PaymentMethod(item).value
            if code not in codes:
                codes.append(code)
        return ",".join(codes)

    def process_result_value(
        self, value: str | None, dialect: Dialect
    ) -> tuple[PaymentMethod, ...] | None:
        if value is None:
            return None
        return tuple(PaymentMethod(code) for code in value.split(",") if code)


class LocalizedJSON(TypeDecorator[dict[str, str]]):
    """Text per locale as a JSON object ``{"ko": "...", "en": "..."}``: the one shape of
    every localised column (market, store and product names, descriptions, titles).

    Rule: keys must be among the five locales and values strings, else ``ValueError``
    on write; the mapping is stored as given (an empty string stays an empty string,
    a missing locale stays missing). ``kiosk.data.convert.localized`` turns it into
    the domain's ``LocalizedText``.
    """

    impl = JSON
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> dict[str, str] | None:
        if value is None:
            return None
        unknown = [key for key in value if key not in LOCALES]
        if unknown:
            raise ValueError(
                f"unknown locale {unknown[0]!r} in localised text; use one of: "
                + ", ".join(LOCALES)
            )
        for key, text in value.items():
            if not isinstance(text, str):
                raise ValueError(f"localised text for {key!r} is a {type(text).__name__}, not str")
        return dict(value)


#: ``LocalizedJSON`` whose in-place edits (``store.name["ja"] = ...``) are tracked by the ORM.
LocalizedColumn = MutableDict.as_mutable(LocalizedJSON())


class OpeningHoursJSON(TypeDecorator[OpeningHours]):
    """``OpeningHours`` as its JSON shape (``OpeningHours.to_json``); migration 0003 made it so.

    A plain string is accepted on write and read as the old free-text hours
    (``parse_legacy_hours``: what it cannot read is kept as the note), so demo
    data written as text still lands as data.
    """

    impl = JSON
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> dict[str, Any] | None:
        if value is None:
            return None
        if isinstance(value, str):
            value = parse_legacy_hours(value)
        if not isinstance(value, OpeningHours):
            raise ValueError(f"opening hours must be OpeningHours, not {type(value).__name__}")
        return value.to_json()

    def process_result_value(self, value: Any, dialect: Dialect) -> OpeningHours | None:
        if value is None:
            return None
        return OpeningHours.from_json(value)
