"""Merchant navigation: store PIN -> goods and prices -> QR codes or the stand; idle sign-out."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from kiosk.domain.access import Actor
from kiosk.ui.host import ready_services
from kiosk.ui.merchant import goods_screen, sign_in
from kiosk.ui.signed_in import SignedInFlow

if TYPE_CHECKING:
    from kiosk.services.app import Services
    from kiosk.ui.host import ModeHost


class MerchantFlow(SignedInFlow):
    """The signed-in merchant (``actor``) and their screens; the QR screen is shared with
    "only look" (it asks for the PIN again before a code is saved)."""

    def __init__(self, host: ModeHost, services: Services) -> None:
        super().__init__(host, services)
        self.sign_in = sign_in.MerchantSignInScreen(services)
        self.goods = goods_screen.MerchantGoodsScreen(services)
        host.add_screen(sign_in.SCREEN, self.sign_in)
        host.add_screen(goods_screen.SCREEN, self.goods)
        self.sign_in.back_requested.connect(host.go_home)
        self.sign_in.signed_in.connect(self.on_signed_in)
        self.sign_in.qr_requested.connect(self._on_only_qr)
        self.goods.sign_out_requested.connect(self.sign_out_and_leave)
        self.goods.qr_requested.connect(self.open_qr)
        self.goods.stands_requested.connect(self.open_stands)
        self._then = ""  # what the start screen's stall row asked for: "", "stands"
        host.events.changed.connect(self._on_changed)

    def open(self) -> None:
        from kiosk.ui.merchant.qr_screen import SCREEN as QR

        if self.actor is not None and self._host.current_screen_name() == QR:
            self._host.show_screen(goods_screen.SCREEN)
            return
        self.sign_in.reset()
        self._host.show_screen(sign_in.SCREEN)

    def open_for(self, store_id: int, market_slug: str, task: str) -> None:
        """This PC's stall from the start screen: its PIN (once per visit), then *task*.

        *task* is "stands" (the stand print screen) or "" (the goods). When the
        store's merchant is still signed in on this visit, no PIN is asked again.
        """
        if self.actor is not None and self.actor.store_id == store_id:
            self._after_sign_in(task, store_id)
            return
        self._then = task
        self.sign_in.reset()
        self.sign_in.want_store(store_id, market_slug)
        self._host.show_screen(sign_in.SCREEN)

    def open_stands(self, store_id: int) -> None:
        """The stand print screen for *store_id*; back returns to the goods."""
        from kiosk.ui.widgets.stand_print_screen import SCREEN, stand_screen

        store = self.goods.store()
        if store is None or store.id != store_id:
            store = self.services.directory.get_store(store_id=store_id)
        screen = stand_screen(self._host, self.services)
        screen.open_stands(
            market_slug=store.market_slug, store_ids={store_id}, back=self._back_to_goods
        )
        self._host.show_screen(SCREEN)

    def _back_to_goods(self) -> None:
        if self.actor is None:
            self._host.go_home()
        else:
            self._host.show_screen(goods_screen.SCREEN)

    def _after_sign_in(self, task: str, store_id: int) -> None:
        if task == "stands":
            self.open_stands(store_id)
        else:
            self._host.show_screen(goods_screen.SCREEN)

    def signed_out(self) -> None:
        self._then = ""
        self.goods.set_actor(None)
        from kiosk.ui.merchant.qr_screen import SCREEN as QR

        if self._host.has_screen(QR):
            from kiosk.ui.merchant.qr_screen import merchant_screen

            merchant_screen(self._host).set_files_allowed(False)

    def open_qr(self, store_id: int) -> None:
        from kiosk.ui.merchant.qr_screen import SCREEN as QR
        from kiosk.ui.merchant.qr_screen import merchant_screen

        screen = merchant_screen(self._host)
        # Files and printing only for the signed-in merchant of this store.
        screen.set_files_allowed(self.actor is not None and self.actor.store_id == store_id)
        screen.select_store(store_id)
        self._host.show_screen(QR)

    def on_signed_in(self, actor: object) -> None:
        if not isinstance(actor, Actor) or actor.store_id is None:
            return
        self.actor = actor
        self.goods.set_actor(actor)
        self.goods.load(actor.store_id)
        self.guard.arm()
        task, self._then = self._then, ""
        self._after_sign_in(task, actor.store_id)

    def _on_only_qr(self) -> None:
        from kiosk.ui.merchant.qr_screen import merchant_screen, open_merchant_qr

        store_id = self.sign_in.store_id()
        if store_id is not None:
            self.open_qr(store_id)
        else:
            open_merchant_qr(self._host)
            merchant_screen(self._host).set_files_allowed(False)

    def _on_changed(self, change: object) -> None:
        from kiosk.services.values import Change

        store = self.goods.store()
        if (
            self.actor is not None
            and store is not None
            and isinstance(change, Change)
            and change.touches_store(store.id)
        ):
            self.goods.load(store.id)


_flows: weakref.WeakKeyDictionary[QObject, MerchantFlow] = weakref.WeakKeyDictionary()


def merchant_flow(host: ModeHost) -> MerchantFlow:
    """The host's merchant flow, built (with its screens) on first use, once data is open."""
    flow = _flows.get(host.events)
    if flow is None:
        flow = MerchantFlow(host, ready_services(host))
        _flows[host.events] = flow
    return flow
