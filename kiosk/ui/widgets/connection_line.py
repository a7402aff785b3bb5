"""The top bar's line for staff screens: which database this PC uses, or that the server is away."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from kiosk.i18n import _
from kiosk.ui.widgets.elided_label import ElidedLabel
from kiosk.ui.widgets.status_pill import StatusPill

if TYPE_CHECKING:
    from kiosk.services.app import Services

#: Screens the line shows on: the people who save (manager, merchant, onboarding,
#: stand printing). Tourist screens and the attract loop never show it: a tourist
#: keeps seeing the last good data, with nothing to worry about.
STAFF_SCREENS = ("manager-", "merchant-", "onboarding-", "stand-print")


def is_staff_screen(name: str) -> bool:
    return name.startswith(STAFF_SCREENS)


class ConnectionLine(QWidget):
    """ "Database: host / name" (or "This PC (SQLite)"), never the password; while the
    server is away a calm pill "Not connected to the server · reconnecting…" instead.

    The state comes from the services' server link (``set_up``), which the live
    refresh's polls and failed writes set: nothing here polls.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.database = ElidedLabel(role="hint")
        self.database.setObjectName("database-line")
        self.away = StatusPill(_("Not connected to the server · reconnecting…"), "warning")
        self.away.setObjectName("server-away")
        # It gives way to the language bar: the short words, or elided, when narrow (_fit).
        self.away.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.away.setMinimumWidth(1)
        row.addWidget(self.database, 1)
        row.addWidget(self.away, 0, Qt.AlignmentFlag.AlignLeft)
        self._place: tuple[bool, str] | None = None
        self._up = True
        self._staff = False
        self.retranslate()

    def set_services(self, services: Services) -> None:
        self._place = services.place
        self._up = services.live.link.up
        self.retranslate()

    def set_up(self, up: bool) -> None:
        """The server answers again (True) or went away (False)."""
        self._up = up
        self._refresh()

    def show_for(self, screen: str) -> None:
        """Show the line on staff screens only."""
        self._staff = is_staff_screen(screen)
        self._refresh()

    def is_up(self) -> bool:
        return self._up

    def retranslate(self) -> None:
        place = self._place
        if place is None:
            text = ""
        elif place[0]:
            text = _("Database: {place}").format(place=place[1])
        else:
            text = _("This PC (SQLite)")
        self.database.setText(text)
        self.database.setToolTip(text)
        self.away.setToolTip(_("Not connected to the server · reconnecting…"))
        self._fit()
        self._refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """The pill's words for the room there is: all, the short ones, or those elided."""
        full = _("Not connected to the server · reconnecting…")
        short = _("Not connected to the server")
        metrics = self.away.fontMetrics()
        padding = self.away.sizeHint().width() - metrics.horizontalAdvance(self.away.text())
        room = self.width() - padding
        if metrics.horizontalAdvance(full) <= room:
            text = full
        elif metrics.horizontalAdvance(short) <= room:
            text = short
        else:
            text = metrics.elidedText(short, Qt.TextElideMode.ElideRight, max(room, 0)) or "…"
        if text != self.away.text():
            self.away.set_text(text)

    def _refresh(self) -> None:
        self.setVisible(self._staff and self._place is not None)
        self.database.setVisible(self._up)
        self.away.setVisible(not self._up)
