"""Command line: the GUI by default, plus demo data, self-test, screenshots and QR tools."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from contextlib import nullcontext, suppress
from pathlib import Path
from typing import NoReturn

from kiosk import __version__, settings
from kiosk.cli.errors import PROG, CliError, error_line, unexpected_error_line
from kiosk.cli.terminal import OutputClosed, installed
from kiosk.domain.messages import KioskError
from kiosk.settings import SettingsError

EPILOG = """\
commands without a name start the GUI. Settings: `config show` (a file in the user config
folder); each KIOSK_* variable overrides its setting, e.g.
  KIOSK_DATABASE_URL   database to use (default: an SQLite file in the user data folder);
                       e.g. postgresql://user@host/market for a database shared by many PCs
"""


class _Parser(argparse.ArgumentParser):
    """Usage errors are one line too: ``market-kiosk: error: qr stands: argument --out ...``."""

    def error(self, message: str) -> NoReturn:
        where = self.prog.removeprefix(PROG).strip()
        detail = f"{where}: {message}" if where else message
        self.exit(2, error_line(f"{detail} (see {self.prog} --help)") + "\n")


def _gui_start_args(argv: Sequence[str]) -> argparse.Namespace | None:
    """The GUI's options when *argv* only starts the GUI (``--exit-after-first-frame``,
    ``--lang LOCALE``), else None (a sub-command, ``--help``, anything argparse must read).

    Then no parser is built: its help texts alone look up gettext catalogs a dozen times,
    and start-up time counts (docs/architecture.md, known traps: paint first, load the rest
    after). A malformed GUI option is left to the parser, which explains it.
    """
    exit_after_first_frame, lang = False, None
    args = list(argv)
    while args:
        arg = args.pop(0)
        if arg == "--exit-after-first-frame":
            exit_after_first_frame = True
        elif arg.startswith("--lang="):
            lang = arg.removeprefix("--lang=")
        elif arg == "--lang" and args and not args[0].startswith("-"):
            lang = args.pop(0)
        else:
            return None
    return argparse.Namespace(
        command=None, func=None, exit_after_first_frame=exit_after_first_frame, lang=lang
    )


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of every command and option."""
    parser = _Parser(
        prog=PROG,
        description="Market Kiosk: store listings, QR codes and a multilingual tourist "
        "display for traditional-market stalls.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--exit-after-first-frame",
        action="store_true",
        help="start the GUI and exit 0 as soon as the main window has painted its first frame",
    )
    parser.add_argument(
        "--lang",
        metavar="LOCALE",
        help="UI language at start: ko, en, ja, zh_Hans or zh_Hant (default ko)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="load the demo markets 반송큰시장 and 동문재래시장")
    demo.add_argument(
        "--replace",
        action="store_true",
        help="rebuild the two demo markets from scratch (other markets are left alone)",
    )
    demo.set_defaults(func=_cmd_demo)

    _add_qa_parsers(sub)
    from kiosk.cli.qr import add_qr_parser

    add_qr_parser(sub)
    from kiosk.cli.admin import add_admin_parsers

    add_admin_parsers(sub)
    from kiosk.cli.onboarding import add_onboarding_parser

    add_onboarding_parser(sub)
    from kiosk.cli.exchange import add_exchange_parsers

    add_exchange_parsers(sub)
    from kiosk.cli.public import add_markets_parser

    add_markets_parser(sub)
    from kiosk.cli.promotions import add_promotions_parser

    add_promotions_parser(sub)
    from kiosk.cli.synonyms import add_synonyms_parser

    add_synonyms_parser(sub)
    from kiosk.cli.rates import add_rates_parser

    add_rates_parser(sub)
    from kiosk.cli.this_pc import add_this_pc_parser

    add_this_pc_parser(sub)
    from kiosk.cli.setup import add_pc_parsers

    add_pc_parsers(sub)  # setup, db check|init, config
    from kiosk.cli.kiosk import add_kiosk_parser

    add_kiosk_parser(sub)
    from kiosk.cli.publish import add_publish_parser

    add_publish_parser(sub)
    return parser


def _add_qa_parsers(sub: argparse._SubParsersAction[_Parser]) -> None:
    """``self-test`` and ``screenshots``: every screen rendered offscreen, ``--size WxH``."""
    selftest = sub.add_parser(
        "self-test",
        help="render every screen in every language offscreen and check the text is legible "
        "and nothing is cut off",
    )
    _add_size_option(selftest)
    selftest.set_defaults(func=_cmd_self_test)
    shots = sub.add_parser("screenshots", help="write one PNG per screen, language and size")
    shots.add_argument("dir", type=Path, metavar="DIR", help="folder for the PNG files")
    _add_size_option(shots)
    shots.set_defaults(func=_cmd_screenshots)


def _cmd_demo(args: argparse.Namespace) -> int:
    from kiosk.services.app import Services
    from kiosk.services.values import DatabaseOpenError

    try:
        services = Services.open()
    except DatabaseOpenError as exc:
        raise CliError(str(exc)) from None
    from kiosk.domain.text import terminal_safe
    from kiosk.domain.urls import mask_url

    try:
        counts = services.listings.load_demo(replace=bool(args.replace))
        password_set = services.access.manager_password_is_set()
    finally:
        services.close()
    for slug, count in counts.items():
        print(f"{terminal_safe(slug)}: {count} stores")
    print(terminal_safe(f"database: {mask_url(services.url)}"))
    if not password_set:
        from kiosk.cli.admin import MANAGER_SETUP_HINT

        print(MANAGER_SETUP_HINT, file=sys.stderr)  # stdout stays the list and the database
    return 0


def _window_size(text: str) -> tuple[int, int]:
    """argparse type of ``--size``: ``WxH`` in pixels (argparse names the option)."""
    from kiosk.domain.screen_size import parse_size

    try:
        return parse_size(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _add_size_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--size",
        dest="sizes",
        type=_window_size,
        action="append",
        metavar="WxH",
        help="window size in pixels, repeatable (default: 1920x1080, 1366x768 and 1080x1920)",
    )


def _cmd_self_test(args: argparse.Namespace) -> int:
    from kiosk.app import run_self_test

    return run_self_test(sizes=args.sizes)


def _cmd_screenshots(args: argparse.Namespace) -> int:
    from kiosk.app import write_screenshots

    out_dir: Path = args.dir
    if out_dir.exists() and not out_dir.is_dir():
        raise CliError(f"screenshots: {out_dir} exists and is not a folder")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CliError(
            f"screenshots: cannot create the folder {out_dir} ({exc.strerror or exc})"
        ) from None
    try:
        written = write_screenshots(out_dir, sizes=args.sizes)
    except OSError as exc:
        raise CliError(f"screenshots: {exc}") from None
    print(f"wrote {written} screenshots to {out_dir}")
    return 0 if written > 0 else 1


def _start_locale(args: argparse.Namespace) -> str | None:
    if not args.lang:
        return None
    from kiosk.domain.locales import parse_locale

    try:
        return parse_locale(args.lang)
    except ValueError as exc:
        raise CliError(f"--lang: {exc}") from None


def _environment_locale() -> str:
    """Language for command-line messages: the first of LANGUAGE, LC_ALL, LC_MESSAGES, LANG
    that names one of our locales (``ko_KR.UTF-8`` -> ko); English otherwise.

    Only the GUI defaults to Korean (it stands in a Korean market); a terminal
    follows its user's settings like any other command-line tool.
    """
    import os

    from kiosk.domain.locales import parse_locale

    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for value in os.environ.get(var, "").split(":"):
            code = value.split(".", 1)[0].split("@", 1)[0]
            if not code or code in ("C", "POSIX"):
                continue
            try:
                return parse_locale(code)
            except ValueError:
                continue
    return "en"


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (tests capture stdout)
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``market-kiosk`` and ``python -m kiosk``; returns the exit status."""
    if argv is None:
        argv = sys.argv[1:]
    parser: argparse.ArgumentParser | None = None
    args = _gui_start_args(argv)
    if args is None:
        parser = build_parser()
        args = parser.parse_args(argv)

    # Every line a command prints goes through the one terminal writer (the GUI prints nothing).
    try:
        with installed() if getattr(args, "func", None) is not None else nullcontext():
            return _guarded(parser, args, argv)
    except OutputClosed as exc:  # also when an error line itself cannot be written
        return _output_closed(exc)


def _guarded(
    parser: argparse.ArgumentParser | None, args: argparse.Namespace, argv: Sequence[str]
) -> int:
    """Run the command; every failure ends as one line and an exit status."""
    try:
        return _run(parser, args)
    except (CliError, SettingsError) as exc:
        print(error_line(str(exc)), file=sys.stderr)
        return 2
    except KioskError as exc:  # a database fault, an unknown market...: one line for people
        print(error_line(str(exc.fault)), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (``market-kiosk stores list | head``): stop quietly, as
        # POSIX tools do, and keep the interpreter's last flush from failing again.
        _silence_stdout()
        return _SIGPIPE_STATUS
    except Exception as exc:  # a bug: the traceback goes to the log, not over the screen
        command = " ".join(str(a) for a in argv[:2])
        print(unexpected_error_line(exc, context=f"{PROG} {command}"), file=sys.stderr)
        return 1


_SIGPIPE_STATUS = 1 if os.name == "nt" else 128 + 13  # 13: SIGPIPE


def _run(parser: argparse.ArgumentParser | None, args: argparse.Namespace) -> int:
    found = settings.current()  # a bad KIOSK_* variable is one line, before anything starts
    problems = () if args.command == "config" else found.file_problems  # config shows them
    for problem in problems:  # a bad settings file is skipped, not fatal
        print(
            error_line(f"settings file skipped: {problem}").replace(": error:", ": warning:", 1),
            file=sys.stderr,
        )
    func = getattr(args, "func", None)
    if func is not None:
        from kiosk import i18n, logging_setup

        logging_setup.configure()  # warnings and errors of the command go to the log
        i18n.set_locale(_start_locale(args) or _environment_locale())  # type: ignore[arg-type]
    if func is None:
        if args.command and parser is not None:
            parser.error(f"{args.command}: missing sub-command")
        from kiosk.app import run_gui

        return run_gui(
            exit_after_first_frame=bool(args.exit_after_first_frame),
            locale=_start_locale(args),
        )
    result: int = func(args)
    sys.stdout.flush()  # a full disk shows here, not in the interpreter's last flush
    return result


def _output_closed(exc: OutputClosed) -> int:
    """End quietly when standard output is gone (status 141) or full (status 2, one line)."""
    if exc.stream == "stdout":
        _silence_stdout()  # the interpreter's last flush must not fail again
    if exc.broken_pipe:
        return _SIGPIPE_STATUS
    if exc.stream == "stdout":
        reason = exc.error.strerror or type(exc.error).__name__
        line = error_line(f"cannot write to standard output ({reason})")
        with suppress(OSError):  # standard error is gone too: the status says it
            print(line, file=sys.stderr)
    return 2
