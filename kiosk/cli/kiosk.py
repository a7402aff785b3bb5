"""`market-kiosk kiosk`: the tourist screen locked full screen on this PC's home market."""

from __future__ import annotations

import argparse
from typing import TypeVar

_P = TypeVar("_P", bound=argparse.ArgumentParser)


def add_kiosk_parser(subparsers: argparse._SubParsersAction[_P]) -> None:
    """Add ``kiosk [--market SLUG] [--store STALL] [--orientation ...] [--idle S] [--language]``."""
    kiosk = subparsers.add_parser(
        "kiosk",
        help="start the tourist screen locked full screen (a kiosk nobody can close)",
        description="Start the app full screen without window decorations, tourists only, "
        "on this PC's home market ('this-pc set') or --market. Closing keys do nothing; "
        "hold a finger 3 seconds in the top-left corner and type the manager password to "
        "leave kiosk mode or open another mode. After --idle seconds without a touch the "
        "screen goes back to its home market and language.",
    )
    kiosk.add_argument("--market", metavar="SLUG", help="the market to show (default: home)")
    kiosk.add_argument("--store", metavar="STALL", help="one stall's own page as the home")
    kiosk.add_argument(
        "--orientation",
        choices=("auto", "landscape", "portrait"),
        default="auto",
        help="screen layout (auto: by the screen's shape)",
    )
    kiosk.add_argument(
        "--idle",
        metavar="SECONDS",
        help="seconds without a touch before the screen resets (default: KIOSK_IDLE_SECONDS, 75)",
    )
    kiosk.add_argument(
        "--language",
        metavar="LOCALE",
        help="the kiosk's own language: ko (default), en, ja, zh_Hans or zh_Hant",
    )
    kiosk.set_defaults(func=_cmd_kiosk)


def _cmd_kiosk(args: argparse.Namespace) -> int:
    from kiosk import settings
    from kiosk.app import run_gui
    from kiosk.cli.errors import CliError
    from kiosk.domain.locales import parse_locale
    from kiosk.ui.kiosk_mode.controller import KioskOptions

    try:
        idle = (
            settings.idle_seconds(args.idle, "--idle")
            if args.idle is not None
            else settings.current().idle_seconds
        )
        language = parse_locale(args.language or args.lang or "ko")
    except (ValueError, settings.SettingsError) as exc:
        raise CliError(f"kiosk: {exc}") from None
    options = KioskOptions(
        market=args.market,
        store=args.store,
        orientation=args.orientation,
        idle_s=float(idle),
        language=language,
    )
    return run_gui(locale=language, kiosk=options)
