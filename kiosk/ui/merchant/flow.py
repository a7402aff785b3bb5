"""Merchant navigation: store PIN -> goods and prices -> QR codes; idle sign-out."""

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
        host.events.changed.connect(self._on_changed)

    def open(self) -> None:
        from kiosk.ui.merchant.qr_screen import SCREEN as QR

        if self.actor is not None and self._host.current_screen_name() == QR:
            self._host.show_screen(goods_screen.SCREEN)
            return
        self.sign_in.reset()
        self._host.show_screen(sign_in.SCREEN)

    def signed_out(self) -> None:
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
        self._host.show_screen(goods_screen.SCREEN)

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
