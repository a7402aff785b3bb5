"""Composition root: Qt application, theme, shell and modes, then (after a frame) the services.

Start-up rule: nothing here imports SQLAlchemy, Alembic, Babel, qrcode, Pillow or
zxing-cpp before the start screen has painted (docs/architecture.md, known traps:
import cost dominates start-up). The services open afterwards in a background op.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.kiosk_mode.controller import KioskController, KioskOptions
    from kiosk.ui.shell import Shell

#: How long the GUI waits, on exit, for background work still running.
LOADER_EXIT_WAIT_S = 10.0


def register_modes() -> None:
    """Offer every mode on the start screen; each is one lazy import of its package.

    A new mode is one more line here and a package under ``kiosk/ui/`` with
    ``open_mode(host)`` (docs/architecture.md, "Where things go").
    """
    from kiosk.i18n import N_
    from kiosk.ui.modes import Mode, register_mode

    # (key, title, subtitle, package, order): English sources marked for extraction.
    modes = (
        ("tourist", N_("Explore the market"), N_("Stores, goods, prices and ways to pay"), 10),
        ("merchant", N_("My store"), N_("With your PIN: prices, sold-out goods, QR codes"), 20),
        (
            "onboarding",
            N_("My digital checklist"),
            N_("With your PIN: get online, one step at a time"),
            25,
        ),
        (
            "manager",
            N_("Market manager"),
            N_("Stores, goods, markets and the audit log (password)"),
            30,
        ),
    )
    for key, title, subtitle, order in modes:
        register_mode(
            Mode(key=key, title=title, subtitle=subtitle, package=f"kiosk.ui.{key}", order=order)
        )


def build_shell(locale: str | None = None) -> Shell:
    """The shell with every mode registered (no mode package imported yet)."""
    from kiosk.ui.shell import Shell

    register_modes()
    return Shell(_start_locale(locale))  # type: ignore[arg-type]


def application(*, offscreen: bool = False) -> QApplication:
    """The QApplication (created once). *offscreen* selects the headless platform if unset.

    Raises RuntimeError when a plain QGuiApplication was created first (widgets need more).
    """
    if offscreen:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if existing is not None:
        raise RuntimeError(
            f"a {type(existing).__name__} already runs in this process; the kiosk window "
            "needs a QApplication, so create that first (it serves QtGui code too)"
        )
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Market Kiosk")
    app.setOrganizationName("market-kiosk")
    app.setDesktopFileName("market-kiosk")
    return app


def _start_locale(locale: str | None) -> str:
    from kiosk.domain.locales import DEFAULT_LOCALE, parse_locale

    return parse_locale(locale) if locale else DEFAULT_LOCALE


def run_gui(
    *,
    exit_after_first_frame: bool = False,
    database_url: str | None = None,
    locale: str | None = None,
    kiosk: KioskOptions | None = None,
) -> int:
    """Show the kiosk window and run until it is closed; return the exit status.

    With *exit_after_first_frame* the app exits 0 as soon as the main window has
    painted once, without opening the database (start-up benchmark and smoke test).
    With *kiosk* the window is locked full screen (``market-kiosk kiosk``).
    Raises ValueError for an unknown *locale*.
    """
    import gc

    from kiosk.domain.locales import parse_locale

    code = parse_locale(_start_locale(locale))
    # The cyclic collector would walk the objects the Qt bindings create while they load,
    # again and again, and none of it is garbage: it is back on once the frame is painted.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    _before_qt()
    from PySide6.QtCore import QTimer

    from kiosk import i18n, settings
    from kiosk.ui import theme
    from kiosk.ui.first_frame import FirstPaintWatcher

    app = application()
    i18n.set_locale(code)
    theme.apply_theme(app, code, complete=False)  # finished after the first frame
    window = build_shell(code)
    watcher = FirstPaintWatcher(window)
    if gc_was_enabled:
        watcher.painted.connect(gc.enable)
    locks: list[KioskController] = []
    if exit_after_first_frame:
        watcher.painted.connect(app.quit)
    else:
        after = partial(_after_first_frame, app, window, database_url, code, locks)
        watcher.painted.connect(lambda: QTimer.singleShot(0, after))
    if kiosk is None and not exit_after_first_frame and settings.current().role == "kiosk":
        kiosk = _role_kiosk_options(code)  # a PC set up as a tourist screen starts locked
    if kiosk is not None:
        locks.append(_lock(window, kiosk))
    else:
        window.resize(1366, 768)
        window.showMaximized()
    status = app.exec()
    if gc_was_enabled:
        gc.enable()  # also when the window closed before it painted
    for controller in locks:
        controller.stop()  # the window may close now
    if exit_after_first_frame and settings.current().report_first_frame:
        # For benchmarks/bench_startup.py: when the first frame was painted, wall clock.
        print(f"first frame at {watcher.painted_at or 0:.6f}", file=sys.stderr)
    ops = sys.modules.get("kiosk.ui.ops")  # only when background work was ever started
    if ops is not None:
        ops.shutdown(LOADER_EXIT_WAIT_S)
    window.close()
    services = window.services()
    if services is not None:
        services.close()
    return int(status)


def _before_qt() -> None:
    """Start-up work before Python imports Qt: fontconfig reads its cache on a worker thread
    (kiosk.render.font_folder), and PySide6's import hook, installed with PySide6, is kept
    from reading the source of the modules imported after it (kiosk.ui.qt_sources)."""
    from kiosk.render import font_folder
    from kiosk.resources import fonts_dir
    from kiosk.ui.qt_sources import forget_scanned_sources

    font_folder.start(fonts_dir())
    forget_scanned_sources()


def _after_first_frame(
    app: QApplication,
    window: Shell,
    database_url: str | None,
    code: str,
    locks: list[KioskController],
) -> None:
    """What waits for the first frame: logging, the palette and stylesheet propagation, the
    start screen's fonts kept loaded, then the first-run set-up or the database."""
    from kiosk import logging_setup
    from kiosk.ui import theme
    from kiosk.ui.font_keeper import keep_fonts
    from kiosk.ui.setup import open_setup_if_needed
    from kiosk.ui.shell import START

    logging_setup.configure()  # logging.handlers loads after the first frame
    _log_settings_problems()
    theme.finish_theme(app)
    keep_fonts((START, window.font().key()))  # as Shell.show_screen does for other screens

    def lock_after_setup() -> None:  # set up as a tourist screen: locked from now on
        locks.append(_lock(window, _role_kiosk_options(code)))

    if not open_setup_if_needed(window, database_url, lock_kiosk=lock_after_setup):
        window.start_loading(database_url, seed_demo=_not_set_up())


