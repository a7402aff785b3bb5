"""Manager navigation: sign-in -> stores <-> store form, markets, audit log, import/export/backup;
idle sign-out."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from kiosk.domain.access import Actor
from kiosk.domain.listing import StoreDetail
from kiosk.services.app import Services
from kiosk.ui.manager import (
    audit_screen,
    exchange_screen,
    markets,
    onboarding_progress,
    sign_in,
    store_form,
    stores,
)
from kiosk.ui.manager.header import ManagerHeader
from kiosk.ui.widgets.idle_guard import IdleGuard

if TYPE_CHECKING:
    from kiosk.ui.host import ModeHost


class ManagerFlow(QObject):
    """Owns the manager screens and the signed-in manager (``actor``).

    Sign-out happens on the header's button, after idle minutes (``guard``) and
    whenever the start screen shows again; the services forget the session too.
    """

    def __init__(self, host: ModeHost) -> None:
        super().__init__(host.events)
        self._host = host
        self.actor: Actor | None = None
        locale = host.ui_locale()
        self.sign_in = sign_in.ManagerSignInScreen(locale)
        self.stores = stores.ManagerStoresScreen(locale)
        self.form = store_form.StoreFormScreen(locale)
        self.markets = markets.ManagerMarketsScreen(locale)
        self.audit = audit_screen.ManagerAuditScreen(locale)
        self.progress = onboarding_progress.ManagerProgressScreen(locale)
        host.add_screen(onboarding_progress.SCREEN, self.progress)
        self.exchange = exchange_screen.ManagerExchangeScreen(locale)
        host.add_screen(sign_in.SCREEN, self.sign_in)
        host.add_screen(stores.SCREEN, self.stores)
        host.add_screen(store_form.SCREEN, self.form)
        host.add_screen(markets.SCREEN, self.markets)
        host.add_screen(audit_screen.SCREEN, self.audit)
        host.add_screen(exchange_screen.SCREEN, self.exchange)
        self.sign_in.back_requested.connect(host.go_home)
        self.sign_in.signed_in.connect(self._on_signed_in)
        self.stores.edit_requested.connect(self.edit_store)
        self.stores.add_requested.connect(self.new_store)
        self.markets.changed.connect(self.stores.reload)
        self.exchange.changed.connect(self.stores.reload)
        for header in self._headers():
            header.page_chosen.connect(self.show_page)
            header.sign_out_requested.connect(self._on_sign_out_clicked)
            header.back_requested.connect(host.go_home)
        self.guard = IdleGuard(self)
        self.guard.idle.connect(self._on_idle)
        host.events.went_home.connect(self.sign_out)
        host.events.changed.connect(self._on_changed)
        host.when_services(self._on_services, lambda _message: None)

    def _headers(self) -> list[ManagerHeader]:
        return [
            self.stores.header,
            self.form.header,
            self.markets.header,
            self.audit.header,
            self.progress.header,
            self.exchange.header,
        ]

    def open(self) -> None:
        if self.actor is not None:
            self._host.show_screen(stores.SCREEN)
            return
        self.sign_in.reset()
        self._host.show_screen(sign_in.SCREEN)

    def show_page(self, key: str) -> None:
        if self.actor is None:
            self.open()
            return
        if key == "markets":
            self.markets.reload()
            self._host.show_screen(markets.SCREEN)
        elif key == "audit":
            self.audit.reload()
            self._host.show_screen(audit_screen.SCREEN)
        elif key == "progress":
            self.progress.load_markets()
            self._host.show_screen(onboarding_progress.SCREEN)
        elif key == "exchange":
            self.exchange.reload()
            self._host.show_screen(exchange_screen.SCREEN)
        else:
            self._host.show_screen(stores.SCREEN)

    def edit_store(self, store: object) -> None:
        if isinstance(store, StoreDetail):
            self.form.edit_store(store)
            self._host.show_screen(store_form.SCREEN)

    def new_store(self, market_slug: str) -> None:
        self.form.new_store(market_slug)
        self._host.show_screen(store_form.SCREEN)

    def sign_in_as(self, actor: Actor) -> None:
        """Use *actor* (a signed-in manager) and show the stores."""
        self._on_signed_in(actor)

    def sign_out(self) -> None:
        services = self._host.services()
        if self.actor is not None and services is not None:
            services.access.sign_out(self.actor)
        self.actor = None
        self.guard.disarm()
        for screen in (self.form, self.markets, self.audit, self.progress, self.exchange):
            screen.set_actor(None)

    # Handlers ------------------------------------------------------------------------------
    def _on_services(self, services: Services) -> None:
        for screen in (
            self.sign_in,
            self.form,
            self.markets,
            self.audit,
            self.progress,
            self.exchange,
        ):
            screen.set_services(services)
        self.stores.set_services(services, load=False)  # loads when signed in

    def _on_signed_in(self, actor: object) -> None:
        if not isinstance(actor, Actor):
            return
        self.actor = actor
        for screen in (self.form, self.markets, self.audit, self.progress, self.exchange):
            screen.set_actor(actor)
        services = self._host.services()
        if services is not None:
            self.stores.set_services(services)
        self.guard.arm()
        self._host.show_screen(stores.SCREEN)

    def _on_sign_out_clicked(self) -> None:
        self.sign_out()
        self.open()

    def _on_idle(self) -> None:
        self.sign_out()
        self._host.go_home()

    def _on_changed(self, change: object) -> None:
        if self.actor is None:
            return
        self.stores.refresh_for(change)
        if self._host.current_screen_name() == markets.SCREEN:
            self.markets.reload()
        if self._host.current_screen_name() == onboarding_progress.SCREEN:
            self.progress.reload()


_flows: weakref.WeakKeyDictionary[QObject, ManagerFlow] = weakref.WeakKeyDictionary()


def manager_flow(host: ModeHost) -> ManagerFlow:
    """The host's manager flow, built (with its screens) on first use."""
    flow = _flows.get(host.events)
    if flow is None:
        flow = ManagerFlow(host)
        _flows[host.events] = flow
    return flow
