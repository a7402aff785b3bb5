"""Zero Pay section: load a photo of the kit (or paste its text under Details), see the code."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from kiosk.domain.qr.payment import PaymentPayload
from kiosk.i18n import _
from kiosk.services.app import Codes
from kiosk.services.values import PaymentInput, QrInputError
from kiosk.ui import theme
from kiosk.ui.merchant.qr_section import QrSection
from kiosk.ui.widgets.plain_words import plain_qr_error

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
        self.photo_button.setObjectName("kit-photo")
        self.photo_button.setProperty("kind", "primary")
        self.photo_button.clicked.connect(self._on_photo_clicked)
        self.photo_button.setMinimumWidth(theme.TOUCH_MERCHANT)
        self.inputs.addWidget(self.photo_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.details_box.insertWidget(0, self.field_title)
        self.details_box.insertWidget(1, self.payload_edit)

        self.facts = QGridLayout()
        self.facts.setHorizontalSpacing(theme.GRID * 2)
        self.facts.setVerticalSpacing(theme.GRID)
        self._detail_rows: list[tuple[QLabel, QLabel]] = []
        for index in range(4):
            name, value = QLabel(), QLabel()
            name.setProperty("role", "field")
            value.setProperty("role", "value")
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            row, pair = divmod(index, DETAIL_PAIRS_PER_ROW)
            self.facts.addWidget(name, row, pair * 2, Qt.AlignmentFlag.AlignTop)
            self.facts.addWidget(value, row, pair * 2 + 1, Qt.AlignmentFlag.AlignTop)
            self._detail_rows.append((name, value))
        for pair in range(DETAIL_PAIRS_PER_ROW):
            self.facts.setColumnStretch(pair * 2 + 1, 1)
        self.details_box.addLayout(self.facts)
        self.note_label = QLabel()
        self.note_label.setObjectName("payment-note")
        self.note_label.setProperty("role", "muted")
        self.note_label.setWordWrap(True)
        self.details_box.addWidget(self.note_label)

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
            name.text(): value.text() for name, value in self._detail_rows if not name.isHidden()
        }

    def note_text(self) -> str:
        return self.note_label.text() if not self.note_label.isHidden() else ""

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
            self._show_error(plain_qr_error(exc), str(exc))
            return False
        self.payload_edit.setPlainText(checked.raw)  # marks the section edited
        self.refresh_now()
        return True

    def retranslate(self) -> None:
        self.heading.setText(_("Zero Pay payment QR"))
        self.field_title.setText(_("The payment code as text (only if you have it)"))
        self.photo_button.setText(_("Load from a photo of the kit"))
        self.payload_edit.setPlaceholderText(_("Paste the text here."))
        self.reminder_label.setText(
            "※ "
            + _(
                "After printing, laminate the code or cover it with tamper-proof film, "
                "so nobody can stick a false code over it."
            )
        )
        super().retranslate()

    # Preview -----------------------------------------------------------------------------
    def _update_preview(self) -> None:
        self._checked = None
        self._show_details(None)
        try:
            checked = Codes.check_payment(self.payload_edit.toPlainText())
        except QrInputError as exc:
            self._show_error(plain_qr_error(exc), str(exc))
            self.card.show_message(_("No code yet: load the photo of your kit again."))
            return
        if checked is None:
            self.card.show_message(_("Load the photo of your Zero Pay kit to see the code."))
            return
        if self.card.show_spec(checked.spec) is None:
            self._show_error(_("The code could not be checked. Load the photo again."))
            return
        self._checked = checked
        self._show_details(checked.payload)
        self._show_result(result_words(checked.payload))

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

    # Handlers ----------------------------------------------------------------------------
    def _on_text_changed(self) -> None:
        self.schedule_preview()

    def _on_photo_clicked(self) -> None:
        if not self.files_allowed():
            return
        from kiosk.ui.widgets.kit_photo import ask_kit_photo

        path = ask_kit_photo(self)
        if path is not None:
            self.load_photo(path)


def result_words(payload: PaymentPayload) -> str:
    """The checked payment code in words: whose it is and where, when the code says so."""
    if payload.kind == "emvco" and payload.merchant_name:
        where = payload.merchant_name
        if payload.city:
            where = f"{where}, {payload.city}"
        return _("The payment code is right: {where}").format(where=where)
    return _("The payment code is ready.")
