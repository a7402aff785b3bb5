"""The shell: window, top bar (language, busy line), screen stack, navigation and data door.

Modes live in their own packages (``kiosk.ui.tourist``, ``kiosk.ui.merchant``, ...)
and reach the shell only through the ``ModeHost`` protocol (``kiosk.ui.host``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk import i18n
from kiosk.domain.locales import LocaleCode
from kiosk.i18n import _
from kiosk.ui import theme
from kiosk.ui.font_keeper import keep_fonts
from kiosk.ui.host import HostEvents
from kiosk.ui.language import language_events
from kiosk.ui.start_screen import StartScreen
from kiosk.ui.widgets.language_bar import LanguageBar

if TYPE_CHECKING:
    from kiosk.domain.text import LocalizedText
    from kiosk.services.app import Services
    from kiosk.services.values import Change
    from kiosk.ui.live_refresh import LiveRefresh
    from kiosk.ui.widgets.connection_line import ConnectionLine
    from kiosk.ui.widgets.stall_row import StallRow

START = "start-screen"


@runtime_checkable
class Retranslatable(Protocol):
    def retranslate(self) -> None: ...


class Shell(QMainWindow):
    """Owns the screens and the ``Services`` door; ``kiosk.i18n`` holds the language.

    Screens are added with ``add_screen(name, widget)``; any screen with a
    ``retranslate()`` method re-labels itself (reading ``i18n.current_locale()``)
    on the one ``kiosk.ui.language`` signal, which the shell relays.
    The database opens in the background after the first frame
    (``start_loading``); ``when_services`` runs a callback now or once it is open,
    so a screen opened while loading cannot miss it. ``events.changed`` carries
    every ``Change`` the services publish, on the GUI thread.
    """

    def __init__(self, locale: LocaleCode | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.events = HostEvents(self)
        if locale is not None and i18n.current_locale() != locale:
            i18n.set_locale(locale)
        self._services: Services | None = None
        self._load_error = ""
        self._loading = False
        self._screens: dict[str, QWidget] = {}
        self.live_refresh: LiveRefresh | None = None
        self._named_home: str | None = None  # the kiosk's --market, named on the start screen

        central = QWidget()
        self._column = QVBoxLayout(central)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(0)
        # Built when the first screen other than the start screen shows (start-up speed).
        self._top_bar: QFrame | None = None
        self._app_label: QLabel | None = None
        self._busy_label: QLabel | None = None
        self._connection: ConnectionLine | None = None  # the database, on staff screens
        self._language_bar: LanguageBar | None = None
        self._stack = QStackedWidget()
        self._column.addWidget(self._stack, 1)
        self.setCentralWidget(central)

        self.start_screen = StartScreen(self._stack)  # built in place: styled once, not twice
        self.start_screen.mode_chosen.connect(self._on_mode_chosen)
        self.start_screen.locale_chosen.connect(self._on_locale_chosen)
        self.events.changed.connect(self._on_data_changed)
        self.add_screen(START, self.start_screen)  # shown: kiosk.app keeps its fonts once painted
        self.stall_row: StallRow | None = None  # this PC's stall, built once there is one
        self.events.went_home.connect(self.show_this_pc_stall)
        language_events().changed.connect(self._on_locale_changed)
        self._listening = True
        self._waiting: Callable[[], None] | None = None
        self.setMinimumSize(1024, 640)
        self._retranslate_own()

    # Screens ----------------------------------------------------------------------------
    def add_screen(self, name: str, widget: QWidget) -> None:
        if name in self._screens:
            raise ValueError(f"a screen named {name!r} already exists")
        self._screens[name] = widget
        self._stack.addWidget(widget)

    def screen_widget(self, name: str) -> QWidget:
        return self._screens[name]

    def has_screen(self, name: str) -> bool:
        return name in self._screens

    def show_screen(self, name: str) -> None:
        self._stack.setCurrentWidget(self._screens[name])
        keep_fonts((name, self.font().key()))  # its fonts stay loaded (kiosk.ui.font_keeper)
        if name != START:
            self.top_language_bar()
        if self._top_bar is not None:  # a "bare" screen (the attract loop) fills the window
            bare = bool(self._screens[name].property("bareScreen"))
            self._top_bar.setVisible(name != START and not bare)
        if self._connection is not None:
            self._connection.show_for(name)
        if name == START:
            self.events.went_home.emit()

    def current_screen_name(self) -> str:
        current = self._stack.currentWidget()
        for name, widget in self._screens.items():
            if widget is current:
                return name
        return ""

    def go_home(self) -> None:
        self.show_screen(START)

    def top_language_bar(self) -> LanguageBar:
        """The language bar above every screen but the start screen (built on first use)."""
        if self._language_bar is None:
            from kiosk.ui import ops
            from kiosk.ui.widgets.connection_line import ConnectionLine

            self._top_bar = QFrame()
            self._top_bar.setProperty("surface", "bar")
            bar = QHBoxLayout(self._top_bar)
            bar.setContentsMargins(theme.GRID * 5, theme.GRID * 2, theme.GRID * 5, theme.GRID * 2)
            self._app_label = QLabel()
            self._app_label.setProperty("role", "field")
            self._busy_label = QLabel()
            self._busy_label.setObjectName("busy-line")
            self._busy_label.setProperty("role", "muted")
            self._busy_label.setVisible(ops.is_busy())
            ops.add_busy_listener(self._on_busy_changed)
            self._language_bar = LanguageBar(i18n.current_locale())
            self._language_bar.locale_chosen.connect(self._on_locale_chosen)
            bar.addWidget(self._app_label)
            bar.addSpacing(theme.GRID * 3)
            bar.addWidget(self._busy_label)
            self._connection = ConnectionLine()
            self.events.connection.connect(self._connection.set_up)
            if self._services is not None:
                self._connection.set_services(self._services)
            bar.addWidget(self._connection, 1)
            bar.addWidget(self._language_bar)
            self._column.insertWidget(0, self._top_bar)
            self._retranslate_own()
        return self._language_bar

    # Language ----------------------------------------------------------------------------
    def set_locale(self, locale: LocaleCode) -> None:
        """Switch every screen to *locale* at once (through kiosk.i18n listeners)."""
        i18n.set_locale(locale)

    def _on_locale_changed(self, _code: str) -> None:
        locale = i18n.current_locale()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_locale_font(app, locale)
        if self._language_bar is not None:
            self._language_bar.set_current(locale)
        self._retranslate_own()
        if self.stall_row is not None:
            self.stall_row.retranslate()
        for widget in self._screens.values():
            if isinstance(widget, Retranslatable):
                widget.retranslate()

    def _retranslate_own(self) -> None:
        self.setWindowTitle(_("Market Kiosk"))
        if self._app_label is not None:
            self._app_label.setText(_("Market Kiosk"))
        if self._busy_label is not None:
            self._busy_label.setText("⏳ " + _("Working…"))
        if self._connection is not None:
            self._connection.retranslate()

    # Data ----------------------------------------------------------------------------------
    def services(self) -> Services | None:
        return self._services

    def load_error(self) -> str:
        """Why the database could not be opened ("" while loading or after success)."""
        return self._load_error

    def is_loading(self) -> bool:
        return self._loading

    def start_loading(self, database_url: str | None, *, seed_demo: bool = True) -> None:
        """Open the database in the background; *seed_demo*: an empty one gets the demo markets."""
        from kiosk.ui import ops

        if self._loading or self._services is not None:
            return
        self._loading = True
        self._database_url = database_url

        def work() -> Services:
            from kiosk.services.app import Services

            # A database that fails SQLite's quick_check is not used (kiosk/ui/recovery.py).
            services = Services.open_checked(database_url, seed_demo=seed_demo)
            services.directory.list_markets()  # warm the ORM and the first query off the GUI thread
            from kiosk.domain.formatting import format_price

            format_price(0, "en")  # import Babel here (Korean needs none), not in a store page
            return services

        ops.run_op(self, work, on_done=self._on_opened, on_error=self._on_load_failed, name="open")

    def _on_opened(self, services: Services) -> None:
        from kiosk.ui.recovery import start_daily_backup

        self.use_services(services)
        start_daily_backup(self, services)
        self.name_home_market()

    def name_home_market(self, slug: str | None = None) -> None:
        """Name market *slug* (default: this PC's home market, else the first market, the
        one the directory opens on) on the start screen; a market change (renamed, a new
        home market) names it again."""
        from kiosk.ui import ops

        services = self._services
        if slug is not None:
            self._named_home = slug
        slug = self._named_home
        if services is None:
            return

        def work() -> LocalizedText | None:
            home = slug or getattr(services.directory.home_market(), "market_slug", None)
            if home is None:
                markets = services.directory.list_markets()
                return markets[0].name if markets else None
            return services.directory.get_market(slug=home).name

        ops.run_op(
            self,
            work,
            on_done=self.start_screen.set_market,
            on_error=lambda _exc: self.start_screen.set_market(None),  # e.g. a removed market
            name="home-market",
        )

    def show_this_pc_stall(self) -> None:
        """Show this PC's stall, if it has one, on the start screen (``stall_row``)."""
        services = self._services
        if services is not None:  # (ops imports Qt's namespace: not before the first frame)
            from kiosk.ui.widgets.stall_row import show_this_pc_stall

            show_this_pc_stall(self, services)

    def use_services(self, services: Services) -> None:
        """Hand the shell the open door: from the background open, or from tests and tours.

        The only late hand-over: modes are built after it (``open_when_ready``).
        """
        self._loading = False
        self._load_error = ""
        self._services = services
        services.changes.subscribe(self._on_services_change)
        services.live.link.subscribe(self._on_link)
        if self._connection is not None:
            self._connection.set_services(services)
        from kiosk.ui.live_refresh import LiveRefresh

        self.live_refresh = LiveRefresh(self, services)  # other PCs' saves show here too
        self.show_this_pc_stall()
        self.events.services_ready.emit(services)

    def when_services(
        self, ready: Callable[[Services], None], failed: Callable[[str], None]
    ) -> None:
        """Call *ready(services)* now if open, else once open; *failed(message)* if it cannot."""
        if self._services is not None:
            ready(self._services)
            return
        if self._load_error:
            failed(self._load_error)
            return

        def on_ready(services: object) -> None:
            disconnect()
            ready(services)  # type: ignore[arg-type]

        def on_failed(message: str) -> None:
            disconnect()
            failed(message)

        def disconnect() -> None:
            self.events.services_ready.disconnect(on_ready)
            self.events.services_failed.disconnect(on_failed)

        self.events.services_ready.connect(on_ready)
        self.events.services_failed.connect(on_failed)

    def open_when_ready(self, open_mode: Callable[[], None]) -> None:
        """Run *open_mode* now if the data is open; else wait on the wait screen (which
        says "Loading stores…" or why not) and run it once open, if that screen still shows."""
        if self._services is not None:
            open_mode()
            return
        from kiosk.ui.wait_screen import SCREEN as WAIT
        from kiosk.ui.wait_screen import WaitScreen

        self._waiting = open_mode  # the last mode chosen opens
        if not self.has_screen(WAIT):
            screen = WaitScreen()
            screen.back_requested.connect(self.go_home)
            self.add_screen(WAIT, screen)
            self.when_services(lambda _services: self._on_waited(), screen.set_failed)
        self.show_screen(WAIT)

    def _on_waited(self) -> None:
        from kiosk.ui.wait_screen import SCREEN as WAIT

        open_mode, self._waiting = self._waiting, None
        if open_mode is not None and self.current_screen_name() == WAIT:
            open_mode()

    def _on_load_failed(self, exc: Exception) -> None:
        from kiosk.services.values import describe
        from kiosk.ui.recovery import offer_restore

        url = getattr(self, "_database_url", None)
        if offer_restore(self, exc, url, on_done=self._on_opened, on_error=self._on_load_failed):
            return

        self._loading = False
        # One line, URL secrets hidden; a bug's traceback goes to the log the line names.
        self._load_error = describe(exc, context="open the database")
        self.events.services_failed.emit(self._load_error)

    def _on_data_changed(self, change: object) -> None:
        if getattr(change, "kind", None) == "markets":
            self.name_home_market()

    def _on_services_change(self, change: Change) -> None:
        # Called in the writer's thread: a signal emit is queued to the GUI thread.
        self.events.changed.emit(change)

    def _on_link(self, up: bool) -> None:  # the server went away or came back (any thread)
        self.events.connection.emit(up)

    # Handlers ------------------------------------------------------------------------------------
    def _on_mode_chosen(self, key: str) -> None:
        from kiosk.ui.modes import available_modes

        for mode in available_modes():
            if mode.key == key:
                mode.open(self)
                return

    def _on_locale_chosen(self, locale: str) -> None:
        from kiosk.domain.locales import parse_locale

        self.set_locale(parse_locale(locale))

    def _on_busy_changed(self, busy: bool) -> None:
        if self._busy_label is not None:
            self._busy_label.setVisible(busy)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._listening:
            self._listening = False
            language_events().changed.disconnect(self._on_locale_changed)
        ops = sys.modules.get("kiosk.ui.ops")  # not imported just to close (start-up bench)
        if ops is not None:
            ops.remove_busy_listener(self._on_busy_changed)
        if self._services is not None:
            self._services.changes.unsubscribe(self._on_services_change)
            self._services.live.link.unsubscribe(self._on_link)
        if self.live_refresh is not None:
            self.live_refresh.stop()
        super().closeEvent(event)


__all__ = ["START", "Retranslatable", "Shell"]
