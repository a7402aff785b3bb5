"""Merchant screen: pick your store, check your KakaoTalk and Zero Pay QR codes, save and print."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.i18n import _, current_locale
from kiosk.ui import theme
from kiosk.ui.widgets.back_button import BackButton

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent
    from PySide6.QtPrintSupport import QPrinter

    from kiosk.domain.access import CodeProof
    from kiosk.domain.listing import MarketInfo, StoreDetail
    from kiosk.services.app import Services
    from kiosk.services.values import SavedQr
    from kiosk.ui.host import ModeHost
    from kiosk.ui.merchant.kakao_section import KakaoSection
    from kiosk.ui.merchant.payment_section import PaymentSection
    from kiosk.ui.merchant.qr_section import QrSection

# Imported when the merchant mode is first opened: still nothing heavy at the top;
# sections, rendering and services load on first use.

SCREEN = "merchant-qr"
Which = Literal["kakao", "payment"]
#: Below this width the two sections stack (one above the other) instead of side by side.
SIDE_BY_SIDE_MIN_WIDTH = 1200
#: Below this width the screen title makes room for the store picker (the start button said it).
TITLE_MIN_WIDTH = 1600
#: The code previews get this share of the screen's height (within the sections' limits):
#: ~168 px at 1366x768, so both codes and their badges show without scrolling; 240 at 1080.
PREVIEW_HEIGHT_SHARE = 0.25


def merchant_screen(host: ModeHost) -> MerchantQrScreen:
    """The merchant QR screen of *host*, added to it on first use."""
    if not host.has_screen(SCREEN):
        from kiosk.ui.host import ready_services

        built = MerchantQrScreen(ready_services(host))
        built.back_requested.connect(host.go_home)
        host.add_screen(SCREEN, built)
    screen = host.screen_widget(SCREEN)
    assert isinstance(screen, MerchantQrScreen)
    return screen


def open_merchant_qr(host: ModeHost) -> None:
    """Show the merchant QR screen in *host* (the data is open: the merchant mode waited)."""
    merchant_screen(host)
    host.show_screen(SCREEN)


class MerchantQrScreen(QWidget):
    """One task: the two QR codes of one store, each shown only after it was decoded back.

    Data goes through the ``Services`` door (directory reads, ``save_store_codes``
    with the store's version and the inputs the sections checked once). On a
    stale version the store is reloaded and the fields keep what the merchant
    typed. ``export_code`` and ``print_code`` take a path or printer, so they
    work without a dialog; the buttons ask first.
    """

    back_requested = Signal()
    saved = Signal(object)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        from kiosk.ui.widgets.proof_prompt import ProofPrompt

        super().__init__(parent)
        self.setObjectName(SCREEN)
        self.setStyleSheet(merchant_stylesheet())
        self._services = services
        self._markets: list[MarketInfo] = []
        self._store: StoreDetail | None = None
        self._status = ("", "")  # (kind, message) to re-show after a language change

        outer = QVBoxLayout(self)
        outer.setContentsMargins(theme.GRID * 5, theme.GRID * 2, theme.GRID * 5, theme.GRID * 2)
        outer.setSpacing(theme.GRID * 2)
        outer.addLayout(self._build_top())
        outer.addWidget(self._build_sections(), 1)
        # Changing a code always asks for the store's PIN or the manager password.
        self.prompt = ProofPrompt()
        self.prompt.confirmed.connect(self._on_proof_confirmed)
        outer.addWidget(self.prompt)
        outer.addLayout(self._build_bottom())
        self.retranslate()
        self.set_files_allowed(False)  # until the store's merchant signs in (flow.open_qr)
        self._list_markets()

    def _build_top(self) -> QHBoxLayout:
        """Back, the title and the store picker."""
        from PySide6.QtCore import Qt

        from kiosk.ui.widgets.store_picker import StorePicker

        top = QHBoxLayout()
        top.setSpacing(theme.GRID * 3)
        self.back_button = BackButton(self._on_back_clicked)
        self.title_label = QLabel()
        self.title_label.setProperty("role", "heading")
        self.title_label.setWordWrap(True)
        self.picker = StorePicker()
        self.picker.market_changed.connect(self._on_market_changed)
        self.picker.store_chosen.connect(self._on_store_chosen)
        top.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        top.addWidget(self.title_label)
        top.addWidget(self.picker, 1)
        self._top = top
        return top

    def _build_sections(self) -> QWidget:
        """The KakaoTalk and Zero Pay sections side by side, in a scroll area."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QScrollArea

        from kiosk.ui.merchant.kakao_section import KakaoSection
        from kiosk.ui.merchant.payment_section import PaymentSection
        from kiosk.ui.merchant.qr_files import on_export_requested

        body = QWidget()
        self._sections = QBoxLayout(QBoxLayout.Direction.LeftToRight, body)
        self._sections.setContentsMargins(0, 0, theme.GRID, 0)
        self._sections.setSpacing(theme.GRID * 3)
        self.kakao: KakaoSection = KakaoSection()
        self.payment: PaymentSection = PaymentSection()
        for which, section in (("kakao", self.kakao), ("payment", self.payment)):
            self._sections.addWidget(section, 1, Qt.AlignmentFlag.AlignTop)
            section.edited.connect(self._on_section_edited)
            section.preview_updated.connect(self._on_preview_updated)
            section.export_requested.connect(
                lambda action, w=which: on_export_requested(self, w, action)
            )
        self._sections.addStretch(0)  # stacked (portrait): the room left goes under both
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(body)
        return self.scroll_area

    def _build_bottom(self) -> QHBoxLayout:
        """The status line and Save."""
        from PySide6.QtCore import Qt

        bottom = QHBoxLayout()
        bottom.setSpacing(theme.GRID * 3)
        self.status_label = QLabel()
        self.status_label.setObjectName("merchant-status")
        self.status_label.setProperty("role", "lead")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.save_button = QPushButton()
        self.save_button.setProperty("kind", "primary")
        self.save_button.setObjectName("save-to-store")
        self.save_button.clicked.connect(self._on_save_clicked)
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.save_button)
        return bottom

    # Data ----------------------------------------------------------------------------------
    def _list_markets(self) -> None:
        """List the markets and show the first one's first store."""
        services = self._services
        self._markets = services.directory.list_markets()
        self.picker.set_markets(self._markets)
        if self._markets:
            self._load_market(self._markets[0].slug)
        self.show_status("")

    def current_store(self) -> StoreDetail | None:
        return self._store

    def select_store(self, store_id: int) -> None:
        """Load *store_id* (its market is chosen too) and fill both fields from it.

        Raises NotFoundError (kiosk.services.errors) when the store does not exist.
        """
        services = self._services
        store = services.directory.get_store(store_id=store_id)
        if self.picker.current_market() != store.market_slug:
            self.picker.set_markets(self._markets, select=store.market_slug)
            self.picker.set_stores(services.directory.list_stores(market_slug=store.market_slug))
        self.picker.select_store(store_id)
        self._show_store(store)

    def section(self, which: Which) -> QrSection:
        return self.kakao if which == "kakao" else self.payment

    def has_changes(self) -> bool:
        """True when a field differs from what the store has saved."""
        from kiosk.ui.merchant.qr_save import codes_changed

        store = self._store
        return store is not None and codes_changed(store, self.kakao, self.payment)

    def can_save(self) -> bool:
        return self._store is not None and self.kakao.is_valid() and self.payment.is_valid()

    # Actions ------------------------------------------------------------------------------
    def save_to_store(self, proof: CodeProof | None = None) -> bool:
        """Save both fields to the store at the version it was loaded with; True when saved.

        Without *proof* (the store's PIN or the manager password) the prompt
        asks for it and nothing is saved yet; a wrong one keeps the prompt open.
        """
        from kiosk.ui.merchant.qr_save import save_codes

        for section in (self.kakao, self.payment):
            if section.is_pending():
                section.refresh_now()
        store, services = self._store, self._services
        if store is None or not self.can_save():
            return False
        if proof is None:
            self.prompt.ask(kind=self.prompt.kind())
            return False
        saved = save_codes(self, services, store, proof)
        if saved == "stale":
            self._reload_store(keep_fields=True)
            self.show_status(
                _(
                    "Someone else changed this store in the meantime, so it was reloaded. "
                    "Your entries are still here: check them and press Save again."
                ),
                kind="notice",
            )
            return False
        if saved is None:
            return False
        self.prompt.close_prompt()
        self._store = saved
        self._update_save_state()
        self.show_status("✓ " + _("Saved to the store."), kind="ok")
        self.saved.emit(saved)
        return True

    def export_code(self, which: Which, path: Path) -> SavedQr:
        """Write the verified code of *which* to *path* (.png, .svg, .pdf), checked and atomic.

        Raises LookupError when that section shows no verified code; errors of
        ``save_qr`` (QrFormatError, OSError, QrVerificationError) pass through.
        """
        from kiosk.ui.merchant.qr_files import export_code

        return export_code(self.section(which), path)

    def print_code(self, which: Which, printer: QPrinter) -> float:
        """Print the verified code of *which* on *printer*; return the printed width in mm."""
        from kiosk.ui.merchant.qr_files import print_code

        return print_code(
            self.section(which), which, printer, store=self._store, locale=current_locale()
        )

    def window_parent(self) -> QWidget:
        """The widget the save and print dialogs open over."""
        return self

    def show_status(self, message: str, *, kind: str = "info") -> None:
        """Show *message* in the line beside the Save button (a word or sign carries the kind)."""
        self._status = (kind, message)
        self.status_label.setText(message)
        self.status_label.setProperty("status", kind)
        style = self.status_label.style()
        style.unpolish(self.status_label)
        style.polish(self.status_label)

    def retranslate(self) -> None:
        self.back_button.setText("‹  " + _("Start"))
        self.title_label.setText(_("QR codes for my store"))
        self.save_button.setText(_("Save to store"))
        self.prompt.retranslate()
        self.picker.retranslate()
        self.kakao.retranslate()
        self.payment.retranslate()
        self._update_save_state()

    # Internals -----------------------------------------------------------------------------
    def _load_market(self, slug: str) -> None:
        """List *slug*'s stores and show the first one."""
        stores = self._services.directory.list_stores(market_slug=slug)
        self.picker.set_stores(stores)
        if stores:
            self.select_store(stores[0].id)
        else:
            self._store = None
            self.kakao.set_text("")
            self.payment.set_text("")
            self._update_save_state()

    def _show_store(self, store: StoreDetail) -> None:
        self.prompt.close_prompt()
        self._store = store
        self.kakao.set_text(store.kakao_channel_id or "")
        self.payment.set_text(store.payment_qr_payload or "")
        self.show_status("")
        self._update_save_state()

    def _reload_store(self, *, keep_fields: bool) -> None:
        if self._store is None:
            return
        store = self._services.directory.get_store(store_id=self._store.id)
        if keep_fields:
            self._store = store
            self._update_save_state()
        else:
            self._show_store(store)

    def _update_save_state(self) -> None:
        self.save_button.setEnabled(self.can_save() and self.has_changes())

    def _apply_layout_direction(self) -> None:
        wide = self.width() >= SIDE_BY_SIDE_MIN_WIDTH
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._sections.direction() != direction:
            self._sections.setDirection(direction)
            self._top.setDirection(  # narrow: the picker under "Back", with the whole width
                QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
            )
            for index, stretch in enumerate((1, 1, 0) if wide else (0, 0, 1)):
                self._sections.setStretch(index, stretch)
        self.title_label.setVisible(self.width() >= TITLE_MIN_WIDTH)
        side = int(self.height() * PREVIEW_HEIGHT_SHARE) // theme.GRID * theme.GRID
        for section in (self.kakao, self.payment):
            section.set_preview_side(side)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._apply_layout_direction()
        super().resizeEvent(event)

    # Handlers ------------------------------------------------------------------------------
    def _on_back_clicked(self) -> None:
        self.back_requested.emit()

    def _on_market_changed(self, slug: str) -> None:
        self._load_market(slug)

    def _on_store_chosen(self, store_id: int) -> None:
        self.select_store(store_id)

    def _on_section_edited(self) -> None:
        self.save_button.setEnabled(False)  # until the preview has checked the new input
        self.show_status("")

    def _on_preview_updated(self) -> None:
        self._update_save_state()
        if self._store is not None and not self.can_save():
            self.show_status("⚠ " + _("Correct the entry marked ⚠ above; then you can save."))
        elif self.save_button.isEnabled():
            self.show_status("• " + _("Not saved yet."), kind="notice")
        elif self._status[0] != "ok":
            self.show_status("")

    def _on_save_clicked(self) -> None:
        self.save_to_store()

    def _on_proof_confirmed(self, proof: object) -> None:
        from kiosk.domain.access import CodeProof

        if isinstance(proof, CodeProof):
            self.save_to_store(proof)

    def set_files_allowed(self, allowed: bool) -> None:
        """Save as PNG/PDF, print and the kit photo: only after the store's PIN.

        A visitor who only looks at the codes ("Only look at the QR codes") never
        reaches anything that prints or opens a file; saving a code asks for the
        PIN anyway.
        """
        self.kakao.set_files_allowed(allowed)
        self.payment.set_files_allowed(allowed)

    def _on_save_file_requested(self, which: Which, fmt: str, path: Path | None = None) -> None:
        from kiosk.ui.merchant.qr_files import save_code_file

        save_code_file(self, which, fmt, path)

    def _on_print_requested(self, which: Which, printer: QPrinter | None = None) -> None:
        from kiosk.ui.merchant.qr_files import print_code_on

        print_code_on(self, which, printer)


def merchant_stylesheet() -> str:
    """Merchant sizes on top of the app stylesheet: the theme's merchant variant."""
    return theme.stylesheet("merchant")
