"""Onboarding sign-in: pick the market and your stall from a big list (or this PC's store), PIN."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.access import Actor, Secret
from kiosk.domain.listing import MarketInfo, StoreSummary
from kiosk.domain.locales import LocaleCode
from kiosk.domain.text import normalise_for_search
from kiosk.i18n import _
from kiosk.services.app import Services
from kiosk.ui import ops, theme
from kiosk.ui.onboarding.style import onboarding_stylesheet, set_message
from kiosk.ui.widgets.back_button import BackButton
from kiosk.ui.widgets.flow_layout import FlowLayout
from kiosk.ui.widgets.pin_pad import PinPad

SCREEN = "onboarding-sign-in"


class OnboardingSignInScreen(QWidget):
    """``signed_in(Actor)`` after the right PIN of the chosen store.

    The store list shows "stall  name" in the current language, filtered by the
    search field (stall number or name); a PC that remembers its store starts
    with it chosen. "Remember this store on this PC" is saved after sign-in.
    """

    signed_in = Signal(object)
    back_requested = Signal()

    def __init__(self, locale: LocaleCode, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(SCREEN)
        self.setStyleSheet(onboarding_stylesheet())
        self._locale: LocaleCode = locale
        self._services: Services | None = None
        self._markets: list[MarketInfo] = []
        self._stores: list[StoreSummary] = []
        self._market = ""
        self._remembered: int | None = None
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

        body = QHBoxLayout()
        body.setSpacing(theme.GRID * 5)
        left = QVBoxLayout()
        left.setSpacing(theme.GRID * 2)
        market_row = QWidget()
        self._market_flow = FlowLayout(market_row, spacing=theme.GRID)
        self._market_group = QButtonGroup(self)
        self._market_buttons: dict[str, QPushButton] = {}
        self.search = QLineEdit()
        self.search.setObjectName("onboarding-store-search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._fill_list)
        self.store_list = QListWidget()
        self.store_list.setObjectName("onboarding-store-list")
        self.store_list.currentItemChanged.connect(self._on_store_changed)
        self.store_list.itemActivated.connect(self._on_store_activated)
        self.remember = QCheckBox()
        self.remember.setObjectName("onboarding-remember")
        left.addWidget(market_row)
        left.addWidget(self.search)
        left.addWidget(self.store_list, 1)
        left.addWidget(self.remember)
        right = QVBoxLayout()
        right.setSpacing(theme.GRID * 2)
        self.chosen = QLabel()
        self.chosen.setObjectName("onboarding-chosen-store")
        self.chosen.setProperty("role", "lead")
        self.chosen.setWordWrap(True)
        self.pad = PinPad()
        self.pad.setMaximumWidth(theme.GRID * 56)
        self.pad.submitted.connect(self.sign_in)
        self.message = QLabel()
        self.message.setObjectName("onboarding-sign-in-message")
        self.message.setProperty("role", "lead")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        right.addWidget(self.chosen)
        right.addWidget(self.pad)
        right.addWidget(self.message)
        right.addStretch(1)
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        outer.addLayout(body, 1)
        self.retranslate(locale)

    # Data --------------------------------------------------------------------------------
    def set_services(self, services: Services) -> None:
        self._services = services

        def work() -> tuple[list[MarketInfo], list[StoreSummary], int | None, str]:
            markets = services.directory.list_markets()
            remembered = services.onboarding.remembered_store()
            slug = markets[0].slug if markets else ""
            if remembered is not None:
                try:
                    slug = services.directory.get_store(store_id=remembered).market_slug
                except LookupError:
                    remembered = None
            stores = services.directory.list_stores(market_slug=slug) if slug else []
            return markets, stores, remembered, slug

        self._slot.run(work, on_done=self._on_loaded, name="onboarding-markets")

    def store_id(self) -> int | None:
        item = self.store_list.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return value if isinstance(value, int) else None

    def choose_store(self, store_id: int) -> bool:
        """Select *store_id* in the list (False when it is not listed)."""
        for row in range(self.store_list.count()):
            item = self.store_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == store_id:
                self.store_list.setCurrentItem(item)
                return True
        return False

    def choose_market(self, slug: str) -> None:
        services = self._services
        if services is None or slug == self._market:
            return
        self._market = slug
        self._check_market_button()
        self._slot.run(
            lambda: services.directory.list_stores(market_slug=slug),
            on_done=self._on_stores,
            name="onboarding-stores",
        )

    def reset(self) -> None:
        self.pad.clear()
        set_message(self.message, "")

    def sign_in(self, pin: str) -> None:
        """Check *pin* for the chosen store in the background."""
        services, store_id = self._services, self.store_id()
        if services is None:
            return
        if store_id is None:
            set_message(self.message, _("Choose your store first."), "error")
            return
        secret, remember = Secret(pin), self.remember.isChecked()

        def work() -> Actor:
            actor = services.access.sign_in_merchant(store_id=store_id, pin=secret)
            if remember:
                services.onboarding.remember_store(store_id=store_id)
            elif services.onboarding.remembered_store() == store_id:
                services.onboarding.remember_store(store_id=None)
            return actor

        set_message(self.message, _("Checking…"))
        self._slot.run(work, on_done=self._on_signed_in, on_error=self._on_failed, name="pin")

    def retranslate(self, locale: LocaleCode) -> None:
        self._locale = locale
        self.back_button.setText("‹  " + _("Start"))
        self.title.setText(_("My digital checklist"))
        self.search.setPlaceholderText(_("Type the stall number or name"))
        self.remember.setText(_("Remember this store on this PC"))
        self.pad.retranslate()
        for slug, button in self._market_buttons.items():
            market = next((m for m in self._markets if m.slug == slug), None)
            if market is not None:
                button.setText(market.name.get(locale))
        self._fill_list()
        self._show_chosen()

    # Handlers ------------------------------------------------------------------------------
    def _on_loaded(
        self, result: tuple[list[MarketInfo], list[StoreSummary], int | None, str]
    ) -> None:
        self._markets, stores, self._remembered, self._market = result
        for button in self._market_buttons.values():
            self._market_group.removeButton(button)
            button.deleteLater()
        self._market_buttons.clear()
        while self._market_flow.count():
            self._market_flow.takeAt(0)
        for market in self._markets:
            button = QPushButton(market.name.get(self._locale))
            button.setProperty("kind", "choice")
            button.setCheckable(True)
            button.clicked.connect(lambda _c=False, slug=market.slug: self.choose_market(slug))
            self._market_group.addButton(button)
            self._market_buttons[market.slug] = button
            self._market_flow.addWidget(button)
        self._check_market_button()
        self.remember.setChecked(self._remembered is not None)
        self._on_stores(stores)
        if self._remembered is not None:
            self.choose_store(self._remembered)

    def _check_market_button(self) -> None:
        for slug, button in self._market_buttons.items():
            button.setChecked(slug == self._market)
            market = next((m for m in self._markets if m.slug == slug), None)
            name = market.name.get(self._locale) if market is not None else slug
            button.setText(("✓ " if slug == self._market else "") + name)

    def _on_stores(self, stores: list[StoreSummary]) -> None:
        self._stores = stores
        self._fill_list()

    def _fill_list(self, _text: str = "") -> None:
        chosen = self.store_id()
        words = normalise_for_search(self.search.text()).split()
        self.store_list.blockSignals(True)
        try:
            self.store_list.clear()
            for store in self._stores:
                label = f"{store.stall_number}   {store.name.get(self._locale)}"
                folded = normalise_for_search(f"{label} {store.name.get('ko')}")
                if words and not all(word in folded for word in words):
                    continue
                item = QListWidgetItem(label)
                item.setData(Qt.ItemDataRole.UserRole, store.id)
                self.store_list.addItem(item)
        finally:
            self.store_list.blockSignals(False)
        if chosen is not None:
            self.choose_store(chosen)
        self._show_chosen()

    def _on_store_changed(self, *_items: object) -> None:
        set_message(self.message, "")
        self._show_chosen()
        self.pad.field.setFocus()

    def _on_store_activated(self, _item: QListWidgetItem) -> None:
        self.pad.field.setFocus()

    def _show_chosen(self) -> None:
        store_id = self.store_id()
        store = next((s for s in self._stores if s.id == store_id), None)
        if store is None:
            self.chosen.setText(_("Choose your stall on the left, then enter your PIN."))
        else:
            self.chosen.setText(f"{store.stall_number}  {store.name.get(self._locale)}")

    def _on_signed_in(self, actor: Actor) -> None:
        set_message(self.message, "")
        self.signed_in.emit(actor)

    def _on_failed(self, exc: Exception) -> None:
        from kiosk.domain.access import AccessError

        if not isinstance(exc, AccessError):
            raise exc
        set_message(self.message, str(exc), "error")
