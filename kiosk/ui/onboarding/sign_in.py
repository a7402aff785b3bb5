"""Onboarding sign-in: pick the market and your stall from a big list (or this PC's store), PIN."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.i18n import _
from kiosk.ui import theme
from kiosk.ui.onboarding.style import onboarding_stylesheet, set_message
from kiosk.ui.widgets.back_button import BackButton
from kiosk.ui.widgets.store_list import StoreList
from kiosk.ui.widgets.store_sign_in import StoreSignIn

if TYPE_CHECKING:
    from kiosk.services.app import Services

SCREEN = "onboarding-sign-in"


class OnboardingSignInScreen(QWidget):
    """``signed_in(Actor)`` after the right PIN of the chosen store.

    The store list shows "stall  name" in the current language, filtered by the
    search field (stall number or name); a PC that remembers its store starts
    with it chosen. "Remember this store on this PC" is saved after sign-in.
    """

    signed_in = Signal(object)
    back_requested = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(SCREEN)
        self.setStyleSheet(onboarding_stylesheet())
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
        self.picker = StoreList()
        self.store = StoreSignIn(
            services,
            self.picker,
            message_name="onboarding-sign-in-message",
            pad_width=theme.GRID * 56,
            say=set_message,
        )
        self.store.signed_in.connect(self.signed_in)
        self.pad, self.message = self.store.pad, self.store.message
        self.remember, self.search = self.picker.remember, self.picker.search
        outer.addWidget(self.store, 1)
        self.retranslate()

    def store_id(self) -> int | None:
        return self.store.store_id()

    def choose_store(self, store_id: int) -> bool:
        """Select *store_id* in the list (False when it is not listed)."""
        return self.store.choose_store(store_id)

    def choose_market(self, slug: str) -> None:
        self.picker.choose_market(slug)

    def reset(self) -> None:
        self.store.reset()

    def sign_in(self, pin: str) -> None:
        """Check *pin* for the chosen store in the background."""
        self.store.sign_in(pin)

    def retranslate(self) -> None:
        self.back_button.setText("‹  " + _("Start"))
        self.title.setText(_("My digital checklist"))
        self.store.retranslate()
