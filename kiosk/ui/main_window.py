"""Main window: a top bar with the language choice over a stack of screens."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import Signal
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
from kiosk.i18n import N_, _
from kiosk.ui import theme
from kiosk.ui.modes import Mode, register_mode
from kiosk.ui.start_screen import StartScreen
from kiosk.ui.widgets.language_bar import LanguageBar

if TYPE_CHECKING:
    from kiosk.ui.directory_source import DirectorySource, SourceLoader
    from kiosk.ui.store_detail import StoreDetailScreen
    from kiosk.ui.tourist_directory import TouristDirectoryScreen

START = "start-screen"
DIRECTORY = "tourist-directory"
DETAIL = "store-detail"


@runtime_checkable
class Retranslatable(Protocol):
    def retranslate(self, locale: LocaleCode) -> None: ...


TOURIST_MODE = Mode(
    key="tourist",
    title=N_("Explore the market"),
    subtitle=N_("Stores, goods, prices and ways to pay"),
    open=lambda window: window.open_tourist_directory(),
    order=10,
)


def _open_merchant_qr(window: MainWindow) -> None:
    # The merchant screen module (and with it QR rendering) is imported on first use:
    # importing it only to register this button cost ~4.5 ms before the first frame.
    from kiosk.ui.merchant_qr import open_merchant_qr

    open_merchant_qr(window)


MERCHANT_MODE = Mode(
    key="merchant",
    title=N_("My store's QR codes"),
    subtitle=N_("KakaoTalk channel and Zero Pay codes: check, save and print"),
    open=_open_merchant_qr,
    order=20,
)


def register_builtin_modes() -> None:
    """Register the modes this package ships (idempotent); no mode's screen is imported."""
    register_mode(TOURIST_MODE)
    register_mode(MERCHANT_MODE)


