"""The tourist screens' only door to data: the directory services, plus a background opener."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kiosk.domain.categories import Category
from kiosk.domain.listing import MarketInfo, StoreDetail, StoreSummary

if TYPE_CHECKING:
    from kiosk.data.db import Database


class DirectorySource:
    """Calls ``kiosk.services.directory`` with one open database.

    The service module (and with it SQLAlchemy) is imported on first use, never
    at start-up, so the first frame paints before the ORM is loaded.
    """

    def __init__(self, db: Database) -> None:
        self.db = db

    def markets(self) -> list[MarketInfo]:
        from kiosk.services.directory import list_markets

        return list_markets(db=self.db)

    def stores(
        self, market_slug: str, *, query: str = "", category: Category | None = None
    ) -> list[StoreSummary]:
        from kiosk.services.directory import list_stores

        return list_stores(db=self.db, market_slug=market_slug, query=query, category=category)

    def store(self, store_id: int) -> StoreDetail:
        from kiosk.services.directory import get_store

        return get_store(db=self.db, store_id=store_id)


def open_source(database_url: str | None, *, seed_demo: bool = True) -> DirectorySource:
    """Open the database (default location when *database_url* is None) and wrap it.

    With *seed_demo* the two demo markets are added when the database has no markets.
    Raises ``kiosk.data.errors.DatabaseOpenError`` with a message naming the place.
    """
    from kiosk.data.db import Database
    from kiosk.data.seed import ensure_demo_data

    db = Database.open(database_url)
    if seed_demo:
        ensure_demo_data(db)
    return DirectorySource(db)


class SourceLoader(QObject):
    """Opens the database in a worker thread and reports back on the GUI thread.

    Widgets are never touched from the worker: it only emits ``loaded(source)``
    or ``failed(message)``, which Qt queues to the loader's (GUI) thread.
    """

    loaded = Signal(object)
    failed = Signal(str)

    def __init__(self, database_url: str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._url = database_url
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="kiosk-db-open", daemon=True)
        self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the worker is done; True when it finished (or never started)."""
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        try:
            source = open_source(self._url)
            source.markets()  # warm the ORM and the first query off the GUI thread
            from kiosk.domain.formatting import format_price

            format_price(0, "ko")  # import Babel here, not when a tourist opens a store
        except Exception as exc:  # any failure must reach the screen, not a dead thread
            self.failed.emit(str(exc) or type(exc).__name__)
        else:
            self.loaded.emit(source)
