"""`market-kiosk config show|set|unset|path`: this PC's settings file, the password kept apart."""

from __future__ import annotations

import argparse
import os
from typing import TypeVar

from kiosk import secret_store, settings, settings_file
from kiosk.cli.errors import CliError

_P = TypeVar("_P", bound=argparse.ArgumentParser)


def add_config_parser(subparsers: argparse._SubParsersAction[_P]) -> None:
    """Add ``config show``, ``config set KEY VALUE``, ``config unset KEY`` and ``config path``."""
    config = subparsers.add_parser(
        "config", help="this PC's settings file (environment variables override it)"
    )
    sub = config.add_subparsers(dest="config_command", metavar="COMMAND", required=True)
    show = sub.add_parser("show", help="every setting, its value and where it comes from")
    show.set_defaults(func=_cmd_show)
    keys = ", ".join(settings_file.KEYS)
    set_value = sub.add_parser(
        "set",
        help=f"set KEY to VALUE in the settings file ({keys}); a database URL's "
        "password goes to the credential store, never into the file",
    )
    set_value.add_argument("key", metavar="KEY")
    set_value.add_argument("value", metavar="VALUE")
    set_value.set_defaults(func=_cmd_set)
    unset = sub.add_parser("unset", help="remove KEY from the settings file (back to the default)")
    unset.add_argument("key", metavar="KEY")
    unset.set_defaults(func=_cmd_unset)
    path = sub.add_parser("path", help="print where the settings file is")
    path.set_defaults(func=_cmd_path)


def _check_key(key: str) -> None:
    if key not in settings_file.KEYS:
        raise CliError(f"unknown setting {key!r} (known: {', '.join(settings_file.KEYS)})")


def store_settings(changes: dict[str, str | None]) -> list[str]:
    """Write *changes* (None removes a key) to the settings file; lines saying what was done.

    The services' one writer (also the set-up screens'): a database URL's password goes
    to the secret store, the URL without it to the file. CliError when refused.
    """
    from kiosk.services.app import Services
    from kiosk.services.values import SetupRefused

    try:
        return Services.store_settings(changes)
    except SetupRefused as exc:
        raise CliError(str(exc)) from None


def _cmd_set(args: argparse.Namespace) -> int:
    for line in store_settings({args.key: args.value}):
        print(line)
    print(f"{args.key} set in {settings_file.settings_path()}")
    return 0


def _cmd_unset(args: argparse.Namespace) -> int:
    _check_key(args.key)
    store_settings({args.key: None})
    print(f"{args.key} removed from {settings_file.settings_path()}")
    return 0


def _cmd_path(args: argparse.Namespace) -> int:
    print(settings_file.settings_path())
    return 0


def _cmd_show(args: argparse.Namespace) -> int:
    from kiosk.domain.text import terminal_safe
    from kiosk.domain.urls import mask_url

    path = settings_file.settings_path()
    contents = settings_file.read(path)
    state = "" if path.exists() else " (not written yet: every value is the default)"
    print(terminal_safe(f"settings file: {path}{state}"))
    for problem in contents.problems:
        print(terminal_safe(f"problem: {problem}"))
    for key in settings_file.KEYS:
        variable = settings.FILE_KEYS[key]
        if os.environ.get(variable, "").strip():
            value, source = os.environ[variable].strip(), f"environment {variable}"
        elif key in contents.values:
            value, source = contents.values[key], "file"
        else:
            value, source = "", "default"
        line = f"{key} = {value}" if value else f"{key} (default)"
        if key == "database_url" and value:
            line = f"{key} = {mask_url(settings_file.split_password(value)[0])}"
            source += f"; password: {_password_state(value, source)}"
        print(terminal_safe(line if source == "default" else f"{line}   [{source}]"))
    return 0


def _password_state(url: str, source: str) -> str:
    if settings_file.split_password(url)[1] is not None:
        return (
            "in the URL" if source != "file" else "in the file (move it: config set database_url)"
        )
    name = settings_file.secret_key(url)
    if name is None:
        return "none needed"
    return "kept" if secret_store.get(name) is not None else "none kept"
