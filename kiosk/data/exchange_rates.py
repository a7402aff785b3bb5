"""The ``exchange_rates`` and ``rate_settings`` tables: rates the manager typed, and their age."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.data.errors import NotFoundError
from kiosk.data.models import ExchangeRate as RateRow
from kiosk.data.models import RateSettings
from kiosk.domain.currency import DEFAULT_MAX_AGE_DAYS, ExchangeRate, RateCard


def _value(row: RateRow) -> ExchangeRate:
    return ExchangeRate(row.currency, Decimal(row.won_per_unit), row.as_of)


def rate_card(session: Session) -> RateCard:
    """Every rate (by currency code) and the maximum age (the default when never set)."""
    rows = session.scalars(select(RateRow).order_by(RateRow.currency))
    settings = session.get(RateSettings, 1)
    days = settings.max_age_days if settings is not None else DEFAULT_MAX_AGE_DAYS
    return RateCard(tuple(_value(row) for row in rows), days)


def put_rate(session: Session, rate: ExchangeRate) -> ExchangeRate | None:
    """Store *rate* (replacing that currency's); the rate it replaced, or None."""
    row = session.get(RateRow, rate.currency)
    before = None if row is None else _value(row)
    if row is None:
        row = RateRow(currency=rate.currency)
        session.add(row)
    row.won_per_unit = format(rate.won_per_unit, "f")
    row.as_of = rate.as_of
    session.flush()
    return before


def drop_rate(session: Session, currency: str) -> ExchangeRate:
    """Delete the rate of *currency* and return it; NotFoundError when there is none."""
    row = session.get(RateRow, currency)
    if row is None:
        raise NotFoundError("rate", currency)
    gone = _value(row)
    session.delete(row)
    session.flush()
    return gone


def put_max_age(session: Session, days: int) -> int:
    """Store the maximum age in days; the one it replaced (the default when never set)."""
    row = session.get(RateSettings, 1)
    before = DEFAULT_MAX_AGE_DAYS if row is None else row.max_age_days
    if row is None:
        session.add(RateSettings(id=1, max_age_days=days))
    else:
        row.max_age_days = days
    session.flush()
    return before
