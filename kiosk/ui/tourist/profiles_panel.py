"""Tourist "find us online" card: the store's Smart Place, Instagram, Danggeun pages as QR codes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from kiosk.i18n import _
from kiosk.services.values import PROFILE_SIDE, StoreCodes
from kiosk.ui import theme
from kiosk.ui.widgets.flow_layout import FlowLayout
from kiosk.ui.widgets.layout_items import clear_layout
from kiosk.ui.widgets.qr_card import QrCard

QWIDGETSIZE_MAX = 16_777_215


class ProfilesPanel(QFrame):
    """One card with a verified code per recorded profile link; hidden when there is none.

    Codes arrive verified (``verified_store_codes(..., profiles=...)`` in a
    background op). Links open nothing on the kiosk: the tourist scans them
    with a phone, so no page of the kiosk ever leaves the app.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("store-profiles-panel")
        self.setProperty("surface", "card")
        # The shop's online pages: more reading under the codes to scan, which stay in view;
        # these may be scrolled to (the self-test's fold check knows the mark).
        self.setProperty("secondary-code", True)
        outer = QVBoxLayout(self)
        pad = self._pad = theme.GRID * 3
        outer.setContentsMargins(pad, pad, pad, pad)
        outer.setSpacing(theme.GRID * 2)
        self.title_label = QLabel()
        self.title_label.setProperty("role", "heading")
        self.title_label.setWordWrap(True)
        outer.addWidget(self.title_label)
        holder = QWidget()
        self._flow = FlowLayout(holder, spacing=theme.GRID * 3)
        outer.addWidget(holder)
        self.cards: list[QrCard] = []
        self.hide()
        self.retranslate()

    def show_codes(self, codes: StoreCodes | None) -> None:
        """Show the store's profile codes (replacing any previous store's)."""
        clear_layout(self._flow)
        self.cards = []
        for link, verified in codes.profiles if codes is not None else ():
            card = QrCard(image_side=PROFILE_SIDE, framed=False, badge=False)
            card.setFixedWidth(PROFILE_SIDE + theme.GRID * 2)
            card.show_verified(verified, link.brand)
            card.caption_label.setAlignment(Qt.AlignmentFlag.AlignLeft)
            self._flow.addWidget(card)
            card.show()
            self.cards.append(card)
        self.setVisible(bool(self.cards))

    def set_single_column(self, single: bool) -> None:
        """One code under the other (a column of its own), or as many in a row as fit."""
        if single:
            self.setFixedWidth(PROFILE_SIDE + theme.GRID * 2 + 2 * self._pad)
        else:
            self.setMinimumWidth(0)
            self.setMaximumWidth(QWIDGETSIZE_MAX)

    def retranslate(self) -> None:
        self.title_label.setText(_("Find us online"))
        for card in self.cards:
            card.retranslate()
