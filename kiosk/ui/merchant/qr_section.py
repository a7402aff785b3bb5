"""Common frame of the merchant's two QR sections: input, debounced verified preview, actions."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import _
from kiosk.services.values import VerifiedQr
from kiosk.ui import theme
from kiosk.ui.widgets.flow_layout import FlowLayout
from kiosk.ui.widgets.qr_card import QrCard

#: The preview is rebuilt this long after the last keystroke, not on every key.
DEBOUNCE_MS = 150
#: Largest side of the on-screen code (1920x1080); big enough to scan from the screen.
PREVIEW_SIDE = 240
#: Smallest side the screen may ask for (1366x768): still scannable with a phone.
PREVIEW_MIN_SIDE = 160
ACTIONS = ("png", "pdf", "print")
#: Gap between the inputs and the code beside them.
ROW_SPACING = theme.GRID * 3


class QrSection(QFrame):
    """A card with a heading, the subclass's input rows, an inline error line and the preview.

    Layout: the heading, then the inputs (``self.inputs``), the error or the
    result in words and "Details" on the left with the code and its badge beside
    them on the right, so the code is seen without scrolling; under both the
    save and print buttons, the code's facts (``self.info``), the details
    (``self.details_box``: raw text, technical reasons; hidden until asked) and
    last the standing notes (``self.notes``). Subclasses
    fill those layouts and implement ``_update_preview``, which must end in either
    ``self.card.show_spec(...)`` / ``show_message(...)`` and may call
    ``_show_error``. Input changes call ``schedule_preview``; a single-shot timer
    then refreshes once and emits ``preview_updated``. ``export_requested``
    carries ``"png"``, ``"pdf"`` or ``"print"``; those buttons are enabled only
    while a verified code is on show.
    """

    edited = Signal()
    preview_updated = Signal()
    export_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("surface", "card")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self._error = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._on_debounce_timeout)

        column = QVBoxLayout(self)
        pad = theme.GRID * 3
        column.setContentsMargins(pad, pad, pad, pad)
        column.setSpacing(theme.GRID * 2)
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.heading.setWordWrap(True)
        column.addWidget(self.heading)

        row = QHBoxLayout()
        row.setSpacing(ROW_SPACING)
        entry = QVBoxLayout()
        entry.setSpacing(theme.GRID * 2)
        self.inputs = QVBoxLayout()
        self.inputs.setSpacing(theme.GRID)
        entry.addLayout(self.inputs)
        self.error_label = QLabel()
        self.error_label.setObjectName("qr-error")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        entry.addWidget(self.error_label)
        # The result in words ("결제 코드가 맞습니다: ..."); the raw text and the technical
        # reasons live behind "Details" (self.details_box).
        self.result_label = QLabel()
        self.result_label.setObjectName("qr-result")
        self.result_label.setProperty("role", "value")
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.hide()
        entry.addWidget(self.result_label)
        self.details_button = QPushButton()
        self.details_button.setObjectName("qr-details")
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._on_details_toggled)
        entry.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignLeft)
        entry.addStretch(1)
        row.addLayout(entry, 1)
        self.card = QrCard(image_side=PREVIEW_SIDE, framed=False)
        row.addWidget(self.card, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(row)
        column.addWidget(self._build_actions())

        self.info = QVBoxLayout()
        self.info.setSpacing(theme.GRID)
        column.addLayout(self.info)
        column.addWidget(self._build_details())
        self.notes = QVBoxLayout()
        column.addLayout(self.notes)
        self._set_actions_enabled(False)

    def _build_actions(self) -> QWidget:
        """Save and print, right under the code, so they are in view at 1366x768."""
        actions = QWidget()
        flow = FlowLayout(actions, spacing=theme.GRID)
        self.action_buttons: dict[str, QPushButton] = {}
        self._files_allowed = True
        self._actions_row = actions
        for action in ACTIONS:
            button = QPushButton()
            button.setObjectName(f"qr-action-{action}")
            button.setProperty("compact", True)
            button.clicked.connect(lambda _checked=False, a=action: self._on_action_clicked(a))
            self.action_buttons[action] = button
            flow.addWidget(button)
        return actions

    def _build_details(self) -> QFrame:
        """What "Details" opens: the technical reason (subclasses add the raw input)."""
        self.details = QFrame()
        self.details.setObjectName("qr-details-box")
        self.details_box = QVBoxLayout(self.details)
        self.details_box.setContentsMargins(0, 0, 0, 0)
        self.details_box.setSpacing(theme.GRID)
        self.detail_label = QLabel()
        self.detail_label.setObjectName("qr-technical")
        self.detail_label.setProperty("role", "hint")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_box.addWidget(self.detail_label)
        self.details.hide()
        return self.details

    # State -------------------------------------------------------------------------------
    def verified(self) -> VerifiedQr | None:
        """The verified code on show, or None (empty or invalid input)."""
        return self.card.verified()

    def error_text(self) -> str:
        """The inline error on show, in plain words ("" when the input is fine or empty)."""
        return self._error

    def result_text(self) -> str:
        """The result in words on show ("" when there is none)."""
        return self.result_label.text() if not self.result_label.isHidden() else ""

    def technical_text(self) -> str:
        """The technical reason behind "Details" ("" when there is none)."""
        return self.detail_label.text()

    def show_details(self, shown: bool) -> None:
        self.details_button.setChecked(shown)

    def is_valid(self) -> bool:
        """True when the input is empty or makes a verified code (after ``refresh_now``)."""
        return not self._error

    def is_pending(self) -> bool:
        """True while a preview refresh is waiting for the merchant to stop typing."""
        return self._timer.isActive()

    def preview_side(self) -> int:
        return self.card.image_side()

    def entry_width(self) -> int:
        """Width the inputs get beside the code at the section's current width."""
        layout = self.layout()
        inner = self.contentsRect().width()
        if layout is not None:
            margins = layout.contentsMargins()
            inner -= margins.left() + margins.right()
        return inner - self.card.sizeHint().width() - ROW_SPACING

    def set_preview_side(self, side: int) -> None:
        """Draw the code at most *side* px wide (clamped to PREVIEW_MIN_SIDE..PREVIEW_SIDE)."""
        self.card.set_image_side(max(PREVIEW_MIN_SIDE, min(PREVIEW_SIDE, side)))

    def schedule_preview(self) -> None:
        self._timer.start()
        self.edited.emit()

    def refresh_now(self) -> None:
        """Rebuild the preview at once (a pending debounce is cancelled)."""
        self._timer.stop()
        self._show_error("")
        self._show_result("")
        self._update_preview()
        self._set_actions_enabled(self.card.verified() is not None)
        self.preview_updated.emit()

    def retranslate(self) -> None:
        self.card.retranslate()
        self.action_buttons["png"].setText(_("Save picture…"))
        self.action_buttons["pdf"].setText(_("Save to print…"))
        self.action_buttons["print"].setText(_("Print…"))
        self._label_details()
        self.refresh_now()

    # For subclasses --------------------------------------------------------------------
    def _update_preview(self) -> None:
        raise NotImplementedError

    def _show_error(self, message: str, detail: str = "") -> None:
        """*message* in plain words under the input; *detail* (technical) behind "Details"."""
        self._error = message
        self.error_label.setText("⚠ " + message if message else "")
        self.error_label.setVisible(bool(message))
        self.detail_label.setText(detail)
        self.detail_label.setVisible(bool(detail))

    def _show_result(self, message: str) -> None:
        """What the checked code is, in words (a ✓ goes with it)."""
        self.result_label.setText("✓ " + message if message else "")
        self.result_label.setVisible(bool(message))

    def _label_details(self) -> None:
        shown = self.details_button.isChecked()
        self.details_button.setText(("▲ " if shown else "▼ ") + _("Details"))

    def _on_details_toggled(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self._label_details()

    def set_files_allowed(self, allowed: bool) -> None:
        """Show the save/print buttons only to someone signed in (never to a visitor)."""
        self._files_allowed = allowed
        self._actions_row.setVisible(allowed)
        self._set_actions_enabled(self.card.verified() is not None)

    def files_allowed(self) -> bool:
        return self._files_allowed

    def _set_actions_enabled(self, enabled: bool) -> None:
        for button in self.action_buttons.values():
            button.setEnabled(enabled and self._files_allowed)

    # Handlers --------------------------------------------------------------------------
    def _on_debounce_timeout(self) -> None:
        self.refresh_now()

    def _on_action_clicked(self, action: str) -> None:
        if self._files_allowed:
            self.export_requested.emit(action)
