"""What a step records, as fields: the KakaoTalk ID, the Zero Pay code, a profile link, the owner.

The KakaoTalk and payment inputs are checked by the one QR path
(``kiosk.services.qr.store_codes.check_kakao`` / ``check_payment`` /
``payment_from_image``) and previewed only after the code decoded back; a
profile link is checked against its kind's host allow-list. A refused input
says why under the field, and nothing is saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.onboarding.checklist import Step
from kiosk.domain.onboarding.profile_links import BRAND_NAMES, ProfileLinkError, parse_profile_link
from kiosk.domain.onboarding.progress import StoreOnboarding
from kiosk.domain.onboarding.status import RecordKind
from kiosk.domain.qr.symbols import QrSpec
from kiosk.i18n import _
from kiosk.services.app import Codes
from kiosk.services.values import KakaoInput, PaymentInput, QrInputError
from kiosk.ui import theme
from kiosk.ui.onboarding.style import set_message
from kiosk.ui.widgets.plain_words import plain_qr_error
from kiosk.ui.widgets.qr_card import QrCard

#: Side of the preview of what the step records.
PREVIEW_SIDE = 176
PREVIEW_DELAY_MS = 250
Code = KakaoInput | PaymentInput


class RecordRefused(Exception):
    """The record field holds something refused (the reason is already shown under it)."""


@dataclass(frozen=True, slots=True)
class Entered:
    """The fields as entered: the code (on-store steps), the link, owner, note and helper."""

    code: Code | None
    code_changed: bool
    link: str
    account_owner: str
    note: str
    helper: str


class RecordFields(QObject):
    """The inputs of one step, in two parts the step screen places: ``record_part`` (what the
    step records, with its verified preview) and ``entries_part`` (owner, helper, note)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._step: Step | None = None
        self._saved_code = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self.record_part = QFrame()
        self.record_part.setObjectName("onboarding-record-part")
        self.record_part.setProperty("surface", "card")
        self.entries_part = QWidget()
        row = QHBoxLayout(self.record_part)
        pad = theme.GRID * 3
        row.setContentsMargins(pad, pad, pad, pad)
        row.setSpacing(theme.GRID * 3)
        fields = QVBoxLayout()
        fields.setSpacing(theme.GRID)
        self.record_title = QLabel()
        self.record_title.setProperty("role", "field")
        self.record_title.setWordWrap(True)
        self.record_edit = QLineEdit()
        self.record_edit.setObjectName("onboarding-record")
        self.record_edit.setClearButtonEnabled(True)
        self.record_edit.textChanged.connect(lambda _t: self._timer.start())
        self.payload_edit = QPlainTextEdit()
        self.payload_edit.setObjectName("onboarding-payload")
        self.payload_edit.setTabChangesFocus(True)
        self.payload_edit.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        self.payload_edit.setFixedHeight(round(theme.LEAD * 1.45) * 2 + theme.GRID * 4)
        self.payload_edit.textChanged.connect(self._timer.start)
        self.photo_button = QPushButton()
        self.photo_button.setObjectName("onboarding-photo")
        self.photo_button.clicked.connect(self._on_photo_clicked)
        self.record_error = QLabel()
        self.record_error.setObjectName("onboarding-record-error")
        self.record_error.setProperty("role", "lead")
        self.record_error.setWordWrap(True)
        self.record_error.setTextFormat(Qt.TextFormat.PlainText)
        grid = QGridLayout(self.entries_part)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(theme.GRID * 2)
        grid.setVerticalSpacing(theme.GRID)
        self.owner_title, self.owner_edit = QLabel(), QLineEdit()
        self.note_title, self.note_edit = QLabel(), QLineEdit()
        self.helper_title, self.helper_edit = QLabel(), QLineEdit()
        for index, (title, edit, name) in enumerate(
            (
                (self.owner_title, self.owner_edit, "owner"),
                (self.helper_title, self.helper_edit, "helper"),
                (self.note_title, self.note_edit, "note"),
            )
        ):
            title.setProperty("role", "field")
            title.setBuddy(edit)
            edit.setObjectName(f"onboarding-{name}")
            grid.addWidget(title, index, 0)
            grid.addWidget(edit, index, 1)
        grid.setColumnStretch(1, 1)
        for widget in (self.record_title, self.record_edit, self.payload_edit):
            fields.addWidget(widget)
        fields.addWidget(self.photo_button, 0, Qt.AlignmentFlag.AlignLeft)
        fields.addWidget(self.record_error)
        fields.addStretch(1)
        row.addLayout(fields, 1)
        self.preview = QrCard(image_side=PREVIEW_SIDE, framed=False)
        self.preview.setObjectName("onboarding-preview")
        row.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignTop)
        self.retranslate()

    # Data ----------------------------------------------------------------------------------
    def show_step(self, step: Step, state: StoreOnboarding) -> None:
        """Fill the fields from what *state* has saved for *step*."""
        self._step = step
        saved = state.step(step.key)
        kind = step.records
        self._saved_code = ""
        if kind is RecordKind.KAKAO_CHANNEL:
            self._saved_code = state.store.kakao_channel_id or ""
        elif kind is RecordKind.PAYMENT_QR:
            self._saved_code = state.store.payment_qr_payload or ""
        for edit in (self.record_edit, self.payload_edit):
            edit.blockSignals(True)
        try:
            self.record_edit.setText(self._saved_code if kind.on_store else saved.link)
            self.payload_edit.setPlainText(
                self._saved_code if kind is RecordKind.PAYMENT_QR else ""
            )
        finally:
            for edit in (self.record_edit, self.payload_edit):
                edit.blockSignals(False)
        self.owner_edit.setText(saved.account_owner)
        self.note_edit.setText(saved.note)
        self.helper_edit.setText(saved.helper)
        self._layout_for(step)
        self.retranslate()
        self.refresh_preview()

    def entered(self) -> Entered:
        """The fields as entered, the code checked; RecordRefused when it is refused."""
        step = self._step
        assert step is not None
        self._timer.stop()
        code = self.refresh_preview()
        if code is False:
            raise RecordRefused
        kind = step.records
        checked = code if isinstance(code, KakaoInput | PaymentInput) else None
        now = (
            ""
            if checked is None
            else (checked.channel_id if isinstance(checked, KakaoInput) else checked.raw)
        )
        return Entered(
            code=checked,
            code_changed=kind.on_store and now != self._saved_code,
            link=self.record_edit.text() if kind.profile is not None else "",
            account_owner=self.owner_edit.text() if step.account else "",
            note=self.note_edit.text(),
            helper=self.helper_edit.text(),
        )

    def load_photo(self, path: Path) -> bool:
        """Read the payment code from a photo of the Zero Pay kit into the field."""
        try:
            checked = Codes.payment_from_image(path)
        except QrInputError as exc:
            set_message(self.record_error, plain_qr_error(exc), "error")
            self.record_error.setToolTip(str(exc))  # the technical reason
            return False
        self.payload_edit.setPlainText(checked.raw)
        self.refresh_preview()
        return True

    def show_error(self, text: str) -> None:
        set_message(self.record_error, text, "error")
        self.record_error.setVisible(bool(text))

    def retranslate(self) -> None:
        step = self._step
        kind = step.records if step is not None else RecordKind.NONE
        titles = {
            RecordKind.KAKAO_CHANNEL: _("Your channel ID or link (for example _ZeUTxl)"),
            RecordKind.PAYMENT_QR: _("Payment code text from your Zero Pay kit"),
        }
        profile = kind.profile
        if profile is not None:
            self.record_title.setText(
                _("Link of your {service} page").format(service=BRAND_NAMES[profile])
            )
        else:
            self.record_title.setText(titles.get(kind, ""))
        self.record_edit.setPlaceholderText(_("Type or paste here"))
        self.payload_edit.setPlaceholderText(
            _("Paste the text here, or load a photo of the QR code in your kit.")
        )
        self.photo_button.setText(_("Load photo of the Zero Pay kit…"))
        self.owner_title.setText(_("Account owner (phone or e-mail)"))
        self.owner_edit.setPlaceholderText(_("010-1234-5678 (never a password)"))
        self.note_title.setText(_("Note"))
        self.helper_title.setText(_("Who helped (mentor)"))
        self.helper_edit.setPlaceholderText(_("Optional"))
        self.preview.retranslate()

    # Preview ----------------------------------------------------------------------------------
    def refresh_preview(self) -> Code | str | bool | None:
        """Check the record field now; return the checked code or link, None, or False (refused)."""
        step = self._step
        self.show_error("")
        if step is None or step.records is RecordKind.NONE:
            self.preview.hide()
            return None
        self.preview.show()
        kind = step.records
        try:
            if kind is RecordKind.KAKAO_CHANNEL:
                kakao = Codes.check_kakao(self.record_edit.text())
                return self._preview(
                    kakao, kakao.spec if kakao else None, kakao.url if kakao else ""
                )
            if kind is RecordKind.PAYMENT_QR:
                payment = Codes.check_payment(self.payload_edit.toPlainText())
                return self._preview(payment, payment.spec if payment else None, "")
            profile = kind.profile
            assert profile is not None
            text = self.record_edit.text()
            if not text.strip():
                return self._preview(None, None, "")
            link = parse_profile_link(profile, text)
            return self._preview(link.url, QrSpec(link.url, "M"), link.url)
        except (QrInputError, ProfileLinkError) as exc:
            plain = plain_qr_error(exc) if isinstance(exc, QrInputError) else str(exc)
            self.show_error(plain)
            self.record_error.setToolTip(str(exc))
            self.preview.show_message(_("No code yet: please check what you typed."))
            return False

    def _preview(
        self, value: Code | str | None, spec: QrSpec | None, caption: str
    ) -> Code | str | bool | None:
        if spec is None:
            self.preview.show_message(_("Enter it to see its QR code."))
            return None
        if self.preview.show_spec(spec, caption) is None:
            return False
        return value

    def _layout_for(self, step: Step) -> None:
        kind = step.records
        self.record_title.setVisible(kind is not RecordKind.NONE)
        self.record_edit.setVisible(
            kind is not RecordKind.NONE and kind is not RecordKind.PAYMENT_QR
        )
        self.payload_edit.setVisible(kind is RecordKind.PAYMENT_QR)
        self.photo_button.setVisible(kind is RecordKind.PAYMENT_QR)
        self.owner_title.setVisible(step.account)
        self.owner_edit.setVisible(step.account)
        self.preview.setVisible(kind is not RecordKind.NONE)
        self.record_part.setVisible(kind is not RecordKind.NONE)

    def _on_photo_clicked(self) -> None:
        from kiosk.ui.widgets.kit_photo import ask_kit_photo

        path = ask_kit_photo(self.record_part)
        if path is not None:
            self.load_photo(path)
