"""Exchange rates through the door: manager only, checked, audited, published, all or nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kiosk.data.db import Database
from kiosk.domain.access import Actor, PermissionDenied
from kiosk.domain.audit import AuditAction
from kiosk.domain.currency import DEFAULT_MAX_AGE_DAYS, ExchangeRate, RateError
from kiosk.i18n import set_locale
from kiosk.services.app import Services
from kiosk.services.changes import Change, ChangeKind
from kiosk.services.errors import NotFoundError

TODAY = date(2026, 12, 6)


@pytest.fixture(autouse=True)
def english() -> None:
    set_locale("en")


@pytest.fixture
def services(db: Database) -> Services:
    return Services(db)


def test_set_list_replace_remove_audited_and_published(services: Services) -> None:
    console = services.access.console_actor()
    seen: list[Change] = []
    services.changes.subscribe(seen.append)
    assert services.rates.rate_card().rates == ()
    assert services.rates.rate_card().max_age_days == DEFAULT_MAX_AGE_DAYS
    first = services.rates.set_rate(
        actor=console, currency="jpy", rate="9.05", as_of=date(2026, 12, 1), today=TODAY
    )
    assert first == ExchangeRate("JPY", Decimal("9.05"), date(2026, 12, 1))
    services.rates.set_rate(actor=console, currency="USD", rate="1385", today=TODAY)
    services.rates.set_rate(actor=console, currency="JPY", rate="9.1", today=TODAY)
    card = services.rates.rate_card()
    assert [(r.currency, r.won_per_unit, r.as_of) for r in card.rates] == [
        ("JPY", Decimal("9.1"), TODAY),
        ("USD", Decimal(1385), TODAY),
    ]
    assert services.rates.set_max_age(actor=console, days="30") == 30
    gone = services.rates.remove_rate(actor=console, currency="usd")
    assert gone.currency == "USD"
    assert [r.currency for r in services.rates.rate_card().rates] == ["JPY"]
    assert services.rates.rate_card().max_age_days == 30
    assert seen == [Change(ChangeKind.RATES)] * 5
    log = services.audit.audit_log(actor=console)
    assert [e.action for e in log[:5]] == [
        AuditAction.RATE_REMOVED,
        AuditAction.RATE_MAX_AGE,
        AuditAction.RATE_SET,
        AuditAction.RATE_SET,
        AuditAction.RATE_SET,
    ]
    assert str(log[2].changes[0]) == "JPY: 9.05 won (2026-12-01) -> 9.1 won (2026-12-06)"
    assert str(log[1].changes[0]) == f"max_age_days: {DEFAULT_MAX_AGE_DAYS} -> 30"


@pytest.mark.parametrize(
    ("currency", "rate", "as_of", "field"),
    [
        ("XYZ", "9", TODAY, "currency"),
        ("JPY", "0", TODAY, "rate"),
        ("JPY", "905", TODAY, "rate"),
        ("JPY", "9.05", date(2026, 12, 7), "date"),
    ],
)
def test_a_bad_rate_writes_nothing(
    services: Services, currency: str, rate: str, as_of: date, field: str
) -> None:
    console = services.access.console_actor()
    services.rates.set_rate(actor=console, currency="JPY", rate="9.05", today=TODAY)
    seen: list[Change] = []
    services.changes.subscribe(seen.append)
    with pytest.raises(RateError) as caught:
        services.rates.set_rate(
            actor=console, currency=currency, rate=rate, as_of=as_of, today=TODAY
        )
    assert caught.value.field == field
    assert services.rates.rate_card().rates == (ExchangeRate("JPY", Decimal("9.05"), TODAY),)
    assert seen == []
    with pytest.raises(RateError):
        services.rates.set_max_age(actor=console, days=0)
    with pytest.raises(NotFoundError, match="no exchange rate for EUR"):
        services.rates.remove_rate(actor=console, currency="EUR")
    assert len(services.audit.audit_log(actor=console)) == 1


def test_only_a_manager_may_write(services: Services) -> None:
    with pytest.raises(PermissionDenied):
        services.rates.set_rate(actor=Actor.tourist("pc"), currency="JPY", rate="9")
    with pytest.raises(PermissionDenied):
        services.rates.set_max_age(actor=Actor.tourist("pc"), days=3)
    assert services.rates.rate_card().rates == ()