class MainWindow(QMainWindow):
    """Owns the screens and the current language.

    Screens are added with ``add_screen(name, widget)``; any screen with a
    ``retranslate(locale)`` method is re-translated when the language changes.
    The tourist screens are built on first use so the start screen paints first.
    ``source_loaded``/``source_failed`` fire on the GUI thread after the window took
    the loader's result, so a screen that checks ``source()``/``load_error()`` and then
    connects cannot miss it (the loader's own signals may already have been queued).
    """

    source_loaded = Signal(object)
    source_failed = Signal(str)

    def __init__(self, locale: LocaleCode | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        register_builtin_modes()
        self._locale: LocaleCode = locale or i18n.current_locale()
        if i18n.current_locale() != self._locale:
            i18n.set_locale(self._locale)
        self._source: DirectorySource | None = None
        self._load_error = ""
        self._loader: SourceLoader | None = None
        self._screens: dict[str, QWidget] = {}

        central = QWidget()
        self._column = QVBoxLayout(central)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(0)
        # Built when the first screen other than the start screen shows (start-up speed).
        self._top_bar: QFrame | None = None
        self._app_label: QLabel | None = None
        self._language_bar: LanguageBar | None = None
        self._stack = QStackedWidget()
        self._column.addWidget(self._stack, 1)
        self.setCentralWidget(central)

        self.start_screen = StartScreen(self._locale)
        self.start_screen.mode_chosen.connect(self._on_mode_chosen)
        self.start_screen.locale_chosen.connect(self._on_locale_chosen)
        self.add_screen(START, self.start_screen)
        self.show_screen(START)

        ref = weakref.ref(self)

        def listener(locale: LocaleCode) -> None:
            window = ref()
            if window is None:
                i18n.remove_listener(listener)
            else:
                window._on_locale_changed(locale)

        self._listener = listener
        i18n.add_listener(listener)
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
        if name != START:
            self.top_language_bar()
        if self._top_bar is not None:
            self._top_bar.setVisible(name != START)

    def top_language_bar(self) -> LanguageBar:
        """The language bar above every screen but the start screen (built on first use)."""
        if self._language_bar is None:
            self._top_bar = QFrame()
            self._top_bar.setProperty("surface", "bar")
            bar = QHBoxLayout(self._top_bar)
            bar.setContentsMargins(theme.GRID * 5, theme.GRID * 2, theme.GRID * 5, theme.GRID * 2)
            self._app_label = QLabel()
            self._app_label.setProperty("role", "field")
            self._language_bar = LanguageBar(self._locale)
            self._language_bar.locale_chosen.connect(self._on_locale_chosen)
            bar.addWidget(self._app_label)
            bar.addStretch(1)
            bar.addWidget(self._language_bar)
            self._column.insertWidget(0, self._top_bar)
            self._retranslate_own()
        return self._language_bar

    def current_screen_name(self) -> str:
        current = self._stack.currentWidget()
        for name, widget in self._screens.items():
            if widget is current:
                return name
        return ""

    def go_home(self) -> None:
        self.show_screen(START)

    # Language ----------------------------------------------------------------------------
    def ui_locale(self) -> LocaleCode:
        return self._locale

    def set_locale(self, locale: LocaleCode) -> None:
        """Switch every screen to *locale* at once (through kiosk.i18n listeners)."""
        i18n.set_locale(locale)

    def _on_locale_changed(self, locale: LocaleCode) -> None:
        self._locale = locale
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_locale_font(app, locale)
        if self._language_bar is not None:
            self._language_bar.set_current(locale)
        self._retranslate_own()
        for widget in self._screens.values():
            if isinstance(widget, Retranslatable):
                widget.retranslate(locale)

    def _retranslate_own(self) -> None:
        self.setWindowTitle(_("Market Kiosk"))
        if self._app_label is not None:
            self._app_label.setText(_("Market Kiosk"))

    # Data ----------------------------------------------------------------------------------
    def source(self) -> DirectorySource | None:
        return self._source

    def start_loading(self, database_url: str | None) -> None:
        """Open the database in a worker thread; the directory fills in when it is ready."""
        from kiosk.ui.directory_source import SourceLoader

        if self._loader is not None:
            return
        self._loader = SourceLoader(database_url, self)
        self._loader.loaded.connect(self._on_source_loaded)
        self._loader.failed.connect(self._on_source_failed)
        self._loader.start()

    def loader(self) -> SourceLoader | None:
        return self._loader

    def load_error(self) -> str:
        """Why the database could not be opened ("" while loading or after success)."""
        return self._load_error

    def set_source(self, source: DirectorySource) -> None:
        self._source = source
        self._load_error = ""
        if self.has_screen(DIRECTORY):
            self.tourist_directory().set_source(source)

    # Tourist screens ---------------------------------------------------------------------------
    def tourist_directory(self) -> TouristDirectoryScreen:
        from kiosk.ui.tourist_directory import TouristDirectoryScreen

        if not self.has_screen(DIRECTORY):
            directory = TouristDirectoryScreen(self._locale)
            directory.back_requested.connect(self._on_directory_back)
            directory.store_chosen.connect(self._on_store_chosen)
            self.add_screen(DIRECTORY, directory)
            if self._source is not None:
                directory.set_source(self._source)
            elif self._load_error:
                directory.set_failed(self._load_error)
        screen = self._screens[DIRECTORY]
        assert isinstance(screen, TouristDirectoryScreen)
        return screen

    def store_detail(self) -> StoreDetailScreen:
        from kiosk.ui.store_detail import StoreDetailScreen

        if not self.has_screen(DETAIL):
            detail = StoreDetailScreen(self._locale)
            detail.back_requested.connect(self._on_detail_back)
            self.add_screen(DETAIL, detail)
        screen = self._screens[DETAIL]
        assert isinstance(screen, StoreDetailScreen)
        return screen

    def open_tourist_directory(self) -> None:
        self.tourist_directory()
        self.show_screen(DIRECTORY)

    def open_store(self, store_id: int) -> bool:
        """Show store *store_id*; False (and stay) when it no longer exists."""
        if self._source is None:
            return False
        try:
            store = self._source.store(store_id)
        except LookupError:
            return False
        self.store_detail().show_store(store)
        self.show_screen(DETAIL)
        return True

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

    def _on_source_loaded(self, source: object) -> None:
        from kiosk.ui.directory_source import DirectorySource

        if isinstance(source, DirectorySource):
            self.set_source(source)
            self.source_loaded.emit(source)

    def _on_source_failed(self, message: str) -> None:
        self._load_error = message
        if self.has_screen(DIRECTORY):
            self.tourist_directory().set_failed(message)
        self.source_failed.emit(message)

    def _on_directory_back(self) -> None:
        self.go_home()

    def _on_store_chosen(self, store_id: int) -> None:
        if not self.open_store(store_id) and self._source is not None:
            self.tourist_directory().set_source(self._source)  # the store is gone: reload

    def _on_detail_back(self) -> None:
        self.show_screen(DIRECTORY)

    def closeEvent(self, event: QCloseEvent) -> None:
        i18n.remove_listener(self._listener)
        super().closeEvent(event)


__all__ = [
    "DETAIL",
    "DIRECTORY",
    "MERCHANT_MODE",
    "START",
    "TOURIST_MODE",
    "MainWindow",
    "register_builtin_modes",
]
