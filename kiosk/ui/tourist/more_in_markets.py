"""The directory's "3 more in 동문재래시장" buttons: other markets where the search finds stores."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QWidget

from kiosk.domain.listing import MarketMatches
from kiosk.i18n import current_locale, ngettext
from kiosk.ui import theme


class MoreInMarkets(QWidget):
    """A button per other market the search finds stores in ("3 more in 동문재래시장").

    Signal: ``market_chosen(slug)`` when the tourist taps one.
    """

    market_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("more-in-markets")
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(theme.GRID)
        self._matches: list[MarketMatches] = []
        self.buttons: dict[str, QPushButton] = {}
        self.setVisible(False)

    def set_matches(self, matches: list[MarketMatches], *, shown_slug: str | None) -> None:
        """Offer the markets of *matches* other than *shown_slug* that have a count."""
        for button in self.buttons.values():
            self._row.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.buttons.clear()
        self._matches = [m for m in matches if m.slug != shown_slug and m.count > 0]
        for match in self._matches:
            button = QPushButton()
            button.setProperty("kind", "choice")
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _c=False, slug=match.slug: self.market_chosen.emit(slug))
            self._row.addWidget(button)
            self.buttons[match.slug] = button
        self.retranslate()
        self.setVisible(bool(self._matches))

    def retranslate(self) -> None:
        locale = current_locale()
        for match in self._matches:
            text = ngettext(
                "%(count)d more in %(name)s", "%(count)d more in %(name)s", match.count
            ) % {"count": match.count, "name": match.name.get(locale)}
            self.buttons[match.slug].setText(text + "  ›")
