"""Merchant navigation: store PIN -> goods and prices -> QR codes; idle sign-out."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from kiosk.domain.access import Actor
from kiosk.services.app import Services
from kiosk.ui.merchant import goods_screen, sign_in
from kiosk.ui.widgets.idle_guard import IdleGuard

if TYPE_CHECKING:
    from kiosk.ui.host import ModeHost


class MerchantFlow(QObject):
    """The signed-in merchant (``actor``) and their screens; the QR screen is shared with
    "only look" (it asks for the PIN again before a code is saved)."""

    def __init__(self, host: ModeHost) -> None:
        super().__init__(host.events)
        self._host = host
        self.actor: Actor | None = None
        locale = host.ui_locale()
        self.sign_in = sign_in.MerchantSignInScreen(locale)
        self.goods = goods_screen.MerchantGoodsScreen(locale)
        host.add_screen(sign_in.SCREEN, self.sign_in)
        host.add_screen(goods_screen.SCREEN, self.goods)
        self.sign_in.back_requested.connect(host.go_home)
        self.sign_in.signed_in.connect(self._on_signed_in)
        self.sign_in.qr_requested.connect(self._on_only_qr)
        self.goods.sign_out_requested.connect(self._on_sign_out)
        self.goods.qr_requested.connect(self.open_qr)
        self.guard = IdleGuard(self)
        self.guard.idle.connect(self._on_sign_out)
        host.events.went_home.connect(self.sign_out)
        host.events.changed.connect(self._on_changed)
        host.when_services(self._on_services, lambda _message: None)

    def open(self) -> None:
        from kiosk.ui.merchant.qr_screen import SCREEN as QR

        if self.actor is not None and self._host.current_screen_name() == QR:
            self._host.show_screen(goods_screen.SCREEN)
            return
        self.sign_in.reset()
        self._host.show_screen(sign_in.SCREEN)

    def sign_in_as(self, actor: Actor) -> None:
        self._on_signed_in(actor)

    def sign_out(self) -> None:
        services = self._host.services()
        if self.actor is not None and services is not None:
            services.access.sign_out(self.actor)
        self.actor = None
        self.goods.set_actor(None)
        self.guard.disarm()
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
        if self._host.services() is not None:
            screen.select_store(store_id)
        self._host.show_screen(QR)

    def _on_services(self, services: Services) -> None:
        self.sign_in.set_services(services)
        self.goods.set_services(services)

    def _on_signed_in(self, actor: object) -> None:
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

    def _on_sign_out(self) -> None:
        self.sign_out()
        self._host.go_home()

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
    flow = _flows.get(host.events)
    if flow is None:
        flow = MerchantFlow(host)
        _flows[host.events] = flow
    return flow
