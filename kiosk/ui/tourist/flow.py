"""Tourist navigation: directory -> store page -> back, fed by services through background ops."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kiosk.services.app import Codes, Services
from kiosk.services.values import Change, NotFoundError, RateCard, StoreCodes, is_away
from kiosk.ui.host import ready_services
from kiosk.ui.ops import OpSlot
from kiosk.ui.tourist.directory import TouristDirectoryScreen
from kiosk.ui.tourist.store_detail import QR_SIDES, StoreDetailScreen

if TYPE_CHECKING:
    from kiosk.ui.host import ModeHost

DIRECTORY = "tourist-directory"
DETAIL = "store-detail"


class TouristFlow(QObject):
    """Builds the two tourist screens in a host and moves between them.

    Rules: every read (markets, stores, one store) and every QR check runs in a
    background op; the GUI thread only shows results. A ``Change`` from the host
    refreshes the directory and, when it touches the store on show, the store page.
    ``store_opened(id)`` fires once a store page is on show (tests and tours wait on it).
    """

    store_opened = Signal(int)
    store_missing = Signal(int)

    def __init__(self, host: ModeHost, services: Services) -> None:
        super().__init__(host.events)
        self._host = host
        self._services = services
        self.directory = TouristDirectoryScreen(services)
        self.directory.back_requested.connect(self._on_directory_back)
        self.directory.store_chosen.connect(self._on_store_chosen)
        host.add_screen(DIRECTORY, self.directory)
        self.detail = StoreDetailScreen()
        self.detail.back_requested.connect(self._on_detail_back)
        host.add_screen(DETAIL, self.detail)
        self._store_op = OpSlot(self.detail)
        host.events.changed.connect(self._on_changed)

    def open_directory(self) -> None:
        self._host.show_screen(DIRECTORY)

    def show_idle_home(self, *, store_id: int | None = None) -> None:
        """Where a screen nobody uses rests: the home market's directory, search and filter
        cleared (or store *store_id*'s page). The hook the attract loop takes over."""
        self.directory.go_home_market()
        if store_id is not None:
            self.open_store(store_id)
        else:
            self._host.show_screen(DIRECTORY)

    def open_store(self, store_id: int) -> None:
        """Load store *store_id* and its verified codes in the background, then show its page.

        When it no longer exists the directory stays and reloads (``store_missing``).
        """
        services = self._services

        def work() -> tuple[StoreCodes, RateCard]:
            return _codes(services, store_id), services.rates.rate_card()

        def done(loaded: tuple[StoreCodes, RateCard]) -> None:
            self._show(loaded)
            self._host.show_screen(DETAIL)
            self.store_opened.emit(store_id)

        def failed(exc: Exception) -> None:
            if isinstance(exc, NotFoundError):
                self.directory.reload()  # the store is gone: reload the list
                self.store_missing.emit(store_id)
            elif not is_away(exc):  # a failed database says why (an away server: the list stays)
                self.directory.set_failed(str(exc) or type(exc).__name__)

        self._store_op.run(work, on_done=done, on_error=failed, name="store")

    def services(self) -> Services:
        return self._services

    # Handlers ------------------------------------------------------------------------------
    def _on_directory_back(self) -> None:
        self._host.go_home()

    def _on_detail_back(self) -> None:
        self._host.show_screen(DIRECTORY)

    def _on_store_chosen(self, store_id: int) -> None:
        self.open_store(store_id)

    def _on_changed(self, change: object) -> None:
        if not isinstance(change, Change):
            return
        self.directory.refresh_for(change)
        shown = self.detail.current_store()
        if shown is None or not change.touches_store(shown.id):
            return
        if self._host.current_screen_name() == DETAIL or change.store_ids:
            self._reload_detail(shown.id)

    def _reload_detail(self, store_id: int) -> None:
        services = self._services

        def work() -> tuple[StoreCodes, RateCard]:
            return _codes(services, store_id), services.rates.rate_card()

        def failed(exc: Exception) -> None:
            if is_away(exc):
                return  # the server is away: the page on show stays (reloaded when it is back)
            if not isinstance(exc, NotFoundError):
                self.directory.set_failed(str(exc) or type(exc).__name__)
            if self._host.current_screen_name() == DETAIL:
                self._host.show_screen(DIRECTORY)

        self._store_op.run(work, on_done=self._show, on_error=failed, name="store")

    def _show(self, loaded: tuple[StoreCodes, RateCard]) -> None:
        """The store page with the manager's exchange rates (its reference prices)."""
        codes, rates = loaded
        self.detail.set_rate_card(rates)
        self.detail.show_store(codes)


def _codes(services: Services, store_id: int) -> StoreCodes:
    """The store with its verified codes (the stall page's once the market has a website) and
    its "find us on" profile links (a worker thread)."""
    store = services.directory.get_store(store_id=store_id)
    links = services.onboarding.store_profile_links(store_id=store_id)
    page = services.directory.stall_page_url(store=store)
    return Codes.verified_store_codes(store, sides=QR_SIDES, profiles=links, page_url=page)


_flows: weakref.WeakKeyDictionary[QObject, TouristFlow] = weakref.WeakKeyDictionary()


def tourist_flow(host: ModeHost) -> TouristFlow:
    """The host's tourist flow, built (with its two screens) on first use, once data is open."""
    flow = _flows.get(host.events)
    if flow is None:
        flow = TouristFlow(host, ready_services(host))
        _flows[host.events] = flow
    return flow
