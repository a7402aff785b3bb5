"""Manager navigation: sign-in -> stores <-> store form, markets, promotions <-> editor, audit log,
import/export/backup, exchange rates, market holidays; idle sign-out."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from kiosk.domain.access import Actor
from kiosk.domain.exchange.guess import RosterPreview
from kiosk.domain.listing import StoreDetail
from kiosk.domain.promotions import Promotion
from kiosk.ui.host import ready_services
from kiosk.ui.manager import (
    audit_screen,
    exchange_screen,
    holidays_screen,
    import_map_screen,
    markets,
    onboarding_progress,
    promotion_form,
    promotions_screen,
    public_stores_screen,
    rates_screen,
    sign_in,
    store_form,
    stores,
    synonyms_screen,
)
from kiosk.ui.manager.header import ManagerHeader
from kiosk.ui.signed_in import SignedInFlow

if TYPE_CHECKING:
    from kiosk.services.app import Services
    from kiosk.ui.host import ModeHost


class ManagerFlow(SignedInFlow):
    """Owns the manager screens and the signed-in manager (``actor``).

    Sign-out happens on the header's button (back to the sign-in), after idle
    minutes (``guard``) and whenever the start screen shows again; the services
    forget the session too.
    """

    def __init__(self, host: ModeHost, services: Services) -> None:
        super().__init__(host, services)
        self.sign_in = sign_in.ManagerSignInScreen(services)
        self.stores = stores.ManagerStoresScreen(services)  # loads when signed in
        self.form = store_form.StoreFormScreen(services)
        self.markets = markets.ManagerMarketsScreen(services)
        self.audit = audit_screen.ManagerAuditScreen(services)
        self.progress = onboarding_progress.ManagerProgressScreen(services)
        host.add_screen(onboarding_progress.SCREEN, self.progress)
        self.exchange = exchange_screen.ManagerExchangeScreen(services)
        self.promotions = promotions_screen.ManagerPromotionsScreen(services)
        self.promotion_form = promotion_form.PromotionFormScreen(services)
        host.add_screen(promotions_screen.SCREEN, self.promotions)
        host.add_screen(promotion_form.SCREEN, self.promotion_form)
        self.synonyms = synonyms_screen.ManagerSynonymsScreen(services)
        host.add_screen(synonyms_screen.SCREEN, self.synonyms)
        self.holidays = holidays_screen.ManagerHolidaysScreen(services)
        host.add_screen(holidays_screen.SCREEN, self.holidays)
        self.public_stores = public_stores_screen.ManagerPublicStoresScreen(services)
        host.add_screen(public_stores_screen.SCREEN, self.public_stores)
        self.import_map = import_map_screen.ImportMapScreen()
        host.add_screen(import_map_screen.SCREEN, self.import_map)
        host.add_screen(sign_in.SCREEN, self.sign_in)
        host.add_screen(stores.SCREEN, self.stores)
        host.add_screen(store_form.SCREEN, self.form)
        host.add_screen(markets.SCREEN, self.markets)
        host.add_screen(audit_screen.SCREEN, self.audit)
        host.add_screen(exchange_screen.SCREEN, self.exchange)
        self.rates = rates_screen.ManagerRatesScreen(services)
        host.add_screen(rates_screen.SCREEN, self.rates)
        self.sign_in.back_requested.connect(host.go_home)
        self.sign_in.signed_in.connect(self.on_signed_in)
        self.stores.edit_requested.connect(self.edit_store)
        self.stores.add_requested.connect(self.new_store)
        self.stores.stands_requested.connect(self.print_stands)
        self.stores.this_pc_requested.connect(self.make_this_pc_stall)
        self.markets.changed.connect(self.stores.reload)
        self.markets.synonyms_requested.connect(self.show_synonyms)
        self.markets.holidays_requested.connect(self.show_holidays)
        self.markets.rates_requested.connect(lambda: self.show_page("rates"))
        self.exchange.changed.connect(self.stores.reload)
        self.exchange.public_requested.connect(self.show_public_stores)
        self.public_stores.changed.connect(self.stores.reload)
        self.public_stores.closed.connect(lambda: self.show_page("exchange"))
        self.exchange.mapping_requested.connect(self.show_import_map)
        self.import_map.mapped.connect(self._on_mapped)
        self.import_map.closed.connect(lambda: host.show_screen(exchange_screen.SCREEN))
        self.promotions.edit_requested.connect(self.edit_promotion)
        self.promotions.add_requested.connect(self.new_promotion)
        self.promotion_form.saved.connect(self.promotions.show_saved)
        self.promotion_form.saved.connect(lambda _promo: self.show_page("promotions"))
        self.promotion_form.closed.connect(lambda: self.show_page("promotions"))
        for header in self._headers():
            header.page_chosen.connect(self.show_page)
            header.sign_out_requested.connect(self.sign_out_and_leave)
            header.back_requested.connect(host.go_home)
        host.events.changed.connect(self._on_changed)

    def _headers(self) -> list[ManagerHeader]:
        return [
            self.stores.header,
            self.form.header,
            self.markets.header,
            self.audit.header,
            self.progress.header,
            self.exchange.header,
            self.promotions.header,
            self.promotion_form.header,
            self.synonyms.header,
            self.holidays.header,
            self.rates.header,
            self.public_stores.header,
            self.import_map.header,
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
        elif key == "promotions":
            self.promotions.reload()
            self._host.show_screen(promotions_screen.SCREEN)
        elif key == "exchange":
            self.exchange.reload()
            self._host.show_screen(exchange_screen.SCREEN)
        elif key == "rates":
            self.rates.reload()
            self._host.show_screen(rates_screen.SCREEN)
        else:
            self._host.show_screen(stores.SCREEN)

    def show_synonyms(self, market_slug: str) -> None:
        """The market's search words (from the Markets page)."""
        if self.actor is None:
            self.open()
            return
        self.synonyms.reload(select=market_slug)
        self._host.show_screen(synonyms_screen.SCREEN)

    def show_holidays(self, market_slug: str) -> None:
        """The market's holidays (from the Markets page)."""
        if self.actor is None:
            self.open()
            return
        self.holidays.reload(select=market_slug)
        self._host.show_screen(holidays_screen.SCREEN)

    def show_public_stores(self, market_slug: str) -> None:
        """The SEMAS registry's candidates for *market_slug* (from Import / Export / Backup)."""
        if self.actor is None:
            self.open()
            return
        self.public_stores.reload(select=market_slug or None)
        self._host.show_screen(public_stores_screen.SCREEN)

    def show_import_map(self, preview: object) -> None:
        """The column mapping step for a roster the Import page was given."""
        if self.actor is None or not isinstance(preview, RosterPreview):
            return
        self.import_map.show_preview(preview, self.exchange.market_box.currentText())
        self._host.show_screen(import_map_screen.SCREEN)

    def _on_mapped(self, mapping: object) -> None:
        if isinstance(mapping, dict):
            self.exchange.check_mapped(mapping)
        self._host.show_screen(exchange_screen.SCREEN)

    def edit_store(self, store: object) -> None:
        if isinstance(store, StoreDetail):
            self.form.edit_store(store)
            self._host.show_screen(store_form.SCREEN)

    def new_store(self, market_slug: str) -> None:
        self.form.new_store(market_slug)
        self._host.show_screen(store_form.SCREEN)

    def edit_promotion(self, promo: object) -> None:
        if isinstance(promo, Promotion):
            self.promotion_form.edit_promotion(promo)
            self._host.show_screen(promotion_form.SCREEN)

    def new_promotion(self, market_slug: str) -> None:
        self.promotion_form.new_promotion(market_slug)
        self._host.show_screen(promotion_form.SCREEN)

    def _screens(self) -> tuple[Any, ...]:
        """The screens that act for the signed-in manager (``set_actor``)."""
        return (self.form, self.markets, self.audit, self.progress, self.exchange,
                self.promotions, self.promotion_form, self.synonyms, self.holidays, self.rates,
                self.public_stores, self.import_map)  # fmt: skip

    def print_stands(self, market_slug: str, store_ids: object) -> None:
        """The stand print screen for *store_ids* (None: every store of the market)."""
        from kiosk.ui.widgets.stand_print_screen import SCREEN, stand_screen

        ids = frozenset(store_ids) if isinstance(store_ids, frozenset) else None
        screen = stand_screen(self._host, self.services)
        screen.open_stands(
            market_slug=market_slug,
            store_ids=ids,
            back=lambda: self._host.show_screen(stores.SCREEN),
        )
        self._host.show_screen(SCREEN)

    def make_this_pc_stall(self, store: object) -> None:
        """Make *store* this PC's stall (the start screen offers it to its merchant)."""
        from kiosk.i18n import _
        from kiosk.ui import ops

        actor, services = self.actor, self.services
        if actor is None or not isinstance(store, StoreDetail):
            return

        def work() -> object:
            return services.directory.set_home_market(
                actor=actor, market_slug=store.market_slug, stall=store.stall_number
            )

        def done(_home: object) -> None:
            self.stores.count_label.setText(
                "✓ " + _("This PC's stall is now {store}.").format(store=store.stall_number)
            )

        ops.run_op(self.stores, work, on_done=done, name="this-pc-stall")

    def signed_out(self) -> None:
        for screen in self._screens():
            screen.set_actor(None)

    def sign_out_and_leave(self) -> None:
        """The header's button: sign out and show the sign-in again."""
        self.sign_out()
        self.open()

    # Handlers ------------------------------------------------------------------------------
    def on_signed_in(self, actor: object) -> None:
        if not isinstance(actor, Actor):
            return
        self.actor = actor
        for screen in self._screens():
            screen.set_actor(actor)
        self.stores.reload()
        self.guard.arm()
        self._host.show_screen(stores.SCREEN)

    def _on_changed(self, change: object) -> None:
        if self.actor is None:
            return
        self.stores.refresh_for(change)
        if self._host.current_screen_name() == markets.SCREEN:
            self.markets.reload()
        if self._host.current_screen_name() == onboarding_progress.SCREEN:
            self.progress.reload()
        if self._host.current_screen_name() == promotions_screen.SCREEN:
            self.promotions.refresh_for(change)
        if self._host.current_screen_name() == rates_screen.SCREEN:
            self.rates.reload()
        if self._host.current_screen_name() == holidays_screen.SCREEN:
            self.holidays.reload()


_flows: weakref.WeakKeyDictionary[QObject, ManagerFlow] = weakref.WeakKeyDictionary()


def manager_flow(host: ModeHost) -> ManagerFlow:
    """The host's manager flow, built (with its screens) on first use, once data is open."""
    flow = _flows.get(host.events)
    if flow is None:
        flow = ManagerFlow(host, ready_services(host))
        _flows[host.events] = flow
    return flow
