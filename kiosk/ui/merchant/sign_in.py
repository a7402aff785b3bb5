"""Merchant sign-in: choose your market and stall, then your PIN on a big number pad."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.i18n import _
from kiosk.ui import theme
from kiosk.ui.widgets.back_button import BackButton
from kiosk.ui.widgets.store_picker import StorePicker
from kiosk.ui.widgets.store_sign_in import StoreSignIn

if TYPE_CHECKING:
    from kiosk.services.app import Services

SCREEN = "merchant-sign-in"


class MerchantSignInScreen(QWidget):
    """``signed_in(Actor)`` after the right PIN; a wrong one says so without naming why.

    ``qr_requested`` opens the QR screen (which asks for the PIN when saving).
    """

    signed_in = Signal(object)
    back_requested = Signal()
    qr_requested = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        from kiosk.ui.merchant.qr_screen import merchant_stylesheet

        super().__init__(parent)
        self.setObjectName(SCREEN)
        self.setStyleSheet(merchant_stylesheet())
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
        self.store = StoreSignIn(
            services,
            self.picker,
            message_name="merchant-sign-in-message",
            pad_width=theme.GRID * 60,
        )
        self.store.signed_in.connect(self.signed_in)
        self.pad, self.message = self.store.pad, self.store.message
        self.explain = QLabel()
        self.explain.setProperty("role", "lead")
        self.explain.setWordWrap(True)
        self.qr_button = QPushButton()
        self.qr_button.setObjectName("open-qr")
        self.qr_button.clicked.connect(self.qr_requested)
        self.store.side.insertWidget(0, self.explain)
        self.store.side.addStretch(1)
        self.store.side.addWidget(self.qr_button, 0, Qt.AlignmentFlag.AlignLeft)
        outer.addWidget(self.store, 1)
        self.retranslate()

    def store_id(self) -> int | None:
        return self.store.store_id()

    def choose_store(self, store_id: int) -> bool:
        return self.store.choose_store(store_id)

    def want_store(self, store_id: int, market_slug: str) -> None:
        """Show *store_id* (of *market_slug*) chosen, once the lists are loaded."""
        self.store.want_store(store_id, market_slug)

    def reset(self) -> None:
        self.store.reset()

    def sign_in(self, pin: str) -> None:
        """Check *pin* for the chosen store in the background."""
        self.store.sign_in(pin)

    def retranslate(self) -> None:
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
        self.store.retranslate()
