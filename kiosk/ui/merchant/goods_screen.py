"""Merchant self-service: today's prices and sold-out goods, one tap each, large and plain."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.access import Actor
from kiosk.domain.formatting import format_price
from kiosk.domain.listing import ProductInfo, StoreDetail
from kiosk.domain.prices import parse_won
from kiosk.domain.text import keep_together
from kiosk.domain.units import name_with_unit
from kiosk.i18n import _, current_locale
from kiosk.services.app import Services
from kiosk.ui import ops, theme
from kiosk.ui.widgets.back_button import BackButton
from kiosk.ui.widgets.layout_items import clear_layout
from kiosk.ui.widgets.unsaved_question import UnsavedQuestion

SCREEN = "merchant-goods"


class GoodRow(QFrame):
    """One good: name, price field with its Save button, and a sold-out toggle (64 px each)."""

    price_saved = Signal(int, int)
    sold_out_toggled = Signal(int, bool)

    def __init__(self, product: ProductInfo) -> None:
        super().__init__()
        self.setProperty("surface", "card")
        self.product = product
        row = QHBoxLayout(self)
        pad = theme.GRID * 2
        row.setContentsMargins(pad, theme.GRID, pad, theme.GRID)
        row.setSpacing(theme.GRID * 2)
        self.name = QLabel()
        self.name.setProperty("role", "value")
        self.name.setWordWrap(True)
        self.price = QLineEdit(str(product.price_won))
        self.price.setObjectName("good-price")
        self.price.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.price.setFixedWidth(theme.GRID * 20)
        self.price.textEdited.connect(self._on_price_edited)
        self.price.returnPressed.connect(self._on_save_price)
        self.won = QLabel()
        self.won.setProperty("role", "lead")
        self.save_price = QPushButton()
        self.save_price.setObjectName("save-price")
        self.save_price.setProperty("kind", "primary")
        self.save_price.setEnabled(False)
        self.save_price.clicked.connect(self._on_save_price)
        self.sold_out = QPushButton()
        self.sold_out.setObjectName("sold-out")
        self.sold_out.setProperty("kind", "choice")
        self.sold_out.setCheckable(True)
        self.sold_out.setChecked(product.sold_out)
        self.sold_out.setMinimumWidth(theme.GRID * 26)
        self.sold_out.clicked.connect(self._on_sold_out)
        row.addWidget(self.name, 1)
        row.addWidget(self.price)
        row.addWidget(self.won)
        row.addWidget(self.save_price)
        row.addWidget(self.sold_out)
        self.retranslate()

    def retranslate(self) -> None:
        locale = current_locale()
        self.name.setText(name_with_unit(self.product.name.get(locale), self.product.unit, locale))
        self.won.setText(_("won"))
        self.save_price.setText(_("Save price"))
        self.sold_out.setText("× " + _("Sold out") if self.product.sold_out else _("In stock"))
        self.price.setAccessibleName(
            _("Price of {good}").format(good=self.product.name.get(locale))
        )

    def set_busy(self, busy: bool) -> None:
        self.sold_out.setEnabled(not busy)
        self.price.setEnabled(not busy)
        if busy:
            self.save_price.setEnabled(False)

    def typed_price(self) -> tuple[bool, int | None]:
        """(a price typed and not saved, its value or None when it is not a price)."""
        text = self.price.text()
        won = parse_won(text)
        if won == self.product.price_won or text.strip() == str(self.product.price_won):
            return False, won
        return True, won

    def _on_price_edited(self, text: str) -> None:
        won = parse_won(text)
        self.save_price.setEnabled(won is not None and won != self.product.price_won)

    def _on_save_price(self) -> None:
        won = parse_won(self.price.text())
        if won is not None and won != self.product.price_won:
            self.price_saved.emit(self.product.id, won)

    def _on_sold_out(self) -> None:
        self.sold_out.setChecked(self.product.sold_out)  # shows the saved state until saved
        self.sold_out_toggled.emit(self.product.id, not self.product.sold_out)


class MerchantGoodsScreen(QWidget):
    """The signed-in merchant's goods; every tap saves at once (in the background).

    ``qr_requested(store_id)``, ``sign_out_requested``. Leaving with a price typed
    and not saved asks first (``leave_question``): save it, leave it, or stay.
    """

    qr_requested = Signal(int)
    stands_requested = Signal(int)
    sign_out_requested = Signal()
    saved = Signal(object)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        from kiosk.ui.merchant.qr_screen import merchant_stylesheet

        super().__init__(parent)
        self.setObjectName(SCREEN)
        self.setStyleSheet(merchant_stylesheet())
        self._services = services
        self._actor: Actor | None = None
        self._store: StoreDetail | None = None
        self._load_slot = ops.OpSlot(self)  # a newer load replaces an older one
        self._save_slot = ops.OpSlot(self)  # never cancelled by a load
        self.rows: list[GoodRow] = []
        self._keep: int | None = None  # the product whose row stays in view after a save
        outer = QVBoxLayout(self)
        outer.setContentsMargins(theme.GRID * 5, theme.GRID * 2, theme.GRID * 5, theme.GRID * 2)
        outer.setSpacing(theme.GRID * 2)
        top = QHBoxLayout()
        top.setSpacing(theme.GRID * 3)
        self._then: Callable[[], None] | None = None
        self.back_button = BackButton(lambda: self.leave(self.sign_out_requested.emit))
        self.title = QLabel()
        self.title.setProperty("role", "heading")
        self.title.setWordWrap(True)
        self.qr_button = QPushButton()
        self.qr_button.setObjectName("merchant-qr-codes")
        self.qr_button.clicked.connect(lambda: self.leave(self._on_qr))
        self.stands_button = QPushButton()
        self.stands_button.setObjectName("merchant-print-stand")
        self.stands_button.setProperty("kind", "primary")
        self.stands_button.clicked.connect(lambda: self.leave(self._on_stands))
        self.sign_out_button = QPushButton()
        self.sign_out_button.setObjectName("merchant-sign-out")
        self.sign_out_button.clicked.connect(lambda: self.leave(self.sign_out_requested.emit))
        top.addWidget(self.back_button)
        top.addStretch(1)
        top.addWidget(self.qr_button)
        top.addWidget(self.stands_button)
        top.addWidget(self.sign_out_button)
        outer.addLayout(top)
        # The store's name on its own line: beside four buttons it squeezed them until their
        # words were cut (Japanese in portrait).
        outer.addWidget(self.title)
        self.hint = QLabel()
        self.hint.setProperty("role", "muted")
        self.hint.setWordWrap(True)
        outer.addWidget(self.hint)
        self.list_widget = QWidget()
        self._list = QVBoxLayout(self.list_widget)
        self._list.setContentsMargins(0, 0, theme.GRID, 0)
        self._list.setSpacing(theme.GRID)
        self._list.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(self.list_widget)
        outer.addWidget(self.scroll_area, 1)
        self.status = QLabel()
        self.status.setObjectName("merchant-goods-status")
        self.status.setProperty("role", "lead")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self.status)
        self.leave_question = UnsavedQuestion("merchant-goods-leave")
        self.leave_question.save_chosen.connect(self._save_typed_then_leave)
        self.leave_question.discard_chosen.connect(self._leave_now)
        outer.addWidget(self.leave_question)
        self.retranslate()

    def set_actor(self, actor: Actor | None) -> None:
        self._actor = actor
        if actor is None:
            self._then = None
            self.leave_question.hide()

    def store(self) -> StoreDetail | None:
        return self._store

    def load(self, store_id: int) -> None:
        services = self._services
        self._load_slot.run(
            lambda: services.directory.get_store(store_id=store_id),
            on_done=self.show_store,
            name="goods",
        )

    def show_store(self, store: StoreDetail) -> None:
        self._store = store
        clear_layout(self._list, keep=1)  # the closing stretch stays
        self.rows = []
        for product in store.products:
            row = GoodRow(product)
            row.price_saved.connect(self.set_price)
            row.sold_out_toggled.connect(self.set_sold_out)
            self._list.insertWidget(self._list.count() - 1, row)
            row.show()  # now, not queued: the list is laid out with it at once
            self.rows.append(row)
        self._retitle()

    def leave(self, go: Callable[[], None]) -> None:
        """Go (*go*) unless a price is typed and not saved: then ask first."""
        typed = [(row, won) for row in self.rows for changed, won in [row.typed_price()] if changed]
        self._then = go
        if not typed:
            self._leave_now()
            return
        names = ", ".join(row.product.name.get(current_locale()) for row, _won in typed)
        can_save = all(won is not None for _row, won in typed)
        self.leave_question.ask(
            _("The new price of {goods} is not saved yet.").format(goods=names)
            if can_save
            else _("The price typed for {goods} is not a price; it cannot be saved.").format(
                goods=names
            ),
            can_save=can_save,
        )

    def _leave_now(self) -> None:
        go, self._then = self._then, None
        self.leave_question.hide()
        if go is not None:
            go()

    def _save_typed_then_leave(self) -> None:
        """Save every typed price (one after the other, each on the last saved), then go."""
        services, actor, store = self._services, self._actor, self._store
        prices = [
            (row.product.id, won)
            for row in self.rows
            for changed, won in [row.typed_price()]
            if changed and won is not None
        ]
        if actor is None or store is None:
            return
        self._set_busy(True)

        def work() -> StoreDetail:
            saved = store
            for product_id, won in prices:
                saved = services.listings.update_good(
                    actor=actor, base=saved, product_id=product_id, price_won=won
                )
            return saved

        def done(saved: StoreDetail) -> None:
            self.show_store(saved)
            self.status.setText("✓ " + _("Saved."))
            self.saved.emit(saved)
            self._leave_now()

        self._save_slot.run(work, on_done=done, on_error=self._on_failed, name="save-goods")

    def set_price(self, product_id: int, won: int) -> None:
        self._save(product_id, price_won=won)

    def set_sold_out(self, product_id: int, sold_out: bool) -> None:
        self._save(product_id, sold_out=sold_out)

    def retranslate(self) -> None:
        self.back_button.setText("‹  " + _("Start"))
        self.qr_button.setText(_("My QR codes"))
        self.stands_button.setText(_("Print the stand"))
        self.sign_out_button.setText(_("Sign out"))
        self.hint.setText(
            _("Type a new price and press Save price. Tap In stock / Sold out to switch.")
        )
        for row in self.rows:
            row.retranslate()
        self._retitle()

    def _retitle(self) -> None:
        store = self._store
        self.title.setText(
            f"{store.stall_number}  {keep_together(store.name.get(current_locale()))}"
            if store
            else _("My store")
        )

    def _save(
        self, product_id: int, *, price_won: int | None = None, sold_out: bool | None = None
    ) -> None:
        services, actor, store = self._services, self._actor, self._store
        if actor is None or store is None:
            return
        self._set_busy(True)

        def work() -> StoreDetail:
            return services.listings.update_good(
                actor=actor, base=store, product_id=product_id, price_won=price_won,
                sold_out=sold_out,
            )  # fmt: skip

        def done(saved: StoreDetail) -> None:
            good = next((p for p in saved.products if p.id == product_id), None)
            self.show_store(saved)
            self.keep_in_view(product_id)
            if good is not None:
                name = good.name.get(current_locale())
                if price_won is not None:
                    price = format_price(good.price_won, current_locale())
                    self.status.setText(
                        "✓ " + _("{good}: now {price}.").format(good=name, price=price)
                    )
                else:
                    state = _("sold out") if good.sold_out else _("in stock")
                    self.status.setText("✓ " + _("{good}: {state}.").format(good=name, state=state))
            self.saved.emit(saved)

        self._save_slot.run(work, on_done=done, on_error=self._on_failed, name="save-good")

    def _on_failed(self, exc: Exception) -> None:
        from kiosk.domain.access import AccessError
        from kiosk.domain.messages import KioskError
        from kiosk.domain.store_edit.draft import Gone, StaleEdit

        self._then = None  # a save asked for on the way out failed: stay and say why
        self._set_busy(False)
        if isinstance(exc, StaleEdit) and self._store is not None:
            self.status.setText(
                "⚠ " + _("Changed on another PC: the list was reloaded. Tap again if needed.")
            )
            self.load(self._store.id)
        elif isinstance(exc, AccessError):
            self.status.setText("⚠ " + str(exc))
            self.sign_out_requested.emit()
        elif isinstance(exc, Gone | KioskError):
            self.status.setText("⚠ " + str(exc))
        else:
            raise exc

    def _set_busy(self, busy: bool) -> None:
        """Every row busy (or not) with the list left where it was: disabling the tapped
        button hands the focus on row by row, and the scroll area followed it to the end."""
        bar = self.scroll_area.verticalScrollBar()
        where = bar.value()
        for row in self.rows:
            row.set_busy(busy)
        bar.setValue(where)

    def _on_qr(self) -> None:
        if self._store is not None:
            self.qr_requested.emit(self._store.id)

    def _on_stands(self) -> None:
        if self._store is not None:
            self.stands_requested.emit(self._store.id)

    def keep_in_view(self, product_id: int) -> None:
        """Scroll so the row of *product_id* (just saved, so rebuilt) shows again."""
        self._keep = product_id
        self._scroll_to_kept()
        QTimer.singleShot(0, self._scroll_to_kept)  # again once the rebuilt rows are laid out

    def _scroll_to_kept(self) -> None:
        row = next((r for r in self.rows if r.product.id == self._keep), None)
        if row is None:
            return
        self._list.activate()  # the new rows get their places now, not at the next paint
        self.scroll_area.ensureWidgetVisible(row, 0, theme.GRID)
