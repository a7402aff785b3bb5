"""Change events: what a write changed (market, store ids), told to every subscriber."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum


class ChangeKind(StrEnum):
    """What kind of data changed; screens refresh what shows that kind."""

    STORES = "stores"  # listings or codes of some stores
    MARKETS = "markets"  # markets added, renamed, removed, or filled in bulk
    ONBOARDING = "onboarding"  # onboarding progress of some stores (nothing tourists see)
    PROMOTIONS = "promotions"  # a market's promotions and announcements (the attract loop)
    RATES = "rates"  # exchange rates or their maximum age (reference prices on store pages)


@dataclass(frozen=True, slots=True)
class Change:
    """One committed write. ``market_slug`` None means "any market" (refresh everything).

    ``store_ids`` empty means every store of the market may have changed.
    """

    kind: ChangeKind
    market_slug: str | None = None
    store_ids: frozenset[int] = field(default_factory=frozenset)

    def touches_store(self, store_id: int) -> bool:
        return not self.store_ids or store_id in self.store_ids

    def touches_market(self, slug: str | None) -> bool:
        return self.market_slug is None or slug is None or self.market_slug == slug


Listener = Callable[[Change], None]


class ChangeHub:
    """Subscribers are called, in the writer's thread, after the write committed.

    A listener must be quick and must not raise (an exception is swallowed so one
    bad listener cannot undo or hide a successful save); the UI's listener only
    re-emits the change as a Qt signal, which Qt delivers on the GUI thread.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        with self._lock:
            self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def publish(self, change: Change) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(change)
            except Exception:
                continue
