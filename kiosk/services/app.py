"""The one door to the data: ``Services``, built once from a database URL, with typed use cases.

Screens and commands receive a ``Services`` object and call its keyword-only
methods; they never import ``kiosk.data`` (an import-linter contract says so).
Every write publishes a ``Change`` on ``services.changes`` after it committed.
"""

from __future__ import annotations

from kiosk.services.door_exchange import ExchangeUseCases
from kiosk.services.door_onboarding import OnboardingUseCases


class Services(ExchangeUseCases, OnboardingUseCases):
    """Application services over one open database (thread-safe: one session per call).

    Build with :meth:`open` (raises ``DatabaseOpenError`` naming the place, password
    hidden). Reads return plain domain values; writes check the version the user
    was editing and publish a change. ``close()`` releases the connections. The
    use cases are grouped by responsibility in ``kiosk/services/door_*.py``.
    """
