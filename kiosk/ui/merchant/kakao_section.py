"""KakaoTalk channel section: type or paste the channel ID or link, pick the page, see the code."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QLabel, QLineEdit, QPushButton, QWidget

from kiosk.domain.qr.kakao import KakaoLink
from kiosk.i18n import N_, _
from kiosk.services.app import Codes
from kiosk.services.values import KakaoInput, QrInputError
from kiosk.ui import theme
from kiosk.ui.merchant.qr_section import QrSection
from kiosk.ui.widgets.flow_layout import FlowLayout
from kiosk.ui.widgets.plain_words import plain_qr_error

#: The page a customer lands on after scanning; adding the channel as a friend comes first.
LINK_LABELS: dict[KakaoLink, str] = {
    KakaoLink.FRIEND: N_("Add friend"),
    KakaoLink.HOME: N_("Channel home"),
    KakaoLink.CHAT: N_("Chat"),
}


class KakaoSection(QrSection):
    """The channel ID field, the link choice (add friend by default) and the verified code.

    The input is checked once by ``kiosk.services.qr.store_codes.check_kakao`` (https
    only, exact host pf.kakao.com, no user-info or port); ``checked()`` is that
    result, which Save stores. ``channel_id()`` is the normalised ID when valid.
    The link choice only changes the code shown, saved and printed; the store
    keeps the channel ID.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._checked: KakaoInput | None = None
        self.field_title = QLabel()
        self.field_title.setProperty("role", "hint")
        self.field_title.setWordWrap(True)
        self.id_edit = QLineEdit()
        self.id_edit.setObjectName("kakao-id")
        self.id_edit.setClearButtonEnabled(True)
        self.id_edit.textChanged.connect(self._on_text_changed)
        self.field_title.setBuddy(self.id_edit)
        choice_row = QWidget()
        choices = FlowLayout(choice_row, spacing=theme.GRID)  # wraps rather than squeezes
        self.link_group = QButtonGroup(self)
        self.link_group.setExclusive(True)
        self.link_buttons: dict[KakaoLink, QPushButton] = {}
        for link in LINK_LABELS:
            button = QPushButton()
            button.setProperty("kind", "choice")
            button.setCheckable(True)
            button.setChecked(link is KakaoLink.FRIEND)
            button.clicked.connect(lambda _checked=False, k=link: self._on_link_clicked(k))
            self.link_group.addButton(button)
            self.link_buttons[link] = button
            choices.addWidget(button)
        self.inputs.addWidget(self.field_title)
        self.inputs.addWidget(self.id_edit)
        self.details_box.insertWidget(0, choice_row)  # which page the code opens: rarely changed

        self.url_title = QLabel()
        self.url_title.setProperty("role", "field")
        self.url_label = QLabel()
        self.url_label.setObjectName("kakao-url")
        self.url_label.setProperty("role", "value")
        self.url_label.setWordWrap(True)
        self.url_label.setTextFormat(Qt.TextFormat.PlainText)
        self.url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_box.addWidget(self.url_title)
        self.details_box.addWidget(self.url_label)

    # State -------------------------------------------------------------------------------
    def text(self) -> str:
        return self.id_edit.text()

    def set_text(self, text: str) -> None:
        """Fill the field (e.g. from the store) and show its code at once."""
        self.id_edit.blockSignals(True)
        try:
            self.id_edit.setText(text)
        finally:
            self.id_edit.blockSignals(False)
        self.refresh_now()

    def link(self) -> KakaoLink:
        for link, button in self.link_buttons.items():
            if button.isChecked():
                return link
        return KakaoLink.FRIEND

    def set_link(self, link: KakaoLink) -> None:
        self.link_buttons[link].setChecked(True)
        self._label_link_buttons()
        self.refresh_now()

    def channel_id(self) -> str | None:
        """The normalised public ID (``_ZeUTxl``) after the last refresh, or None."""
        return self._checked.channel_id if self._checked is not None else None

    def checked(self) -> KakaoInput | None:
        """The input as checked and verified by the last refresh (None: blank or refused)."""
        return self._checked

    def url(self) -> str:
        """The URL the code on show encodes ("" when there is none)."""
        verified = self.verified()
        return verified.text if verified is not None else ""

    def retranslate(self) -> None:
        self.heading.setText(_("KakaoTalk channel"))
        self.field_title.setText(_("Your channel's name (for example _ZeUTxl)"))
        self.id_edit.setPlaceholderText(_("Type or paste here"))
        self.url_title.setText(_("The code opens"))
        self._label_link_buttons()
        super().retranslate()

    # Preview -----------------------------------------------------------------------------
    def _update_preview(self) -> None:
        self._checked = None
        self.url_label.setText("")
        self.url_title.hide()
        try:
            checked = Codes.check_kakao(self.id_edit.text(), link=self.link())
        except QrInputError as exc:
            self._show_error(plain_qr_error(exc), str(exc))
            self.card.show_message(_("No code yet: please check the channel name."))
            return
        if checked is None:
            self.card.show_message(_("Type your channel name to see its code."))
            return
        if self.card.show_spec(checked.spec) is None:
            self._show_error(_("The code could not be checked. Type the name again."))
            return
        self._checked = checked
        self.url_title.show()
        self.url_label.setText(checked.url)
        self._show_result(
            _("The KakaoTalk channel is right: {channel}").format(channel=checked.channel_id)
        )

    # Handlers ----------------------------------------------------------------------------
    def _on_text_changed(self, _text: str) -> None:
        self.schedule_preview()

    def _on_link_clicked(self, _link: KakaoLink) -> None:
        self._label_link_buttons()
        self.refresh_now()

    def _label_link_buttons(self) -> None:
        """The chosen page carries a check mark: its state is never shown by colour alone."""
        for link, button in self.link_buttons.items():
            mark = "✓ " if button.isChecked() else ""
            button.setText(mark + _(LINK_LABELS[link]))
