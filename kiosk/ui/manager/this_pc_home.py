"""This PC's home market, set by the manager: the market its kiosk and start screen show."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFrame, QLabel, QPushButton, QVBoxLayout

from kiosk.domain.access import Actor
from kiosk.domain.listing import MarketInfo
from kiosk.i18n import _, current_locale
from kiosk.services.app import Services
from kiosk.services.values import HomeMarket
from kiosk.ui import ops, theme
from kiosk.ui.manager.page_frame import row_layout, status_line


class ThisPcHome(QFrame):
    """A card: "This PC shows" [market] [Set]. Setting it is the manager's, audited; the
    kiosk's stall (``market-kiosk this-pc set --store``) stays when the market stays."""

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.setObjectName("this-pc-home")
        self.setProperty("surface", "card")
        self._services = services
        self._actor: Actor | None = None
        self._markets: list[MarketInfo] = []
        self._home: HomeMarket | None = None
        self._slot = ops.OpSlot(self)
        self._save_slot = ops.OpSlot(self)  # the reload its own change causes must not cancel it
        column = QVBoxLayout(self)
        pad = theme.GRID * 2
        column.setContentsMargins(pad, pad, pad, pad)
        column.setSpacing(theme.GRID)
        self.title = QLabel()
        self.title.setProperty("role", "field")
        self.title.setWordWrap(True)
        self.market_box = QComboBox()
        self.market_box.setObjectName("this-pc-market")
        # As wide as the longest market name ("Dongmun Traditional Market" was cut at 1366x768).
        self.market_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.set_button = QPushButton()
        self.set_button.setObjectName("this-pc-set")
        self.set_button.clicked.connect(self.save)
        self.message = status_line("this-pc-message", role="body")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.database = QLabel()  # which database this PC uses: host and name, never a password
        self.database.setObjectName("this-pc-database")
        self.database.setProperty("role", "body")
        self.database.setWordWrap(True)
        self.database.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(self.title)
        column.addLayout(row_layout((self.market_box, 1), self.set_button, spacing=theme.GRID))
        column.addWidget(self.message)
        column.addWidget(self.database)
        self.retranslate()

    def set_actor(self, actor: Actor | None) -> None:
        self._actor = actor

    def home(self) -> HomeMarket | None:
        return self._home

    def reload(self) -> None:
        services = self._services

        def work() -> tuple[list[MarketInfo], HomeMarket | None]:
            return services.directory.list_markets(), services.directory.home_market()

        self._slot.run(work, on_done=self._on_loaded, name="this-pc-home")

    def choose(self, slug: str) -> None:
        self.market_box.setCurrentIndex(self.market_box.findData(slug))

    def save(self) -> None:
        """Make the chosen market this PC's home (the stall stays if the market does)."""
        services, actor, slug = self._services, self._actor, self.market_box.currentData()
        if actor is None or not isinstance(slug, str):
            return
        home = self._home
        stall = home.stall if home is not None and home.market_slug == slug else None

        def work() -> HomeMarket | None:
            return services.directory.set_home_market(actor=actor, market_slug=slug, stall=stall)

        self._save_slot.run(work, on_done=self._on_saved, on_error=self._on_failed, name="set-home")

    def retranslate(self) -> None:
        self.title.setText(_("This PC's kiosk and start screen show"))
        self.set_button.setText(_("Set"))
        shared, place = self._services.place
        self.database.setText(
            _("Database on the market server: {place}").format(place=place)
            if shared
            else _("Data kept on this PC only: {file}").format(file=place)
        )
        self._fill()
        self._describe()

    def _fill(self) -> None:
        chosen = self.market_box.currentData()
        if chosen is None and self._home is not None:
            chosen = self._home.market_slug
        self.market_box.blockSignals(True)
        self.market_box.clear()
        for market in self._markets:
            self.market_box.addItem(market.name.get(current_locale()), market.slug)
        self.market_box.setCurrentIndex(max(0, self.market_box.findData(chosen)))
        self.market_box.blockSignals(False)
        # Qt keeps the first minimum size of a picker: ask for the longest name's width.
        self.market_box.setMinimumWidth(self.market_box.sizeHint().width())

    def _describe(self) -> None:
        home = self._home
        if home is None:
            self.message.setText(_("Not set: the first market shows."))
            return
        name = next(
            (m.name.get(current_locale()) for m in self._markets if m.slug == home.market_slug),
            home.market_slug,
        )
        text = _("Now: {market}").format(market=name)
        if home.stall:
            text += " · " + _("stall {stall}").format(stall=home.stall)
        self.message.setText(text)

    def _on_loaded(self, result: tuple[list[MarketInfo], HomeMarket | None]) -> None:
        just_saved = self.message.text().startswith("✓") and result[1] == self._home
        self._markets, self._home = result
        self.market_box.setCurrentIndex(-1)
        self._fill()
        self._describe()
        if just_saved:  # the reload the saved change caused keeps its tick
            self.message.setText("✓ " + self.message.text())

    def _on_saved(self, home: HomeMarket | None) -> None:
        self._home = home
        self._describe()
        self.message.setText("✓ " + self.message.text())

    def _on_failed(self, exc: Exception) -> None:
        from kiosk.domain.messages import KioskError

        if not isinstance(exc, KioskError):
            raise exc
        self.message.setText("⚠ " + str(exc))
