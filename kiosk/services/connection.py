"""Whether the database server answers, learnt from the live-refresh polls and failed writes."""

from __future__ import annotations

import threading
from collections.abc import Callable

from kiosk.data.errors import DatabaseFaultError
from kiosk.domain.messages import N_, KioskError, define

#: Fault kinds that mean "the server is away" (not a full disk, a lock or a damaged file).
AWAY_KINDS = frozenset({"lost", "unreachable"})

NOT_CONNECTED = define(
    "app.not_connected",
    N_(
        "Not connected to the server. Nothing was saved; the app reconnects by itself, "
        "try again in a moment."
    ),
)

LinkListener = Callable[[bool], None]


class NotConnectedError(KioskError):
    """A write refused (or undone) because the database server does not answer.

    Nothing was written: the write was refused before it began, or its
    transaction never committed (the server rolls back what it had). The message
    says the app reconnects by itself (for windows that stay open); ``fault`` is
    the server's own fault when one was met (for a command that has ended).
    """

    def __init__(self, fault: BaseException | None = None) -> None:
        met = fault.fault if isinstance(fault, KioskError) else None
        super().__init__(NOT_CONNECTED(), fault=met)


def is_away(exc: BaseException) -> bool:
    """True when *exc* says the server is away (unreachable, connection lost, refused write)."""
    if isinstance(exc, NotConnectedError):
        return True
    return isinstance(exc, DatabaseFaultError) and exc.kind in AWAY_KINDS


class ServerLink:
    """Up or down: set down by a poll or a write that found the server away, up by a poll.

    Nothing here polls: the live refresh's poll (one indexed query every few
    seconds) is the probe, so a PC away from the server adds no traffic.
    Listeners get the new state, in the thread that noticed it, only on a change.
    A SQLite database is never "away" (its faults have other kinds).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._up = True
        self._listeners: list[LinkListener] = []

    @property
    def up(self) -> bool:
        return self._up

    def subscribe(self, listener: LinkListener) -> None:
        with self._lock:
            self._listeners.append(listener)

    def unsubscribe(self, listener: LinkListener) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def require(self) -> None:
        """Raise ``NotConnectedError`` while the server is away (before a write begins)."""
        if not self._up:
            raise NotConnectedError

    def set(self, up: bool) -> bool:
        """Record the state; True (and the listeners told) when it changed."""
        with self._lock:
            if self._up == up:
                return False
            self._up = up
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(up)
            except Exception:  # one bad listener must not hide the state from the others
                continue
        return True

    def noticed(self, exc: BaseException) -> bool:
        """Set the link down when *exc* says the server is away; returns whether it does."""
        if is_away(exc):
            self.set(False)
            return True
        return False
