"""A store's sign-in: choose the market and the stall, then the store's PIN on a big pad."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.domain.access import Actor, Secret
from kiosk.domain.listing import MarketInfo, StoreSummary
from kiosk.i18n import _, current_locale
from kiosk.ui import ops, theme
from kiosk.ui.widgets.pin_pad import PinPad
from kiosk.ui.widgets.store_list import StoreList
from kiosk.ui.widgets.store_picker import StorePicker

if TYPE_CHECKING:
    from kiosk.services.app import Services

#: Shows a message in the sign-in's label: ``say(label, text, kind)``, kind "" or "error".
Say = Callable[[QLabel, str, str], None]
_Loaded = tuple[list[MarketInfo], list[StoreSummary], int | None, str]


def say_plainly(label: QLabel, text: str, kind: str) -> None:
    """The message as a plain line, errors after ⚠."""
    label.setText(("⚠ " if kind == "error" and text else "") + text)


class StoreSignIn(QWidget):
    """The store choice, the PIN pad, the message line and the PIN check (a background op).

    ``picker`` is a ``StorePicker`` (two combo boxes above the pad) or a
    ``StoreList`` (buttons and a list beside it, and "remember this store on this
    PC": such a sign-in starts with the remembered store and saves the choice).
    ``side`` is the column beside the pad (``StorePicker``) or under the chosen
    store's name (``StoreList``), where the screen adds its own lines.
    ``signed_in(Actor)`` after the right PIN; a wrong one says so without naming why.
    """

    signed_in = Signal(object)

    def __init__(
        self,
        services: Services,
        picker: StorePicker | StoreList,
        *,
        message_name: str,
        pad_width: int,
        say: Say = say_plainly,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._say = say
        self._slot = ops.OpSlot(self)
        self.picker = picker
        self.pad = PinPad()
        self.pad.setMaximumWidth(pad_width)
        self.pad.submitted.connect(self.sign_in)
        self.message = QLabel()
        self.message.setObjectName(message_name)
        self.message.setProperty("role", "lead")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.side = QVBoxLayout()
        self.side.setSpacing(theme.GRID * 2)
        self.chosen: QLabel | None = None
        if isinstance(picker, StoreList):
            self._beside(picker)
        else:
            self._above(picker)
        picker.market_changed.connect(self._on_market_changed)
        picker.store_chosen.connect(self._on_store_chosen)
        self._load()

    def _above(self, picker: StorePicker) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(theme.GRID * 2)
        outer.addWidget(picker)
        middle = QHBoxLayout()
        middle.setSpacing(theme.GRID * 5)
        self.side.addWidget(self.message)
        middle.addWidget(self.pad, 0, Qt.AlignmentFlag.AlignTop)
        middle.addLayout(self.side, 1)
        outer.addLayout(middle, 1)

    def _beside(self, picker: StoreList) -> None:
        body = QHBoxLayout(self)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(theme.GRID * 5)
        self.chosen = QLabel()
        self.chosen.setObjectName("onboarding-chosen-store")
        self.chosen.setProperty("role", "lead")
        self.chosen.setWordWrap(True)
        for widget in (self.chosen, self.pad, self.message):
            self.side.addWidget(widget)
        self.side.addStretch(1)
        body.addWidget(picker, 3)
        body.addLayout(self.side, 2)
        picker.activated.connect(self.pad.field.setFocus)
        picker.listed.connect(self._show_chosen)

    # Data ------------------------------------------------------------------------------------
    def _remembers(self) -> bool:
        return isinstance(self.picker, StoreList)

    def _load(self) -> None:
        services, remembers = self._services, self._remembers()

        def work() -> _Loaded:
            markets = services.directory.list_markets()
            remembered = services.onboarding.remembered_store() if remembers else None
            slug = markets[0].slug if markets else ""
            if remembered is not None:
                try:
                    slug = services.directory.get_store(store_id=remembered).market_slug
                except LookupError:
                    remembered = None
            stores = services.directory.list_stores(market_slug=slug) if slug else []
            return markets, stores, remembered, slug

        self._slot.run(work, on_done=self._on_loaded, name="store-sign-in-markets")

    def store_id(self) -> int | None:
        return self.picker.current_store_id()

    def choose_store(self, store_id: int) -> bool:
        """Show *store_id* as the chosen store (False when it is not listed)."""
        return self.picker.select_store(store_id)

    def want_store(self, store_id: int, market_slug: str) -> None:
        """Choose *store_id* of *market_slug* (its market's list is loaded first if needed)."""
        if self.picker.current_market() == market_slug and self.choose_store(store_id):
            self.pad.field.setFocus()
            return
        services = self._services

        def work() -> _Loaded:
            markets = services.directory.list_markets()
            stores = services.directory.list_stores(market_slug=market_slug)
            return markets, stores, store_id, market_slug

        self._slot.run(work, on_done=self._on_loaded, name="store-sign-in-wanted")

    def reset(self) -> None:
        self.pad.clear()
        self._say(self.message, "", "")

    def sign_in(self, pin: str) -> None:
        """Check *pin* for the chosen store in the background."""
        services, store_id = self._services, self.store_id()
        if store_id is None:
            self._say(self.message, _("Choose your store first."), "error")
            return
        secret = Secret(pin)
        remember = self.picker.remember.isChecked() if isinstance(self.picker, StoreList) else None

        def work() -> Actor:
            actor = services.access.sign_in_merchant(store_id=store_id, pin=secret)
            if remember:
                services.onboarding.remember_store(store_id=store_id)
            elif remember is not None and services.onboarding.remembered_store() == store_id:
                services.onboarding.remember_store(store_id=None)
            return actor

        self._say(self.message, _("Checking…"), "")
        self._slot.run(work, on_done=self._on_signed_in, on_error=self._on_failed, name="pin")

    def retranslate(self) -> None:
        self.pad.retranslate()
        self.picker.retranslate()

    # Handlers ----------------------------------------------------------------------------------
    def _on_loaded(self, result: _Loaded) -> None:
        markets, stores, remembered, slug = result
        self.picker.set_markets(markets, select=slug)
        if isinstance(self.picker, StoreList):
            self.picker.remember.setChecked(remembered is not None)
        self.picker.set_stores(stores, select=remembered)

    def _on_market_changed(self, slug: str) -> None:
        services = self._services
        self._slot.run(
            lambda: services.directory.list_stores(market_slug=slug),
            on_done=self.picker.set_stores,
            name="store-sign-in-stores",
        )

    def _on_store_chosen(self, _store_id: object) -> None:
        self._say(self.message, "", "")
        self._show_chosen()
        self.pad.field.setFocus()

    def _show_chosen(self) -> None:
        if self.chosen is None:
            return
        store_id = self.store_id()
        store = next((s for s in self.picker.stores() if s.id == store_id), None)
        if store is None:
            self.chosen.setText(_("Choose your stall on the left, then enter your PIN."))
        else:
            self.chosen.setText(f"{store.stall_number}  {store.name.get(current_locale())}")

    def _on_signed_in(self, actor: Actor) -> None:
        self._say(self.message, "", "")
        self.signed_in.emit(actor)

    def _on_failed(self, exc: Exception) -> None:
        from kiosk.domain.access import AccessError

        if not isinstance(exc, AccessError):
            raise exc
        self._say(self.message, str(exc), "error")