def _not_set_up() -> bool:
    """A PC not set up (a checkout, ``dev.py run``) fills an empty database with the demo
    markets; on one set up the set-up chose (a market's own data may start empty)."""
    from kiosk import settings

    return settings.current().role is None


def _log_settings_problems() -> None:
    """A malformed settings file does not stop the GUI: it starts on the defaults, logged."""
    import logging

    from kiosk import settings

    for problem in settings.current().file_problems:
        logging.getLogger("kiosk").warning("settings file skipped: %s", problem)


def _role_kiosk_options(language: str) -> KioskOptions:
    """Kiosk mode as ``market-kiosk kiosk`` starts it, for a PC whose role is ``kiosk``."""
    from kiosk import settings
    from kiosk.domain.locales import parse_locale
    from kiosk.ui.kiosk_mode.controller import KioskOptions

    idle = float(settings.current().idle_seconds)
    return KioskOptions(idle_s=idle, language=parse_locale(language))


def _lock(window: Shell, options: KioskOptions) -> KioskController:
    """Kiosk mode: frameless, full screen, tourists only (its code loads only here)."""
    from PySide6.QtCore import Qt

    from kiosk.ui.kiosk_mode.controller import KioskController

    app = application()
    window.setWindowFlag(Qt.WindowType.FramelessWindowHint)
    controller = KioskController(window, options, register_all=register_modes, quit_app=app.quit)
    window.showFullScreen()
    return controller


def run_self_test(
    *,
    database_url: str | None = None,
    stream: TextIO = sys.stdout,
    sizes: Sequence[tuple[int, int]] | None = None,
) -> int:
    """Render every screen in every language offscreen; print PASS/FAIL lines; 0 if all pass.

    Without *database_url* a temporary SQLite database seeded with the demo
    markets is used, so the user's own data is never touched. *sizes* default to
    1920x1080, 1366x768 and 1080x1920.
    """
    application(offscreen=True)
    from kiosk.qa.selftest import run_self_test as run
    from kiosk.qa.tour import SIZES

    return run(
        make_shell=build_shell,
        database_url=database_url,
        stream=stream,
        sizes=tuple(sizes) if sizes else SIZES,
    )


def write_screenshots(
    out_dir: Path,
    *,
    database_url: str | None = None,
    sizes: Sequence[tuple[int, int]] | None = None,
    locales: Sequence[str] | None = None,
) -> int:
    """Write one PNG per screen, language and size (1920x1080, 1366x768, 1080x1920); return
    how many.

    *sizes* and *locales* narrow the set (default: all); a bad locale raises ValueError.
    """
    application(offscreen=True)
    from kiosk.domain.locales import LOCALES, parse_locale
    from kiosk.qa.screenshots import write_screenshots as write
    from kiosk.qa.tour import SIZES

    return write(
        out_dir,
        make_shell=build_shell,
        database_url=database_url,
        sizes=tuple(sizes) if sizes else SIZES,
        locales=tuple(parse_locale(code) for code in locales) if locales else LOCALES,
    )
