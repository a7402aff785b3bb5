"""Rates: exchange rates the manager types (never fetched) and how long they stay shown."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from kiosk.domain.access import Actor
from kiosk.domain.audit import AuditAction
from kiosk.domain.currency import ExchangeRate, RateCard
from kiosk.services.changes import Change, ChangeKind
from kiosk.services.parts.core import Core, Part, Written, publishes

if TYPE_CHECKING:
    from kiosk.services.uow import Tx

#: The audit log's subject for every rate entry.
SUBJECT = "exchange rates"


def _shown(rate: ExchangeRate | None) -> str:
    return "" if rate is None else f"{format(rate.won_per_unit, 'f')} won ({rate.as_of})"


class Rates(Part):
    """Reference prices read the card; managers set and remove rates and the maximum age.

    Every write is audited and publishes a ``RATES`` change (every market: store pages
    redraw their reference prices). A bad currency, rate, date or age raises
    ``RateError`` naming the field; nothing is written then.
    """

    def rate_card(self) -> RateCard:
        """Every rate entered and the maximum age in days (what store pages need)."""
        from kiosk.data import exchange_rates
        from kiosk.services.uow import transaction

        with transaction(self._db) as session:
            return exchange_rates.rate_card(session)

    @publishes
    def set_rate(
        self,
        *,
        actor: Actor,
        currency: str,
        rate: str | Decimal,
        as_of: date | None = None,
        today: date | None = None,
    ) -> Written[ExchangeRate]:
        """Store the won for one *currency* as of *as_of* (default: today in Seoul)."""
        from kiosk.data import exchange_rates
        from kiosk.domain.currency import check_rate, seoul_today

        live = self._core.require(actor, manager=True)
        day = today or seoul_today()
        checked = check_rate(currency, rate, as_of or day, today=day)
        with _audited(self._core, live, AuditAction.RATE_SET) as (session, changes):
            before = exchange_rates.put_rate(session, checked)
            changes.append((checked.currency, _shown(before), _shown(checked)))
        return Written(checked, Change(ChangeKind.RATES))

    @publishes
    def remove_rate(self, *, actor: Actor, currency: str) -> Written[ExchangeRate]:
        """Delete the rate of *currency*; NotFoundError when none is stored."""
        from kiosk.data import exchange_rates

        live = self._core.require(actor, manager=True)
        code = currency.strip().upper()
        with _audited(self._core, live, AuditAction.RATE_REMOVED) as (session, changes):
            gone = exchange_rates.drop_rate(session, code)
            changes.append((code, _shown(gone), ""))
        return Written(gone, Change(ChangeKind.RATES))

    @publishes
    def set_max_age(self, *, actor: Actor, days: int | str) -> Written[int]:
        """How many days after its date a rate is still shown (1 to 365)."""
        from kiosk.data import exchange_rates
        from kiosk.domain.currency import check_max_age

        live = self._core.require(actor, manager=True)
        checked = check_max_age(days)
        with _audited(self._core, live, AuditAction.RATE_MAX_AGE) as (session, changes):
            before = exchange_rates.put_max_age(session, checked)
            changes.append(("max_age_days", str(before), str(checked)))
        return Written(checked, Change(ChangeKind.RATES))


@contextmanager
def _audited(
    core: Core, actor: Actor, action: AuditAction
) -> Iterator[tuple[Tx, list[tuple[str, str, str]]]]:
    """One transaction: the write, its audit line and its change event (all or nothing)."""
    from kiosk.services.audit import record
    from kiosk.services.live import note_change
    from kiosk.services.uow import transaction

    changes: list[tuple[str, str, str]] = []
    with transaction(core.db) as session:
        yield session, changes
        record(session, actor=actor, action=action, subject=SUBJECT, changes=changes)
        note_change(session, origin=core.origin, change=Change(ChangeKind.RATES))
