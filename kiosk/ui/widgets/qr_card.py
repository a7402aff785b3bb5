"""QR card: the code, a caption and a "✓ Verified" badge; only decoded-back codes are shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.i18n import _
from kiosk.render.qr import QrSpec, build_matrix
from kiosk.render.verify import QrVerificationError, VerifiedQr, render_verified
from kiosk.ui import theme
from kiosk.ui.widgets.status_pill import StatusPill

#: Smallest module drawn on screen; below this phones struggle to scan the screen.
MIN_SCREEN_MODULE_PX = 3


def badge_text() -> str:
    """The badge word with its icon: the meaning never rests on the green colour alone."""
    return "✓ " + _("Verified")


class QrCard(QFrame):
    """One QR code as shown on screen, with its state spelled out.

    Rules: ``show_spec`` renders through ``render_verified``, so the image is the
    exact one zxing-cpp decoded back and matched to the text; if that fails no
    code is drawn, the badge is hidden and the reason is written in the image
    area. The image is drawn at an integer module size (crisp edges) no larger
    than *image_side*. Call ``retranslate()`` when the language changes.
    Set *framed* to False when the card sits inside another card, *badge* to False
    where the "verified" badge means nothing to the reader (tourists); the code is
    verified all the same.
    """

    def __init__(
        self,
        *,
        image_side: int = 280,
        framed: bool = True,
        badge: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._show_badge = badge
        if framed:
            self.setProperty("surface", "card")
        self._side = image_side
        self._verified: VerifiedQr | None = None
        layout = QVBoxLayout(self)
        pad = theme.GRID * 3 if framed else 0
        layout.setContentsMargins(pad, pad, pad, pad)
        layout.setSpacing(theme.GRID * 2)

        self.image_label = QLabel()
        self.image_label.setObjectName("qr-image")
        self.image_label.setFixedSize(image_side, image_side)
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_label.setWordWrap(True)
        self.image_label.setProperty("role", "muted")
        self.image_label.setStyleSheet(
            f"QLabel#qr-image {{ background: {theme.CARD}; border: 2px dashed {theme.LINE};"
            f" border-radius: {theme.RADIUS}px; padding: {theme.GRID * 2}px; }}"
            f'QLabel#qr-image[shown="true"] {{ border: none; padding: 0; }}'
        )
        layout.addWidget(self.image_label, 0, Qt.AlignmentFlag.AlignHCenter)

        badge_row = QHBoxLayout()
        badge_row.setContentsMargins(0, 0, 0, 0)
        self.badge = StatusPill(badge_text(), "ok")
        self.badge.hide()
        badge_row.addWidget(self.badge)
        badge_row.addStretch(1)
        if badge:  # without it the row takes no room (and no spacing)
            layout.addLayout(badge_row)

        self.caption_label = QLabel()
        self.caption_label.setProperty("role", "lead")
        self.caption_label.setWordWrap(True)
        self.caption_label.setTextFormat(Qt.TextFormat.PlainText)
        self.caption_label.hide()
        layout.addWidget(self.caption_label)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
        self.retranslate()

    # State -------------------------------------------------------------------------------
    def verified(self) -> VerifiedQr | None:
        """The code on show (decoded back and matched), or None."""
        return self._verified

    def is_verified(self) -> bool:
        shown = self.badge.isVisibleTo(self) or not self._show_badge
        return self._verified is not None and shown

    def image_side(self) -> int:
        return self._side

    def set_image_side(self, side: int) -> None:
        """Give the code a *side* px square; a code on show is drawn (and checked) again."""
        if side == self._side:
            return
        self._side = side
        self.image_label.setFixedSize(side, side)
        verified = self._verified
        if verified is not None:
            self.show_spec(verified.matrix.spec, self.caption_label.text())

    def show_spec(self, spec: QrSpec, caption: str = "") -> VerifiedQr | None:
        """Render, decode back and show *spec*; None (with the reason shown) if that fails."""
        try:
            matrix = build_matrix(spec)
            module = max(MIN_SCREEN_MODULE_PX, self._side // matrix.total)
            verified = render_verified(spec, module_px=module)
        except (QrVerificationError, ValueError) as exc:
            self.show_message(
                "⚠ " + _("This code could not be checked: {reason}").format(reason=exc)
            )
            return None
        self.show_verified(verified, caption)
        return verified

    def show_verified(self, verified: VerifiedQr, caption: str = "") -> None:
        """Show an already verified code with the badge and *caption* under it."""
        self._verified = verified
        pixmap = QPixmap.fromImage(verified.image)
        if pixmap.width() > self._side:  # only ever scaled down, and only for a big symbol
            pixmap = pixmap.scaledToWidth(self._side, Qt.TransformationMode.FastTransformation)
        self._set_shown(True)
        self.image_label.setPixmap(pixmap)
        self.image_label.setAccessibleName(_("QR code") + ": " + verified.text)
        self.badge.setVisible(self._show_badge)
        self.set_caption(caption)

    def show_message(self, text: str) -> None:
        """No code: *text* (e.g. "Type the channel ID") in the image area, no badge."""
        self._verified = None
        self._set_shown(False)
        self.image_label.clear()
        self.image_label.setText(text)
        self.image_label.setAccessibleName(text)
        self.badge.hide()
        self.set_caption("")

    def set_caption(self, text: str) -> None:
        self.caption_label.setText(text)
        self.caption_label.setVisible(bool(text))

    def retranslate(self) -> None:
        self.badge.set_text(badge_text())
        self.badge.setToolTip(_("A second QR reader scanned this code and got exactly this text."))
        self.badge.setAccessibleDescription(self.badge.toolTip())

    def _set_shown(self, shown: bool) -> None:
        self.image_label.setProperty("shown", "true" if shown else "false")
        style = self.image_label.style()
        style.unpolish(self.image_label)
        style.polish(self.image_label)
