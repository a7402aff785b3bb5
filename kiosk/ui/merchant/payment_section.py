"""Zero Pay section: paste the kit's payload or load a photo of the kit, see the checked code."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QTextOption
from PySide6.QtWidgets import (
    QBoxLayout,
    QFileDialog,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from kiosk.domain.qr.payment import PaymentPayload
from kiosk.i18n import _
from kiosk.services.app import Codes
from kiosk.services.values import PaymentInput, QrInputError, field_message
from kiosk.ui import theme
from kiosk.ui.merchant.qr_section import QrSection

#: Lines of payload visible without scrolling (a Zero Pay EMVCo payload is ~150 characters);
#: two keep the code beside it in view at 1366x768, the rest scrolls inside the box.
PAYLOAD_LINES = 2
#: Merchant details (name, city, country, currency) are laid out in this many pairs per row.
DETAIL_PAIRS_PER_ROW = 2


class PaymentSection(QrSection):
    """The official payment payload, pasted or read from a photo of the Zero Pay kit.

    Rules (docs/architecture.md, domain facts: FSC 2018 QR standard): the payload is never
    changed (only blanks around a paste are dropped), the code is level M without a logo,
    EMVCo payloads must pass the structure and CRC checks (errors name the tag), other text
    is accepted with a visible "format not recognised" note. The laminate / tamper-proof
    film reminder is always on show.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._checked: PaymentInput | None = None
        self.field_title = QLabel()
        self.field_title.setProperty("role", "hint")
        self.field_title.setWordWrap(True)
        self.payload_edit = QPlainTextEdit()
        self.payload_edit.setObjectName("payment-payload")
        self.payload_edit.setTabChangesFocus(True)
        self.payload_edit.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        # Noto Sans CJK's line spacing is ~1.45 em; the merchant stylesheet sets 24 px text.
        line = round(theme.LEAD * 1.45)
        self.payload_edit.setFixedHeight(line * PAYLOAD_LINES + theme.GRID * 4)
        self.payload_edit.textChanged.connect(self._on_text_changed)
        self.field_title.setBuddy(self.payload_edit)
        self.photo_button = QPushButton()
        self.photo_button.clicked.connect(self._on_photo_clicked)
        # Its label may be wider than the column: _place_photo_button then moves it, not Qt.
        self.photo_button.setMinimumWidth(theme.TOUCH_MERCHANT)
        self.inputs.addWidget(self.field_title)
        self.inputs.addWidget(self.payload_edit)
        # The photo button goes under the box when it fits beside the code, else under both.
        self._photo_slot = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._photo_slot.setContentsMargins(0, 0, 0, 0)
        self.inputs.addLayout(self._photo_slot)
        self._photo_wide_slot = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._photo_wide_slot.setContentsMargins(0, 0, 0, 0)
        self.info.addLayout(self._photo_wide_slot)
        self._photo_slot.addWidget(self.photo_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._photo_slot.addStretch(1)

        self.details = QGridLayout()
        self.details.setHorizontalSpacing(theme.GRID * 2)
        self.details.setVerticalSpacing(theme.GRID)
        self._detail_rows: list[tuple[QLabel, QLabel]] = []
        for index in range(4):
            name, value = QLabel(), QLabel()
            name.setProperty("role", "field")
            value.setProperty("role", "value")
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            row, pair = divmod(index, DETAIL_PAIRS_PER_ROW)
            self.details.addWidget(name, row, pair * 2, Qt.AlignmentFlag.AlignTop)
            self.details.addWidget(value, row, pair * 2 + 1, Qt.AlignmentFlag.AlignTop)
            self._detail_rows.append((name, value))
        for pair in range(DETAIL_PAIRS_PER_ROW):
            self.details.setColumnStretch(pair * 2 + 1, 1)
        self.info.addLayout(self.details)
        self.note_label = QLabel()
        self.note_label.setObjectName("payment-note")
        self.note_label.setProperty("role", "muted")
        self.note_label.setWordWrap(True)
        self.info.addWidget(self.note_label)

        self.reminder_label = QLabel()
        self.reminder_label.setObjectName("payment-reminder")
        self.reminder_label.setProperty("role", "lead")
        self.reminder_label.setWordWrap(True)
        self.notes.addWidget(self.reminder_label)

    # State -------------------------------------------------------------------------------
    def text(self) -> str:
        return self.payload_edit.toPlainText()

    def set_text(self, text: str) -> None:
        """Fill the field (e.g. from the store) and show its code at once."""
        self.payload_edit.blockSignals(True)
        try:
            self.payload_edit.setPlainText(text)
        finally:
            self.payload_edit.blockSignals(False)
        self.refresh_now()

    def payload(self) -> PaymentPayload | None:
        """The parsed payload after the last refresh, or None (empty or refused)."""
        return self._checked.payload if self._checked is not None else None

    def checked(self) -> PaymentInput | None:
        """The payload as checked and verified by the last refresh (None: blank or refused)."""
        return self._checked

    def detail_texts(self) -> dict[str, str]:
        """Shown merchant details by their (translated) names."""
        return {
            name.text(): value.text() for name, value in self._detail_rows if name.isVisibleTo(self)
        }

    def note_text(self) -> str:
        return self.note_label.text() if self.note_label.isVisibleTo(self) else ""

    def set_files_allowed(self, allowed: bool) -> None:
        """The kit photo opens a file: only for someone signed in, like save and print."""
        super().set_files_allowed(allowed)
        self.photo_button.setVisible(allowed)

    def load_photo(self, path: Path) -> bool:
        """Read the payment QR from a PNG/JPEG photo of the kit into the field; False on error.

        On error the field keeps what it had and the reason is shown inline.
        """
        try:
            checked = Codes.payment_from_image(path)
        except QrInputError as exc:
            self.refresh_now()
            self._show_error(str(exc))
            return False
        self.payload_edit.setPlainText(checked.raw)  # marks the section edited
        self.refresh_now()
        return True

    def retranslate(self) -> None:
        self.heading.setText(_("Zero Pay payment QR"))
        self.field_title.setText(_("Payment code text from your Zero Pay kit"))
        self.photo_button.setText(_("Load photo of the Zero Pay kit…"))
        self.payload_edit.setPlaceholderText(
            _("Paste the text here, or load a photo of the QR code in your kit.")
        )
        self.reminder_label.setText(
            "※ "
            + _(
                "After printing, laminate the code or cover it with tamper-proof film, "
                "so nobody can stick a false code over it."
            )
        )
        super().retranslate()
        self._place_photo_button()

    # Preview -----------------------------------------------------------------------------
    def _update_preview(self) -> None:
        self._checked = None
        self._show_details(None)
        try:
            checked = Codes.check_payment(self.payload_edit.toPlainText())
        except QrInputError as exc:
            self._show_error(str(exc))
            self.card.show_message(_("No code yet: please check the payment code text."))
            return
        if checked is None:
            self.card.show_message(_("Paste the payment code or load a photo to see it."))
            return
        if self.card.show_spec(checked.spec) is None:
            self._show_error(field_message("payment_qr", _("the code could not be checked")))
            return
        self._checked = checked
        self._show_details(checked.payload)

    def _show_details(self, payload: PaymentPayload | None) -> None:
        rows: list[tuple[str, str]] = []
        if payload is not None and payload.kind == "emvco":
            rows = [
                (_("Merchant"), payload.merchant_name),
                (_("City"), payload.city),
                (_("Country"), payload.country),
                (_("Currency"), payload.currency),
            ]
        for index, (name, value) in enumerate(self._detail_rows):
            shown = index < len(rows)
            name.setText(rows[index][0] if shown else "")
            value.setText(rows[index][1] if shown else "")
            name.setVisible(shown)
            value.setVisible(shown)
        note = payload.note if payload is not None else ""
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_photo_button()

    def _place_photo_button(self) -> None:
        """Under the payload box beside the code when it fits there, else under both."""
        fits = self.photo_button.sizeHint().width() <= self.entry_width()
        slot = self._photo_slot if fits else self._photo_wide_slot
        if slot.indexOf(self.photo_button) >= 0:
            return
        other = self._photo_wide_slot if fits else self._photo_slot
        other.removeWidget(self.photo_button)
        while other.count():  # the stretch that kept the button left
            other.takeAt(0)
        slot.addWidget(self.photo_button, 0, Qt.AlignmentFlag.AlignLeft)
        slot.addStretch(1)

    # Handlers ----------------------------------------------------------------------------
    def _on_text_changed(self) -> None:
        self.schedule_preview()

    def _on_photo_clicked(self) -> None:
        if not self.files_allowed():
            return
        path, _filter = QFileDialog.getOpenFileName(
            self,
            _("Photo of the Zero Pay kit"),
            str(Path.home()),
            _("Pictures (*.png *.jpg *.jpeg)"),
            options=QFileDialog.Option.DontUseNativeDialog,
        )
        if path:
            self.load_photo(Path(path))
