"""Merchant sign-in: choose your market and stall, then your PIN on a big number pad."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.domain.access import Actor, Secret
from kiosk.domain.listing import MarketInfo, StoreSummary
from kiosk.domain.locales import LocaleCode
from kiosk.i18n import _
from kiosk.services.app import Services
from kiosk.ui import ops, theme
from kiosk.ui.merchant.store_picker import StorePicker
from kiosk.ui.widgets.back_button import BackButton
from kiosk.ui.widgets.pin_pad import PinPad

SCREEN = "merchant-sign-in"


class MerchantSignInScreen(QWidget):
    """``signed_in(Actor)`` after the right PIN; a wrong one says so without naming why.

    ``qr_requested`` opens the QR screen (which asks for the PIN when saving).
    """

    signed_in = Signal(object)
    back_requested = Signal()
    qr_requested = Signal()

    def __init__(self, locale: LocaleCode, parent: QWidget | None = None) -> None:
        from kiosk.ui.merchant.qr_screen import merchant_stylesheet

        super().__init__(parent)
        self.setObjectName(SCREEN)
        self.setStyleSheet(merchant_stylesheet())
        self._locale: LocaleCode = locale
        self._services: Services | None = None
        self._markets: list[MarketInfo] = []
        self._slot = ops.OpSlot(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(theme.GRID * 5, theme.GRID * 2, theme.GRID * 5, theme.GRID * 2)
        outer.setSpacing(theme.GRID * 2)
        top = QHBoxLayout()
        top.setSpacing(theme.GRID * 3)
        self.back_button = BackButton(self.back_requested)
        self.title = QLabel()
        self.title.setProperty("role", "heading")
        top.addWidget(self.back_button)
        top.addWidget(self.title, 1)
        outer.addLayout(top)
        self.picker = StorePicker()
        self.picker.market_changed.connect(self._on_market_changed)
        self.picker.store_chosen.connect(self._on_store_chosen)
        outer.addWidget(self.picker)
        middle = QHBoxLayout()
        middle.setSpacing(theme.GRID * 5)
        self.pad = PinPad()
        self.pad.setMaximumWidth(theme.GRID * 60)
        self.pad.submitted.connect(self._on_pin)
        side = QVBoxLayout()
        side.setSpacing(theme.GRID * 2)
        self.explain = QLabel()
        self.explain.setProperty("role", "lead")
        self.explain.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("merchant-sign-in-message")
        self.message.setProperty("role", "lead")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.qr_button = QPushButton()
        self.qr_button.setObjectName("open-qr")
        self.qr_button.clicked.connect(self.qr_requested)
        side.addWidget(self.explain)
        side.addWidget(self.message)
        side.addStretch(1)
        side.addWidget(self.qr_button, 0, Qt.AlignmentFlag.AlignLeft)
        middle.addWidget(self.pad, 0, Qt.AlignmentFlag.AlignTop)
        middle.addLayout(side, 1)
        outer.addLayout(middle, 1)
        self.retranslate(locale)

    def set_services(self, services: Services) -> None:
        self._services = services

        def work() -> tuple[list[MarketInfo], list[StoreSummary]]:
            markets = services.directory.list_markets()
            stores = services.directory.list_stores(market_slug=markets[0].slug) if markets else []
            return markets, stores

        self._slot.run(work, on_done=self._on_loaded, name="merchant-markets")

    def store_id(self) -> int | None:
        return self.picker.current_store_id()

    def choose_store(self, store_id: int) -> bool:
        return self.picker.select_store(store_id)

    def reset(self) -> None:
        self.pad.clear()
        self.message.clear()

    def sign_in(self, pin: str) -> None:
        """Check *pin* for the chosen store in the background."""
        services, store_id = self._services, self.store_id()
        if services is None:
            return
        if store_id is None:
            self.message.setText("⚠ " + _("Choose your store first."))
            return
        secret = Secret(pin)

        def work() -> Actor:
            return services.access.sign_in_merchant(store_id=store_id, pin=secret)

        self.message.setText(_("Checking…"))
        self._slot.run(work, on_done=self._on_signed_in, on_error=self._on_failed, name="pin")

    def retranslate(self, locale: LocaleCode) -> None:
        self._locale = locale
        self.back_button.setText("‹  " + _("Start"))
        self.title.setText(_("My store"))
        self.explain.setText(
            _(
                "Choose your stall, then enter your store's PIN. Then you can change prices, "
                "mark goods sold out and update your QR codes. The market manager gives you "
                "the PIN."
            )
        )
        self.qr_button.setText(_("Only look at the QR codes"))
        self.pad.retranslate()
        self.picker.retranslate(locale)

    def _on_loaded(self, result: tuple[list[MarketInfo], list[StoreSummary]]) -> None:
        self._markets, stores = result
        self.picker.set_markets(self._markets)
        self.picker.set_stores(stores)

    def _on_market_changed(self, slug: str) -> None:
        services = self._services
        if services is None:
            return
        self._slot.run(
            lambda: services.directory.list_stores(market_slug=slug),
            on_done=self.picker.set_stores,
            name="merchant-stores",
        )

    def _on_store_chosen(self, _store_id: int) -> None:
        self.message.clear()
        self.pad.field.setFocus()

    def _on_pin(self, pin: str) -> None:
        self.sign_in(pin)

    def _on_signed_in(self, actor: Actor) -> None:
        self.message.clear()
        self.signed_in.emit(actor)

    def _on_failed(self, exc: Exception) -> None:
        from kiosk.domain.access import AccessError

        if not isinstance(exc, AccessError):
            raise exc
        self.message.setText("⚠ " + str(exc))
