"""Puts a shell into kiosk mode: tourist role only, the lock, the idle reset and the way out."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from kiosk import i18n
from kiosk.domain.locales import LocaleCode
from kiosk.ui.kiosk_mode.idle import IdleReset
from kiosk.ui.kiosk_mode.lock import Clock, KioskLock

if TYPE_CHECKING:
    from kiosk.services.app import Services
    from kiosk.ui.kiosk_mode.unlock import UnlockDialog
    from kiosk.ui.shell import Shell

#: How often the lock and the idle reset look at the clock (near-zero CPU).
TICK_MS = 250
#: Modes a locked kiosk does not offer (the tourists' is the only one left).
STAFF_MODES = ("merchant", "onboarding", "manager")


@dataclass(frozen=True, slots=True)
class KioskOptions:
    """What ``market-kiosk kiosk`` was asked for."""

    market: str | None = None
    store: str | None = None
    orientation: str = "auto"
    idle_s: float = 75.0
    language: LocaleCode = "ko"


class KioskController(QObject):
    """Locks *window* and resets it after the idle time; ``quit_app`` ends the program.

    *register_all* offers every mode again ("open another mode" after the manager
    password). Tests pass a fake *clock* and ``timer=False`` and call ``tick()``.
    """

    def __init__(
        self,
        window: Shell,
        options: KioskOptions,
        *,
        register_all: Callable[[], None],
        quit_app: Callable[[], None],
        clock: Clock = time.monotonic,
        timer: bool = True,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.options = options
        self._register_all = register_all
        self._quit_app = quit_app
        self.store_id: int | None = None
        #: The market the loop shows (``--market``, else this PC's home market).
        self.market_slug: str | None = options.market
        self._loop_wired = False
        self.unlock_dialog: UnlockDialog | None = None
        self.lock = KioskLock(window, clock=clock)
        self.lock.unlock_requested.connect(self.ask_password)
        self.idle = IdleReset(window, idle_s=options.idle_s, reset=self.reset, clock=clock)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self.lock)
        app.installEventFilter(self.idle)
        window.setProperty("orientation", options.orientation)
        self.tourists_only()
        self._timer: QTimer | None = None
        if timer:
            self._timer = QTimer(self)
            self._timer.setInterval(TICK_MS)
            self._timer.timeout.connect(self.tick)
            self._timer.start()
        window.when_services(self._on_services, lambda _message: None)

    def tick(self) -> None:
        self.lock.tick()
        self.idle.tick()

    def tourists_only(self) -> None:
        """Offer only the tourists' mode on the start screen."""
        from kiosk.ui.modes import unregister_mode

        for key in STAFF_MODES:
            unregister_mode(key)
        self.window.start_screen.rebuild_modes()
        self.window.start_screen.retranslate()

    def reset(self) -> None:
        """Back to the kiosk's home: dialogs closed, its language, market (and store), cleared."""
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        self.tourists_only()
        self.window.go_home()  # signed-in roles sign out
        if i18n.current_locale() != self.options.language:
            self.window.set_locale(self.options.language)
        self.show_idle_home()

    def show_idle_home(self) -> None:
        """The idle home, once the data is open: the directory back on the home market (search
        and filter cleared) behind the attract loop, which a touch lifts (``open_tourists``)."""
        services = self.window.services()
        if services is None:
            return
        from kiosk.ui.signage.flow import signage_loop
        from kiosk.ui.signage.loop_screen import SCREEN
        from kiosk.ui.tourist.flow import tourist_flow

        flow = tourist_flow(self.window)
        flow.directory.go_home_market()
        market = self.market_slug or flow.directory.home_slug()
        loop = signage_loop(self.window)
        if not self._loop_wired:
            loop.touched.connect(self.open_tourists)
            self._loop_wired = True
        self.window.show_screen(SCREEN)
        loop.show_market(market)

    def open_tourists(self, locale: str) -> None:
        """A touch on the loop: the tourist screens in the touched slide's language."""
        from kiosk.domain.locales import parse_locale
        from kiosk.ui.tourist.flow import tourist_flow

        code = parse_locale(locale)
        if i18n.current_locale() != code:
            self.window.set_locale(code)
        tourist_flow(self.window).show_idle_home(store_id=self.store_id)

    def ask_password(self) -> None:
        """The hidden gesture: the manager password, then leave or open another mode."""
        services = self.window.services()
        if services is None or self.unlock_dialog is not None:
            return
        from kiosk.ui.kiosk_mode.unlock import UnlockDialog

        dialog = UnlockDialog(services)
        dialog.setParent(self.window, dialog.windowFlags())
        dialog.unlocked.connect(self._on_unlocked)
        dialog.finished.connect(self._on_dialog_finished)
        self.unlock_dialog = dialog
        dialog.open()

    def leave(self) -> None:
        """Unlock and end the program (the manager chose "leave kiosk mode")."""
        self.stop()
        self._quit_app()

    def stop(self) -> None:
        """Remove the lock and the idle reset (the window can close again)."""
        self.lock.locked = False
        if self._timer is not None:
            self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.lock)
            app.removeEventFilter(self.idle)

    def _on_unlocked(self, choice: str) -> None:
        from kiosk.ui.kiosk_mode.unlock import LEAVE

        if choice == LEAVE:
            self.leave()
            return
        self._register_all()
        self.window.start_screen.rebuild_modes()
        self.window.start_screen.retranslate()
        self.window.go_home()

    def _on_dialog_finished(self, _result: int) -> None:
        if self.unlock_dialog is not None:
            self.unlock_dialog.deleteLater()
        self.unlock_dialog = None

    def _on_services(self, services: Services) -> None:
        from kiosk.ui import ops

        options = self.options

        def work() -> tuple[int | None, str | None]:
            market = options.market
            home = services.directory.home_market()
            if market is None and home is not None:
                market = home.market_slug
            stall = options.store or (home.stall if home and home.market_slug == market else None)
            if market is None or stall is None:
                return None, market
            return services.directory.home_store_id(market_slug=market, stall=stall), market

        def done(found: tuple[int | None, str | None]) -> None:
            self.store_id, self.market_slug = found
            self.window.name_home_market(options.market)
            from kiosk.ui.tourist.flow import tourist_flow

            if options.market is not None:
                tourist_flow(self.window).directory.pin_home_market(options.market)
            self.show_idle_home()

        ops.run_op(self, work, on_done=done, on_error=lambda _exc: None, name="kiosk-home")
