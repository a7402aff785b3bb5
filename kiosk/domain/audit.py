"""Audit log entries as values: who (role, store, PC), when, what, and each field's old -> new."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from kiosk.domain.messages import N_, Message, define
from kiosk.domain.store_edit.draft import FieldChange

WHO_MANAGER = define("audit.who.manager", N_("Manager"))
WHO_CONSOLE = define("audit.who.console", N_("Command line"))
WHO_MERCHANT = define("audit.who.merchant", N_("Merchant (PIN of store #{id})"))
SUBJECT_STORE = define("audit.subject.store", N_("Store #{id}"))
# The fixed English labels the log stores (``Actor.label``, ``store_subject``).
_STORE = re.compile(r"store (\d+)")
_STORE_PIN = re.compile(r"store (\d+) \(PIN\)")


class AuditAction(StrEnum):
    """Codes are stored in the database; never rename one, add new ones instead."""

    STORE_CREATED = "store.created"
    STORE_CHANGED = "store.changed"
    STORE_CODES = "store.codes"
    MARKET_CREATED = "market.created"
    MARKET_CHANGED = "market.changed"
    MARKET_REMOVED = "market.removed"
    MARKET_SITE = "market.site"
    PASSWORD_SET = "secret.password_set"
    PIN_SET = "secret.pin_set"
    SIGN_IN = "sign_in.ok"
    SIGN_IN_FAILED = "sign_in.failed"
    LOCKED_OUT = "sign_in.locked"
    ONBOARDING_STEP = "onboarding.step"
    LISTINGS_IMPORTED = "listings.imported"
    DATABASE_RESTORED = "database.restored"
    PROMOTION_ADDED = "promotion.added"
    PROMOTION_REMOVED = "promotion.removed"
    PROMOTION_CHANGED = "promotion.changed"
    HOME_MARKET_SET = "this_pc.home_market"
    SYNONYMS_CHANGED = "market.synonyms"
    MARKETS_IMPORTED = "markets.imported_public"
    STORES_IMPORTED = "stores.imported_public"
    RATE_SET = "rate.set"
    RATE_REMOVED = "rate.removed"
    RATE_MAX_AGE = "rate.max_age"
    HOLIDAY_ADDED = "market.holiday_added"
    HOLIDAY_REMOVED = "market.holiday_removed"


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One line of the audit log. ``actor`` is ``manager``, ``store 12 (PIN)`` or ``console``;
    ``subject`` names the store or market as it was then. Never holds a secret."""

    id: int
    at: datetime
    actor_role: str
    actor: str
    pc: str
    action: AuditAction
    market_slug: str | None
    store_id: int | None
    subject: str
    changes: tuple[FieldChange, ...] = ()

    def who(self) -> Message | str:
        """``actor`` for people: a message in their language for the fixed labels."""
        if self.actor == "console":
            return WHO_CONSOLE()
        if self.actor == "manager":
            return WHO_MANAGER()
        store = _STORE_PIN.fullmatch(self.actor)
        return WHO_MERCHANT(id=store.group(1)) if store is not None else self.actor

    def shown_subject(self) -> Message | str:
        """``subject`` for people: sign-ins' fixed labels as messages, names as stored."""
        if self.subject == "manager":
            return WHO_MANAGER()
        store = _STORE.fullmatch(self.subject)
        return SUBJECT_STORE(id=store.group(1)) if store is not None else self.subject

    def summary(self) -> str:
        """The changes as one line: ``phone: 02-1 -> 02-2; active: True -> False``."""
        return "; ".join(str(change) for change in self.changes)
